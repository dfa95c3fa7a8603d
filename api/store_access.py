"""The store the environment asks for (memory: loaded with the bundled data when asked to read)."""

from __future__ import annotations

import gc

from api.settings import Settings
from graph.factory import open_store
from graph.store import GraphStore
from loaders.pipeline import load_bundled


def empty_or_persistent_store(settings: Settings) -> GraphStore:
    """Neo4j as it is, or an empty memory store."""
    return open_store(
        settings.partnergraph_store,
        uri=settings.neo4j_uri,
        auth=settings.neo4j_auth,
        database=settings.neo4j_database,
    )


def configured_store(settings: Settings, include_illustrative: bool = True) -> GraphStore:
    """Ready to read: the memory store starts with the bundled data."""
    store = empty_or_persistent_store(settings)
    if not store.traits.persistent:
        load_bundled(store, include_illustrative)
    # What is loaded by now (the code, and the memory store's graph) lives as long as the
    # process: keep it out of the garbage collector's full passes, which otherwise stall
    # requests while they walk it.
    gc.collect()
    gc.freeze()
    return store
