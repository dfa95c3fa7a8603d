"""A store that cannot be used says why and what to do, instead of a bare driver exception."""

from collections.abc import Iterator

import pytest

from graph import cypher
from graph.neo4j_store import Neo4jStore
from graph.store import StoreAuthError, StoreUnavailable
from ontology.names import Label, Rel
from ontology.schema import load_schema
from tests.spare_server import SpareServer


def test_schema_statements_cover_every_label_and_no_relationship_type() -> None:
    schema = load_schema()
    statements = cypher.schema_statements(schema)
    for label in schema.node_types:
        assert any(f"(n:`{label}`) REQUIRE n.id IS UNIQUE" in s for s in statements.values())
        assert any(f"(n:`{label}`) ON (n.source_id)" in s for s in statements.values())
    assert not any("()-[r:" in s for s in statements.values())  # each write would pay for it
    assert not set(statements) & set(cypher.obsolete_indexes(schema))
    assert all("IF NOT EXISTS" in s for s in statements.values())


def test_properties_the_ontology_marks_indexed_get_an_index() -> None:
    statements = cypher.schema_statements(load_schema())
    assert statements["company_size"] == (
        f"CREATE INDEX company_size IF NOT EXISTS FOR (n:`{Label.Company}`) ON (n.size)"
    )


def test_writes_are_batched_merges_with_labels_on_every_match() -> None:
    create = cypher.create_relationships(Rel.PARTNERS_WITH, Label.Cluster, Label.InnovationCentre)
    assert create.startswith("UNWIND $rows AS row")
    assert f"MATCH (a:`{Label.Cluster}` {{id: row.start}})" in create
    assert f"MATCH (b:`{Label.InnovationCentre}` {{id: row.end}})" in create
    assert f"CREATE (a)-[r:`{Rel.PARTNERS_WITH}`]->(b)" in create
    update = cypher.update_relationships(Rel.PARTNERS_WITH, Label.Cluster, Label.InnovationCentre)
    assert f"[r:`{Rel.PARTNERS_WITH}` {{source_id: row.properties.source_id}}]" in update
    assert "r.firstseen = firstseen" in update
    create_nodes = cypher.create_nodes(Label.Cluster)
    assert f"CREATE (n:`{Label.Cluster}`)" in create_nodes and "n.firstseen = $now" in create_nodes
    merge = cypher.merge_nodes(Label.Cluster)
    assert f"MERGE (n:`{Label.Cluster}` {{id: row.properties.id}})" in merge
    assert "coalesce(firstseen, $now)" in merge


def test_an_unreachable_server_is_reported_with_a_hint() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1")
    with pytest.raises(
        StoreUnavailable, match=r"not reachable at bolt://127\.0\.0\.1:1.*neo4j\.sh start"
    ):
        store.counts()
    problem = store.problem()
    assert problem is not None and "not reachable at bolt://127.0.0.1:1" in problem
    store.close()


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second local server with authentication on (password from the environment)."""
    server = SpareServer(tmp_path_factory.mktemp("neo4j-auth"), 7697, 7484, "test-only-password")
    server.start()
    yield server.uri
    server.stop()


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
