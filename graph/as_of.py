"""The graph as it was at a moment: the graph now, with every change set made after that moment
undone, newest first, into an embedded copy. History reaches back to the state before the
oldest change set kept: its baseline (the first load, or the oldest load retention kept), which
is never undone, so a day before it answers with the graph as that load left it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.history import ChangeSet
from graph.memory_store import MemoryStore
from graph.records import SOURCE_ID
from graph.store import GraphStore
from ontology.schema import load_schema


@dataclass(frozen=True)
class AsOf:
    """Which graph answered: the store itself, or a copy as it was at `moment`."""

    store: GraphStore
    moment: dt.datetime
    undone: int  # change sets undone to reach it (0: the graph as it is)
    history_begins: dt.datetime | None  # the baseline's time; None when nothing was recorded

    @property
    def before_history(self) -> bool:
        return self.history_begins is not None and self.moment < self.history_begins


def graph_as_of(store: GraphStore, moment: dt.datetime) -> AsOf:
    """The store itself when nothing changed after `moment`; else a memory copy as it was."""
    begins = store.history_begins()
    later = [c for c in store.change_sets(since=moment) if begins is None or c.at > begins]
    if not later:
        return AsOf(store, moment, 0, begins)
    view = copy_of(store)
    for changes in reversed(later):
        undo_changes(view, changes)
    return AsOf(view, moment, len(later), begins)


def copy_of(store: GraphStore) -> MemoryStore:
    label_for_id = load_schema().label_for_id
    view = MemoryStore()
    for props in store.nodes():
        view.put_node(props["id"], label_for_id(props["id"]), props)
    for rel in store.relationships():
        key = (rel.start, rel.type, rel.end, str(rel.properties[SOURCE_ID]))
        view.put_relationship(key, rel.properties)
    return view


def undo_changes(view: MemoryStore, changes: ChangeSet) -> None:
    """Nodes back first (relationships need their ends), created nodes gone last."""
    label_for_id = load_schema().label_for_id
    for node_id, props in changes.removed_nodes.items():
        view.put_node(node_id, label_for_id(node_id), props)
    for node_id, (old, _) in changes.updated_nodes.items():
        view.put_node(node_id, label_for_id(node_id), old)
    view.remove({}, changes.created_relationships)
    for key, props in changes.removed_relationships.items():
        view.put_relationship(key, props)
    for key, (old, _) in changes.updated_relationships.items():
        view.put_relationship(key, old)
    view.remove({node_id: (label_for_id(node_id), "") for node_id in changes.created_nodes}, set())
