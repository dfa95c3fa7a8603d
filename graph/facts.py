"""The facts the gap analysis and the recommender read, and the one interface both stores answer.

Each store gathers them its own way (Neo4j with Cypher, the memory store by walking its networkx
graph); everything after that (scoring, explaining) is shared Python, so both stores give one
answer. A fact is a `Link`: one stored relationship with the properties that matter here and its
provenance, an `Evidence`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypeVar

from pydantic import Field

from ontology.names import Rel

if TYPE_CHECKING:
    from graph.partner_network import PartnerNetwork

T = TypeVar("T")

# Relationship properties the analysis reads, besides provenance.
LINK_KEYS = ("kind", "contact_persons", "funding", "start", "end", "role", "model")
PROVENANCE_KEYS = ("source", "section", "url", "confidence")
# Node properties the analysis reads: a store may hand out only these.
NODE_KEYS = (
    "id",
    "name",
    "status",
    "size",
    "scope",
    "outcome",
    "valid_from",
    "valid_until",
    "confidence",
)


@dataclass(frozen=True)
class Evidence:
    """One fact: a path of node ids and relationship types, and where the fact comes from."""

    # A plain dataclass (one is made for every fact an analysis reads); the findings that cite
    # it are pydantic models, and the API documents its JSON schema, with this example.

    path: Annotated[
        tuple[str, ...], Field(examples=[["icdk:munich", Rel.PRESENT_IN, "country:DE"]])
    ]
    source: str
    section: str | None = None
    url: str | None = None
    confidence: str = field(kw_only=True)  # reported, public-source, illustrative, ...

    @property
    def sort_key(self) -> tuple[tuple[str, ...], str, str, str, str]:
        return (self.path, self.source, self.section or "", self.url or "", self.confidence)

    @property
    def provenance(self) -> dict[str, str | None]:
        return {
            "source": self.source,
            "section": self.section,
            "url": self.url,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    name: str
    props: Mapping[str, Any] = field(default_factory=dict, compare=False)  # at least NODE_KEYS


@dataclass(frozen=True)
class Link:
    """One relationship, read from `start`'s side: `end` is the other node."""

    start: str
    type: str
    end: str
    props: Mapping[str, Any]
    evidence: Evidence

    def get(self, key: str) -> Any:
        return self.props.get(key)


def make_link(start: str, rel_type: str, end: str, props: Mapping[str, Any]) -> Link:
    """A Link from stored properties; the path keeps the stored direction."""
    evidence = Evidence(
        path=(start, rel_type, end),
        source=str(props.get("source") or "unknown"),
        section=props.get("section"),
        url=props.get("url"),
        confidence=str(props.get("confidence") or "unknown"),
    )
    kept = {k: props[k] for k in LINK_KEYS if props.get(k) is not None}
    return Link(start, rel_type, end, kept, evidence)


def facing(link: Link, node_id: str) -> Link:
    """The same fact read from `node_id`'s side (an undirected partnership)."""
    if link.start == node_id:
        return link
    return Link(link.end, link.type, link.start, link.props, link.evidence)


def sorted_links(links: Iterable[Link]) -> list[Link]:
    return sorted(links, key=lambda link: link.evidence.sort_key)


@dataclass(frozen=True)
class EngagementFacts:
    node: Node
    undertakes: Link
    models: list[Link]  # UNDER_MODEL
    targets: list[Link]  # TARGETS
    involves: list[Link]  # INVOLVES, with `role`


@dataclass(frozen=True)
class AgreementFacts:
    node: Node
    parties: list[Link]  # PARTY_TO, from each party to the agreement
    models: list[Link]
    targets: list[Link]


