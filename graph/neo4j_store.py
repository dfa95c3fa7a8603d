"""The Neo4j store: the official driver, batched UNWIND writes in managed (retried) transactions.

Nodes are MERGEd on their id (unique per label). Relationships are written as a diff: what the
loading sources hold is read once per type, then new ones are CREATEd and changed ones updated.
That assumes one writer per source at a time, which `partnergraph load` is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import AuthError, ConstraintError, ServiceUnavailable, SessionExpired
from neo4j.time import Date, DateTime

from graph import cypher
from graph.records import (
    FINGERPRINT,
    GraphCounts,
    NodeRecord,
    RelationshipRecord,
    WriteCounts,
    chunks,
    fingerprint,
)
from graph.store import (
    FactKey,
    GraphStore,
    Progress,
    SourceState,
    StoreAuthError,
    StoredRelationship,
    StoreError,
    StoreUnavailable,
    Subgraph,
)
from ontology.schema import Schema, load_schema

T = TypeVar("T")
ReadQuery = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
DEFAULT_BATCH_SIZE = 5_000
# Write transactions in flight during a load (see _write_rows): two took a scale-1 load 1.3x
# as fast as one on two cores (bench/RESULTS.md); three were no faster in the one run tried,
# which also had to retry a deadlocked batch.
WRITERS = 2


def _native(value: Any) -> Any:
    """neo4j.time values as datetime values, so both stores hand out the same Python types.
    Every value of a result passes through here: exact type tests are several times faster than
    isinstance with a union, which mattered for results of thousands of values."""
    kind = type(value)
    if kind is dict:
        return {k: _native(v) for k, v in value.items()}
    if kind is list:
        return [_native(v) for v in value]
    if kind is Date or kind is DateTime:
        return value.to_native()
    return value


def native_props(props: dict[str, Any]) -> dict[str, Any]:
    """A flat map's values as Python values, its nulls left out (a map projection names them)."""
    return {
        k: v.to_native() if type(v) is Date or type(v) is DateTime else v
        for k, v in props.items()
        if v is not None
    }


def _props(entity: Any) -> dict[str, Any]:
    return {k: _native(v) for k, v in dict(entity).items()}


@dataclass(frozen=True)
class ReadRows:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # more rows were there than were fetched


