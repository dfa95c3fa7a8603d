"""Fixtures of the HTTP API tests: the app over HTTP (TestClient) on each store, loaded with
the bundled data. The Neo4j ones use the suite's server (NEO4J_URI), loaded once per session
unless another test emptied it in between."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.main import create_app
from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled

BUNDLED_NODES, BUNDLED_RELATIONSHIPS = 767, 1389  # README: the bundled data with illustrative


@pytest.fixture(scope="session")
def memory_store() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store, True)
    return store


@pytest.fixture(scope="session")
def session_neo4j(neo4j_driver: Driver, settings: Settings) -> Iterator[Neo4jStore]:
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    yield store
    store.close()


@pytest.fixture
def bundled_neo4j(session_neo4j: Neo4jStore) -> Neo4jStore:
    """The suite's Neo4j holding exactly the bundled data (reloaded only when it does not)."""
    counts = session_neo4j.counts()
    if (counts.node_total, counts.relationship_total) != (BUNDLED_NODES, BUNDLED_RELATIONSHIPS):
        session_neo4j.clear()
        session_neo4j.ensure_schema()
        load_bundled(session_neo4j, True)
    return session_neo4j


def client_for(store: GraphStore, **settings: object) -> TestClient:
    """A TestClient of an app on `store`; use it as a context manager (runs the lifespan)."""
    app_settings = Settings(partnergraph_store=store.kind, **settings)  # type: ignore[arg-type]
    return TestClient(create_app(app_settings, store))


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def any_store(request: pytest.FixtureRequest) -> GraphStore:
    """Each store in turn, holding the bundled data."""
    name = "memory_store" if request.param == "memory" else "bundled_neo4j"
    store: GraphStore = request.getfixturevalue(name)
    return store


@pytest.fixture
def client(any_store: GraphStore) -> Iterator[TestClient]:
    with client_for(any_store) as test_client:
        yield test_client


@pytest.fixture
def neo4j_client(bundled_neo4j: Neo4jStore) -> Iterator[TestClient]:
    with client_for(bundled_neo4j) as test_client:
        yield test_client
