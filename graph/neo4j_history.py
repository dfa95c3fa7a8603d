"""The Neo4j store's history: each load's change set kept in the database itself (a header node
per load, its changes compressed in part nodes), so it outlives the process like the graph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from neo4j import ManagedTransaction

from graph import cypher
from graph.history import ChangeSet, decode_parts, encode_parts
from graph.neo4j_values import native
from graph.neo4j_writes import WRITERS

T = TypeVar("T")


class Neo4jHistory:
    """Mixed into Neo4jStore, whose connection helpers it uses."""

    if TYPE_CHECKING:  # Neo4jStore's own

        def _write(self, work: Callable[[ManagedTransaction], T]) -> T: ...

        def _read(self, query: str, **params: Any) -> list[dict[str, Any]]: ...

    def record_changes(self, changes: ChangeSet) -> None:
        """The parts first, the header last: a change set without its header is never read."""
        # Each part is written while the next is encoded: done one after the other, encoding
        # and writing were a tenth of a first load at scale 1 (bench/RESULTS.md).
        with ThreadPoolExecutor(WRITERS) as pool:
            written = [
                pool.submit(
                    self._write,
                    _run(
                        cypher.write_change_part(),
                        {"load_id": changes.load_id, "part": number, "data": data},
                    ),
                )
                for number, data in enumerate(encode_parts(changes))
            ]
            for future in written:
                future.result()  # the first failure stops the load (and undoes it)
        header: dict[str, Any] = {
            "load_id": changes.load_id,
            "at": changes.at,
            "sources": changes.sources,
            "parts": len(written),
            "created": len(changes.created_nodes) + len(changes.created_relationships),
            "updated": len(changes.updated_nodes) + len(changes.updated_relationships),
            "removed": len(changes.removed_nodes) + len(changes.removed_relationships),
        }
        self._write(_run(cypher.write_change_set(), header))

    def change_sets(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> list[ChangeSet]:
        found = []
        for row in self._read(cypher.change_sets(), since=since, until=until):
            changes = ChangeSet(row["load_id"], native(row["at"]), list(row["sources"]))
            parts = [r["data"] for r in self._read(cypher.change_parts(), load_id=row["load_id"])]
            found.append(decode_parts(changes, parts))
        return found

    def history_begins(self) -> dt.datetime | None:
        rows = self._read(cypher.history_begins())
        return native(rows[0]["at"]) if rows and rows[0]["at"] is not None else None

    def prune_history(self, before: dt.datetime) -> int:
        return int(
            self._write(
                lambda tx: tx.run(cypher.prune_change_sets(), before=before).single(strict=True)[
                    "pruned"
                ]
            )
        )


def _run(query: str, params: dict[str, Any]) -> Callable[[ManagedTransaction], None]:
    def work(tx: ManagedTransaction) -> None:
        tx.run(query, params).consume()

    return work
