"""The analysis facts from Neo4j, with Cypher (nothing beyond what Neo4j Community has).

Each query returns relationships as maps {start, end, props} in their stored direction; the
Python here only turns rows into Links and sorts them as the memory store does.

What keeps an analysis fast (a few ms per query): constant query texts, so the server plans
each once; one round trip per call, whatever labels it asks for; results collected into one
record (see _rows); only the properties the analysis reads (NODE_KEYS, LINK_KEYS), converted
only where they can be temporal; a cluster's partners read with the cluster; and what derives
from the whole graph (every actor of a label, every place, who is near a country, hotspot or
sector, the partnership network as ids) read once and kept until the database commits again
(Neo4jStore.kept).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import cache
from typing import Any, TypeVar, cast

from graph.neo4j_store import Neo4jStore, ReadQuery, native_props
from ontology.schema import load_schema
from queries.facts import (
    LINK_KEYS,
    NODE_KEYS,
    PROVENANCE_KEYS,
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
from queries.partner_network import PartnerNetwork

T = TypeVar("T")
PROPS = ", ".join(f".{key}" for key in (*PROVENANCE_KEYS, *LINK_KEYS))


def _node_map(var: str, label: str) -> str:
    """A node's properties as a map: those of NODE_KEYS the ontology declares for the label.
    The rest (descriptions, dates of retrieval, the store's bookkeeping) the analysis never
    reads, and decoding them was much of the time a result took."""
    keys = sorted(set(load_schema().node_properties(label)) & set(NODE_KEYS))
    return f"{var} {{{', '.join(f'.{key}' for key in keys)}}}"


def _any_node_map(var: str) -> str:
    """A node's properties as _node_map gives them for its label, whichever label it has."""
    cases = [f"WHEN '{label}' THEN {_node_map(var, label)}" for label in load_schema().node_types]
    return f"CASE labels({var})[0] {' '.join(cases)} END"


def _rel(var: str, start: str, end: str) -> str:
    """A relationship as a map; `start`/`end` are the node variables in stored direction."""
    return f"{{start: {start}.id, type: type({var}), end: {end}.id, props: {var} {{{PROPS}}}}}"


def _named(var: str, start: str, end: str, other: str) -> str:
    """A relationship as a map that also names the node `other` at its far end."""
    return (
        f"{{start: {start}.id, type: type({var}), end: {end}.id, other: {other}.id, "
        f"label: labels({other})[0], name: {other}.name, props: {var} {{{PROPS}}}}}"
    )


def _other(var: str, other: str) -> str:
    """An undirected relationship as a map, naming the node at the far end."""
    return _named(var, f"startNode({var})", f"endNode({var})", other)


def _out(var: str, rel_type: str, start: str, end: str) -> str:
    """A list of the outgoing `rel_type` relationships of `start`, naming their end nodes."""
    return f"[({start})-[{var}:{rel_type}]->({end}) | {_named(var, start, end, end)}]"


@cache  # built on first use: the node maps come from the ontology
def _cluster_query() -> str:
    return f"""
MATCH (c:Cluster {{id: $cluster}})
RETURN {_node_map("c", "Cluster")} AS node,
  {_out("r", "HAS_STRENGTH", "c", "s")} AS strengths,
  [(c)-[r:PARTNERS_WITH]-(p) | {_other("r", "p")}] AS partnerships,
  {_out("r", "TARGETS_MARKET", "c", "t")} AS declarations,
  [(c)-[u:UNDERTAKES]->(e:Engagement) | {{
      node: {_node_map("e", "Engagement")}, undertakes: {_rel("u", "c", "e")},
      models: {_out("r", "UNDER_MODEL", "e", "m")},
      targets: {_out("r", "TARGETS", "e", "t")},
      involves: {_out("r", "INVOLVES", "e", "a")}}}] AS engagements,
  [(c)-[:PARTY_TO]->(g:Agreement) | {{
      node: {_node_map("g", "Agreement")},
      parties: [(x)-[r:PARTY_TO]->(g) | {_named("r", "x", "g", "x")}],
      models: {_out("r", "UNDER_MODEL", "g", "m")},
      targets: {_out("r", "TARGETS", "g", "t")}}}] AS agreements,
  [p IN COLLECT {{ MATCH (c)-[:PARTNERS_WITH]-(p) RETURN DISTINCT p }}
   | {_actor_row("p", _any_node_map("p"))}] AS partners
"""


def _of_labels(var: str, labels: Sequence[str], where: str, props: bool = True) -> str:
    """Nodes of any of the labels, one index-backed MATCH per label, in one round trip (with
    their properties as `props`, if asked); `{label}` in `where` stands for each branch's label."""
    branches = [
        f"MATCH ({var}:`{label}`) WHERE {where.format(label=label)} RETURN {var}"
        + (f", {_node_map(var, label)} AS props" if props else "")
        for label in labels
    ]
    return "CALL () {\n  " + "\n  UNION ALL\n  ".join(branches) + "\n}"


# Actors are read by label with one query text whatever the labels asked for, so the server
# plans it once and every call is one round trip. Each branch seeks its label's id index with
# the label's entry in a map parameter: the ids wanted (`$ids`), or the label's id prefix
# (`$prefixes`: every id starts with its label's prefix, so this lists the label); a label
# left out of the map seeks with null, which finds nothing at no cost.
# Nodes of a size are found by the size index instead, in only the labels that have a size.
BY_IDS = "a.id IN $ids.`{label}`"
BY_PREFIX = "a.id STARTS WITH $prefixes.`{label}`"
BY_SIZE = "a.size = $size"


def _actor_row(var: str, node_map: str) -> str:
    """An actor with its places and sectors in one expansion (a sparse node's relationships are
    one chain, walked once per expansion), each with the countries it lies in; _actor() sorts
    them out."""
    return f"""{{node: {node_map}, label: labels({var})[0], out:
  [({var})-[r:PRESENT_IN|LOCATED_IN|IN_HOTSPOT|FOCUSES_ON]->(x) | {{
      link: {_named("r", var, "x", "x")},
      countries: [(x)-[r2:IN_COUNTRY]->(xc) | {_rel("r2", "x", "xc")}]}}]}}"""


ACTORS = f"""
__ACTORS__ WHERE $size IS NULL OR a.size = $size
RETURN {_actor_row("a", "props")} AS row
"""


PLACES = ("Country", "Hotspot", "Market")


@cache
def _places_query() -> str:
    return f"""
{_of_labels("p", PLACES, "true")}
RETURN {{node: props, label: labels(p)[0], chains: {_out("r", "IN_COUNTRY", "p", "c")}}} AS row
"""


ACTOR_KINDS = """
__ACTORS__ WHERE $size IS NULL OR a.size = $size
WITH labels(a)[0] AS label, a.size AS size, a.status AS status, collect(a.id) AS ids
RETURN {label: label, size: size, status: status, ids: ids} AS row
"""

# Who of some labels is near each country (present in it, directly or by a city or hotspot in
# it), hotspot and sector: the same for every analysis, so read once per item and label, and
# kept. Filtering by label before reading ids is what keeps it fast: most are companies.
NEAR = """
CALL () {
  UNWIND $countries AS id
  MATCH (c:Country {id: id})
  CALL (c) {
    MATCH (c)<-[:PRESENT_IN]-(a) RETURN a
    UNION
    MATCH (c)<-[:IN_COUNTRY]-()<-[:LOCATED_IN|IN_HOTSPOT]-(a) RETURN a
  }
  RETURN 'country' AS kind, id, a
  UNION ALL
  UNWIND $places AS id
  MATCH (:Hotspot {id: id})<-[:IN_HOTSPOT]-(a)
  RETURN 'place' AS kind, id, a
  UNION ALL
  UNWIND $sectors AS id
  MATCH (:Sector {id: id})<-[:FOCUSES_ON]-(a)
  RETURN 'sector' AS kind, id, a
}
WITH kind, id, a, labels(a)[0] AS label
WHERE label IN $labels
WITH kind, id, label, collect(DISTINCT a.id) AS ids
RETURN {kind: kind, id: id, label: label, ids: ids} AS row
"""

# Every partnership and strength as pairs of ids, each list in one record.
NETWORK = """
CALL () { MATCH (a)-[:PARTNERS_WITH]->(b) RETURN collect([a.id, b.id]) AS partnerships }
CALL () { MATCH (c:Cluster)-[:HAS_STRENGTH]->(s) RETURN collect([c.id, s.id]) AS strengths }
CALL () { MATCH (c:Cluster) RETURN collect(c.id) AS clusters }
RETURN partnerships, strengths, clusters
"""

# Each node seeks its label's id index (see BY_IDS); `$others` maps it to the ids it links to.
PARTNERSHIPS_BETWEEN = f"""
__ACTORS__
MATCH (a)-[r:PARTNERS_WITH]-(b) WHERE b.id IN $others[a.id]
RETURN {{node: a.id, link: {_other("r", "b")}}} AS row
"""

CLUSTER_PARTNERSHIPS = f"""
MATCH (c:Cluster)-[r:PARTNERS_WITH]-(a)
WHERE labels(a)[0] IN $labels
RETURN {{cluster: c.id, link: {_other("r", "a")}}} AS row
"""


class Neo4jFacts:
    def __init__(self, run: ReadQuery, store: Neo4jStore) -> None:
        self.run = run  # a query in the analysis' read transaction
        self.store = store
        self.schema = load_schema()
        self._version: str | None = None  # the database's, once a derived list is asked for
        # Actors read ahead: a cluster's partners, which its analysis asks for next.
        self._read_ahead: dict[str, ActorFacts] = {}

    def _kept(self) -> dict[Hashable, Any]:
        """What is derived from the whole graph (every candidate of a label, who is present in a
        country): kept by the store until the database changes, as the memory store keeps it
        until its next write."""
        if self._version is None:
            self._version = self.store.version()
        return self.store.kept(self._version)

    def _derived(self, key: Hashable, build: Callable[[], T]) -> T:
        kept = self._kept()
        if key not in kept:
            kept[key] = build()
        return cast(T, kept[key])

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self.run(query, params)

    def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The query's `row`s, collected into one record: the driver reads each record as a
        message of its own, and thousands of them took longer to receive than to find."""
        wrapped = f"CALL () {{\n{query}\n}}\nRETURN collect(row) AS rows"
        return list(self._read(wrapped, **params)[0]["rows"])

    def _labels(self, labels: Sequence[str]) -> list[str]:
        """Labels are spliced into the text, so each must be one the ontology declares."""
        for label in labels:
            if label not in self.schema.node_types:
                raise ValueError(f"unknown node label {label!r}")
        return sorted(set(labels))

    def clusters(self) -> list[Node]:
        rows = self._rows(f"MATCH (c:Cluster) RETURN {_node_map('c', 'Cluster')} AS row")
        return sorted((_node(row, "Cluster") for row in rows), key=lambda node: node.id)

    def cluster(self, cluster_id: str) -> ClusterFacts | None:
        rows = self._read(_cluster_query(), cluster=cluster_id)
        if not rows:
            return None
        row = rows[0]
        self._read_ahead.update((a.node.id, a) for a in map(_actor, row["partners"]))
        nodes: dict[str, Node] = {cluster_id: _node(row["node"], "Cluster")}

        def links(items: list[dict[str, Any]]) -> list[Link]:
            for item in items:
                nodes.setdefault(item["other"], Node(item["other"], item["label"], _name(item)))
            return sorted_links(_link(item) for item in items)

        engagements = []
        for item in row["engagements"]:
            node = _node(item["node"], "Engagement")
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
            node = _node(item["node"], "Agreement")
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
            engagements=sorted(engagements, key=lambda e: e.undertakes.evidence.sort_key),
            agreements=[agreements[i] for i in sorted(agreements)],
            nodes=nodes,
        )

    def places(self, place_ids: Sequence[str]) -> dict[str, Place]:
        every = self._derived(("places",), self._every_place)  # few: countries and the like
        return {i: every[i] for i in sorted(set(place_ids)) if i in every}

    def _every_place(self) -> dict[str, Place]:
        places = {}
        for row in self._rows(_places_query()):
            node = _node(row["node"], row["label"])
            if node.label == "Country":
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
            return self._rows(_actor_query(template, BY_SIZE, sized), size=size, **params)
        if ids is None:
            by_prefix = {label: prefix + ":" for prefix, label in prefixes.items()}
            return self._rows(
                _actor_query(template, BY_PREFIX), prefixes=by_prefix, size=size, **params
            )
        wanted: dict[str, list[str]] = defaultdict(list)
        for node_id in ids:
            if (label := prefixes.get(node_id.partition(":")[0])) is not None:
                wanted[label].append(node_id)
        if not wanted:
            return []
        return self._rows(_actor_query(template, BY_IDS), ids=wanted, size=size, **params)

    def actors(
        self, labels: Sequence[str], ids: Sequence[str] | None = None, size: str | None = None
    ) -> list[ActorFacts]:
        if ids is None:  # every actor of the labels: derived from the whole graph, so kept
            key = ("actors of", *self._labels(labels), size)
            return list(self._derived(key, lambda: self._read_actors(labels, None, size)))
        ahead = [
            actor
            for actor in map(self._read_ahead.get, set(ids))
            if actor and actor.node.label in labels and size in (None, actor.node.props.get("size"))
        ]
        rest = [i for i in ids if i not in self._read_ahead]
        actors = ahead + (self._read_actors(labels, rest, size) if rest else [])
        return sorted(actors, key=lambda actor: actor.node.id)

    def _read_actors(
        self, labels: Sequence[str], ids: Sequence[str] | None, size: str | None
    ) -> list[ActorFacts]:
        rows = self._actor_rows(ACTORS, labels, ids, size)
        return sorted((_actor(row) for row in rows), key=lambda actor: actor.node.id)

    def actor_kinds(
        self, labels: Sequence[str], size: str | None = None
    ) -> dict[ActorKind, list[str]]:
        def build() -> dict[ActorKind, list[str]]:
            kinds = {}
            for row in self._actor_rows(ACTOR_KINDS, labels, None, size):
                kinds[ActorKind(row["label"], row["size"], row["status"])] = sorted(row["ids"])
            return kinds

        return dict(self._derived(("kinds of", *self._labels(labels), size), build))

    def actors_near(
        self,
        labels: Sequence[str],
        countries: Sequence[str],
        places: Sequence[str],
        sectors: Sequence[str],
    ) -> set[str]:
        # Only a country's, a hotspot's or a sector's own id can match (ids start with their
        # label's prefix): other places find no one and are not asked for.
        def of(label: str, ids: Sequence[str]) -> list[str]:
            return [i for i in ids if i.startswith(self.schema.node_types[label].prefix + ":")]

        items = [
            *(("country", i) for i in of("Country", countries)),
            *(("place", i) for i in of("Hotspot", places)),
            *(("sector", i) for i in of("Sector", sectors)),
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
            others = set(self.schema.node_types) - {"Company"}
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
        return set().union(*(kept[key] for key in keys))

    def partner_network(self) -> PartnerNetwork:
        def build() -> PartnerNetwork:
            row = self._read(NETWORK)[0]
            return PartnerNetwork.of(
                map(tuple, row["partnerships"]), map(tuple, row["strengths"]), row["clusters"]
            )

        return self._derived(("partner network",), build)

    def partnerships_between(self, others: Mapping[str, Sequence[str]]) -> dict[str, list[Link]]:
        wanted = {node_id: list(ids) for node_id, ids in others.items()}
        labels = sorted(self.schema.node_types)
        found: dict[str, list[Link]] = {node_id: [] for node_id in wanted}
        rows = self._actor_rows(PARTNERSHIPS_BETWEEN, labels, list(wanted), None, others=wanted)
        for row in rows:
            found[row["node"]].append(facing(_link(row["link"]), row["node"]))
        return {node_id: sorted_links(links) for node_id, links in found.items()}

    def cluster_partnerships(self, labels: Sequence[str]) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = {label: [] for label in labels}
        for row in self._rows(CLUSTER_PARTNERSHIPS, labels=list(labels)):
            found[row["link"]["label"]].append(facing(_link(row["link"]), row["cluster"]))
        return {label: sorted_links(links) for label, links in found.items()}


@cache
def _actor_query(template: str, where: str, labels: tuple[str, ...] | None = None) -> str:
    """The template over these labels, by default every label the ontology declares (see
    BY_IDS); only ACTORS reads the nodes' properties."""
    props = template == ACTORS
    actors = _of_labels("a", labels or sorted(load_schema().node_types), where, props)
    return template.replace("__ACTORS__", actors + ("\nWITH a, props" if props else "\nWITH a"))


def _actor(row: dict[str, Any]) -> ActorFacts:
    """An ACTORS row: present in a country directly, or through a city or hotspot in one."""
    presence, hotspots, focus = [], [], []
    for item in row["out"]:
        link = _link(item["link"])
        if link.type == "PRESENT_IN":
            if item["link"]["label"] == "Country":
                presence.append([link])
        elif link.type == "FOCUSES_ON":
            focus.append(link)
        else:  # LOCATED_IN or IN_HOTSPOT
            presence += [[link, _link(country)] for country in item["countries"]]
            if link.type == "IN_HOTSPOT":
                hotspots.append(link)
    return ActorFacts(
        node=_node(row["node"], row["label"]),
        presence=sorted(presence, key=_chain_key),
        hotspots=sorted_links(hotspots),
        focus=sorted_links(focus),
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
