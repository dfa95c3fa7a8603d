"""The analysis facts from the memory store, by walking its graph (the dicts and indexes the store
offers its reader)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, TypeVar

from graph.facts import (
    ActorFacts,
    ActorKind,
    AgreementFacts,
    ClusterFacts,
    EngagementFacts,
    Link,
    Node,
    Place,
    facing,
    make_link,
    sorted_links,
)
from graph.kept import ACTORS_KEPT, PAIRS_KEPT, kept_many
from graph.partner_network import PartnerNetwork, current_pairs, of_day
from ontology.names import Label, Rel

if TYPE_CHECKING:
    from graph.memory_store import MemoryStore

T = TypeVar("T")

# The outgoing relationships ActorFacts, ClusterFacts and an engagement or agreement are made of.
ACTOR_LINKS = frozenset(
    {Rel.PRESENT_IN, Rel.IN_HOTSPOT, Rel.LOCATED_IN, Rel.FOCUSES_ON, Rel.HAS_STRENGTH, Rel.SERVES}
)
CLUSTER_LINKS = frozenset(
    {
        Rel.UNDERTAKES,
        Rel.PARTY_TO,
        Rel.HAS_STRENGTH,
        Rel.PARTNERS_WITH,
        Rel.TARGETS_MARKET,
        Rel.LOCATED_IN,
    }
)
WORK_LINKS = frozenset({Rel.UNDER_MODEL, Rel.TARGETS, Rel.INVOLVES})
NO_LINKS: Mapping[str, Any] = {}


class MemoryFacts:
    def __init__(self, store: MemoryStore) -> None:
        self.store = store
        self.by_label = store.by_label
        self.in_by_type, self.out_by_type = store.in_by_type, store.out_by_type
        self._succ = store.successors
        self._nodes = store.node_attributes

    # --- walking -----------------------------------------------------------------------------
    def _node(self, node_id: str) -> Node:
        attrs = self._nodes[node_id]
        props = attrs["props"]
        return Node(node_id, attrs["label"], str(props.get("name", node_id)), props)

    def _out(self, node_id: str, rel_type: str) -> Iterator[Link]:
        for end, keyed in self._succ.get(node_id, NO_LINKS).items():
            for (key_type, _), attrs in keyed.items():
                if key_type == rel_type:
                    yield make_link(node_id, rel_type, end, attrs)

    def _out_by_type(self, node_id: str, rel_types: frozenset[str]) -> defaultdict[str, list[Link]]:
        """Several types of outgoing relationships in one pass over the node's."""
        found: defaultdict[str, list[Link]] = defaultdict(list)
        for end, keyed in self._succ.get(node_id, NO_LINKS).items():
            for (key_type, _), attrs in keyed.items():
                if key_type in rel_types:
                    found[key_type].append(make_link(node_id, key_type, end, attrs))
        return found

    def _ends(self, node_id: str, rel_type: str) -> set[str]:
        """The nodes `node_id` has a relationship of this type to."""
        keyed_ends = self._succ.get(node_id, NO_LINKS).items()
        return {end for end, keyed in keyed_ends if any(key[0] == rel_type for key in keyed)}

    def _in(self, node_id: str, rel_type: str) -> Iterator[Link]:
        for start in self.in_by_type.get((node_id, rel_type), ()):
            for (key_type, _), attrs in self._succ[start][node_id].items():
                if key_type == rel_type:
                    yield make_link(start, rel_type, node_id, attrs)

    def _both(self, node_id: str, rel_type: str) -> list[Link]:
        """Either direction, read from `node_id`'s side."""
        links = [*self._out(node_id, rel_type), *self._in(node_id, rel_type)]
        return sorted_links(facing(link, node_id) for link in links)

    def _of_label(self, labels: Sequence[str]) -> list[str]:
        def build() -> list[str]:
            return sorted(i for label in set(labels) for i in self.by_label.get(label, ()))

        return self.store.derived(("ids of", *sorted(set(labels))), build)

    # --- the interface ------------------------------------------------------------------------
    def clusters(self) -> list[Node]:
        return [self._node(i) for i in self._of_label([Label.Cluster])]

    def cluster(self, cluster_id: str) -> ClusterFacts | None:
        if cluster_id not in self._nodes or self._nodes[cluster_id]["label"] != Label.Cluster:
            return None
        out = self._out_by_type(cluster_id, CLUSTER_LINKS)
        engagements = []
        for undertakes in sorted_links(out[Rel.UNDERTAKES]):
            of_engagement = self._out_by_type(undertakes.end, WORK_LINKS)
            engagements.append(
                EngagementFacts(
                    node=self._node(undertakes.end),
                    undertakes=undertakes,
                    models=sorted_links(of_engagement[Rel.UNDER_MODEL]),
                    targets=sorted_links(of_engagement[Rel.TARGETS]),
                    involves=sorted_links(of_engagement[Rel.INVOLVES]),
                )
            )
        agreements = []
        for party in sorted({link.end for link in out[Rel.PARTY_TO]}):
            of_agreement = self._out_by_type(party, WORK_LINKS)
            agreements.append(
                AgreementFacts(
                    node=self._node(party),
                    parties=sorted_links(self._in(party, Rel.PARTY_TO)),
                    models=sorted_links(of_agreement[Rel.UNDER_MODEL]),
                    targets=sorted_links(of_agreement[Rel.TARGETS]),
                )
            )
        partnerships = [*out[Rel.PARTNERS_WITH], *self._in(cluster_id, Rel.PARTNERS_WITH)]
        facts = ClusterFacts(
            node=self._node(cluster_id),
            strengths=sorted_links(out[Rel.HAS_STRENGTH]),
            partnerships=sorted_links(facing(link, cluster_id) for link in partnerships),
            declarations=sorted_links(out[Rel.TARGETS_MARKET]),
            locations=sorted_links(out[Rel.LOCATED_IN]),
            engagements=engagements,
            agreements=agreements,
            nodes={},
            leads_routed=len(self.in_by_type.get((cluster_id, Rel.ROUTED_TO), ())),
        )
        facts.nodes.update({i: self._node(i) for i in _named_ids(facts)})
        return facts

    def places(self, place_ids: Sequence[str]) -> dict[str, Place]:
        places = {}
        for place_id in sorted(set(place_ids)):
            if place_id not in self._nodes:
                continue
            node = self._node(place_id)
            if node.label == Label.Country:
                places[place_id] = Place(node, place_id, [])
                continue
            chains = sorted_links(self._out(place_id, Rel.IN_COUNTRY))
            country = chains[0].end if chains else None
            places[place_id] = Place(node, country, chains[:1])
        return places

    def actors(
        self, labels: Sequence[str], ids: Sequence[str] | None = None, size: str | None = None
    ) -> list[ActorFacts]:
        if ids is None:  # every actor of the labels: derived from the whole graph, so kept
            every = self._chosen(labels, self._of_label(labels), size)
            key = ("actors of", *sorted(set(labels)), size)
            return list(self.store.derived(key, lambda: self._read_actors(every).values()))
        # An actor's facts are its own, whoever asks: kept between analyses, up to a bound.
        kept: dict[str, ActorFacts] = self.store.derived(("actor facts",), dict)
        chosen = self._chosen(labels, ids, size)
        return list(kept_many(kept, chosen, self._read_actors, ACTORS_KEPT).values())

    def _chosen(self, labels: Sequence[str], ids: Sequence[str], size: str | None) -> list[str]:
        """The ids of actors of these labels (and size), sorted."""
        wanted = set(labels)
        chosen = sorted(
            i for i in set(ids) if i in self._nodes and self._nodes[i]["label"] in wanted
        )
        if size is not None:
            chosen = [i for i in chosen if self._nodes[i]["props"].get("size") == size]
        return chosen

    def _read_actors(self, chosen: list[str]) -> dict[str, ActorFacts]:
        actors = {}
        in_country: dict[str, list[Link]] = {}  # by place: many actors share a city
        for actor_id in chosen:
            out = self._out_by_type(actor_id, ACTOR_LINKS)
            presence = [[link] for link in out[Rel.PRESENT_IN]]
            hotspots = sorted_links(out[Rel.IN_HOTSPOT])
            for first in [*out[Rel.LOCATED_IN], *hotspots]:
                if first.end not in in_country:
                    in_country[first.end] = list(self._out(first.end, Rel.IN_COUNTRY))
                presence += [[first, second] for second in in_country[first.end]]
            actors[actor_id] = ActorFacts(
                node=self._node(actor_id),
                presence=sorted(presence, key=_chain_key),
                hotspots=hotspots,
                focus=sorted_links([*out[Rel.FOCUSES_ON], *out[Rel.HAS_STRENGTH]]),
                serves=sorted_links(out[Rel.SERVES]),
            )
        return actors

    def actor_kinds(
        self, labels: Sequence[str], size: str | None = None
    ) -> dict[ActorKind, frozenset[str]]:
        def build() -> dict[ActorKind, frozenset[str]]:
            kinds: dict[ActorKind, list[str]] = defaultdict(list)
            for actor_id in self._of_label(labels):
                attrs = self._nodes[actor_id]
                props = attrs["props"]
                if size is None or props.get("size") == size:
                    kind = ActorKind(attrs["label"], props.get("size"), props.get("status"))
                    kinds[kind].append(actor_id)
            return {kind: frozenset(ids) for kind, ids in kinds.items()}

        return self.store.derived(("kinds of", *sorted(set(labels)), size), build)

    def actors_near(
        self,
        labels: Sequence[str],
        countries: Sequence[str],
        places: Sequence[str],
        sectors: Sequence[str],
        among: AbstractSet[str] | None = None,
    ) -> set[str]:
        # Who is near each country, hotspot or sector, by label: derived from the whole graph,
        # so kept (a few sets per place and label, bounded by the graph's own size).
        items = [
            *(("country", i) for i in countries),
            *(("place", i) for i in places),
            *(("sector", i) for i in sectors),
        ]
        kept: dict[tuple[str, str, str], frozenset[str]] = self.store.derived(("near",), dict)
        parts = []
        for kind, node_id in items:
            if any((kind, node_id, label) not in kept for label in labels):
                found = self._near(kind, node_id)
                for label in labels:
                    of_label = self.by_label.get(label, set())
                    kept[(kind, node_id, label)] = frozenset(found & of_label)
            parts += [kept[(kind, node_id, label)] for label in set(labels)]
        return set().union(*(parts if among is None else (part & among for part in parts)))

    def _near(self, kind: str, node_id: str) -> set[str]:
        def into(node_id: str, *rel_types: str) -> set[str]:
            return set().union(*(self.in_by_type.get((node_id, t), set()) for t in rel_types))

        if kind == "sector":
            return into(node_id, Rel.FOCUSES_ON, Rel.HAS_STRENGTH)
        if kind == "place":
            return into(node_id, Rel.IN_HOTSPOT)
        found = into(node_id, Rel.PRESENT_IN)
        for place in into(node_id, Rel.IN_COUNTRY):
            found |= into(place, Rel.LOCATED_IN, Rel.IN_HOTSPOT)
        return found

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        return self.store.derived(key, build)

    def partner_network(self, day: dt.date) -> PartnerNetwork:
        def build() -> PartnerNetwork:
            clusters = self._of_label([Label.Cluster])
            partnerships = [
                (start, end, props)
                for (start, rel_type), ends in self.out_by_type.items()
                if rel_type == Rel.PARTNERS_WITH
                for end in ends
                for (key_type, _), props in self._succ[start][end].items()
                if key_type == Rel.PARTNERS_WITH
            ]
            strengths = [(c, s) for c in clusters for s in self._ends(c, Rel.HAS_STRENGTH)]
            return PartnerNetwork.of(current_pairs(partnerships, day), strengths, clusters)

        # Kept under its class: an A/B run's earlier commit has its own (bench/search_ab.py).
        return of_day(self.store.derived((PartnerNetwork,), dict), day, build)

    def partnerships_between(self, others: Mapping[str, Sequence[str]]) -> dict[str, list[Link]]:
        # The partnerships of a pair are theirs, whoever asks: kept between analyses (bounded).
        kept: dict[tuple[str, str], list[Link]] = self.store.derived(("between",), dict)
        pairs = [(node_id, other) for node_id, ids in others.items() for other in set(ids)]
        links = kept_many(kept, pairs, self._read_between, PAIRS_KEPT)
        return {
            node_id: sorted_links(link for other in set(ids) for link in links[(node_id, other)])
            for node_id, ids in others.items()
        }

    def _read_between(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[Link]]:
        return {pair: self._between(*pair) for pair in pairs}

    def _between(self, node_id: str, other: str) -> list[Link]:
        """The partnerships between two nodes, read from `node_id`'s side."""
        links = [
            make_link(start, Rel.PARTNERS_WITH, end, attrs)
            for start, end in ((node_id, other), (other, node_id))
            for (key_type, _), attrs in self._succ.get(start, NO_LINKS).get(end, NO_LINKS).items()
            if key_type == Rel.PARTNERS_WITH
        ]
        return [facing(link, node_id) for link in links]

    def funders_by_model(self) -> dict[str, dict[str, list[Link]]]:
        def build() -> dict[str, dict[str, list[Link]]]:
            found: dict[str, dict[str, list[Link]]] = {}
            for model in self._of_label([Label.Model]):
                funders: defaultdict[str, list[Link]] = defaultdict(list)
                for work in self.in_by_type.get((model, Rel.UNDER_MODEL), ()):
                    for link in self._out(work, Rel.FUNDED_BY):
                        funders[link.end].append(link)
                found[model] = {f: sorted_links(links) for f, links in sorted(funders.items())}
            return found

        return self.store.derived(("funders by model",), build)

    def cluster_partnerships(self, labels: Sequence[str]) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = {label: [] for label in labels}
        for cluster in self._of_label([Label.Cluster]):
            for link in self._both(cluster, Rel.PARTNERS_WITH):
                label = self._nodes[link.end]["label"]
                if label in found:
                    found[label].append(link)
        return {label: sorted_links(links) for label, links in found.items()}


def _chain_key(chain: list[Link]) -> tuple[Any, ...]:
    return tuple(link.evidence.sort_key for link in chain)


def _named_ids(facts: ClusterFacts) -> set[str]:
    links: list[Link] = [
        *facts.strengths,
        *facts.partnerships,
        *facts.declarations,
        *facts.locations,
    ]
    for engagement in facts.engagements:
        links += [*engagement.models, *engagement.targets, *engagement.involves]
    for agreement in facts.agreements:
        links += [*agreement.parties, *agreement.models, *agreement.targets]
    return {node for link in links for node in (link.start, link.end)}
