"""Leads over HTTP: routes on both stores; POST /leads stores a lead on Neo4j behind the API key,
after the loaders' checks (every problem listed, nothing stored), and answers 501 on the memory
store, which keeps nothing between runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.leads_intake import SOURCE_PREFIX
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from ontology.names import ModelId, Rel
from tests.helpers import snapshot
from tests.integration.api.conftest import client_for

KEY = "test-key-leads"
LEAD: dict[str, Any] = {
    "id": "lead:http-welding",
    "name": "Munich supplier seeks robot welding cells",
    "technology": "robotsvejsning og automatisering",
    "sought": "test-partner",
    "found_on": "2026-11-20",
    "found_by": "icdk:munich",
    "found_in": "hotspot:munich",
    "provenance": {"source": "ICDK Munich lead log (test)", "confidence": "reported"},
}


def test_routes_of_a_bundled_lead(client: TestClient) -> None:
    answer = client.get("/leads/munich-intralogistics/routes", params={"top": 3})
    assert answer.status_code == 200
    body = answer.json()
    assert body["model"] == ModelId.market_test
    assert len(body["routes"]) == 3
    first = body["routes"][0]
    assert first["cluster"]["id"] == "cluster:odense-robotics"
    assert first["reasons"] and first["evidence"] and first["provenance"]
    assert first["contact"]["via"]["id"] == "icdk:munich"


def test_an_unknown_lead_is_404_with_the_closest(client: TestClient) -> None:
    answer = client.get("/leads/munich-intralogistic/routes")
    assert answer.status_code == 404
    assert "lead:munich-intralogistics" in answer.json()["closest"]


def test_posting_a_lead_on_the_memory_store_is_501(memory_store: GraphStore) -> None:
    with client_for(memory_store, partnergraph_api_key=KEY) as client:
        answer = client.post("/leads", json=LEAD, headers={"X-API-Key": KEY})
    assert answer.status_code == 501
    assert "PARTNERGRAPH_STORE=neo4j" in answer.json()["detail"]


@pytest.fixture
def keyed(bundled_neo4j: Neo4jStore) -> Iterator[tuple[TestClient, Neo4jStore]]:
    with client_for(bundled_neo4j, partnergraph_api_key=KEY) as client:
        yield client, bundled_neo4j
    for slug in ("http-welding", "http-remote-care"):  # leave the bundled data as it was
        source = SOURCE_PREFIX + slug
        state = bundled_neo4j.source_state([source])
        bundled_neo4j.cleanup_sources({source: (set(), set())}, state)


@pytest.mark.neo4j
def test_post_lead_refuses_without_the_key(keyed: tuple[TestClient, Neo4jStore]) -> None:
    client, store = keyed
    before = snapshot(store)
    assert client.post("/leads", json=LEAD).status_code == 401
    assert client.post("/leads", json=LEAD, headers={"X-API-Key": "wrong"}).status_code == 401
    assert snapshot(store) == before


@pytest.mark.neo4j
def test_post_lead_needs_a_key_set_on_the_server(bundled_neo4j: Neo4jStore) -> None:
    with client_for(bundled_neo4j) as client:
        answer = client.post("/leads", json=LEAD)
    assert answer.status_code == 403
    assert "PARTNERGRAPH_API_KEY" in answer.json()["detail"]


@pytest.mark.neo4j
def test_bad_lead_lists_every_problem_and_stores_nothing(
    keyed: tuple[TestClient, Neo4jStore],
) -> None:
    client, store = keyed
    before = snapshot(store)
    bad = dict(LEAD, sought="a-job", found_by="icdk:munic", routed_to="cluster:nowhere")
    answer = client.post("/leads", json=bad, headers={"X-API-Key": KEY})
    assert answer.status_code == 422
    listed = answer.json()["problems"]  # the API's one 422 shape: each problem at the body
    assert all(p["loc"] == ["body"] for p in listed), listed
    problems = [p["msg"] for p in listed]
    assert any("sought = 'a-job'" in p for p in problems)
    assert any("icdk:munic" in p and "icdk:munich" in p for p in problems)  # closest named
    assert any("cluster:nowhere" in p for p in problems)
    assert not any("lead.json" in p or "/tmp" in p for p in problems), problems
    assert snapshot(store) == before


@pytest.mark.neo4j
def test_a_posted_lead_is_routed_and_its_outcome_updated(
    keyed: tuple[TestClient, Neo4jStore],
) -> None:
    client, _ = keyed
    headers = {"X-API-Key": KEY}
    stored = client.post("/leads", json=LEAD, headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["created"] == 3  # the lead, FOUND_BY, FOUND_IN
    routes = client.get(stored.json()["routes"], headers=headers).json()
    assert routes["routes"][0]["cluster"]["id"] == "cluster:odense-robotics"
    assert routes["outcome"]["cluster"] is None
    accepted = dict(LEAD, routed_to="cluster:odense-robotics", status="accepted")
    again = client.post("/leads", json=accepted, headers=headers)
    assert again.status_code == 200
    assert again.json()["created"] == 1 and again.json()["updated"] == 1
    outcome = client.get(stored.json()["routes"], headers=headers).json()["outcome"]
    assert outcome["cluster"]["id"] == "cluster:odense-robotics"
    assert outcome["status"] == "accepted"


@pytest.mark.neo4j
def test_a_posted_outcome_moves_the_recommendations_from_the_day_it_was_posted(
    keyed: tuple[TestClient, Neo4jStore],
) -> None:
    client, _ = keyed
    headers = {"X-API-Key": KEY}
    lead = dict(
        LEAD,
        id="lead:http-remote-care",
        name="Boston hospital tests remote monitoring",
        technology="remote monitoring of patients",
        found_on="2026-05-04",
        found_by="icdk:silicon-valley",
        found_in="country:US",
        routed_to="cluster:danish-life-science-cluster",
        status="result",
        result="successful",
    )
    assert client.post("/leads", json=lead, headers=headers).status_code == 200
    asked = "/recommendations?cluster=danish-life-science-cluster&model=innovation-test&limit=20"

    def silicon_valley(day: dt.date) -> dict[str, Any]:
        answer = client.get(f"{asked}&as_of={day.isoformat()}", headers=headers)
        assert answer.status_code == 200, answer.text
        found = [
            r for r in answer.json()["recommendations"] if r["actor"]["id"] == lead["found_by"]
        ]
        assert len(found) == 1
        return found[0]

    today = silicon_valley(dt.date.today())
    said = [r for r in today["reasons"] if "lead «Boston hospital tests remote monitoring»" in r]
    assert said and said[0].endswith("turned into a success: trust 0.00 -> 0.25.")
    assert today["components"]["trust"] == 0.25
    assert [e["path"] for e in today["evidence"] if e["path"][0] == lead["id"]] == [
        [lead["id"], Rel.ROUTED_TO, "cluster:danish-life-science-cluster"]
    ]
    # the day before it was posted, the graph as loaded then has no outcome
    before = silicon_valley(dt.date.today() - dt.timedelta(days=1))
    assert before["components"]["trust"] == 0.0
    assert not [r for r in before["reasons"] if "lead «" in r]
