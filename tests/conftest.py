"""Shared fixtures. Neo4j tests run against the real server: NEO4J_URI if set, else the local one
started by deploy/neo4j/neo4j.sh. Under CI a missing server fails the run instead of skipping."""

import os
from collections.abc import Iterator

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from api.settings import Settings


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
    """The database emptied of data and of schema, for a test that needs a known start."""
    db = settings.neo4j_database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    for record in neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name", database_=db).records:
        neo4j_driver.execute_query(f"DROP CONSTRAINT `{record['name']}`", database_=db)
    indexes = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", database_=db
    ).records
    for record in indexes:
        neo4j_driver.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS", database_=db)
    return neo4j_driver
