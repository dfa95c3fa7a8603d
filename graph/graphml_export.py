"""The graph as GraphML for Gephi: flat attributes, lists joined, dates as ISO text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx

from graph.records import FINGERPRINT, LOAD_ID, SOURCE_ID, source_name
from graph.store import GraphStore
from ontology.schema import load_schema

BOOKKEEPING = (FINGERPRINT, LOAD_ID)


def _attrs(props: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Flat attributes; the source by name (never a path of the loading machine)."""
    return {
        k: source_name(v) if k == SOURCE_ID else _flat(v)
        for k, v in props.items()
        if v is not None and k not in BOOKKEEPING
    }


def _flat(value: Any) -> str | int | float | bool:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def store_to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    schema = load_schema()
    graph = nx.MultiDiGraph()
    for node in store.nodes():
        graph.add_node(node["id"], label=schema.label_for_id(node["id"]), **_attrs(node))
    for rel in store.relationships():
        graph.add_edge(rel.start, rel.end, type=rel.type, **_attrs(rel.properties))
    return graph


def write_graphml(store: GraphStore, path: Path) -> None:
    nx.write_graphml(store_to_networkx(store), path)
