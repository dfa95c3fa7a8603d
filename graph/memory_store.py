"""The embedded default store: a networkx MultiDiGraph with the Neo4j store's semantics."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import networkx as nx

from graph.facts import AnalysisFacts
from graph.history import ChangeSet, in_window
from graph.memory_facts import MemoryFacts
from graph.records import (
    FINGERPRINT,
    FIRSTSEEN,
    LASTUPDATED,
    SOURCE_ID,
    GraphCounts,
    NodeRecord,
    RelationshipRecord,
    WriteCounts,
    fingerprint,
)
from graph.store import (
    FactKey,
    GraphStore,
    Progress,
    SavedFacts,
    SourceState,
    StoredRelationship,
    StoreError,
    StoreTraits,
    Subgraph,
)
from ontology.names import Rel

T = TypeVar("T")
OUT_INDEXED = frozenset({Rel.PARTNERS_WITH})  # out-relationships indexed by type, beside incoming
EdgeKey = tuple[str, str]  # (relationship type, source_id): one edge between two nodes


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MemoryStore(GraphStore):
    """Nodes keyed by id with attributes `label` and `props`; edges keyed by (type, source_id),
    their data the relationship's properties (one dict per edge: a million at scale 1)."""

    kind = "memory"
    traits = StoreTraits(persistent=False, runs_cypher=False, changed_by_others=False)

    def __init__(self) -> None:
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        # Indexes networkx lacks, kept in step with every write, so reads never scan the graph
        # (a node's own out-relationships are few enough to scan, but for the partnerships that
        # analyses walk from hundreds of nodes at a time; indexing every type costs memory):
        self.by_label: defaultdict[str, set[str]] = defaultdict(set)  # label -> ids
        self.in_by_type: defaultdict[tuple[str, str], set[str]] = defaultdict(set)  # (end, TYPE)
        self.out_by_type: defaultdict[tuple[str, str], set[str]] = defaultdict(set)  # (start, …)
        # What readers derive from the whole graph (e.g. every candidate of a label), kept until
        # the next write: the API reads far more often than anything loads.
        self._derived: dict[Hashable, Any] = {}
        # The change sets of the loads made in this process (nothing is kept between runs).
        self.history: list[ChangeSet] = []

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, remembered under `key` until the store next changes."""
        if key not in self._derived:
            self._derived[key] = build()
        return cast(T, self._derived[key])

    @contextmanager
    def analysis_facts(self) -> Iterator[AnalysisFacts]:
        yield MemoryFacts(self)

    # What the analysis reader walks: networkx's own dicts, read-only. Its views wrap every
    # lookup, and these are the analysis' innermost loops.
    @property
    def node_attributes(self) -> Mapping[str, Mapping[str, Any]]:
        """{id: {"label": label, "props": properties}} of every node."""
        return cast(Mapping[str, Mapping[str, Any]], self.graph._node)

    @property
    def successors(self) -> Mapping[str, Mapping[str, Mapping[EdgeKey, Mapping[str, Any]]]]:
        """{start: {end: {(type, source_id): properties}}} of every relationship."""
        return cast(
            Mapping[str, Mapping[str, Mapping[EdgeKey, Mapping[str, Any]]]], self.graph._succ
        )

    def _index_edge(self, start: str, rel_type: str, end: str) -> None:
        if rel_type in OUT_INDEXED:
            self.out_by_type[(start, rel_type)].add(end)
        self.in_by_type[(end, rel_type)].add(start)

    def _unindex_edge(self, start: str, rel_type: str, end: str) -> None:
        """Drop the pair from the index unless another source still states the same type."""
        if any(key[0] == rel_type for key in self.graph.get_edge_data(start, end, default={})):
            return
        self.out_by_type[(start, rel_type)].discard(end)
        self.in_by_type[(end, rel_type)].discard(start)

    def ensure_schema(self) -> None:
        """Nothing to create: uniqueness of ids is the graph's own keying."""

    def write_nodes(
        self,
        label: str,
        records: Sequence[NodeRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """The graph itself is at hand, so `state` is not needed to compare."""
        counts, now = WriteCounts(), _now()
        self._derived.clear()
        for record in records:
            digest = fingerprint(record.properties)
            if record.id in self.graph:
                attrs = self.graph.nodes[record.id]
                if attrs["label"] != label:
                    raise StoreError(f"{record.id} is a {attrs['label']}, not a {label}")
                old = attrs["props"]
                if old[FINGERPRINT] == digest:
                    counts.unchanged[label] += 1
                    continue
                attrs["props"] = {
                    **record.properties,
                    FIRSTSEEN: old[FIRSTSEEN],
                    LASTUPDATED: now,
                    FINGERPRINT: digest,
                }
                counts.updated[label] += 1
            else:
                props = {**record.properties, FIRSTSEEN: now, LASTUPDATED: now, FINGERPRINT: digest}
                self.graph.add_node(record.id, label=label, props=props)
                self.by_label[label].add(record.id)
                counts.created[label] += 1
        if progress:
            progress(len(records))
        return counts

    def write_relationships(
        self,
        records: Sequence[RelationshipRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        counts, now = WriteCounts(), _now()
        self._derived.clear()
        for record in records:
            for end in (record.start, record.end):
                if end not in self.graph:
                    raise StoreError(f"{record.type} refers to {end}, which is not in the store")
            key = (record.type, record.properties[SOURCE_ID])
            digest = fingerprint(record.properties)
            existing = self.graph.get_edge_data(record.start, record.end, key)
            if existing is None:
                self.graph.add_edge(record.start, record.end, key=key)
                self.graph[record.start][record.end][key].update(
                    record.properties, **{FIRSTSEEN: now, LASTUPDATED: now, FINGERPRINT: digest}
                )
                self._index_edge(record.start, record.type, record.end)
                counts.created[record.type] += 1
            elif existing[FINGERPRINT] == digest:
                counts.unchanged[record.type] += 1
            else:
                firstseen = existing[FIRSTSEEN]
                existing.clear()
                existing.update(
                    record.properties,
                    **{FIRSTSEEN: firstseen, LASTUPDATED: now, FINGERPRINT: digest},
                )
                counts.updated[record.type] += 1
        if progress:
            progress(len(records))
        return counts

    def source_state(self, source_ids: Sequence[str]) -> SourceState:
        wanted = set(source_ids)
        state = SourceState()
        for node_id, attrs in self.graph.nodes(data=True):
            props = attrs["props"]
            if props.get(SOURCE_ID) in wanted:
                state.nodes[node_id] = (attrs["label"], props[SOURCE_ID], props[FINGERPRINT])
        for start, end, (rel_type, source), attrs in self.graph.edges(keys=True, data=True):
            if source in wanted:
                state.relationships[(start, rel_type, end, source)] = attrs[FINGERPRINT]
        return state

    def remove(self, nodes: dict[str, tuple[str, str]], relationships: set[FactKey]) -> WriteCounts:
        counts = WriteCounts()
        self._derived.clear()
        for start, rel_type, end, source in relationships:
            if self.graph.has_edge(start, end, (rel_type, source)):
                self.graph.remove_edge(start, end, (rel_type, source))
                self._unindex_edge(start, rel_type, end)
                counts.removed[rel_type] += 1
        for node_id, (label, _) in nodes.items():
            if node_id in self.graph:
                # with its remaining relationships, as DETACH DELETE
                edges = [
                    *self.graph.in_edges(node_id, keys=True),
                    *self.graph.out_edges(node_id, keys=True),
                ]
                self.graph.remove_node(node_id)
                for start, end, (rel_type, _) in edges:
                    self._unindex_edge(start, rel_type, end)
                self.by_label[label].discard(node_id)
                counts.removed[label] += 1
        return counts

    def save(self, facts: SavedFacts) -> None:
        """What the load will change or remove, as it is now: the change set's old values."""
        wanted_nodes, facts.nodes = facts.nodes, {}
        for node_id in wanted_nodes:
            if node_id in self.graph:
                facts.nodes[node_id] = dict(self.graph.nodes[node_id]["props"])
        wanted_relationships, facts.relationships = facts.relationships, {}
        for key in wanted_relationships:
            start, rel_type, end, source = key
            found = self.graph.get_edge_data(start, end, (rel_type, source))
            if found is not None:
                facts.relationships[key] = dict(found)
        for node_id in facts.detached & self.graph.nodes.keys():
            for start, end, (rel_type, source), props in [
                *self.graph.in_edges(node_id, keys=True, data=True),
                *self.graph.out_edges(node_id, keys=True, data=True),
            ]:
                facts.relationships.setdefault((start, rel_type, end, source), dict(props))

    def put_node(self, node_id: str, label: str, props: dict[str, Any]) -> None:
        """Set a node as it was (the as-of view of the graph): no bookkeeping, no checks."""
        self._derived.clear()
        if node_id in self.graph:
            self.graph.nodes[node_id]["props"] = dict(props)
            return
        self.graph.add_node(node_id, label=label, props=dict(props))
        self.by_label[label].add(node_id)

    def put_relationship(self, key: FactKey, props: dict[str, Any]) -> None:
        """Set a relationship as it was (the as-of view), its ends already in place."""
        self._derived.clear()
        start, rel_type, end, source = key
        existing = self.graph.get_edge_data(start, end, (rel_type, source))
        if existing is None:
            self.graph.add_edge(start, end, key=(rel_type, source))
            existing = self.graph[start][end][(rel_type, source)]
            self._index_edge(start, rel_type, end)
        existing.clear()
        existing.update(props)

    def record_changes(self, changes: ChangeSet) -> None:
        self.history.append(changes)

    def change_sets(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> list[ChangeSet]:
        return in_window(self.history, since, until)

    def history_begins(self) -> dt.datetime | None:
        return min((c.at for c in self.history), default=None)

    def prune_history(self, before: dt.datetime) -> int:
        kept = [c for c in self.history if c.at >= before]
        pruned, self.history = len(self.history) - len(kept), kept
        return pruned

    def owners(self, node_ids: Sequence[str]) -> dict[str, str]:
        return {
            i: self.graph.nodes[i]["props"].get(SOURCE_ID, "") for i in node_ids if i in self.graph
        }

    def all_ids(self) -> set[str]:
        return set(self.graph.nodes)

    def get_node(self, node_id: str) -> dict[str, Any] | None:
        if node_id not in self.graph:
            return None
        return dict(self.graph.nodes[node_id]["props"])

    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]:
        ids = self.graph.nodes if label is None else sorted(self.by_label.get(label, ()))
        for node_id in ids:
            yield dict(self.graph.nodes[node_id]["props"])

    def relationships(self, rel_type: str | None = None) -> Iterator[StoredRelationship]:
        for start, end, (key_type, _), attrs in self.graph.edges(keys=True, data=True):
            if rel_type is None or key_type == rel_type:
                yield StoredRelationship(key_type, start, end, dict(attrs))

    def relationships_to(self, node_id: str, rel_type: str) -> Iterator[StoredRelationship]:
        # From the index of who points at a node: every relationship of the type would be one
        # pass over the whole graph, and a recommendation asks for the leads routed to a cluster.
        succ = self.graph._succ
        for start in sorted(self.in_by_type.get((node_id, rel_type), ())):
            for (key_type, _), attrs in succ[start][node_id].items():
                if key_type == rel_type:
                    yield StoredRelationship(key_type, start, node_id, dict(attrs))

    def neighbourhood(self, node_id: str, depth: int = 1) -> Subgraph:
        if node_id not in self.graph:
            return Subgraph({}, [])
        reach = nx.single_source_shortest_path_length(
            self.graph.to_undirected(as_view=True), node_id, cutoff=depth
        )
        sub = self.graph.subgraph(reach)
        return Subgraph(
            {i: dict(a["props"]) for i, a in sub.nodes(data=True)},
            [
                StoredRelationship(rel_type, s, e, dict(a))
                for s, e, (rel_type, _), a in sub.edges(keys=True, data=True)
            ],
        )

    def counts(self) -> GraphCounts:
        nodes = Counter(attrs["label"] for _, attrs in self.graph.nodes(data=True))
        relationships = Counter(rel_type for _, _, (rel_type, _) in self.graph.edges(keys=True))
        return GraphCounts(dict(nodes), dict(relationships))

    def clear(self) -> None:
        self.graph.clear()
        for index in (self.by_label, self.in_by_type, self.out_by_type, self._derived):
            index.clear()
        self.history.clear()
