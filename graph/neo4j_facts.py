"""The analysis facts from Neo4j: the Cypher of graph/neo4j_fact_queries.py, run in the
analysis' read transaction, its rows turned into Links and sorted as the memory store sorts them.

What keeps an analysis fast: one round trip per call, whatever labels it
asks for; results collected into one record; an actor's facts kept between analyses (a
cluster's partners among them: its context reads them right after it, most from what is kept); and
what derives from the whole graph (every actor of a label, every place, who is near a country,
hotspot or sector, the partnership network as ids) read once and kept until the database
commits again (Neo4jStore.kept).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
from graph.kept import ACTORS_KEPT, PAIRS_KEPT, keep, kept_many
from graph.neo4j_fact_queries import (
    ACTOR_KINDS,
    ACTORS,
    BY_IDS,
    BY_PREFIX,
    BY_SIZE,
    CLUSTER_PARTNERSHIPS,
    FUNDERS_BY_MODEL,
    NEAR,
    NETWORK,
    PARTNERSHIPS_BETWEEN,
    actor_query,
    cluster_query,
    clusters_query,
    collected,
    places_query,
)
from graph.neo4j_values import native, native_props
from graph.partner_network import PartnerNetwork, current_pairs, of_day
from ontology.names import Label, Rel
from ontology.schema import load_schema

if TYPE_CHECKING:
    from graph.neo4j_store import Neo4jStore

T = TypeVar("T")
ReadQuery = Callable[[str, dict[str, Any]], list[dict[str, Any]]]  # a query in a transaction


class Neo4jFacts:
    def __init__(self, run: ReadQuery, store: Neo4jStore) -> None:
        self.run = run  # a query in the analysis' read transaction
        self.store = store
        self.schema = load_schema()
        self._version: str | None = None  # the database's, once a derived list is asked for

    def _kept(self) -> dict[Hashable, Any]:
        """What is derived from the whole graph (every candidate of a label, who is present in a
        country): kept by the store until the database changes, as the memory store keeps it
        until its next write."""
        if self._version is None:
            self._version = self.store.version()
        return self.store.kept(self._version)

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        kept = self._kept()
        if key not in kept:
            kept[key] = build()
        return cast(T, kept[key])

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self.run(query, params)

    def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The query's `row`s, collected into one record (see collected)."""
        return list(self._read(collected(query), **params)[0]["rows"])

    def _labels(self, labels: Sequence[str]) -> list[str]:
        """Labels are spliced into the text, so each must be one the ontology declares."""
        for label in labels:
            if label not in self.schema.node_types:
                raise ValueError(f"unknown node label {label!r}")
        return sorted(set(labels))

    def clusters(self) -> list[Node]:
        rows = self._rows(clusters_query())
        return sorted((_node(row, Label.Cluster) for row in rows), key=lambda node: node.id)

    def cluster(self, cluster_id: str) -> ClusterFacts | None:
        rows = self._read(cluster_query(), cluster=cluster_id)
        if not rows:
            return None
        row = rows[0]
        nodes: dict[str, Node] = {cluster_id: _node(row["node"], Label.Cluster)}

        def links(items: list[dict[str, Any]]) -> list[Link]:
            for item in items:
                if (other := item["other"]) not in nodes:  # the first link to a node names it
                    nodes[other] = Node(other, item["label"], _name(item))
            return sorted_links(_link(item) for item in items)

        engagements = []
        for item in row["engagements"]:
            node = _node(item["node"], Label.Engagement)
            nodes[node.id] = node
            engagements.append(
                EngagementFacts(
                    node=node,
                    undertakes=_link(item["undertakes"]),
                    models=links(item["models"]),
                    targets=links(item["targets"]),
                    involves=links(item["involves"]),
                )
            )
        agreements = {}
        for item in row["agreements"]:
            node = _node(item["node"], Label.Agreement)
            nodes[node.id] = node
            agreements[node.id] = AgreementFacts(
                node=node,
                parties=links(item["parties"]),
                models=links(item["models"]),
                targets=links(item["targets"]),
            )
        return ClusterFacts(
            node=nodes[cluster_id],
            strengths=links(row["strengths"]),
            partnerships=sorted_links(
                facing(link, cluster_id) for link in links(row["partnerships"])
            ),
            declarations=links(row["declarations"]),
            locations=links(row["locations"]),
            engagements=sorted(engagements, key=lambda e: e.undertakes.evidence.sort_key),
            agreements=[agreements[i] for i in sorted(agreements)],
            nodes=nodes,
            leads_routed=row["leads_routed"],
        )

    def places(self, place_ids: Sequence[str]) -> dict[str, Place]:
        every = self.derived(("places",), self._every_place)  # few: countries and the like
        return {i: every[i] for i in sorted(set(place_ids)) if i in every}

    def _every_place(self) -> dict[str, Place]:
        places = {}
        for row in self._rows(places_query()):
            node = _node(row["node"], row["label"])
            if node.label == Label.Country:
                places[node.id] = Place(node, node.id, [])
                continue
            chains = sorted_links(_link(item) for item in row["chains"])
            places[node.id] = Place(node, chains[0].end if chains else None, chains[:1])
        return places

    def _actor_rows(
        self,
        template: str,
        labels: Sequence[str],
        ids: Sequence[str] | None,
        size: str | None,
        **params: Any,
    ) -> list[dict[str, Any]]:
        """The template's rows for actors of the labels (only these ids, if given): one query,
        with these further parameters."""
        prefixes = {self.schema.node_types[label].prefix: label for label in self._labels(labels)}
        if not prefixes:
            return []
        if ids is None and size is not None:
            sized = tuple(x for x in prefixes.values() if "size" in self.schema.node_properties(x))
            if not sized:
                return []
            return self._rows(actor_query(template, BY_SIZE, sized), size=size, **params)
        if ids is None:
            by_prefix = {label: prefix + ":" for prefix, label in prefixes.items()}
            return self._rows(
                actor_query(template, BY_PREFIX), prefixes=by_prefix, size=size, **params
            )
        wanted: dict[str, list[str]] = defaultdict(list)
        for node_id in ids:
            if (label := prefixes.get(node_id.partition(":")[0])) is not None:
                wanted[label].append(node_id)
        if not wanted:
            return []
        return self._rows(actor_query(template, BY_IDS), ids=wanted, size=size, **params)

    def actors(
        self, labels: Sequence[str], ids: Sequence[str] | None = None, size: str | None = None
    ) -> list[ActorFacts]:
        if ids is None:  # every actor of the labels: derived from the whole graph, so kept
            key = ("actors of", *self._labels(labels), size)
            return list(self.derived(key, lambda: self._read_actors(labels, None, size)))
        # An actor's facts are its own, whoever asks: kept between analyses, up to a bound.
        kept: dict[str, ActorFacts] = self.derived(("actor facts",), dict)
        found = {i: actor for i in set(ids) if (actor := kept.get(i))}
        rest = [i for i in ids if i not in found]
        if rest:
            read = {actor.node.id: actor for actor in self._read_actors(labels, rest, size)}
            keep(kept, read, ACTORS_KEPT)
            found.update(read)
        return sorted(
            (
                actor
                for actor in found.values()
                if actor.node.label in labels and size in (None, actor.node.props.get("size"))
            ),
            key=lambda actor: actor.node.id,
        )

    def _read_actors(
        self, labels: Sequence[str], ids: Sequence[str] | None, size: str | None
    ) -> list[ActorFacts]:
        rows = self._actor_rows(ACTORS, labels, ids, size)
        return sorted((_actor(row) for row in rows), key=lambda actor: actor.node.id)

    def actor_kinds(
        self, labels: Sequence[str], size: str | None = None
    ) -> dict[ActorKind, frozenset[str]]:
        def build() -> dict[ActorKind, frozenset[str]]:
            kinds = {}
            for row in self._actor_rows(ACTOR_KINDS, labels, None, size):
                kinds[ActorKind(row["label"], row["size"], row["status"])] = frozenset(row["ids"])
            return kinds

        return dict(self.derived(("kinds of", *self._labels(labels), size), build))

    def actors_near(
        self,
        labels: Sequence[str],
        countries: Sequence[str],
        places: Sequence[str],
        sectors: Sequence[str],
        among: AbstractSet[str] | None = None,
    ) -> set[str]:
        # Only a country's, a hotspot's or a sector's own id can match (ids start with their
        # label's prefix): other places find no one and are not asked for.
        def of(label: str, ids: Sequence[str]) -> list[str]:
            return [i for i in ids if i.startswith(self.schema.node_types[label].prefix + ":")]

        items = [
            *(("country", i) for i in of(Label.Country, countries)),
            *(("place", i) for i in of(Label.Hotspot, places)),
            *(("sector", i) for i in of(Label.Sector, sectors)),
        ]
        wanted = sorted(set(labels))
        keys = [("near", kind, i, label) for kind, i in items for label in wanted]
        if not keys:
            return set()
        kept = self._kept()
        missing = [key for key in keys if key not in kept]
        if missing:
            ask = sorted({(kind, i) for _, kind, i, _ in missing})
            # Companies are most of who is near anything: read only when asked for. Every other
            # label is read at once, so that the next analysis, asking for others, finds them.
            others = set(self.schema.node_types) - {Label.Company}
            ask_labels = sorted({label for *_, label in missing} | others)
            found: dict[Hashable, frozenset[str]] = {
                ("near", kind, i, label): frozenset() for kind, i in ask for label in ask_labels
            }
            rows = self._rows(
                NEAR,
                countries=[i for kind, i in ask if kind == "country"],
                places=[i for kind, i in ask if kind == "place"],
                sectors=[i for kind, i in ask if kind == "sector"],
                labels=ask_labels,
            )
            for row in rows:
                found[("near", row["kind"], row["id"], row["label"])] = frozenset(row["ids"])
            kept.update(found)
        parts = [kept[key] for key in keys]
        return set().union(*(parts if among is None else (part & among for part in parts)))

    def partner_network(self, day: dt.date) -> PartnerNetwork:
        def build() -> PartnerNetwork:
            row = self._read(NETWORK)[0]
            partnerships = ((a, b, {"end": native(end)}) for a, b, end in row["partnerships"])
            return PartnerNetwork.of(
                current_pairs(partnerships, day), map(tuple, row["strengths"]), row["clusters"]
            )

        # Kept under its class: an A/B run's earlier commit has its own (bench/search_ab.py).
        return of_day(self.derived((PartnerNetwork,), dict), day, build)

    def partnerships_between(self, others: Mapping[str, Sequence[str]]) -> dict[str, list[Link]]:
        # The partnerships of a pair are theirs, whoever asks: kept between analyses (bounded).
        kept: dict[tuple[str, str], list[Link]] = self.derived(("between",), dict)
        pairs = [(node_id, other) for node_id, ids in others.items() for other in set(ids)]
        links = kept_many(kept, pairs, self._read_between, PAIRS_KEPT)
        return {
            node_id: sorted_links(link for other in set(ids) for link in links[(node_id, other)])
            for node_id, ids in others.items()
        }

    def _read_between(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[Link]]:
        wanted: dict[str, list[str]] = defaultdict(list)
        for node_id, other in pairs:
            wanted[node_id].append(other)
        labels = sorted(self.schema.node_types)
        found: dict[tuple[str, str], list[Link]] = {pair: [] for pair in pairs}
        rows = self._actor_rows(PARTNERSHIPS_BETWEEN, labels, list(wanted), None, others=wanted)
        for row in rows:
            link = facing(_link(row["link"]), row["node"])
            found[(row["node"], link.end)].append(link)
        return found

    def funders_by_model(self) -> dict[str, dict[str, list[Link]]]:
        def build() -> dict[str, dict[str, list[Link]]]:
            found: dict[str, defaultdict[str, list[Link]]] = {}
            for row in self._rows(FUNDERS_BY_MODEL):
                found.setdefault(row["model"], defaultdict(list))[row["funder"]].append(
                    _link(row["link"])
                )
            return {
                model: {f: sorted_links(links) for f, links in sorted(funders.items())}
                for model, funders in sorted(found.items())
            }

        return self.derived(("funders by model",), build)

    def cluster_partnerships(self, labels: Sequence[str]) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = {label: [] for label in labels}
        for row in self._rows(CLUSTER_PARTNERSHIPS, labels=list(labels)):
            found[row["link"]["label"]].append(facing(_link(row["link"]), row["cluster"]))
        return {label: sorted_links(links) for label, links in found.items()}


