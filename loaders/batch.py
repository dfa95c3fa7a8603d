"""The load and cleanup steps every source shares: write a validated batch, then drop what the
source no longer states (cleanup scoped to that source, so one source never deletes another's)."""

from __future__ import annotations

from collections import defaultdict
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


def write_batch(
    store: GraphStore, batch: SourceBatch, progress: Progress | None = None
) -> WriteCounts:
    """Merge the batch into the store, then remove the source's facts that are not in it."""
    store.ensure_schema()
    counts = WriteCounts()
    by_label: dict[str, list[NodeRecord]] = defaultdict(list)
    for node in batch.nodes:
        by_label[node.label].append(node)
    for label, records in sorted(by_label.items()):
        counts.add(store.write_nodes(label, records, progress))
    counts.add(store.write_relationships(batch.relationships, progress))
    counts.add(
        store.cleanup_source(
            batch.source_id,
            {node.id for node in batch.nodes},
            {rel.key for rel in batch.relationships},
        )
    )
    return counts
