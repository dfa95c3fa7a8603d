"""Ids given by users: `odense-robotics` or `cluster:odense-robotics`, `DE` or `country:DE`."""

from __future__ import annotations

import difflib

from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.schema import load_schema


class UnknownIdError(LookupError):
    """No node has the id; `closest` holds the ids a user most likely meant."""

    def __init__(self, value: str, kind: str, closest: list[str]) -> None:
        self.value, self.kind, self.closest = value, kind, closest
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        super().__init__(f"no {kind} {value!r}{hint}")


class InactiveClusterError(LookupError):
    """The cluster is not active (bankrupt, merged): no partners are recommended to it."""

    def __init__(self, cluster: str, name: str, status: str) -> None:
        self.cluster, self.status = cluster, status
        super().__init__(
            f"{name} ({cluster}) is {status}: no partners are recommended to a cluster that is "
            "not active (its gaps are still shown by `gaps --cluster`)"
        )


def qualified(value: str, prefix: str) -> str:
    """The full id: a bare slug gets the prefix (`DE` -> `country:DE`)."""
    value = value.strip()
    return value if ":" in value else f"{prefix}:{value}"


def resolve_id(store: GraphStore, value: str, *prefixes: str) -> str:
    """The id of an existing node, trying each prefix for a bare slug, or UnknownIdError."""
    candidates = [qualified(value, prefix) for prefix in prefixes]
    for node_id in candidates:
        if node_id.split(":", 1)[0] in prefixes and store.get_node(node_id) is not None:
            return node_id
    raise unknown_id(store, value, *prefixes)


def resolve_model(store: GraphStore, value: str) -> str:
    """A model's id. The graph's models are the catalogue's, so a known one needs no query."""
    model_id = qualified(value, "model")
    return model_id if model_id in load_catalogue().models else resolve_id(store, value, "model")


def unknown_id(store: GraphStore, value: str, *prefixes: str) -> UnknownIdError:
    """The error for a value no node of these prefixes has, naming the closest ids."""
    schema = load_schema()
    known = [
        node["id"] for prefix in prefixes for node in store.nodes(schema.by_prefix[prefix].label)
    ]
    closest = difflib.get_close_matches(qualified(value, prefixes[0]), known, n=3, cutoff=0.5)
    kind = " or ".join(schema.by_prefix[p].label for p in prefixes)
    return UnknownIdError(value, kind, closest)
