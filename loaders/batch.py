"""The load and cleanup steps every source shares: write a validated batch, then drop what the
source no longer states (cleanup scoped to that source, so one source never deletes another's)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.records import NodeRecord, RelationshipRecord, WriteCounts
from graph.store import GraphStore, Progress


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
    store: GraphStore, batches: Sequence[SourceBatch], progress: Progress | None = None
) -> WriteCounts:
    """Merge every batch's nodes, then every batch's relationships (which may point at nodes of
    another source), then remove what each source no longer states. Records of all sources are
    written together, per label and relationship type, to keep round trips few."""
    store.ensure_schema()
    state = store.source_state(sorted({batch.source_id for batch in batches}))
    counts = WriteCounts()
    by_label: dict[str, list[NodeRecord]] = defaultdict(list)
    for batch in batches:
        for node in batch.nodes:
            by_label[node.label].append(node)
    for label, records in sorted(by_label.items()):
        counts.add(store.write_nodes(label, records, state, progress))
    relationships = [r for b in batches for r in b.relationships]
    counts.add(store.write_relationships(relationships, state, progress))
    if state.nodes or state.relationships:  # else the sources held nothing to remove
        kept = {
            batch.source_id: ({n.id for n in batch.nodes}, {r.key for r in batch.relationships})
            for batch in batches
        }
        counts.add(store.cleanup_sources(kept, state))
    return counts


def write_batch(
    store: GraphStore, batch: SourceBatch, progress: Progress | None = None
) -> WriteCounts:
    return write_batches(store, [batch], progress)
