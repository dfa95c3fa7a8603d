"""A load's change set, from what the load step already knows: which facts are new (the
fingerprints read before writing) and the old values it saved for the undo of a failed load.
Nothing more is read from the store, so keeping history costs a load little."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.history import ChangeSet, own
from graph.store import FactKey, SavedFacts

if TYPE_CHECKING:
    from loaders.batch import SourceBatch


def change_set(
    load_id: str,
    at: dt.datetime,
    batches: Sequence[SourceBatch],
    saved: SavedFacts,
    kept: dict[str, tuple[set[str], set[FactKey]]],
) -> ChangeSet:
    """Created (keys), updated (old and new values) and removed (old values) facts."""
    changes = ChangeSet(
        load_id,
        at,
        sorted({b.source_id for b in batches}),
        created_nodes=saved.created_nodes,  # taken, not copied: the load is done with them
        created_relationships=saved.created_relationships,
    )
    for batch in batches:
        for node in batch.nodes:
            if node.id in saved.nodes:
                changes.updated_nodes[node.id] = (own(saved.nodes[node.id]), own(node.properties))
        for rel in batch.relationships:
            if rel.key in saved.relationships:
                old = own(saved.relationships[rel.key])
                changes.updated_relationships[rel.key] = (old, own(rel.properties))
    for node_id, props in saved.nodes.items():
        if node_id not in changes.updated_nodes:
            changes.removed_nodes[node_id] = own(props)
    for key, props in saved.relationships.items():
        if key not in changes.updated_relationships:
            changes.removed_relationships[key] = own(props)
    return changes
