"""The one small interface both stores implement, and the errors they raise."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Literal, Self

from graph.facts import AnalysisFacts
from graph.history import ChangeSet
from graph.records import GraphCounts, NodeRecord, RelationshipRecord, WriteCounts

Progress = Callable[[int], None]  # called with the number of records just written
FactKey = tuple[str, str, str, str]  # (start, type, end, source_id): one relationship


class StoreError(Exception):
    """A store could not do what was asked; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, wrong address)."""


class StoreAuthError(StoreError):
    """The store refused the credentials."""


class CypherUnsupported(StoreError):
    """The store runs no Cypher (the memory store): Cypher needs the Neo4j store."""


StoreKind = Literal["memory", "neo4j"]


@dataclass(frozen=True)
class StoreTraits:
    """What a store's users may rely on, so they need not ask which store it is."""

    persistent: bool  # the graph lives outside this process: opening the store loads nothing
    runs_cypher: bool  # read_rows answers Cypher
    # Another process may change the graph at any time (Neo4j); otherwise it changes only by
    # this process's own writes, so a process that does not write can keep its answers.
    changed_by_others: bool


@dataclass(frozen=True)
class ReadRows:
    """The answer to a read query: its columns, and its rows as {column: value}."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # more rows were there than were fetched
    cut_by: str | None = None  # "rows" or "bytes": which bound cut the answer


@dataclass
class SourceState:
    """What some sources hold now, with each fact's fingerprint: read once per load, it tells
    which facts are new, changed or unchanged, and which the sources no longer state."""

    nodes: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id: label, source, fp
    relationships: dict[FactKey, str] = field(default_factory=dict)  # key: fingerprint
    duplicates: set[FactKey] = field(default_factory=set)  # keys stored more than once
    load_id: str = ""  # the load writing: stamped on what it writes (Neo4j), for its undo


class LoadRunning(StoreError):
    """Another load holds the store's load lock."""


