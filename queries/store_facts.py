"""The analysis facts for a store: Cypher on Neo4j (in one read transaction), networkx walks in
memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from queries.facts import AnalysisFacts
from queries.facts_memory import MemoryFacts
from queries.facts_neo4j import Neo4jFacts


@contextmanager
def analysis_facts(store: GraphStore) -> Iterator[AnalysisFacts]:
    if isinstance(store, Neo4jStore):
        with store.read_transaction() as run:
            yield Neo4jFacts(run, store)
    elif isinstance(store, MemoryStore):
        yield MemoryFacts(store)
    else:
        raise TypeError(f"no analysis facts for a {type(store).__name__}")
