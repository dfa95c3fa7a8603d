"""A cluster or Aura is reached through a routing URI (neo4j://, neo4j+s://): the project must
work through one unchanged. The local server answers routing requests as a one-member cluster,
so the routing scheme is tested against it (writes to the leader, reads to the readers)."""

import json
import os
import subprocess
from urllib.parse import urlsplit

import pytest
from neo4j import Neo4jDriver

from api.settings import Settings
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.names import ModelId
from tests.helpers import EXE

pytestmark = pytest.mark.neo4j


def routing_uri(settings: Settings) -> str:
    bolt = urlsplit(settings.neo4j_uri)
    return f"neo4j://{bolt.hostname}:{bolt.port or 7687}"


def cli(uri: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": uri, "COLUMNS": "200"}
    return subprocess.run([EXE, *args], env=env, capture_output=True, text=True, timeout=300)


def test_a_routing_uri_loads_and_answers_as_a_direct_one_does(
    neo4j_store: Neo4jStore, settings: Settings
) -> None:
    routed = Neo4jStore(routing_uri(settings), settings.neo4j_auth, settings.neo4j_database)
    try:
        counts = load_bundled(routed)  # managed write transactions, sent to the leader
        assert counts.total("created") > 700
        assert routed.counts() == neo4j_store.counts()  # read transactions, sent to readers
        assert isinstance(routed.driver, Neo4jDriver)  # the routing driver, not a direct one
    finally:
        routed.close()


def test_the_command_line_runs_unchanged_through_a_routing_uri(
    neo4j_store: Neo4jStore, settings: Settings
) -> None:
    uri = routing_uri(settings)
    loaded = cli(uri, "load", "--format", "json")
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout)["graph"]["nodes"] == neo4j_store.counts().node_total
    args = (
        "gaps",
        "--cluster",
        "odense-robotics",
        "--model",
        ModelId.market_test,
        "--format",
        "json",
    )
    routed, direct = cli(uri, *args), cli(settings.neo4j_uri, *args)
    assert routed.returncode == 0, routed.stderr
    assert json.loads(routed.stdout) == json.loads(direct.stdout)


def test_a_named_database_that_does_not_exist_is_one_clear_line(settings: Settings) -> None:
    env_uri = routing_uri(settings)
    result = subprocess.run(
        [EXE, "gaps", "--cluster", "odense-robotics"],
        env={
            **os.environ,
            "PARTNERGRAPH_STORE": "neo4j",
            "NEO4J_URI": env_uri,
            "NEO4J_DATABASE": "nosuchdatabase",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stderr
    assert "nosuchdatabase" in result.stderr
    assert "Traceback" not in result.stderr