class Neo4jStore(GraphStore):
    kind = "neo4j"

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
        # Transient errors are retried for `retry_seconds`; past that an unreachable server
        # fails with a clear message rather than keeping a user (or an HTTP request) waiting.
        # Server notifications ("property key does not exist" on a fresh database) would be
        # logged to stderr for every query: noise to a user, and enough to fill a pipe.
        self.driver: Driver = GraphDatabase.driver(
            uri,
            auth=auth,
            connection_timeout=3.0,
            max_transaction_retry_time=retry_seconds,
            notifications_min_severity="OFF",
        )

    # --- errors ------------------------------------------------------------------------------
    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except AuthError as error:
            raise StoreAuthError(
                f"Neo4j at {self.uri} refused the credentials of user {self._user!r}: "
                "check NEO4J_USER and NEO4J_PASSWORD"
            ) from error
        except ConstraintError as error:
            # A CREATE met an id that exists: another load wrote it after this one read the
            # store's state. Loading again when that load has finished resolves it.
            raise StoreError(
                f"Neo4j refused a write: {error.message}. Another load may be running; "
                "load again when it has finished"
            ) from error
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise StoreUnavailable(
                f"Neo4j is not reachable at {self.uri} ({error.__class__.__name__}). "
                "Start the local server with `deploy/neo4j/neo4j.sh start`, or set NEO4J_URI."
            ) from error

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

    def write_nodes(
        self,
        label: str,
        records: Sequence[NodeRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """New nodes are CREATEd, changed ones MERGEd, unchanged ones left alone. CREATE is safe:
        validation refused ids another source defines, and the unique constraint refuses an id
        a concurrent load wrote meanwhile."""
        counts = WriteCounts()
        now = dt.datetime.now(dt.UTC)
        new_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        for record in records:
            digest = fingerprint(record.properties)
            known = state.nodes.get(record.id)
            old = known[2] if known else None
            if old == digest:
                counts.unchanged[label] += 1  # unchanged facts are not rewritten
                continue
            (counts.created if old is None else counts.updated)[label] += 1
            (new_rows if old is None else changed_rows).append(
                {"properties": record.properties, FINGERPRINT: digest}
            )
        self._write_rows(
            [
                (label, cypher.create_nodes(label), new_rows),
                (label, cypher.merge_nodes(label), changed_rows),
            ],
            now,
            progress,
        )
        if progress:
            progress(counts.unchanged[label])
        return counts

    def write_relationships(
        self,
        records: Sequence[RelationshipRecord],
        state: SourceState,
        progress: Progress | None = None,
    ) -> WriteCounts:
        """New relationships are CREATEd, changed ones updated, unchanged ones left alone; what
        exists is read once per type. Not MERGE: MERGE into a dense node (a sector with thousands
        of members) re-checks the node's growing transaction state for every row, which made one
        5,000-row batch take 30 s; a lookup per row instead grew quadratically with the load."""
        counts = WriteCounts()
        now = dt.datetime.now(dt.UTC)
        by_type: dict[str, list[RelationshipRecord]] = defaultdict(list)
        for record in records:
            by_type[record.type].append(record)
        writes: list[tuple[str, str, list[dict[str, Any]]]] = []  # type, query, rows
        for rel_type, typed in by_type.items():
            new_rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
            changed_rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
            for record in typed:
                digest = fingerprint(record.properties)
                old = state.relationships.get(record.key)
                if old == digest:
                    counts.unchanged[rel_type] += 1
                    continue
                (counts.created if old is None else counts.updated)[rel_type] += 1
                target = new_rows if old is None else changed_rows
                target[(record.start_label, record.end_label)].append(
                    {
                        "start": record.start,
                        "end": record.end,
                        "properties": record.properties,
                        FINGERPRINT: digest,
                    }
                )
            for rows_by_labels, make_query in (
                (new_rows, cypher.create_relationships),
                (changed_rows, cypher.update_relationships),
            ):
                for (start_label, end_label), rows in rows_by_labels.items():
                    writes.append((rel_type, make_query(rel_type, start_label, end_label), rows))
        if progress:
            progress(counts.unchanged.total())
        self._write_rows(writes, now, progress, all_or_error=True)
        return counts

    def _write_rows(
        self,
        writes: Sequence[tuple[str, str, Sequence[dict[str, Any]]]],
        now: dt.datetime,
        progress: Progress | None,
        all_or_error: bool = False,
    ) -> None:
        """Each (what, query, rows)'s rows in batches of batch_size, a transaction each, WRITERS
        of them in flight: the server writes one while this process sends the next, and with two
        cores two are written at once. With `all_or_error`, a batch the query did not write
        whole (a MATCH found no end node) stops the load with a StoreError rather than drop
        facts silently."""
        batches = [
            (what, query, list(batch))
            for what, query, rows in writes
            for batch in chunks(rows, self.batch_size)
        ]
        with ThreadPoolExecutor(WRITERS) as pool:
            futures = [
                pool.submit(self._write, partial(_run, query=query, rows=rows, now=now))
                for _, query, rows in batches
            ]
            try:
                for (what, _, rows), future in zip(batches, futures, strict=True):
                    missing = len(rows) - future.result()
                    if all_or_error and missing:
                        raise StoreError(
                            f"{missing} {what} relationships refer to nodes that are not in the "
                            "store"
                        )
                    if progress:
                        progress(len(rows))
            except BaseException:
                for future in futures:
                    future.cancel()  # those not started yet: a failed load stops here
                raise

    # --- cleanup -------------------------------------------------------------------------------
    def source_state(self, source_ids: Sequence[str]) -> SourceState:
        labels, rel_types = sorted(self.schema.node_types), sorted(self.schema.relationship_types)
        ids = list(source_ids)
        state = SourceState()
        for row in self._read(cypher.source_nodes(labels), source_ids=ids):
            state.nodes[row["id"]] = (row["label"], row["source_id"], row["fingerprint"])
        for row in self._read(cypher.source_relationships(rel_types), source_ids=ids):
            key = (row["start"], row["type"], row["end"], row["source_id"])
            state.relationships[key] = row["fingerprint"]
        return state

    def remove(self, nodes: dict[str, tuple[str, str]], relationships: set[FactKey]) -> WriteCounts:
        counts = WriteCounts()
        rel_groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
        for start, rel_type, end, source in sorted(relationships):
            labels = (self.schema.label_for_id(start), self.schema.label_for_id(end))
            rel_groups[(rel_type, *labels)].append(
                {"start": start, "end": end, "source_id": source}
            )
        for (rel_type, start_label, end_label), rows in rel_groups.items():
            query = cypher.delete_relationships(rel_type, start_label, end_label)
            for rel_batch in chunks(rows, self.batch_size):
                counts.removed[rel_type] += self._write(
                    partial(_count_removed, query=query, rows=list(rel_batch))
                )
        node_groups: dict[str, list[dict[str, str]]] = defaultdict(list)
        for node_id, (label, source) in sorted(nodes.items()):
            node_groups[label].append({"id": node_id, "source_id": source})
        for label, node_rows in node_groups.items():
            query = cypher.delete_nodes(label)
            for node_batch in chunks(node_rows, self.batch_size):
                counts.removed[label] += self._write(
                    partial(_count_removed, query=query, rows=list(node_batch))
                )
        return counts

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
        return {row["id"] for row in self._read("MATCH (n) RETURN n.id AS id")}

    def get_node(self, node_id: str) -> dict[str, Any] | None:
        try:
            label = self.schema.label_for_id(node_id)
        except KeyError:
            return None
        rows = self._read(f"MATCH (n:`{label}` {{id: $id}}) RETURN n", id=node_id)
        return _props(rows[0]["n"]) if rows else None

    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]:
        if label is not None and label not in self.schema.node_types:
            raise StoreError(f"unknown label {label!r}")
        pattern = f"(n:`{label}`)" if label else "(n)"
        for row in self._read(f"MATCH {pattern} RETURN n"):
            yield _props(row["n"])

    def relationships(self, rel_type: str | None = None) -> Iterator[StoredRelationship]:
        if rel_type is not None and rel_type not in self.schema.relationship_types:
            raise StoreError(f"unknown relationship type {rel_type!r}")
        pattern = f"[r:`{rel_type}`]" if rel_type else "[r]"
        query = f"MATCH (a)-{pattern}->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, r"
        for row in self._read(query):
            yield StoredRelationship(row["type"], row["start"], row["end"], _props(row["r"]))

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
            props = _props(row["a"])
            nodes[props["id"]] = props
            for rel in row["out"]:
                relationships.append(
                    StoredRelationship(
                        rel["type"],
                        props["id"],
                        rel["end"],
                        {k: _native(v) for k, v in rel["props"].items()},
                    )
                )
        return Subgraph(nodes, relationships)

    def counts(self) -> GraphCounts:
        nodes = {
            row["label"]: row["n"]
            for row in self._read("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")
        }
        relationships = {
            row["type"]: row["n"]
            for row in self._read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
        }
        return GraphCounts(nodes, relationships)

    def run_read(
        self, query: str, parameters: dict[str, Any] | None = None, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """A query in a read transaction, cut by the server after `timeout` seconds."""
        return self.read_rows(query, parameters, timeout).rows

    def read_rows(
        self,
        query: str,
        parameters: dict[str, Any] | None = None,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> ReadRows:
        """Like run_read, with the column names, and at most `max_rows` rows fetched (the rest
        is discarded by the server, so a huge result never reaches this process)."""

        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> ReadRows:
            result = tx.run(query, parameters or {})
            rows: list[dict[str, Any]] = []
            for record in result:
                if max_rows is not None and len(rows) == max_rows:
                    return ReadRows(list(result.keys()), rows, truncated=True)
                rows.append({k: _native(v) for k, v in record.items()})
            return ReadRows(list(result.keys()), rows, truncated=False)

        with (
            self._errors(),
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session,
        ):
            return session.execute_read(work)

    @contextmanager
    def read_transaction(self) -> Iterator[ReadQuery]:
        """One read transaction for several queries: one round trip per query instead of a
        transaction each. Values come as the driver decodes them: see native_props."""
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


def _count_removed(tx: ManagedTransaction, query: str, **params: Any) -> int:
    return int(tx.run(query, params).single(strict=True)["removed"])


def _run(tx: ManagedTransaction, query: str, **params: Any) -> int:
    """Run a write that returns `written`, the number of rows it wrote."""
    return int(tx.run(query, params).single(strict=True)["written"])
