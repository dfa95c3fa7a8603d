"""POST /cypher: reads answer; every way to write or escape is refused and changes nothing; a
slow query is cut at the timeout; rows are limited; values travel only as parameters."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from ontology.names import Label
from queries.readonly_cypher import CypherRefused, check_read_only, code_only
from tests.helpers import snapshot
from tests.integration.api.conftest import client_for

EVIL = "(:Evil {id: 'cluster:evil', name: 'evil'})"
# Each write or admin clause in upper, lower and mixed case, hidden behind comments and
# strings, after a semicolon, inside subqueries, and through procedures.
# spelled: Cypher as an attacker types it
ATTEMPTS = [
    f"CREATE {EVIL}",
    f"create {EVIL}",
    f"CrEaTe {EVIL}",
    "MERGE (n:Cluster {id: 'cluster:evil'}) RETURN n",
    "merge (n:Cluster {id: 'cluster:evil'})",
    "MATCH (n:Cluster) SET n.name = 'pwned'",
    "match (n:Cluster) set n:Evil",
    "MATCH (n:Cluster) sEt n += {name: 'pwned'}",
    "MATCH (n) DETACH DELETE n",
    "match ()-[r]->() delete r",
    "MATCH (n:Cluster) REMOVE n.name",
    "match (n:Cluster) ReMoVe n:Cluster",
    "DROP INDEX cluster_id IF EXISTS",
    "drop constraint Cluster_id IF EXISTS",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load csv with headers from 'file:///x.csv' AS row CREATE (:Evil {x: row.x})",
    "Load Csv From 'file:///etc/hosts' AS row RETURN row",
    "CALL dbms.security.createUser('evil', 'evil-password', false)",
    "call db.createLabel('Evil')",
    "CALL db.clearQueryCaches()",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL `dbms`.`killQueries`(['query-1'])",
    "CALL db . createProperty('evil')",
    "MATCH (n) CALL (n) { SET n.evil = 1 } IN TRANSACTIONS OF 10 ROWS",
    "MATCH (n) CALL { WITH n RETURN n.id AS id } IN TRANSACTIONS RETURN id",
    "UNWIND [1] AS x CALL (x) { RETURN x AS y } in 2 concurrent transactions RETURN y",
    f"RETURN 1; CREATE {EVIL}",
    "MATCH (n) RETURN count(n);\nMATCH (n) DETACH DELETE n",
    f"RETURN 1 AS one ;/* comment */ CREATE {EVIL}",
    f"/* just a comment */ CREATE {EVIL}",
    f"// a line comment\nCREATE {EVIL}",
    f"RETURN 1 // a comment ended by a carriage return\rCREATE {EVIL}",
    f"RETURN '/*' AS a, 1 AS b */ CREATE {EVIL} //'",
    f'RETURN "it\'s" AS a CREATE {EVIL}',
    f"RETURN 'a\\\\' AS a CREATE {EVIL}",
    "MATCH (n) FOREACH (x IN [1] | CREATE (:Evil))",
    f"CALL {{ CREATE {EVIL} }} RETURN 1",
    f"EXPLAIN CREATE {EVIL}",
    "USE system SHOW USERS",
    "EXPLAIN USE system SHOW USERS",
    "CYPHER 5 use `system` SHOW DATABASES",
    "CREATE USER evil SET PASSWORD 'evil-password'",
    "CREATE DATABASE evil",
    "STOP DATABASE neo4j",
    "start database neo4j",
    "GRANT ROLE admin TO evil",
    "ALTER USER neo4j SET PASSWORD 'evil-password'",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CALL apoc.cypher.runWrite('CREATE (:Evil)', {})",
]
# And each clause of the list in upper, lower and alternating case.
# spelled: Cypher as an attacker types it
CLAUSES = [
    f"CREATE {EVIL}",
    f"MERGE {EVIL}",
    "MATCH (n:Cluster) SET n.name = 'pwned'",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Cluster) REMOVE n.name",
    "DROP INDEX cluster_id IF EXISTS",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.security.createUser('evil', 'evil-password', false)",
    "CALL db.createLabel('Evil')",
    "MATCH (n) CALL (n) { SET n.evil = 1 } IN TRANSACTIONS",
    f"RETURN 1; CREATE {EVIL}",
]


def _alternating(text: str) -> str:
    return "".join(c.lower() if i % 2 else c.upper() for i, c in enumerate(text))


ATTEMPTS += [variant for q in CLAUSES for variant in (q.upper(), q.lower(), _alternating(q))]
# spelled: Cypher as an analyst types it
READS = [
    "MATCH (c:Cluster {id: $id})-[:PARTNERS_WITH]-(p) RETURN p.id AS partner",
    "MATCH (n) WITH n, n.set AS s, {create: 1} AS m RETURN $merge AS x, n.start AS start LIMIT 1",
    "MATCH (n) RETURN n // CREATE (x)",
    "RETURN 'CREATE (n); DETACH DELETE n' AS text",
    "MATCH (n) CALL (n) { RETURN n.id AS id } RETURN id LIMIT 3",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n:`Cluster`) RETURN n.`name` AS name;",
    "MATCH (a)-[r:PARTNERS_WITH]->(b) RETURN r.start AS start, r.end AS end LIMIT 2",
]


@pytest.mark.parametrize("query", ATTEMPTS)
def test_each_write_or_escape_is_refused_before_sending(query: str) -> None:
    with pytest.raises(CypherRefused):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_reads_are_let_through(query: str) -> None:
    check_read_only(query)


def test_comments_and_strings_are_blanked_and_quoted_names_neutral() -> None:
    code = code_only("MATCH (`CREATE`) /* DELETE */ RETURN 'SET' // MERGE")
    for word in ("CREATE", "DELETE", "SET", "MERGE"):
        assert word not in code


def _database_state(store: Neo4jStore, driver: Driver) -> dict[str, Any]:
    def names(query: str, database: str = "neo4j") -> list[Any]:
        return sorted(r[0] for r in driver.execute_query(query, database_=database).records)

    return {
        "graph": snapshot(store, keep_timestamps=True),
        "indexes": names("SHOW INDEXES YIELD name RETURN name"),
        "constraints": names("SHOW CONSTRAINTS YIELD name RETURN name"),
        "users": names("SHOW USERS YIELD user RETURN user", "system"),
        "databases": names("SHOW DATABASES YIELD name, currentStatus RETURN name + currentStatus"),
    }


@pytest.mark.neo4j
def test_over_http_every_attempt_is_refused_and_the_database_is_unchanged(
    bundled_neo4j: Neo4jStore, neo4j_driver: Driver
) -> None:
    assert len(ATTEMPTS) >= 25
    before = _database_state(bundled_neo4j, neo4j_driver)
    with client_for(bundled_neo4j) as client:
        for query in ATTEMPTS:
            response = client.post("/cypher", json={"query": query})
            assert response.status_code == 403, (query, response.text)
            assert response.json()["detail"].startswith("refused"), query
    assert _database_state(bundled_neo4j, neo4j_driver) == before


@pytest.mark.neo4j
def test_the_read_transaction_refuses_a_write_the_check_would_miss(
    bundled_neo4j: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the clause check switched off, the server still refuses."""
    monkeypatch.setattr("queries.readonly_cypher.check_read_only", lambda query: None)
    before = snapshot(bundled_neo4j, keep_timestamps=True)
    with client_for(bundled_neo4j) as client:
        response = client.post("/cypher", json={"query": f"CREATE {EVIL}"})
    assert response.status_code == 403
    assert "read" in response.json()["detail"]
    assert snapshot(bundled_neo4j, keep_timestamps=True) == before


