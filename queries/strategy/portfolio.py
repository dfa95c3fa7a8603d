"""A cluster's portfolio on the report's two axes (proposal 1: "De fire modeller kan bruges som
inspiration i forbindelse med den løbende opdatering af klyngens strategi"): each engagement and
agreement placed by its model (short to long term, simple to complex partnership; innovation- or
market-driven), with the next step the report's logic supports."""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.names import Label, Rel
from queries.cluster_context import ClusterContext
from queries.gaps import GapOptions
from queries.recommend.progressions import progressions


@dataclass(frozen=True)
class PortfolioItem:
    id: str  # the engagement or agreement
    name: str
    kind: str  # Engagement | Agreement
    model: str  # model id
    model_number: int
    purpose: str  # innovation | market
    long_term: bool
    market: str | None  # a place id
    outcome: str | None  # successful | ... as recorded
    illustrative: bool
    leads_to: str | None  # the long-term model a successful test grows into
    progression: str | None  # the sentence of a progression the analysis finds for it


def cluster_portfolio(store: GraphStore, cluster_id: str) -> list[PortfolioItem]:
    """The cluster's engagements and agreements under a model, by model number and name."""
    catalogue = load_catalogue().models
    by_id = {spec.id: spec for spec in catalogue.values()}
    owned = {
        r.end: r.type
        for rel_type in (Rel.UNDERTAKES, Rel.PARTY_TO)
        for r in store.relationships(rel_type)
        if r.start == cluster_id
    }
    markets: dict[str, str] = {}  # one target each, the same on every store: the first by id
    for r in store.relationships(Rel.TARGETS):  # (a country before a hotspot or a market)
        if r.start in owned:
            markets[r.start] = min(markets.get(r.start, r.end), r.end)
    grown = _progressions(store, cluster_id)
    items = []
    for r in store.relationships(Rel.UNDER_MODEL):
        spec = by_id.get(r.end)
        if r.start not in owned or spec is None:
            continue
        props = store.get_node(r.start) or {}
        items.append(
            PortfolioItem(
                id=r.start,
                name=str(props.get("name", r.start)),
                kind=Label.Engagement if owned[r.start] == Rel.UNDERTAKES else Label.Agreement,
                model=spec.id,
                model_number=spec.number,
                purpose=spec.purpose,
                long_term=spec.long_term,
                market=markets.get(r.start),
                outcome=props.get("outcome") or props.get("status"),
                illustrative=props.get("confidence") == "illustrative",
                leads_to=spec.leads_to,
                progression=grown.get((r.start, spec.id)),
            )
        )
    return sorted(items, key=lambda i: (i.model_number, i.name, i.id))


def _progressions(store: GraphStore, cluster_id: str) -> dict[tuple[str, str], str]:
    """{(engagement, model): the progression's sentence} for the cluster's successful tests."""
    with store.analysis_facts() as facts:
        cluster = facts.cluster(cluster_id)
        if cluster is None:
            return {}
        ctx = ClusterContext.build(facts, cluster)
        return {(p.engagement, p.from_model): p.to_model for p in progressions(ctx, GapOptions())}