@dataclass
class SavedFacts:
    """What a load is about to change or remove, as it was, so a failed load can put it back;
    and what it creates, so a failed load can take it away."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id: properties
    relationships: dict[FactKey, dict[str, Any]] = field(default_factory=dict)
    created_nodes: set[str] = field(default_factory=set)
    created_relationships: set[FactKey] = field(default_factory=set)
    # Nodes the load removes: their relationships of other sources go with them (DETACH DELETE),
    # so `save` keeps those too, for the change set and the undo.
    detached: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class StoredRelationship:
    type: str
    start: str
    end: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class Subgraph:
    nodes: dict[str, dict[str, Any]]  # id -> properties
    relationships: list[StoredRelationship]

    def __post_init__(self) -> None:
        """In one order whichever store and process made it, so what is drawn from it is too."""
        self.relationships.sort(
            key=lambda r: (r.type, r.start, r.end, str(r.properties.get("source_id", "")))
        )


class GraphStore(ABC):
    """Merge-on-id writes in batches, scoped cleanup, and the reads the queries need.

    A node belongs to the one source that defines it (its `source_id`); a relationship is
    identified by (start, type, end, source_id), so one source's cleanup never touches another's.
    """

    kind: StoreKind
    traits: StoreTraits

    @abstractmethod
    def analysis_facts(self) -> AbstractContextManager[AnalysisFacts]:
        """The facts the gap analysis and the recommender read, while the context lasts (on
        Neo4j: one read transaction for all of an analysis' queries)."""

    def problem(self) -> str | None:
        """Why the store cannot answer now, with a hint; None when it can."""
        return None

    def read_rows(
        self,
        query: str,
        parameters: dict[str, Any] | None = None,
        timeout: float | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
    ) -> ReadRows:
        """A Cypher query in a read transaction, cut after `timeout` seconds, at most `max_rows`
        rows and about `max_bytes` bytes of values fetched; refused (CypherUnsupported) by a
        store that runs no Cypher."""
        raise CypherUnsupported(
            f"the {self.kind} store runs no Cypher: Cypher needs the Neo4j store "
            "(PARTNERGRAPH_STORE=neo4j)"
        )

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create what the store needs before writes (constraints, indexes); idempotent."""

    @abstractmethod
    def write_nodes(
        self,
        label: str,
        records: Sequence[NodeRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """Merge nodes of one label on their id; `state` says what exists (see source_state)."""

    @abstractmethod
    def write_relationships(
        self,
        records: Sequence[RelationshipRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """Merge relationships (of any types) on (start, type, end, source_id)."""

    @abstractmethod
    def source_state(self, source_ids: Sequence[str]) -> SourceState:
        """What these sources hold now, with fingerprints."""

    @abstractmethod
    def remove(self, nodes: dict[str, tuple[str, str]], relationships: set[FactKey]) -> WriteCounts:
        """Delete these facts (nodes with all their relationships)."""

    @abstractmethod
    def owners(self, node_ids: Sequence[str]) -> dict[str, str]:
        """{node id: source_id} for the ids that exist."""

    @abstractmethod
    def all_ids(self) -> set[str]:
        """Every node id in the store (for resolving references and suggesting close ids)."""

    @abstractmethod
    def get_node(self, node_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]: ...

    @abstractmethod
    def relationships(self, rel_type: str | None = None) -> Iterator[StoredRelationship]: ...

    def relationships_to(self, node_id: str, rel_type: str) -> Iterator[StoredRelationship]:
        """The relationships of this type that end at `node_id` (a store with an index of
        them reads only those; this default walks every relationship of the type)."""
        return (rel for rel in self.relationships(rel_type) if rel.end == node_id)

    @abstractmethod
    def neighbourhood(self, node_id: str, depth: int = 1) -> Subgraph:
        """The node, its neighbours up to `depth` hops in either direction, and their links."""

    @abstractmethod
    def counts(self) -> GraphCounts: ...

    @abstractmethod
    def clear(self) -> None:
        """Remove every node and relationship (tests and benchmarks)."""

    def close(self) -> None:  # noqa: B027 - optional for stores with no connection
        """Release connections."""

    def exclusive_load(self) -> AbstractContextManager[None]:
        """Held while a load validates and writes: LoadRunning when another load holds it. The
        memory store lives in one process, whose loads run one after another anyway."""
        return nullcontext()

    def remove_duplicates(self, keys: set[FactKey]) -> WriteCounts:
        """Keep one of each relationship stored more than once (none in the memory store)."""
        return WriteCounts()

    def save(self, facts: SavedFacts) -> None:  # noqa: B027 - a store that cannot undo
        """Read the properties of `facts.nodes` and `.relationships` (keys given) before a load
        changes them."""

    def undo(self, load_id: str, facts: SavedFacts) -> bool:
        """Put back what a failed load changed; False for a store that cannot (memory: the
        process that failed holds the only copy of its graph)."""
        return False

    @abstractmethod
    def record_changes(self, changes: ChangeSet) -> None:
        """Keep a load's change set (the history: in the process for memory, in the database
        for Neo4j)."""

    @abstractmethod
    def change_sets(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> list[ChangeSet]:
        """The change sets kept, made after `since` and up to `until`, oldest first."""

    @abstractmethod
    def history_begins(self) -> dt.datetime | None:
        """When the oldest change set kept was made (None: no history)."""

    @abstractmethod
    def prune_history(self, before: dt.datetime) -> int:
        """Forget the change sets made before `before` (the graph itself is untouched); how
        many were forgotten."""

    def cleanup_sources(
        self, kept: dict[str, tuple[set[str], set[FactKey]]], state: SourceState
    ) -> WriteCounts:
        """Remove what each source held before (`state`) and no longer states (`kept`:
        {source_id: (node ids, relationship keys)} as the sources state them now)."""
        stale_nodes = {
            node_id: (label, source)
            for node_id, (label, source, _) in state.nodes.items()
            if node_id not in kept[source][0]
        }
        stale_relationships = {key for key in state.relationships if key not in kept[key[3]][1]}
        if not stale_nodes and not stale_relationships:
            return WriteCounts()
        return self.remove(stale_nodes, stale_relationships)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
