"""Open the store the environment asks for."""

from __future__ import annotations

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore


def open_store(
    kind: str,
    uri: str = "bolt://127.0.0.1:7687",
    auth: tuple[str, str] | None = None,
    database: str = "neo4j",
) -> GraphStore:
    if kind == "memory":
        return MemoryStore()
    if kind == "neo4j":
        return Neo4jStore(uri, auth=auth, database=database)
    raise ValueError(f"unknown store {kind!r}: use memory or neo4j (PARTNERGRAPH_STORE)")
