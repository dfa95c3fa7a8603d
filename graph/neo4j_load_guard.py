"""The Neo4j store's guard of a load: one load at a time per database (a lock held in the
database itself), and the undo of a load that failed after it began writing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ClientError, DriverError, Neo4jError, TransientError

from graph import cypher
from graph.neo4j_writes import by_ends, remove_in_batches
from graph.records import chunks
from graph.store import LoadRunning, SavedFacts
from ontology.schema import Schema

T = TypeVar("T")
LOCK_WAIT = 2.0  # seconds a load waits for another's lock before saying it is running


class Neo4jLoadGuard:
    """Mixed into Neo4jStore, whose connection and helpers it uses."""

    driver: Driver
    database: str
    uri: str
    schema: Schema
    batch_size: int
    _holding_lock: bool

    if TYPE_CHECKING:  # Neo4jStore's own

        def _errors(self) -> AbstractContextManager[None]: ...

        def _write(self, work: Callable[[ManagedTransaction], T]) -> T: ...

        def _read(self, query: str, **params: Any) -> list[dict[str, Any]]: ...

    @contextmanager
    def exclusive_load(self) -> Iterator[None]:
        """One load at a time per database, across processes and machines: a lock node created
        in a transaction that stays open for the load and is never committed (the unique
        constraint makes any other load's creation wait; a load that dies, or whose connection
        drops, releases it as the server rolls its transaction back). A first try that waits
        LOCK_WAIT seconds tells a clash at once. Reentrant within this store object."""
        if self._holding_lock:
            yield
            return
        with self._errors():
            names = {
                r["name"]
                for r in self.driver.execute_query(
                    "SHOW CONSTRAINTS YIELD name RETURN name", database_=self.database
                ).records
            }
            if cypher.LOCK_CONSTRAINT not in names:
                self.driver.execute_query(cypher.lock_constraint(), database_=self.database)
            with self.driver.session(database=self.database) as session:
                try:
                    with session.begin_transaction(timeout=LOCK_WAIT) as probe:
                        probe.run(cypher.take_lock()).consume()
                        probe.rollback()
                except (ClientError, TransientError) as error:
                    if (
                        "Terminated" in (error.code or "")
                        or "Stopped" in (error.code or "")
                        or "TimedOut" in (error.code or "")
                    ):
                        raise LoadRunning(
                            f"another load is running on {self.uri} (database {self.database}); "
                            "nothing was loaded: load again when it has finished"
                        ) from None
                    raise
            session = self.driver.session(database=self.database)
            hold = session.begin_transaction(timeout=0)  # 0: no timeout, held for the whole load
        try:
            with self._errors():
                hold.run(cypher.take_lock()).consume()
            self._holding_lock = True
            yield
        finally:
            self._holding_lock = False
            try:
                hold.close()  # rolled back: the lock node never existed for anyone else
                session.close()
            except (Neo4jError, DriverError, OSError):
                pass  # the connection is gone, and with it the server's transaction

    def save(self, facts: SavedFacts) -> None:
        """Replaces the placeholders in `facts` with what the store holds (absent ones go)."""
        wanted_relationships, facts.relationships = facts.relationships, {}
        wanted_nodes, facts.nodes = facts.nodes, {}
        by_label: dict[str, list[str]] = defaultdict(list)
        for node_id in wanted_nodes:
            by_label[self.schema.label_for_id(node_id)].append(node_id)
        for label, ids in by_label.items():
            for batch in chunks(ids, self.batch_size):
                for row in self._read(cypher.saved_nodes(label), ids=list(batch)):
                    facts.nodes[row["id"]] = row["properties"]
        for (rel_type, start, end), rows in by_ends(
            wanted_relationships, self.schema.label_for_id
        ).items():
            query = cypher.saved_relationships(rel_type, start, end)
            for part in chunks(rows, self.batch_size):
                for found in self._read(query, rows=list(part)):
                    key = (found["start"], rel_type, found["end"], found["source_id"])
                    facts.relationships[key] = found["properties"]
        detached: dict[str, list[str]] = defaultdict(list)
        for node_id in sorted(facts.detached):
            detached[self.schema.label_for_id(node_id)].append(node_id)
        for label, ids in detached.items():
            for batch in chunks(ids, self.batch_size):
                for found in self._read(cypher.detached_relationships(label), ids=list(batch)):
                    key = (found["start"], found["type"], found["end"], found["source_id"])
                    facts.relationships.setdefault(key, found["properties"])

    def undo(self, load_id: str, facts: SavedFacts) -> bool:
        """What the load created goes (only where it still carries this load's id), what it
        changed or removed comes back as it was."""
        label_for_id = self.schema.label_for_id
        created_rels = [
            (rel_type, cypher.undo_created_relationships(rel_type, start, end), rows)
            for (rel_type, start, end), rows in by_ends(
                facts.created_relationships, label_for_id
            ).items()
        ]
        created_nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node_id in sorted(facts.created_nodes):
            created_nodes[label_for_id(node_id)].append({"id": node_id})
        restored_nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node_id, props in facts.nodes.items():
            restored_nodes[label_for_id(node_id)].append({"id": node_id, "properties": props})
        restored_rels = []
        for (rel_type, start, end), rows in by_ends(facts.relationships, label_for_id).items():
            for row in rows:
                key = (row["start"], rel_type, row["end"], row["source_id"])
                row["properties"] = facts.relationships[key]
            restored_rels.append(
                (rel_type, cypher.restore_relationships(rel_type, start, end), rows)
            )
        writes = [
            *created_rels,
            *(
                (label, cypher.undo_created_nodes(label), rows)
                for label, rows in created_nodes.items()
            ),
            *((label, cypher.restore_nodes(label), rows) for label, rows in restored_nodes.items()),
            *restored_rels,
        ]
        remove_in_batches(self._write, writes, self.batch_size, load_id=load_id)
        return True
