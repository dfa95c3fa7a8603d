"""Shared fixtures. Neo4j tests run against the real server: NEO4J_URI if set, else the local one
started by deploy/neo4j/neo4j.sh. Under CI a missing server fails the run instead of skipping."""

import os
from collections.abc import Iterator

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def neo4j_driver(settings: Settings) -> Iterator[Driver]:
    driver = GraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth)
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, OSError) as error:
        driver.close()
        message = (
            f"Neo4j is not reachable at {settings.neo4j_uri} ({error}). "
            "Start it with `deploy/neo4j/neo4j.sh start` or run `make test`."
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    yield driver
    driver.close()


@pytest.fixture
def empty_neo4j(neo4j_driver: Driver, settings: Settings) -> Driver:
    """The database emptied of data (the schema stays: creating it is idempotent and slow), in
    bounded transactions: one DETACH DELETE of what a benchmark left exhausts the server's
    transaction memory."""
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    store.clear()
    store.close()
    return neo4j_driver


@pytest.fixture
def neo4j_store(empty_neo4j: Driver, settings: Settings) -> Iterator[Neo4jStore]:
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    yield store
    store.close()


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each store in turn: a test using it states the semantics both must share."""
    if request.param == "memory":
        return MemoryStore()
    store: GraphStore = request.getfixturevalue("neo4j_store")
    return store
