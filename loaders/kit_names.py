"""Actors, markets and models a workbook cell names: "Name [id]" from a drop-down, an id, or a
name typed by hand, matched to the one node of that name (refused with suggestions otherwise)."""

from __future__ import annotations

import difflib
from collections import defaultdict

from graph.store import GraphStore
from loaders.workbook_cells import linked_id
from ontology.names import Label
from ontology.schema import load_schema

KINDS = ("actors", "markets", "models")


class NameIndex:
    def __init__(self, store: GraphStore) -> None:
        schema = load_schema()
        labels = {
            "actors": sorted(schema.actor_labels),
            "markets": [Label.Country, Label.Hotspot, Label.Market],
            "models": [Label.Model],
        }
        self.ids: dict[str, set[str]] = {k: set() for k in KINDS}
        self.names: dict[str, dict[str, set[str]]] = {k: defaultdict(set) for k in KINDS}
        self.shown: dict[str, str] = {}
        for kind, kind_labels in labels.items():
            for label in kind_labels:
                for node in store.nodes(label):
                    self.ids[kind].add(node["id"])
                    self.shown[node["id"]] = str(node.get("name", node["id"]))
                    for name in (node.get("name"), node.get("name_da"), node.get("iso2")):
                        if name:
                            self.names[kind][str(name).casefold()].add(node["id"])

    def resolve(self, text: str, kind: str) -> tuple[str | None, str]:
        """(the id, "") or (None, why not: what was meant, with the closest names)."""
        carried = linked_id(text)
        if carried is not None:
            if carried in self.ids[kind]:
                return carried, ""
            return None, f"no {kind[:-1]} with the id {carried} in the graph"
        if text in self.ids[kind]:
            return text, ""
        found = sorted(self.names[kind].get(text.casefold(), set()))
        if len(found) == 1:
            return found[0], ""
        if found:
            options = "; ".join(f"{self.shown[i]} [{i}]" for i in found[:5])
            return None, f"more than one {kind[:-1]} has this name: pick one of {options}"
        close = difflib.get_close_matches(text.casefold(), list(self.names[kind]), n=3, cutoff=0.6)
        options = "; ".join(
            f"{self.shown[i]} [{i}]" for name in close for i in sorted(self.names[kind][name])[:2]
        )
        hint = f"; closest: {options}" if options else "; pick it from the drop-down list"
        return None, f"no {kind[:-1]} of this name in the graph{hint}"
