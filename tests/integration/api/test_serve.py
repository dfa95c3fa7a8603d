"""`partnergraph serve`: uvicorn serving the app, request ids in its log lines."""

from __future__ import annotations

from pathlib import Path

from tests.integration.api.live_server import serving


def test_serve_runs_the_api_with_request_ids_in_the_log(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    env = {"PARTNERGRAPH_STORE": "memory", "PARTNERGRAPH_API_KEY": ""}
    with serving(env, log, "--workers", "2") as client:
        assert client.get("/health").json()["store"] == "memory"
        response = client.get("/actors/odense-robotics", headers={"X-Request-ID": "serve-test-1"})
        assert response.status_code == 200
        assert response.headers["x-request-id"] == "serve-test-1"
        assert client.get("/openapi.json").json()["info"]["title"] == "partnergraph"
    assert (
        "[serve-test-1] partnergraph.api.access: GET /actors/odense-robotics 200" in log.read_text()
    )
