"""Neo4j stopping in the middle of a large load: a clear message, and a clean rerun."""

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import cypher
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_sources
from loaders.sources import discover
from loaders.synthetic import generate
from tests.spare_server import SpareServer

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]
CLI = [sys.executable, "-m", "api.cli"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpareServer]:
    spare = SpareServer(tmp_path_factory.mktemp("neo4j-fault"), 7717, 7504)
    spare.start()
    yield spare
    spare.stop()


def test_a_load_cut_by_a_server_stop_fails_clearly_and_a_rerun_is_exact(
    server: SpareServer, tmp_path: Path
) -> None:
    data = tmp_path / "synthetic"
    generate(data, scale=0.05, seed=11)
    env = {**server.env, "PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": server.uri}
    stderr_file = tmp_path / "stderr.txt"
    with stderr_file.open("w") as stderr_sink:
        load = subprocess.Popen(
            [*CLI, "load", str(data)], env=env, stdout=subprocess.DEVNULL, stderr=stderr_sink
        )
    with Neo4jStore(server.uri) as store:
        deadline = time.monotonic() + 120
        while store.counts().node_total < 1000:  # the load is under way
            assert load.poll() is None, "the load finished before the server could be stopped"
            assert time.monotonic() < deadline
            time.sleep(0.2)
    server.stop()
    load.wait(timeout=120)
    stderr = stderr_file.read_text()
    assert load.returncode == 3
    assert "Neo4j is not reachable at bolt://127.0.0.1:7717" in stderr
    assert "neo4j.sh start" in stderr
    assert "Traceback" not in stderr

    server.start()
    rerun = subprocess.run([*CLI, "load", str(data)], env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr

    expected = MemoryStore()
    load_sources(expected, discover([data]))
    with Neo4jStore(server.uri) as reloaded:
        assert reloaded.counts() == expected.counts()
        ids = reloaded.run_read(
            f"MATCH (n) WHERE {cypher.NOT_HISTORY} "  # the graph, not the loads' change sets
            "RETURN count(n) AS n, count(DISTINCT n.id) AS distinct_ids"
        )
        assert ids[0]["n"] == ids[0]["distinct_ids"]
        duplicates = reloaded.run_read(
            "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, r.source_id AS s, count(*) AS n "
            "WHERE n > 1 RETURN count(*) AS duplicates"
        )
        assert duplicates[0]["duplicates"] == 0