@pytest.mark.neo4j
def test_reads_answer_with_columns_and_rows(neo4j_client: TestClient) -> None:
    for query in READS:
        parameters = {"id": "cluster:odense-robotics", "merge": 1}
        response = neo4j_client.post("/cypher", json={"query": query, "parameters": parameters})
        assert response.status_code == 200, (query, response.text)
    # spelled: Cypher as an analyst types it
    body = neo4j_client.post(
        "/cypher",
        json={
            "query": "MATCH (c:Cluster {id: $id})-[r:PARTNERS_WITH]->(p) "
            "RETURN p.id AS partner, r.start AS start, c ORDER BY partner LIMIT 1",
            "parameters": {"id": "cluster:odense-robotics"},
        },
    ).json()
    assert body["columns"] == ["partner", "start", "c"]
    partner, start, cluster = body["rows"][0]
    assert partner.count(":") == 1 and (start is None or len(start) == 10)
    assert cluster["labels"] == [Label.Cluster]
    assert cluster["properties"]["id"] == "cluster:odense-robotics"
    assert body["truncated"] is False


@pytest.mark.neo4j
def test_values_travel_as_parameters_never_as_text(
    bundled_neo4j: Neo4jStore, neo4j_client: TestClient
) -> None:
    before = snapshot(bundled_neo4j, keep_timestamps=True)
    injection = "x'}) DETACH DELETE n //"
    response = neo4j_client.post(
        "/cypher",
        json={"query": "MATCH (n {id: $id}) RETURN n.id AS id", "parameters": {"id": injection}},
    )
    assert response.status_code == 200 and response.json()["rows"] == []
    echoed = neo4j_client.post(
        "/cypher", json={"query": "RETURN $v AS v", "parameters": {"v": injection}}
    )
    assert echoed.json()["rows"] == [[injection]]
    assert snapshot(bundled_neo4j, keep_timestamps=True) == before


