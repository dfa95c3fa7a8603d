"""The reference points our Neo4j loader is measured against, on the same data and driver.

- per row: one auto-committed MERGE per node and per relationship, the naive way; timed on a
  sample and extrapolated (labelled so), since the full run would take hours at scale 1.
- plain CREATE: batched UNWIND CREATE into an empty database, no provenance, no checks: the
  fastest plain-driver path, a ceiling rather than an alternative.
- fair CREATE: the same batched UNWIND CREATE writing what ours writes (every property with its
  provenance, the fingerprint, firstseen/lastupdated, the load id), but no reading of what the
  sources hold and no check that every relationship found its ends: the same work as a first
  load of ours, done the plain way.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from graph.neo4j_store import Neo4jStore
from graph.records import (
    FINGERPRINT,
    FIRSTSEEN,
    LASTUPDATED,
    LOAD_ID,
    NodeRecord,
    RelationshipRecord,
    chunks,
    fingerprint,
)
from loaders.batch import SourceBatch

PLAIN_BATCH = 10_000


def _nodes_by_label(batches: Sequence[SourceBatch]) -> dict[str, list[NodeRecord]]:
    grouped: dict[str, list[NodeRecord]] = defaultdict(list)
    for batch in batches:
        for node in batch.nodes:
            grouped[node.label].append(node)
    return grouped


def _relationships_by_shape(
    batches: Sequence[SourceBatch],
) -> dict[tuple[str, str, str], list[RelationshipRecord]]:
    grouped: dict[tuple[str, str, str], list[RelationshipRecord]] = defaultdict(list)
    for batch in batches:
        for rel in batch.relationships:
            grouped[(rel.type, rel.start_label, rel.end_label)].append(rel)
    return grouped


def _run(store: Neo4jStore, query: str, **params: Any) -> None:
    store.driver.execute_query(query, params, database_=store.database)


def plain_create_nodes(store: Neo4jStore, batches: Sequence[SourceBatch]) -> float:
    started = time.perf_counter()
    for label, nodes in _nodes_by_label(batches).items():
        query = f"UNWIND $rows AS row CREATE (n:`{label}`) SET n.id = row.id, n.name = row.name"
        for part in chunks(nodes, PLAIN_BATCH):
            _run(store, query, rows=[{"id": n.id, "name": n.properties.get("name")} for n in part])
    return time.perf_counter() - started


def plain_create(store: Neo4jStore, batches: Sequence[SourceBatch]) -> float:
    """Seconds to create every node and relationship (ids only) into an emptied database."""
    store.clear()
    seconds = plain_create_nodes(store, batches)
    started = time.perf_counter()
    for (rel_type, start, end), rels in _relationships_by_shape(batches).items():
        query = (
            f"UNWIND $rows AS row MATCH (a:`{start}` {{id: row.start}}) "
            f"MATCH (b:`{end}` {{id: row.end}}) CREATE (a)-[:`{rel_type}`]->(b)"
        )
        for part in chunks(rels, PLAIN_BATCH):
            _run(store, query, rows=[{"start": r.start, "end": r.end} for r in part])
    return seconds + time.perf_counter() - started


def fair_create(store: Neo4jStore, batches: Sequence[SourceBatch]) -> float:
    """Seconds to create every node and relationship with the properties ours writes, into an
    emptied database (fingerprints computed in the timed part, as ours does)."""
    store.clear()
    stamps = f"{FIRSTSEEN}: $now, {LASTUPDATED}: $now, {LOAD_ID}: $load_id"
    params = {"now": dt.datetime.now(dt.UTC), "load_id": "fair-baseline"}
    started = time.perf_counter()
    for label, nodes in _nodes_by_label(batches).items():
        query = (
            f"UNWIND $rows AS row CREATE (n:`{label}`) SET n = row.properties "
            f"SET n += {{{FINGERPRINT}: row.fingerprint, {stamps}}}"
        )
        for part in chunks(nodes, PLAIN_BATCH):
            rows = [
                {"properties": n.properties, "fingerprint": fingerprint(n.properties)} for n in part
            ]
            _run(store, query, rows=rows, **params)
    for (rel_type, start, end), rels in _relationships_by_shape(batches).items():
        query = (
            f"UNWIND $rows AS row MATCH (a:`{start}` {{id: row.start}}) "
            f"MATCH (b:`{end}` {{id: row.end}}) CREATE (a)-[r:`{rel_type}`]->(b) "
            f"SET r = row.properties SET r += {{{FINGERPRINT}: row.fingerprint, {stamps}}}"
        )
        for some_rels in chunks(rels, PLAIN_BATCH):
            rows = [
                {
                    "start": r.start,
                    "end": r.end,
                    "properties": r.properties,
                    "fingerprint": fingerprint(r.properties),
                }
                for r in some_rels
            ]
            _run(store, query, rows=rows, **params)
    return time.perf_counter() - started


def per_row(store: Neo4jStore, batches: Sequence[SourceBatch], sample: int = 1_000) -> float:
    """Seconds per fact of one MERGE per row (a sample of nodes, then of relationships)."""
    store.clear()
    nodes = [n for b in batches for n in b.nodes]
    rels = [r for b in batches for r in b.relationships]
    node_sample, rel_sample = (
        nodes[:: max(1, len(nodes) // sample)],
        rels[:: max(1, len(rels) // sample)],
    )
    started = time.perf_counter()
    for node in node_sample:
        _run(
            store,
            f"MERGE (n:`{node.label}` {{id: $id}}) SET n += $props",
            id=node.id,
            props=node.properties,
        )
    node_seconds = time.perf_counter() - started
    store.clear()
    plain_create_nodes(store, batches)  # the ends the relationships need
    started = time.perf_counter()
    for rel in rel_sample:
        _run(
            store,
            f"MATCH (a:`{rel.start_label}` {{id: $start}}) "
            f"MATCH (b:`{rel.end_label}` {{id: $end}}) "
            f"MERGE (a)-[r:`{rel.type}`]->(b) SET r += $props",
            start=rel.start,
            end=rel.end,
            props=rel.properties,
        )
    rel_seconds = time.perf_counter() - started
    return (node_seconds + rel_seconds) / (len(node_sample) + len(rel_sample))