def _actor(row: dict[str, Any]) -> ActorFacts:
    """An ACTORS row: present in a country directly, or through a city or hotspot in one."""
    presence, hotspots, focus, serves = [], [], [], []
    for item in row["out"]:
        link = _link(item["link"])
        if link.type == Rel.PRESENT_IN:
            if item["link"]["label"] == Label.Country:
                presence.append([link])
        elif link.type in (Rel.FOCUSES_ON, Rel.HAS_STRENGTH):
            focus.append(link)
        elif link.type == Rel.SERVES:
            serves.append(link)
        else:  # LOCATED_IN or IN_HOTSPOT
            presence += [[link, _link(country)] for country in item["countries"]]
            if link.type == Rel.IN_HOTSPOT:
                hotspots.append(link)
    return ActorFacts(
        node=_node(row["node"], row["label"]),
        presence=sorted(presence, key=_chain_key),
        hotspots=sorted_links(hotspots),
        focus=sorted_links(focus),
        serves=sorted_links(serves),
    )


def _chain_key(chain: list[Link]) -> tuple[object, ...]:
    return tuple(link.evidence.sort_key for link in chain)


def _name(item: dict[str, Any]) -> str:
    return str(item.get("name") or item["other"])


def _node(projected: dict[str, Any], label: str) -> Node:
    props = native_props(projected)
    return Node(props["id"], label, str(props.get("name", props["id"])), props)


def _link(item: dict[str, Any]) -> Link:
    return make_link(item["start"], item["type"], item["end"], native_props(item["props"]))
