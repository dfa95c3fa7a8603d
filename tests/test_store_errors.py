"""A store that cannot be used says why and what to do, instead of a bare driver exception."""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import cypher
from graph.neo4j_store import Neo4jStore
from graph.store import StoreAuthError, StoreUnavailable
from ontology.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "deploy" / "neo4j" / "neo4j.sh"


def test_schema_statements_cover_every_label_and_relationship_type() -> None:
    schema = load_schema()
    statements = cypher.schema_statements(schema)
    for label in schema.node_types:
        assert any(f"(n:`{label}`) REQUIRE n.id IS UNIQUE" in s for s in statements.values())
    for rel_type in schema.relationship_types:
        assert any(f"[r:`{rel_type}`]" in s for s in statements.values())
    assert all("IF NOT EXISTS" in s for s in statements.values())


def test_writes_are_batched_merges_with_labels_on_every_match() -> None:
    merge = cypher.merge_relationships("PARTNERS_WITH", "Cluster", "InnovationCentre")
    assert merge.startswith("UNWIND $rows AS row")
    assert "MATCH (a:`Cluster` {id: row.start})" in merge
    assert "MATCH (b:`InnovationCentre` {id: row.end})" in merge
    assert "MERGE (a)-[r:`PARTNERS_WITH` {source_id: row.properties.source_id}]->(b)" in merge
    assert "coalesce(firstseen, $now)" in merge
    assert "MERGE (n:`Cluster` {id: row.properties.id})" in cypher.merge_nodes("Cluster")


def test_an_unreachable_server_is_reported_with_a_hint() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1")
    with pytest.raises(
        StoreUnavailable, match=r"not reachable at bolt://127\.0\.0\.1:1.*neo4j\.sh start"
    ):
        store.counts()
    store.close()


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second local server with authentication on (password from the environment)."""
    lib = ROOT / "deploy" / "neo4j" / ".run" / "lib"
    if not lib.is_dir():
        pytest.skip("the Neo4j jars are not fetched (deploy/neo4j/neo4j.sh fetch)")
    env = {
        **os.environ,
        "NEO4J_RUN_DIR": str(tmp_path_factory.mktemp("neo4j-auth")),
        "NEO4J_LIB_DIR": str(lib),
        "NEO4J_PASSWORD": "test-only-password",
        "NEO4J_BOLT_PORT": "7697",
        "NEO4J_HTTP_PORT": "7484",
        "NEO4J_HEAP": "512m",
        "NEO4J_PAGECACHE": "64m",
    }
    subprocess.run([SCRIPT, "start"], env=env, check=True, capture_output=True)
    yield "bolt://127.0.0.1:7697"
    subprocess.run([SCRIPT, "stop"], env=env, check=True, capture_output=True)


@pytest.mark.neo4j
@pytest.mark.slow
def test_authentication_on_accepts_the_password_and_refuses_a_wrong_one(auth_server: str) -> None:
    with Neo4jStore(auth_server, auth=("neo4j", "test-only-password")) as store:
        assert store.counts().node_total == 0
    with (
        Neo4jStore(auth_server, auth=("neo4j", "wrong")) as store,
        pytest.raises(
            StoreAuthError, match=r"refused the credentials of user 'neo4j'.*NEO4J_PASSWORD"
        ),
    ):
        store.counts()
