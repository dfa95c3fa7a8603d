"""What a load would do, in words, before anything is written (`partnergraph load --dry-run`)."""

from __future__ import annotations

from collections.abc import Sequence

from graph.records import fingerprint
from graph.store import FactKey, GraphStore
from loaders.batch import SourceBatch
from ontology.schema import load_schema


def _name(store: GraphStore, node_id: str, batches: Sequence[SourceBatch]) -> str:
    for batch in batches:
        for node in batch.nodes:
            if node.id == node_id and node.properties.get("name"):
                return f"{node.properties['name']} ({node_id})"
    stored = store.get_node(node_id)
    return f"{stored['name']} ({node_id})" if stored and stored.get("name") else node_id


def _fact(store: GraphStore, key: FactKey, batches: Sequence[SourceBatch]) -> str:
    start, rel_type, end, source = key
    verb = load_schema().relationship_types[rel_type].name_en or rel_type
    return f"{_name(store, start, batches)} {verb} {_name(store, end, batches)} (source {source})"


def planned_changes(store: GraphStore, batches: Sequence[SourceBatch]) -> list[str]:
    """One sentence per node or relationship the load would create, change or remove."""
    state = store.source_state(sorted({b.source_id for b in batches}))
    lines: list[str] = []
    kept_nodes = {n.id for b in batches for n in b.nodes}
    kept_rels = {r.key for b in batches for r in b.relationships}
    for batch in batches:
        for node in batch.nodes:
            known = state.nodes.get(node.id)
            if known is None:
                lines.append(f"create {node.label} {_name(store, node.id, batches)}")
            elif known[2] != fingerprint(node.properties):
                lines.append(f"change {node.label} {_name(store, node.id, batches)}")
        for rel in batch.relationships:
            old = state.relationships.get(rel.key)
            if old is None:
                lines.append(f"create {_fact(store, rel.key, batches)}")
            elif old != fingerprint(rel.properties):
                lines.append(f"change {_fact(store, rel.key, batches)}")
    for node_id, (label, _, _) in sorted(state.nodes.items()):
        if node_id not in kept_nodes:
            lines.append(f"remove {label} {_name(store, node_id, batches)}")
    for key in sorted(state.relationships):
        if key not in kept_rels:
            lines.append(f"remove {_fact(store, key, batches)}")
    return lines
