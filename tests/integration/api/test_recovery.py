"""Neo4j stopped under a running API: 503 with a hint (never a 500), and the API recovers by
itself when Neo4j returns, without a restart."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.neo4j_store import Neo4jStore
from loaders.batch import write_batches
from tests.helpers import sample_batch
from tests.integration.api.live_server import serving
from tests.spare_server import SpareServer

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpareServer]:
    """A server of its own (ports used by no other test), since this test stops it."""
    spare = SpareServer(tmp_path_factory.mktemp("neo4j-recovery"), 7747, 7534)
    spare.start()
    with Neo4jStore(spare.uri) as store:
        write_batches(store, [sample_batch()])
    yield spare
    spare.stop()


def _wait_for(client: httpx.Client, path: str, status: int, seconds: float) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        response = client.get(path)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


def test_neo4j_stopped_is_a_503_and_the_api_recovers_when_it_returns(
    server: SpareServer, tmp_path: Path
) -> None:
    env = {"PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": server.uri}
    with serving(env, tmp_path / "serve.log") as client:
        assert client.get("/actors/odense-robotics").status_code == 200
        assert client.get("/health/ready").status_code == 200

        server.stop()
        for path in ("/actors/odense-robotics", "/models"):
            started = time.monotonic()
            response = client.get(path)
            assert response.status_code == 503, (path, response.text)
            assert "not reachable" in response.json()["detail"]
            assert "neo4j.sh start" in response.json()["detail"]
            assert response.headers["retry-after"]
            assert time.monotonic() - started < 15, "a request waited too long on a dead store"
        cypher = client.post("/cypher", json={"query": "MATCH (n) RETURN count(n) AS n"})
        assert cypher.status_code == 503
        assert client.get("/health/ready").status_code == 503
        health = client.get("/health").json()
        assert (health["status"], health["reachable"]) == ("degraded", False)

        server.start()
        ready = _wait_for(client, "/health/ready", 200, seconds=60)
        assert ready.status_code == 200, ready.text
        actor = _wait_for(client, "/actors/odense-robotics", 200, seconds=30)
        assert actor.status_code == 200 and actor.json()["name"] == "Odense Robotics"
        assert client.get("/health").json()["status"] == "ok"
    assert "Traceback" not in (tmp_path / "serve.log").read_text()
