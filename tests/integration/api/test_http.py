"""Every endpoint over HTTP on both stores: the contract's shapes, ids, paging and errors."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from api.request_context import RequestIdFilter
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from ontology.names import Label, ModelId, RoleId
from queries.gaps import find_gaps
from queries.recommend import recommend_partners
from queries.scoring import COMPONENTS
from queries.survey import compare_survey
from tests.integration.api.conftest import BUNDLED_NODES, client_for

MODELS = [
    ModelId.innovation_test,
    ModelId.innovation_platform,
    ModelId.market_test,
    ModelId.key_market_partnership,
]


def test_health_names_the_store_and_that_it_answers(client: TestClient) -> None:
    store = client.app.state.store.kind  # type: ignore[attr-defined]
    assert client.get("/health").json() == {
        "status": "ok",
        "store": store,
        "reachable": True,
        "detail": None,
    }
    assert client.get("/health/ready").json() == {"ready": True, "store": store}
    assert client.get("/health/live").json() == {"status": "alive"}


def test_models_are_the_four_with_their_roles_and_accept_a_slug(client: TestClient) -> None:
    models = client.get("/models").json()
    assert [m["id"] for m in models] == MODELS  # the report's order
    for model in models:
        assert model["required_roles"], model["id"]
        assert model["provenance"]["source"]
    market_test = client.get("/models/market-test")
    assert market_test.status_code == 200
    assert market_test.json() == client.get(f"/models/{ModelId.market_test}").json()
    assert {RoleId.icdk} <= {r["id"] for r in market_test.json()["required_roles"]} | {
        r["id"] for r in market_test.json()["recommended_roles"]
    }


def test_an_unknown_id_is_a_404_naming_the_closest_ids(client: TestClient) -> None:
    response = client.get("/models/market-tst")
    assert response.status_code == 404
    assert ModelId.market_test in response.json()["closest"]
    assert "market-tst" in response.json()["detail"]
    actor = client.get("/actors/odense-robotic")
    assert actor.status_code == 404
    assert actor.json()["closest"][0] == "cluster:odense-robotics"
    assert actor.json()["detail"].startswith("no actor 'odense-robotic'")


def test_actors_search_filter_by_type_and_page(client: TestClient) -> None:
    everyone = client.get("/actors", params={"limit": 500}).json()
    ids = [a["id"] for a in everyone["items"]]
    assert everyone["total"] == len(ids) > 100 and ids == sorted(ids)
    assert not any(i.startswith(("model:", "country:", "survey:")) for i in ids)
    page = client.get("/actors", params={"limit": 10, "offset": 20}).json()
    assert [a["id"] for a in page["items"]] == ids[20:30]
    assert (page["total"], page["limit"], page["offset"]) == (everyone["total"], 10, 20)
    clusters = client.get("/actors", params={"type": Label.Cluster, "limit": 500}).json()
    assert clusters["total"] == 15 and {a["type"] for a in clusters["items"]} == {Label.Cluster}
    assert client.get("/actors", params={"type": "cluster"}).json()["total"] == 15  # the prefix
    robots = client.get("/actors", params={"q": "ROBOT", "type": Label.Cluster}).json()
    assert [a["id"] for a in robots["items"]] == ["cluster:odense-robotics"]
    assert client.get("/actors", params={"q": "no such actor anywhere"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"type": "Planet"}, "type"),
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "ten"}, "limit"),
    ],
)
def test_a_bad_parameter_is_a_422_saying_which_and_why(
    client: TestClient, params: dict[str, object], parameter: str
) -> None:
    response = client.get("/actors", params=params)
    assert response.status_code == 422
    body = response.json()
    [problem] = body["problems"]
    assert problem["loc"] == ["query", parameter]
    assert problem["msg"] and f"query {parameter}: {problem['msg']}" == body["detail"]


def test_actor_detail_has_partnerships_agreements_and_provenance(client: TestClient) -> None:
    response = client.get("/actors/odense-robotics")
    assert response.status_code == 200
    actor = response.json()
    assert (actor["id"], actor["type"], actor["name"]) == (
        "cluster:odense-robotics",
        Label.Cluster,
        "Odense Robotics",
    )
    assert actor["provenance"]["source"].startswith("UFM press release")
    assert actor["properties"]["strength_position"] == "robots, automation and drones"
    assert "fingerprint" not in actor["properties"]
    assert actor["partnerships"], "Odense Robotics has partners in the bundled data"
    for partnership in actor["partnerships"]:
        assert partnership["direction"] in ("outgoing", "incoming")
        assert partnership["partner"]["id"] != actor["id"]
        assert partnership["provenance"]["confidence"]
    for agreement in actor["agreements"]:
        assert actor["id"] in {p["id"] for p in agreement["parties"]}
        assert agreement["provenance"]["source"]
    with_agreements = [
        a["id"]
        for a in client.get("/actors", params={"limit": 500}).json()["items"]
        if client.get(f"/actors/{a['id']}").json()["agreements"]
    ]
    assert with_agreements, "the bundled data has agreements with parties"


def test_a_clusters_gaps_are_the_gap_analysis(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    every = client.get("/clusters/odense-robotics/gaps")
    assert every.status_code == 200
    body = every.json()
    assert (body["cluster"], body["model"]) == ("cluster:odense-robotics", None)
    expected = find_gaps(store, cluster="cluster:odense-robotics")
    assert body["gaps"] == [gap.as_dict() for gap in expected]
    assert body["gaps"], "the bundled data leaves Odense Robotics with gaps"
    assert {g["cluster"] for g in body["gaps"]} == {"cluster:odense-robotics"}
    for gap in body["gaps"]:
        assert gap["sentence"] and gap["severity"] in ("high", "medium", "low")
    model = body["gaps"][0]["model"] or ModelId.market_test
    one_model = client.get(f"/clusters/cluster:odense-robotics/gaps?model={model}").json()
    assert one_model["model"] == model
    assert {g["model"] for g in one_model["gaps"]} <= {model}
    assert len(one_model["gaps"]) <= len(body["gaps"])


def test_gaps_of_an_unknown_cluster_or_model_are_404s_with_the_closest(client: TestClient) -> None:
    cluster = client.get("/clusters/odense-robotic/gaps")
    assert cluster.status_code == 404 and cluster.json()["closest"][0] == "cluster:odense-robotics"
    model = client.get("/clusters/odense-robotics/gaps", params={"model": "market-tst"})
    assert model.status_code == 404 and ModelId.market_test in model.json()["closest"]


def test_recommendations_follow_the_contract(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    params = {"cluster": "odense-robotics", "model": "market-test", "market": "DE", "limit": 3}
    response = client.get("/recommendations", params=params)
    assert response.status_code == 200
    body = response.json()
    expected = recommend_partners(store, "odense-robotics", "market-test", market="DE", top=3)
    shown = expected.as_dict()
    for rec in shown["recommendations"]:  # rounded for display, the exact score kept beside
        rec["score_exact"] = rec["score"]
        rec["score"] = round(rec["score"], 3)
        rec["components"] = {k: round(v, 3) for k, v in rec["components"].items()}
    assert body == shown
    assert (body["cluster"], body["model"], body["market"]) == (
        "cluster:odense-robotics",
        ModelId.market_test,
        "country:DE",
    )
    assert 0 < len(body["recommendations"]) <= 3
    for recommendation in body["recommendations"]:
        assert set(recommendation["actor"]) == {"id", "name", "type"}
        assert (
            recommendation["adds_to_met"] or recommendation["fills_role"] in body["missing_roles"]
        )
        assert 0 <= recommendation["score"] <= 1
        assert recommendation["reasons"] and recommendation["provenance"]
        assert all(0 <= v <= 1 for v in recommendation["components"].values())
    assert [r["rank"] for r in body["recommendations"]] == [1, 2, 3][: len(body["recommendations"])]
    assert {r["id"] for r in body["requirements"]} == {
        "requirement:market-test-support",
        "requirement:market-test-market",
        "requirement:market-test-co-funding",
    }


def test_an_inactive_cluster_is_a_409_saying_so(client: TestClient) -> None:
    response = client.get("/recommendations", params={"cluster": "marlog", "model": "market-test"})
    assert response.status_code == 409
    assert response.json()["status"] == "bankrupt" and "MARLOG" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [
        ({"cluster": "odense-robotic", "model": "market-test"}, 404, "cluster:odense-robotics"),
        ({"cluster": "odense-robotics", "model": "market-tst"}, 404, ModelId.market_test),
        ({"cluster": "odense-robotics", "model": "market-test", "market": "XYZ"}, 404, None),
        ({"model": "market-test"}, 422, "cluster"),
        ({"cluster": "odense-robotics"}, 422, "model"),
        ({"cluster": "odense-robotics", "model": "market-test", "limit": 0}, 422, "limit"),
        ({"cluster": "odense-robotics", "model": "market-test", "modle": "x"}, 422, "modle"),
    ],
)
def test_recommendations_with_bad_or_unknown_parameters(
    client: TestClient, params: dict[str, object], status: int, parameter: str | None
) -> None:
    response = client.get("/recommendations", params=params)
    assert response.status_code == status, response.text
    if status == 404 and parameter:
        assert parameter in response.json()["closest"]
    if status == 422:
        assert response.json()["problems"][0]["loc"] == ["query", parameter]
        assert parameter in response.json()["detail"]


def test_views_are_html_pages_and_unknown_ids_404s(client: TestClient) -> None:
    for path in (
        "/views/ecosystem",
        "/views/clusters/odense-robotics",
        "/views/models/market-test",
        "/views/markets/DE",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert "odense-robotics" in response.text or path != "/views/clusters/odense-robotics"
    missing = client.get("/views/clusters/odense-robotic")
    assert missing.status_code == 404
    assert missing.json()["closest"][0] == "cluster:odense-robotics"


def test_survey_is_the_survey_comparison(client: TestClient) -> None:
    rows = client.get("/survey").json()
    store = client.app.state.store  # type: ignore[attr-defined]
    assert rows == [row.as_dict() for row in compare_survey(store)]
    assert any(row["report_share"] is None for row in rows) or rows


def test_exports_parse_and_hold_the_whole_graph(client: TestClient) -> None:
    turtle = client.get("/export", params={"format": "turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert "partnergraph.ttl" in turtle.headers["content-disposition"]
    assert len(Graph().parse(data=turtle.text, format="turtle")) > 1000
    jsonld = client.get("/export", params={"format": "jsonld"})
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) > 1000
    graphml = client.get("/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert nx.read_graphml(io.BytesIO(graphml.content)).number_of_nodes() == BUNDLED_NODES
    assert client.get("/export", params={"format": "csv"}).status_code == 422


@pytest.mark.neo4j
def test_both_stores_answer_alike(memory_store: MemoryStore, bundled_neo4j: Neo4jStore) -> None:
    paths = [
        "/models",
        "/models/key-market-partnership",
        "/actors?limit=500",
        "/actors?type=InnovationCentre&q=munich",
        "/actors/odense-robotics",
        "/actors/icdk:munich",
        "/survey",
        "/clusters/odense-robotics/gaps",
        "/clusters/clean/gaps?model=innovation-platform",
        "/recommendations?cluster=odense-robotics&model=market-test&market=DE",
        "/recommendations?cluster=danish-life-science-cluster&model=key-market-partnership",
    ]

    def answers(store: MemoryStore | Neo4jStore) -> list[object]:
        with client_for(store) as test_client:
            return [_without_timestamps(test_client.get(p).json()) for p in paths]

    assert answers(memory_store) == answers(bundled_neo4j)


def _without_timestamps(value: object) -> object:
    """firstseen/lastupdated say when each store loaded a fact: the one thing that differs."""
    if isinstance(value, dict):
        return {
            k: _without_timestamps(v)
            for k, v in value.items()
            if k not in ("firstseen", "lastupdated")
        }
    if isinstance(value, list):
        return [_without_timestamps(v) for v in value]
    return value


def test_the_api_key_guards_every_route_but_health(memory_store: MemoryStore) -> None:
    with client_for(memory_store, partnergraph_api_key="s3cret-for-tests") as client:
        assert client.get("/health").status_code == 200
        assert client.get("/health/ready").status_code == 200
        for path in (
            "/models",
            "/actors",
            "/survey",
            "/actors/odense-robotics",
            "/views/ecosystem",
        ):
            assert client.get(path).status_code == 401, path
            assert client.get(path, headers={"X-API-Key": "wrong"}).status_code == 401
            assert client.get(path, headers={"X-API-Key": "s3cret-for-tests"}).status_code == 200
        assert client.post("/cypher", json={"query": "RETURN 1"}).status_code == 401
        schema = client.get("/openapi.json").json()
        assert "APIKeyHeader" in schema["components"]["securitySchemes"]


def test_without_a_key_set_no_route_asks_for_one(memory_store: MemoryStore) -> None:
    with client_for(memory_store) as client:
        assert client.get("/models").status_code == 200
        assert "securitySchemes" not in client.get("/openapi.json").json().get("components", {})


def test_cors_allows_the_configured_origins_only(memory_store: MemoryStore) -> None:
    allowed = "https://board.example"
    with client_for(memory_store, partnergraph_cors_origins=allowed) as client:
        preflight = {"Access-Control-Request-Method": "GET"}
        ok = client.options("/models", headers={"Origin": allowed, **preflight})
        assert ok.headers["access-control-allow-origin"] == allowed
        other = client.options("/models", headers={"Origin": "https://evil.example", **preflight})
        assert "access-control-allow-origin" not in other.headers
    with client_for(memory_store) as client:  # no origins configured: no CORS headers at all
        response = client.get("/models", headers={"Origin": allowed})
        assert "access-control-allow-origin" not in response.headers


def test_every_response_and_log_line_carries_a_request_id(memory_store: MemoryStore) -> None:
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter("[%(request_id)s] %(message)s"))
    access = logging.getLogger("partnergraph.api.access")
    access.addHandler(handler)
    try:
        with client_for(memory_store) as client:
            made_up = client.get("/models").headers["x-request-id"]
            given = client.get("/models", headers={"X-Request-ID": "abc-123"})
            forged = client.get("/models", headers={"X-Request-ID": "x\nfake log line"})
    finally:
        access.removeHandler(handler)
    assert len(made_up) == 32
    assert given.headers["x-request-id"] == "abc-123"
    assert forged.headers["x-request-id"] != "x\nfake log line"  # replaced, not echoed
    log = lines.getvalue()
    assert f"[{made_up}] GET /models 200" in log and "[abc-123] GET /models 200" in log


def test_an_unreachable_store_is_a_503_with_a_hint_never_a_500() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1", retry_seconds=0.5)
    with client_for(store) as client:
        for path in ("/models", "/actors", "/actors/odense-robotics", "/survey", "/health/ready"):
            response = client.get(path)
            assert response.status_code == 503, path
            assert "not reachable at bolt://127.0.0.1:1" in response.json()["detail"]
            assert "neo4j.sh start" in response.json()["detail"]
        cypher = client.post("/cypher", json={"query": "RETURN 1"})
        assert cypher.status_code == 503 and "Traceback" not in cypher.text
        health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["status"] == "degraded" and health.json()["reachable"] is False
    store.close()


class _BrokenStore(MemoryStore):
    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]:
        raise RuntimeError("a bug, with secrets in its traceback")


def test_a_bug_is_a_500_with_the_request_id_and_no_trace() -> None:
    with client_for(_BrokenStore()) as client:
        response = client.get("/models")
    assert response.status_code == 500
    body = json.loads(response.text)
    assert body == {
        "detail": f"internal error; report request id {response.headers['x-request-id']}"
    }
    assert "secrets" not in response.text and "Traceback" not in response.text


def test_the_openapi_document_describes_and_exemplifies_every_operation(
    memory_store: MemoryStore,
) -> None:
    with client_for(memory_store) as client:
        schema = client.get("/openapi.json").json()

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
        return resolved(node["items"]) if node.get("type") == "array" else node

    operations = [(m, p, op) for p, ops in schema["paths"].items() for m, op in ops.items()]
    assert len(operations) >= 16
    for method, path, operation in operations:
        assert operation.get("description"), (method, path)
        success = operation["responses"]["200"]["content"]
        examples = [
            "examples" in resolved(media.get("schema", {})) or "example" in media
            for media in success.values()
        ]
        examples += [
            "examples" in p or "examples" in p["schema"] for p in operation.get("parameters", [])
        ]
        examples += [
            "examples" in resolved(media["schema"])
            for media in operation.get("requestBody", {}).get("content", {}).values()
        ]
        assert any(examples), (method, path)


def test_the_openapi_document_names_its_server_tags_score_parts_and_one_422_shape(
    memory_store: MemoryStore,
) -> None:
    with client_for(memory_store, partnergraph_public_url="https://pg.example.org/api") as client:
        schema = client.get("/openapi.json").json()
        bad_limit = client.get("/recommendations", params={"limit": 0})
    assert schema["servers"][0]["url"] == "https://pg.example.org/api"
    used = {tag for ops in schema["paths"].values() for op in ops.values() for tag in op["tags"]}
    assert used <= {tag["name"] for tag in schema["tags"]}
    assert all(tag["description"] for tag in schema["tags"])
    schemas = schema["components"]["schemas"]
    parts = schemas["ScoreComponents"]
    assert sorted(parts["properties"]) == sorted(COMPONENTS)
    assert sorted(parts["required"]) == sorted(COMPONENTS)
    assert all(p["minimum"] == 0 and p["maximum"] == 1 for p in parts["properties"].values())
    assert schemas["Recommendation"]["properties"]["components"] == {
        "$ref": "#/components/schemas/ScoreComponents"
    }
    assert "HTTPValidationError" not in schemas  # FastAPI's own 422 shape is not used
    for ops in schema["paths"].values():
        for operation in ops.values():
            unprocessable = operation["responses"]["422"]["content"]["application/json"]
            assert unprocessable["schema"] == {"$ref": "#/components/schemas/ValidationMessage"}
    # Two problems at once (missing ids, a limit below 1): one line naming each, then each.
    assert bad_limit.status_code == 422
    body = bad_limit.json()
    assert {tuple(p["loc"]) for p in body["problems"]} == {
        ("query", "cluster"),
        ("query", "model"),
        ("query", "limit"),
    }
    assert all(" ".join(p["loc"]) in body["detail"] for p in body["problems"])