@pytest.mark.neo4j
def test_rows_are_limited_by_the_configured_row_limit(bundled_neo4j: Neo4jStore) -> None:
    with client_for(bundled_neo4j, partnergraph_cypher_row_limit=25) as client:
        body = client.post(
            "/cypher", json={"query": "UNWIND range(1, 100000) AS x RETURN x"}
        ).json()
    assert body["rows"] == [[x] for x in range(1, 26)]
    assert body["truncated"] is True and body["row_limit"] == 25


@pytest.mark.neo4j
def test_a_slow_query_is_cut_at_the_configured_timeout(bundled_neo4j: Neo4jStore) -> None:
    slow = "UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x"
    with client_for(bundled_neo4j, partnergraph_cypher_timeout=1.0) as client:
        started = time.perf_counter()
        response = client.post("/cypher", json={"query": slow})
        seconds = time.perf_counter() - started
    assert response.status_code == 408
    assert "longer than 1 s" in response.json()["detail"]
    assert seconds < 8, f"cut after {seconds:.1f} s"


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "body",
    [
        {"query": "MATCH (n RETURN n"},
        {"query": "RETURN $missing"},
        {"query": "RETURN $big", "parameters": {"big": 2**70}},
        {"query": ""},
        {"query": "RETURN 1", "parameters": ["not", "a", "map"]},
        {"parameters": {}},
    ],
)
def test_a_query_neo4j_cannot_run_is_a_422(neo4j_client: TestClient, body: dict[str, Any]) -> None:
    response = neo4j_client.post("/cypher", json=body)
    assert response.status_code == 422, response.text
    answer = response.json()  # the one 422 shape: a line, and each problem with its place
    assert answer["detail"] and answer["problems"]
    assert all(problem["loc"][0] == "body" for problem in answer["problems"])


def test_on_the_memory_store_cypher_is_a_501_pointing_to_neo4j(memory_store: MemoryStore) -> None:
    with client_for(memory_store) as client:
        response = client.post("/cypher", json={"query": "MATCH (n) RETURN n"})
    assert response.status_code == 501
    assert "PARTNERGRAPH_STORE=neo4j" in response.json()["detail"]
    assert "neo4j.sh start" in response.json()["detail"]
