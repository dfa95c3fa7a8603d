"""The store the environment asks for, ready to read (memory: loaded with the bundled data)."""

from __future__ import annotations

from api.settings import Settings
from graph.factory import open_store
from graph.store import GraphStore
from loaders.pipeline import load_bundled


def configured_store(settings: Settings, include_illustrative: bool = True) -> GraphStore:
    store = open_store(
        settings.partnergraph_store,
        uri=settings.neo4j_uri,
        auth=settings.neo4j_auth,
        database=settings.neo4j_database,
    )
    if store.kind == "memory":
        load_bundled(store, include_illustrative)
    return store
