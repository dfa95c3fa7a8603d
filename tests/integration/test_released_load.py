"""`partnergraph load` releases its records as it writes them, so that a large load does not hold
every record beside the store's copies: it must store, count and record in history exactly what a
load that keeps its records does, on both stores."""

import dataclasses
from typing import Any

import pytest

import loaders.batch
from graph.history import ChangeSet
from graph.store import GraphStore
from loaders.batch import SourceBatch, write_batches
from ontology.names import Rel
from tests.helpers import sample_batch, snapshot


def _changes(store: GraphStore) -> list[tuple[object, ...]]:
    def seen(c: ChangeSet) -> tuple[object, ...]:
        return (
            c.sources,
            sorted(c.created_nodes),
            sorted(c.created_relationships),
            {k: (sorted(old), new) for k, (old, new) in c.updated_nodes.items()},
            sorted(c.removed_relationships),
        )

    return [seen(c) for c in store.change_sets()]


def _edited(batch: SourceBatch) -> SourceBatch:
    """The sample again with one property changed and one relationship no longer stated."""
    nodes = [
        dataclasses.replace(n, properties={**n.properties, "opened_year": 2014})
        if n.id == "icdk:munich"
        else n
        for n in batch.nodes
    ]
    kept = [r for r in batch.relationships if r.type != Rel.PRESENT_IN]
    return SourceBatch(batch.source_id, nodes, kept)


def _load_twice(store: GraphStore, release: bool) -> dict[str, Any]:
    first, second = [sample_batch()], [_edited(sample_batch())]
    return {
        "counts": [
            write_batches(store, first, release=release),
            write_batches(store, second, release=release),
        ],
        "graph": snapshot(store),
        "history": _changes(store),
        "batches": first + second,
    }


def test_a_released_load_stores_and_records_what_a_kept_load_does(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loaders.batch, "RELEASED_CHUNK", 2)  # several slices per label and type
    kept = _load_twice(store, release=False)
    store.clear()
    released = _load_twice(store, release=True)
    for what in ("counts", "graph", "history"):
        assert released[what] == kept[what], what
    reload = released["counts"][1]
    assert reload.total("updated") == 1 and reload.total("removed") == 1
    updated = released["history"][1][3]  # the new value, read before the records were released
    assert updated["icdk:munich"][1]["opened_year"] == 2014
    for batch in released["batches"]:  # emptied as written; the source id stays for the report
        assert batch.source_id == "test/sample" and not batch.nodes and not batch.relationships