@dataclass(frozen=True)
class ClusterFacts:
    node: Node
    strengths: list[Link]  # HAS_STRENGTH
    partnerships: list[Link]  # PARTNERS_WITH, read from the cluster's side
    declarations: list[Link]  # TARGETS_MARKET, with `model`
    locations: list[Link]  # LOCATED_IN: the cities it works from
    engagements: list[EngagementFacts]
    agreements: list[AgreementFacts]
    nodes: dict[str, Node]  # every node the lists above name
    # How many leads were routed to it (ROUTED_TO): most clusters have none, and then the
    # recommender need not read them (queries/leads/outcomes.py leads_to).
    leads_routed: int = 0


@dataclass(frozen=True)
class ActorFacts:
    node: Node
    presence: list[list[Link]]  # chains that end in a country: PRESENT_IN, LOCATED_IN+IN_COUNTRY…
    hotspots: list[Link]  # IN_HOTSPOT
    focus: list[Link]  # FOCUSES_ON, or a cluster's HAS_STRENGTH
    serves: list[Link] = field(default_factory=list)  # SERVES: the cities a regional actor serves

    @property
    def countries(self) -> set[str]:
        return {chain[-1].end for chain in self.presence}


@dataclass(frozen=True)
class ActorKind:
    """What decides which roles an actor can fill, and whether it can fill any."""

    label: str
    size: str | None
    status: str | None


@dataclass(frozen=True)
class Place:
    node: Node
    country: str | None  # the country id itself for a country
    chain: list[Link]  # how the place lies in the country (empty for a country)


@dataclass(frozen=True)
class CommonPartner:
    """A partner the cluster shares with a candidate: the unit of the link-prediction scores."""

    id: str
    degree: int  # how many distinct partners it has in all


class AnalysisFacts(Protocol):
    """What a store must answer for the analysis; every list comes sorted, so both agree."""

    def clusters(self) -> list[Node]: ...

    def cluster(self, cluster_id: str) -> ClusterFacts | None: ...

    def places(self, place_ids: Sequence[str]) -> dict[str, Place]: ...

    def actors(
        self, labels: Sequence[str], ids: Sequence[str] | None = None, size: str | None = None
    ) -> list[ActorFacts]:
        """Actors of these labels, sorted by id; only those with these ids, or of this (company)
        size, if given."""
        ...

    def actor_kinds(
        self, labels: Sequence[str], size: str | None = None
    ) -> dict[ActorKind, frozenset[str]]:
        """The ids of every actor of these labels (of this company size, if given) by kind: the
        cheap sets a recommendation's candidates come from (kept, so never changed)."""
        ...

    def actors_near(
        self,
        labels: Sequence[str],
        countries: Sequence[str],
        places: Sequence[str],
        sectors: Sequence[str],
        among: AbstractSet[str] | None = None,
    ) -> set[str]:
        """Actors of these labels present in one of the countries (directly, by city or by
        hotspot), in one of the hotspots, or focusing on one of the sectors: exactly these, since
        the market's gate and the gaps' suggestions rest on it; only those `among` these ids, if
        given, which costs less than intersecting them all (a market holds hundreds of
        thousands)."""
        ...

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, kept under `key` with what the store derives from the whole graph, until
        the graph changes: for what an analysis works out from the graph alone (not from the
        question), such as who of a kind of actor is in Denmark."""
        ...

    def partner_network(self, day: dt.date) -> PartnerNetwork:
        """Who partners with whom on `day` (a partnership ended before it is history) and the
        clusters' strengths, as ids: kept between analyses until the graph changes."""
        ...

    def partnerships_between(self, others: Mapping[str, Sequence[str]]) -> dict[str, list[Link]]:
        """Each node's partnerships with the others named for it, read from its side: the
        evidence behind the network signals, read only for the candidates scored in full."""
        ...

    def funders_by_model(self) -> dict[str, dict[str, list[Link]]]:
        """{model: {funder: FUNDED_BY links of work under that model}}: who has funded work
        under each model (engagements and agreements), kept between analyses."""
        ...

    def cluster_partnerships(self, labels: Sequence[str]) -> dict[str, list[Link]]:
        """Every cluster's partnerships with actors of these labels, read from the cluster,
        by the actor's label."""
        ...
