"""How the Neo4j store writes: which rows go to which generated query (graph/cypher.py), and the
batches, a transaction each, that carry them to the server."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from neo4j import ManagedTransaction

from graph import cypher
from graph.records import (
    FINGERPRINT,
    NodeRecord,
    RelationshipRecord,
    WriteCounts,
    chunks,
    fingerprint,
)
from graph.store import FactKey, Progress, SourceState, StoreError

Rows = list[dict[str, Any]]
Write = tuple[str, str, Rows]  # what (a label or type), query, rows
# Runs one unit of work in a managed (retried) write transaction: the store's.
RunWrite = Callable[[Callable[[ManagedTransaction], int]], int]
# Write transactions in flight during a load: the server writes one while the loader sends the
# next, so neither waits for the other.
WRITERS = 2


def node_writes(
    label: str, records: Sequence[NodeRecord], state: SourceState
) -> tuple[WriteCounts, list[Write]]:
    """New nodes to CREATE, changed ones to MERGE; unchanged ones are only counted. CREATE is
    safe: validation refused ids another source defines, and the unique constraint refuses an
    id a concurrent load wrote meanwhile."""
    counts = WriteCounts()
    new_rows: Rows = []
    changed_rows: Rows = []
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
    return counts, [
        (label, cypher.create_nodes(label), new_rows),
        (label, cypher.merge_nodes(label), changed_rows),
    ]


def relationship_writes(
    records: Sequence[RelationshipRecord], state: SourceState
) -> tuple[WriteCounts, list[Write]]:
    """New relationships to CREATE, changed ones to update, by type and the labels at their ends;
    unchanged ones are only counted. Not MERGE: MERGE into a dense node (a sector with thousands
    of members) re-checks the node's growing transaction state for every row."""
    counts = WriteCounts()
    by_type: dict[str, list[RelationshipRecord]] = defaultdict(list)
    for record in records:
        by_type[record.type].append(record)
    writes: list[Write] = []
    for rel_type, typed in by_type.items():
        new_rows: dict[tuple[str, str], Rows] = defaultdict(list)
        changed_rows: dict[tuple[str, str], Rows] = defaultdict(list)
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
    return counts, writes


def removals(
    nodes: dict[str, tuple[str, str]],
    relationships: set[FactKey],
    label_for_id: Callable[[str], str],
) -> list[Write]:
    """The deletes of these facts: relationships first, by type and the labels at their ends,
    then nodes by label."""
    rel_groups: dict[tuple[str, str, str], Rows] = defaultdict(list)
    for start, rel_type, end, source in sorted(relationships):
        labels = (label_for_id(start), label_for_id(end))
        rel_groups[(rel_type, *labels)].append({"start": start, "end": end, "source_id": source})
    node_groups: dict[str, Rows] = defaultdict(list)
    for node_id, (label, source) in sorted(nodes.items()):
        node_groups[label].append({"id": node_id, "source_id": source})
    return [
        *(
            (rel_type, cypher.delete_relationships(rel_type, start_label, end_label), rows)
            for (rel_type, start_label, end_label), rows in rel_groups.items()
        ),
        *((label, cypher.delete_nodes(label), rows) for label, rows in node_groups.items()),
    ]


def remove_in_batches(
    run: RunWrite, writes: Sequence[Write], batch_size: int, **params: Any
) -> WriteCounts:
    """Each delete's rows in batches of batch_size, a transaction each, one after another."""
    counts = WriteCounts()
    for what, query, rows in writes:
        for batch in chunks(rows, batch_size):
            counts.removed[what] += run(
                partial(_count_removed, query=query, rows=list(batch), **params)
            )
    return counts


def by_ends(
    relationships: Iterable[FactKey], label_for_id: Callable[[str], str]
) -> dict[tuple[str, str, str], Rows]:
    """Relationship keys grouped by type and the labels at their ends, as the queries take them."""
    groups: dict[tuple[str, str, str], Rows] = defaultdict(list)
    for start, rel_type, end, source in sorted(relationships):
        labels = (label_for_id(start), label_for_id(end))
        groups[(rel_type, *labels)].append({"start": start, "end": end, "source_id": source})
    return groups


def write_in_batches(
    run: RunWrite,
    writes: Sequence[Write],
    batch_size: int,
    now: dt.datetime,
    progress: Progress | None,
    all_or_error: bool = False,
    load_id: str = "",
) -> None:
    """Each write's rows in batches of batch_size, a transaction each, WRITERS of them in
    flight: the server writes one while this process sends the next, and with two cores two are
    written at once. With `all_or_error`, a batch the query did not write whole (a MATCH found
    no end node) stops the load with a StoreError rather than drop facts silently."""
    batches = [
        (what, query, list(batch))
        for what, query, rows in writes
        for batch in chunks(rows, batch_size)
    ]
    with ThreadPoolExecutor(WRITERS) as pool:
        futures = [
            pool.submit(run, partial(_run, query=query, rows=rows, now=now, load_id=load_id))
            for _, query, rows in batches
        ]
        try:
            for (what, _, rows), future in zip(batches, futures, strict=True):
                missing = len(rows) - future.result()
                if all_or_error and missing:
                    raise StoreError(
                        f"{missing} {what} relationships refer to nodes that are not in the store"
                    )
                if progress:
                    progress(len(rows))
        except BaseException:
            for future in futures:
                future.cancel()  # those not started yet: a failed load stops here
            raise


def _count_removed(tx: ManagedTransaction, query: str, **params: Any) -> int:
    return int(tx.run(query, params).single(strict=True)["removed"])


def _run(tx: ManagedTransaction, query: str, **params: Any) -> int:
    """Run a write that returns `written`, the number of rows it wrote."""
    return int(tx.run(query, params).single(strict=True)["written"])
