"""The real Neo4j server answers, stores what it is given and enforces constraints."""

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from api.settings import Settings

pytestmark = pytest.mark.neo4j


def test_server_is_neo4j_5_26_community(neo4j_driver: Driver) -> None:
    records = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
    ).records
    assert records[0]["name"] == "Neo4j Kernel"
    assert records[0]["versions"][0].startswith("5.26")
    assert records[0]["edition"] == "community"


def test_written_nodes_read_back(empty_neo4j: Driver, settings: Settings) -> None:
    rows = [
        {"id": "cluster:odense-robotics", "name": "Odense Robotics"},
        {"id": "icdk:munich", "name": "ICDK Munich"},
    ]
    empty_neo4j.execute_query(
        "UNWIND $rows AS row MERGE (n:Probe {id: row.id}) SET n.name = row.name",
        rows=rows,
        database_=settings.neo4j_database,
    )
    found = empty_neo4j.execute_query(
        "MATCH (n:Probe) RETURN n.id AS id, n.name AS name ORDER BY id",
        database_=settings.neo4j_database,
    ).records
    assert [(r["id"], r["name"]) for r in found] == [
        ("cluster:odense-robotics", "Odense Robotics"),
        ("icdk:munich", "ICDK Munich"),
    ]


def test_uniqueness_constraint_rejects_a_duplicate_id(
    empty_neo4j: Driver, settings: Settings
) -> None:
    db = settings.neo4j_database
    empty_neo4j.execute_query("DROP CONSTRAINT probe_id IF EXISTS", database_=db)
    empty_neo4j.execute_query(
        "CREATE CONSTRAINT probe_id IF NOT EXISTS FOR (n:Probe) REQUIRE n.id IS UNIQUE",
        database_=db,
    )
    empty_neo4j.execute_query("CREATE (:Probe {id: 'cluster:clean'})", database_=db)
    with pytest.raises(ConstraintError):
        empty_neo4j.execute_query("CREATE (:Probe {id: 'cluster:clean'})", database_=db)
    count = empty_neo4j.execute_query("MATCH (n:Probe) RETURN count(n) AS n", database_=db).records
    assert count[0]["n"] == 1
