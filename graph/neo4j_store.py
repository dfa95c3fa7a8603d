"""The Neo4j store: the official driver, batched UNWIND writes in managed (retried) transactions.

Nodes are MERGEd on their id (unique per label). Relationships are written as a diff: what the
loading sources hold is read once per type, then new ones are CREATEd and changed ones updated
(graph/neo4j_writes.py). That assumes one writer at a time, which the load lock
(graph/neo4j_load_guard.py) makes sure of.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    ConfigurationError,
)

from graph import cypher
from graph.facts import AnalysisFacts
from graph.neo4j_errors import store_errors
from graph.neo4j_facts import Neo4jFacts, ReadQuery
from graph.neo4j_history import Neo4jHistory
from graph.neo4j_load_guard import Neo4jLoadGuard
from graph.neo4j_values import approx_size, entity_props, native
from graph.neo4j_writes import (
    by_ends,
    node_writes,
    relationship_writes,
    removals,
    remove_in_batches,
    write_in_batches,
)
from graph.records import GraphCounts, NodeRecord, RelationshipRecord, WriteCounts
from graph.store import (
    FactKey,
    GraphStore,
    Progress,
    ReadRows,
    SourceState,
    StoredRelationship,
    StoreError,
    StoreTraits,
    StoreUnavailable,
    Subgraph,
)
from ontology.schema import Schema, load_schema

T = TypeVar("T")
DEFAULT_BATCH_SIZE = 5_000
# Records asked of the server at a time: few, so that cutting a result early wastes little.
FETCH_SIZE = 20


class Neo4jStore(Neo4jLoadGuard, Neo4jHistory, GraphStore):
    kind = "neo4j"
    traits = StoreTraits(persistent=True, runs_cypher=True, changed_by_others=True)

    def __init__(
        self,
        uri: str,
        auth: tuple[str, str] | None = None,
        database: str = "neo4j",
        batch_size: int = DEFAULT_BATCH_SIZE,
        schema: Schema | None = None,
        retry_seconds: float = 5.0,
    ) -> None:
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.schema = schema or load_schema()
        self._user = auth[0] if auth else None
        # What analyses derive from the whole graph, and the version of the database it is of.
        self._kept: tuple[str, dict[Hashable, Any]] = ("", {})
        self._holding_lock = False
        # Transient errors are retried for `retry_seconds`; past that an unreachable server
        # fails with a clear message rather than keeping a user (or an HTTP request) waiting.
        # Server notifications ("property key does not exist" on a fresh database) would be
        # logged to stderr for every query: noise to a user, and enough to fill a pipe.
        try:
            self.driver: Driver = GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=3.0,
                max_transaction_retry_time=retry_seconds,
                notifications_min_severity="OFF",
            )
        except (ConfigurationError, ValueError) as error:
            raise StoreUnavailable(
                f"NEO4J_URI {uri!r} is not a Neo4j address: expected bolt://HOST:PORT or "
                "neo4j://HOST:PORT (the local server: bolt://127.0.0.1:7687)"
            ) from error

    # --- sessions and errors -------------------------------------------------------------------
    def _errors(self) -> AbstractContextManager[None]:
        return store_errors(self.uri, self._user, self.database)

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        with self._errors():
            records, _, _ = self.driver.execute_query(
                query, params, database_=self.database, routing_="r"
            )
        return [dict(r) for r in records]

    def ping(self) -> None:
        """Raise StoreUnavailable or StoreAuthError unless the server answers now (no retries)."""
        with self._errors():
            self.driver.verify_connectivity()

    def problem(self) -> str | None:
        try:
            self.ping()
        except StoreError as error:
            return str(error)
        return None

    # --- writes ------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the constraints and indexes that are missing (each creation is a slow schema
        transaction, so existing ones are looked up first)."""
        with self._errors():
            existing = {
                r["name"]
                for r in self.driver.execute_query(
                    "SHOW INDEXES YIELD name RETURN name", database_=self.database
                ).records
            }
            for name, statement in cypher.schema_statements(self.schema).items():
                if name not in existing:
                    self.driver.execute_query(statement, database_=self.database)
            for name in cypher.obsolete_indexes(self.schema):
                if name in existing:
                    self.driver.execute_query(f"DROP INDEX {name}", database_=self.database)

    def await_indexes(self, seconds: int = 600) -> None:
        """Wait until every index is online (after a bulk import created them on a full store)."""
        with self._errors():
            self.driver.execute_query(
                "CALL db.awaitIndexes($seconds)", seconds=seconds, database_=self.database
            )

    def write_nodes(
        self,
        label: str,
        records: Sequence[NodeRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        now = dt.datetime.now(dt.UTC)
        counts, writes = node_writes(label, records, state)
        write_in_batches(self._write, writes, self.batch_size, now, progress, load_id=state.load_id)
        if progress:
            progress(counts.unchanged[label])
        return counts

    def write_relationships(
        self,
        records: Sequence[RelationshipRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """What exists is read once per type (in `state`), not matched row by row: a lookup per
        row grew quadratically with the load."""
        now = dt.datetime.now(dt.UTC)
        counts, writes = relationship_writes(records, state)
        if progress:
            progress(counts.unchanged.total())
        write_in_batches(
            self._write,
            writes,
            self.batch_size,
            now,
            progress,
            all_or_error=True,
            load_id=state.load_id,
        )
        return counts

    # --- cleanup -------------------------------------------------------------------------------
    def source_state(self, source_ids: Sequence[str]) -> SourceState:
        labels, rel_types = sorted(self.schema.node_types), sorted(self.schema.relationship_types)
        ids = list(source_ids)
        state = SourceState()
        for row in self._read(cypher.source_nodes(labels), source_ids=ids):
            state.nodes[row["id"]] = (row["label"], row["source_id"], row["fingerprint"])
        for row in self._read(cypher.source_relationships(rel_types), source_ids=ids):
            key = (row["start"], row["type"], row["end"], row["source_id"])
            if key in state.relationships:
                state.duplicates.add(key)
                state.relationships[key] = ""  # which copy stays is open: write it again
            else:
                state.relationships[key] = row["fingerprint"]
        return state

    def remove_duplicates(self, keys: set[FactKey]) -> WriteCounts:
        groups = by_ends(keys, self.schema.label_for_id)
        writes = [
            (rel_type, cypher.duplicate_relationships(rel_type, start, end), rows)
            for (rel_type, start, end), rows in groups.items()
        ]
        return remove_in_batches(self._write, writes, self.batch_size)

    def remove(self, nodes: dict[str, tuple[str, str]], relationships: set[FactKey]) -> WriteCounts:
        writes = removals(nodes, relationships, self.schema.label_for_id)
        return remove_in_batches(self._write, writes, self.batch_size)

    # --- reads -------------------------------------------------------------------------------
    def owners(self, node_ids: Sequence[str]) -> dict[str, str]:
        by_label: dict[str, list[str]] = defaultdict(list)
        for node_id in node_ids:
            by_label[self.schema.label_for_id(node_id)].append(node_id)
        found: dict[str, str] = {}
        for label, ids in by_label.items():
            for row in self._read(cypher.node_owners(label), ids=ids):
                found[row["id"]] = row["source_id"]
        return found

    def all_ids(self) -> set[str]:
        return {
            row["id"]
            for row in self._read(f"MATCH (n) WHERE {cypher.NOT_HISTORY} RETURN n.id AS id")
        }

    def get_node(self, node_id: str) -> dict[str, Any] | None:
        try:
            label = self.schema.label_for_id(node_id)
        except KeyError:
            return None
        rows = self._read(f"MATCH (n:`{label}` {{id: $id}}) RETURN n", id=node_id)
        return entity_props(rows[0]["n"]) if rows else None

    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]:
        if label is not None and label not in self.schema.node_types:
            raise StoreError(f"unknown label {label!r}")
        pattern = f"(n:`{label}`)" if label else f"(n) WHERE {cypher.NOT_HISTORY}"
        for row in self._read(f"MATCH {pattern} RETURN n"):
            yield entity_props(row["n"])

    def relationships(self, rel_type: str | None = None) -> Iterator[StoredRelationship]:
        if rel_type is not None and rel_type not in self.schema.relationship_types:
            raise StoreError(f"unknown relationship type {rel_type!r}")
        pattern = f"[r:`{rel_type}`]" if rel_type else "[r]"
        query = f"MATCH (a)-{pattern}->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, r"
        for row in self._read(query):
            yield StoredRelationship(row["type"], row["start"], row["end"], entity_props(row["r"]))

    def relationships_to(self, node_id: str, rel_type: str) -> Iterator[StoredRelationship]:
        if rel_type not in self.schema.relationship_types:
            raise StoreError(f"unknown relationship type {rel_type!r}")
        try:
            label = self.schema.label_for_id(node_id)
        except KeyError:
            return
        query = (
            f"MATCH (a)-[r:`{rel_type}`]->(b:`{label}` {{id: $id}}) "
            "RETURN type(r) AS type, a.id AS start, b.id AS end, r"
        )
        for row in self._read(query, id=node_id):
            yield StoredRelationship(row["type"], row["start"], row["end"], entity_props(row["r"]))

    def neighbourhood(self, node_id: str, depth: int = 1) -> Subgraph:
        if not 0 <= depth <= 3:
            raise ValueError("depth must be between 0 and 3")
        try:
            label = self.schema.label_for_id(node_id)
        except KeyError:
            return Subgraph({}, [])
        query = f"""MATCH (n:`{label}` {{id: $id}})
OPTIONAL MATCH (n)-[*1..{max(depth, 1)}]-(m)
WITH n, collect(DISTINCT m) AS found
WITH CASE WHEN $depth = 0 THEN [n] ELSE found + n END AS members
UNWIND members AS a
OPTIONAL MATCH (a)-[r]->(b) WHERE b IN members
RETURN a, collect(CASE WHEN r IS NULL THEN NULL ELSE
       {{type: type(r), end: b.id, props: properties(r)}} END) AS out"""
        nodes: dict[str, dict[str, Any]] = {}
        relationships = []
        for row in self._read(query, id=node_id, depth=depth):
            props = entity_props(row["a"])
            nodes[props["id"]] = props
            for rel in row["out"]:
                relationships.append(
                    StoredRelationship(
                        rel["type"],
                        props["id"],
                        rel["end"],
                        native(rel["props"]),
                    )
                )
        return Subgraph(nodes, relationships)

    def counts(self) -> GraphCounts:
        nodes = {
            row["label"]: row["n"]
            for row in self._read(
                f"MATCH (n) WHERE {cypher.NOT_HISTORY} RETURN labels(n)[0] AS label, count(*) AS n"
            )
        }
        relationships = {
            row["type"]: row["n"]
            for row in self._read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
        }
        return GraphCounts(nodes, relationships)

    def read_rows(
        self,
        query: str,
        parameters: dict[str, Any] | None = None,
        timeout: float | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
    ) -> ReadRows:
        """Rows are read one at a time off the connection and kept until `max_rows` rows or
        `max_bytes` (about, as JSON) are reached; then the transaction is rolled back and the
        server drops the rest, so a huge result never reaches this process whole. What one
        process holds is the rows kept plus the record being read."""
        with (
            self._errors(),
            self.driver.session(
                database=self.database, default_access_mode=READ_ACCESS, fetch_size=FETCH_SIZE
            ) as session,
            session.begin_transaction(timeout=timeout) as tx,
        ):
            result = tx.run(query, parameters or {})
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            size = 0
            for record in result:
                if max_rows is not None and len(rows) == max_rows:
                    return ReadRows(columns, rows, truncated=True, cut_by="rows")
                size += sum(approx_size(v) for v in record.values())
                if max_bytes is not None and size > max_bytes:
                    return ReadRows(columns, rows, truncated=True, cut_by="bytes")
                rows.append({k: native(v) for k, v in record.items()})
            return ReadRows(columns, rows, truncated=False)

    def run_read(
        self, query: str, parameters: dict[str, Any] | None = None, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """A query in a read transaction, cut by the server after `timeout` seconds."""
        return self.read_rows(query, parameters, timeout).rows

    # --- the analysis' reads -----------------------------------------------------------------
    @contextmanager
    def analysis_facts(self) -> Iterator[AnalysisFacts]:
        with self.read_transaction() as run:
            yield Neo4jFacts(run, self)

    @contextmanager
    def read_transaction(self) -> Iterator[ReadQuery]:
        """One read transaction for several queries, each then one round trip rather than a
        transaction of its own. Values come as the driver decodes them: see native_props."""
        with (
            self._errors(),
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session,
            session.begin_transaction() as tx,
        ):

            def run(query: str, parameters: dict[str, Any]) -> list[dict[str, Any]]:
                return [dict(record) for record in tx.run(query, parameters)]

            yield run

    def version(self) -> str:
        """A token that changes whenever the database commits a transaction, from any process:
        the bookmark an empty read transaction gets back, which names the last transaction the
        database committed (reads and writes that change nothing leave it as it is)."""
        with (
            self._errors(),
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session,
        ):
            session.begin_transaction().commit()
            return " ".join(sorted(session.last_bookmarks().raw_values))

    def kept(self, version: str) -> dict[Hashable, Any]:
        """Where analyses keep what they derive from the whole graph read at `version` (or later),
        for as long as the database stays at that version: the memory store's cache, for a
        database other processes write to. A value read later than `version` is never used, as
        the database is past `version` from then on."""
        kept_version, values = self._kept
        if kept_version != version:
            values = {}
            self._kept = (version, values)
        return values

    def clear(self) -> None:
        """Relationships first, then nodes, in bounded transactions: DETACH DELETE of a batch of
        nodes drags every relationship of a dense node into one transaction and can exhaust
        the server's transaction memory on a large graph."""
        with self._errors(), self.driver.session(database=self.database) as session:
            session.run(
                "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS"
            ).consume()
            session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()

    def close(self) -> None:
        self.driver.close()
