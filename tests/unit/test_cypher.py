"""The Cypher the Neo4j store generates from the ontology (graph/cypher.py)."""

from graph import cypher
from ontology.names import Label, Rel
from ontology.schema import load_schema


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
