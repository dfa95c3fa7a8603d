"""The load and cleanup steps every source shares: write a validated batch, then drop what the
source no longer states (cleanup scoped to that source, so one source never deletes another's)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from graph.records import NodeRecord, RelationshipRecord, WriteCounts, fingerprint
from graph.store import (
    FactKey,
    GraphStore,
    Progress,
    SavedFacts,
    SourceState,
    StoreError,
    StoreUnavailable,
)
from loaders.changes import change_set

T = TypeVar("T")
RELEASED_CHUNK = 50_000  # records written per call when the batches are released as written


class LoadUndone(StoreError):
    """A load failed after its first write and what it wrote was undone."""

    def __init__(self, message: str, store_failed: bool = False) -> None:
        super().__init__(message)
        self.store_failed = store_failed  # the store went away: the command's exit code 3


@dataclass
class SourceBatch:
    """Everything one source states, as records ready for a store."""

    source_id: str
    nodes: list[NodeRecord] = field(default_factory=list)
    relationships: list[RelationshipRecord] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.nodes) + len(self.relationships)


def write_batches(
    store: GraphStore,
    batches: Sequence[SourceBatch],
    progress: Progress | None = None,
    at: dt.datetime | None = None,
    release: bool = False,
) -> WriteCounts:
    """Merge every batch's nodes, then every batch's relationships (which may point at nodes of
    another source), then remove what each source no longer states. Records of all sources are
    written together, per label and relationship type, to keep round trips few.

    One load at a time (the store's load lock). A load that fails after its first write puts
    the store back as it was (LoadUndone), where the store can (Neo4j).

    A load that changes something records its change set (graph/history.py), made `at` (now
    unless given: tests date their loads); a load that changes nothing records none.

    `release`: the caller is done with the batches' records (only their source ids stay): they
    are emptied and each record dropped once written, so a large load never holds all its
    records beside the store's copies of them (the embedded store's peak memory)."""
    with store.exclusive_load():
        store.ensure_schema()
        state = store.source_state(sorted({batch.source_id for batch in batches}))
        state.load_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:12]}"
        counts = WriteCounts()
        if state.duplicates:  # what a crash or an old concurrent load left: one of each stays
            counts.add(store.remove_duplicates(state.duplicates))
        # one key tuple per relationship, shared by `kept` and the change set (a million each)
        keys = [[r.key for r in b.relationships] for b in batches]  # in the batches' order
        kept = {
            b.source_id: ({n.id for n in b.nodes}, set(k))
            for b, k in zip(batches, keys, strict=True)
        }
        saved = _before(store, batches, state, kept, keys)
        del keys
        try:
            # the change set before the write: it needs the records, which a release drops
            changes = change_set(state.load_id, at or _now(), batches, saved, kept)
            counts.add(_write(store, batches, state, kept, progress, release))
            changes.at = at or _now()  # when the load finished writing
            if changes.size:  # part of the load: a load whose history is not kept is undone
                store.record_changes(changes)
        except BaseException as error:
            _undo(store, state.load_id, saved, error)
            raise
        return counts


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _write(
    store: GraphStore,
    batches: Sequence[SourceBatch],
    state: SourceState,
    kept: dict[str, tuple[set[str], set[FactKey]]],
    progress: Progress | None,
    release: bool = False,
) -> WriteCounts:
    counts = WriteCounts()
    by_label: dict[str, list[NodeRecord]] = defaultdict(list)
    for batch in batches:
        for node in batch.nodes:
            by_label[node.label].append(node)
    relationships = [r for b in batches for r in b.relationships]
    if release:
        for batch in batches:
            batch.nodes, batch.relationships = [], []
    for label in sorted(by_label):
        for nodes in _parts(by_label.pop(label), release):
            counts.add(store.write_nodes(label, nodes, state, progress))
    for part in _parts(relationships, release):
        counts.add(store.write_relationships(part, state, progress))
    if state.nodes or state.relationships:  # else the sources held nothing to remove
        counts.add(store.cleanup_sources(kept, state))
    return counts


def _parts(records: list[T], release: bool) -> Iterator[list[T]]:
    """All records at once; or, released, consecutive slices, each taken out of `records` before
    it is written, so that a written slice is freed while the next is written."""
    if not release:
        yield records
        return
    records.reverse()  # slices are then taken off the end, cheaply, in the original order
    while records:
        part = records[-RELEASED_CHUNK:]
        del records[-RELEASED_CHUNK:]
        part.reverse()
        yield part
        del part


def _before(
    store: GraphStore,
    batches: Sequence[SourceBatch],
    state: SourceState,
    kept: dict[str, tuple[set[str], set[FactKey]]],
    keys: list[list[FactKey]],
) -> SavedFacts:
    """What this load will create, and what it will change or remove as it is now."""
    saved = SavedFacts()
    for batch, batch_keys in zip(batches, keys, strict=True):
        for node in batch.nodes:
            known = state.nodes.get(node.id)
            if known is None:
                saved.created_nodes.add(node.id)
            elif known[2] != fingerprint(node.properties):
                saved.nodes[node.id] = {}
        for rel, key in zip(batch.relationships, batch_keys, strict=True):
            old = state.relationships.get(key)
            if old is None:
                saved.created_relationships.add(key)
            elif old != fingerprint(rel.properties):
                saved.relationships[key] = {}
    for node_id, (_, source, _) in state.nodes.items():
        if node_id not in kept[source][0]:
            saved.nodes[node_id] = {}
            saved.detached.add(node_id)
    for key in state.relationships:
        if key not in kept[key[3]][1]:
            saved.relationships[key] = {}
    store.save(saved)
    return saved


def _undo(store: GraphStore, load_id: str, saved: SavedFacts, error: BaseException) -> None:
    """Put the store back; LoadUndone says so. Should the undo fail too (the server went away),
    the first error stands: the next load finishes the work, as loading is idempotent."""
    try:
        undone = store.undo(load_id, saved)
    except Exception:
        return
    if undone and not isinstance(error, KeyboardInterrupt):
        if isinstance(error, StoreError):  # its message says what to do: keep it whole
            raise LoadUndone(
                f"{error} (the load was cut after it had begun writing; everything it wrote "
                "was undone, the store is as it was)",
                store_failed=isinstance(error, StoreUnavailable),
            ) from error
        raise LoadUndone(
            f"the load failed after it had begun writing ({_reason(error)}); "
            "everything it wrote was undone, the store is as it was"
        ) from error


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def write_batch(
    store: GraphStore, batch: SourceBatch, progress: Progress | None = None
) -> WriteCounts:
    return write_batches(store, [batch], progress)
