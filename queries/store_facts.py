"""The analysis facts for a store: Cypher on Neo4j, networkx walks in memory."""

from __future__ import annotations

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from queries.facts import AnalysisFacts
from queries.facts_memory import MemoryFacts
from queries.facts_neo4j import Neo4jFacts


def facts_for(store: GraphStore) -> AnalysisFacts:
    if isinstance(store, Neo4jStore):
        return Neo4jFacts(store)
    if isinstance(store, MemoryStore):
        return MemoryFacts(store)
    raise TypeError(f"no analysis facts for a {type(store).__name__}")
