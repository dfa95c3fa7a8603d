"""The market coverage matrix: per country, the clusters active there (an engagement or agreement
aimed at it) or declaring it a target market, and whether an Innovation Centre Denmark, a Trade
Council representation or an Enterprise Europe Network partner is present. The board reads two
things off it: markets with clusters but no support, and support with no cluster."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph.store import GraphStore
from ontology.names import Label, Rel
from queries.gaps import INACTIVE

SUPPORT = (Label.InnovationCentre, Label.TradeCouncil, Label.EnterpriseEuropeNetwork)


@dataclass
class MarketRow:
    country: str  # country id
    active: set[str] = field(default_factory=set)  # clusters with work aimed at it
    targets: set[str] = field(default_factory=set)  # clusters declaring it a target market
    support: dict[str, list[str]] = field(default_factory=dict)  # label -> actor ids present
    illustrative: bool = True  # every cluster fact behind the row is illustrative

    @property
    def clusters(self) -> set[str]:
        return self.active | self.targets

    @property
    def unsupported(self) -> bool:
        """Clusters work or aim here, but no ICDK, Trade Council or EEN is present."""
        return bool(self.clusters) and not any(self.support.get(label) for label in SUPPORT)

    @property
    def unused(self) -> bool:
        """An Innovation Centre Denmark is here, but no cluster works or aims here."""
        return bool(self.support.get(Label.InnovationCentre)) and not self.clusters


@dataclass
class CoverageMatrix:
    clusters: list[str]  # active clusters, the columns
    rows: list[MarketRow]  # countries reached by a cluster or holding an ICDK


def coverage_matrix(store: GraphStore) -> CoverageMatrix:
    country_of = {r.start: r.end for r in store.relationships(Rel.IN_COUNTRY)}

    def country(place: str) -> str | None:
        return place if place.startswith("country:") else country_of.get(place)

    clusters = sorted(
        n["id"] for n in store.nodes(Label.Cluster) if n.get("status") not in INACTIVE
    )
    rows: dict[str, MarketRow] = defaultdict(lambda: MarketRow(""))
    sourced: set[str] = set()

    def row(place: str) -> MarketRow | None:
        found = country(place)
        if found is None:
            return None
        rows[found].country = found
        return rows[found]

    for r in store.relationships(Rel.TARGETS_MARKET):
        if r.start in clusters and (target := row(r.end)):
            target.targets.add(r.start)
            if r.properties.get("confidence") != "illustrative":
                sourced.add(target.country)
    aims: defaultdict[str, set[str]] = defaultdict(set)  # engagement/agreement -> places
    for r in store.relationships(Rel.TARGETS):
        aims[r.start].add(r.end)
    hubs_of: defaultdict[str, set[str]] = defaultdict(set)  # engagement/agreement -> clusters
    for rel_type in (Rel.UNDERTAKES, Rel.PARTY_TO):
        for r in store.relationships(rel_type):
            if r.start in clusters:
                hubs_of[r.end].add(r.start)
    for hub, places in aims.items():
        hub_props = store.get_node(hub) or {}
        for place in places:
            if hubs_of.get(hub) and (target := row(place)):
                target.active |= hubs_of[hub]
                if hub_props.get("confidence") != "illustrative":
                    sourced.add(target.country)
    present = sorted(
        (label, found, r.start)
        for r in store.relationships(Rel.PRESENT_IN)
        if (label := _label(store, r.start)) in SUPPORT and (found := country(r.end))
    )
    # A country with an innovation centre has a row even with no cluster, before the rest of
    # its support is added: whatever order the store lists its facts in.
    for label, found, _ in present:
        if label == Label.InnovationCentre:
            rows[found].country = found
    for label, found, actor in present:
        if found in rows:
            rows[found].support.setdefault(label, []).append(actor)
    for key, each in rows.items():
        each.illustrative = key not in sourced
    ordered = sorted(rows.values(), key=lambda m: (-len(m.clusters), m.country))
    return CoverageMatrix(clusters, ordered)


def _label(store: GraphStore, node_id: str) -> str:
    from ontology.schema import load_schema  # the id prefix names the label

    return load_schema().label_for_id(node_id)
