"""Both stores keep the same semantics: merge on id, idempotent loads, scoped cleanup."""

import dataclasses
import datetime as dt

import pytest

from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.records import FIRSTSEEN, LASTUPDATED
from graph.store import CypherUnsupported, GraphStore, StoreError
from loaders.batch import SourceBatch, write_batch
from ontology.names import Label, Rel
from tests.helpers import node, rel, sample_batch, snapshot


def test_a_batch_is_stored_with_provenance_and_timestamps(store: GraphStore) -> None:
    counts = write_batch(store, sample_batch())
    assert counts.total("created") == 14
    assert store.counts().nodes[Label.Cluster] == 2
    assert store.counts().relationships[Rel.PARTNERS_WITH] == 2
    munich = store.get_node("icdk:munich")
    assert munich is not None
    assert munich["source"] == "test fixture" and munich["confidence"] == "illustrative"
    assert munich["opened_year"] == 2013
    assert isinstance(munich[FIRSTSEEN], dt.datetime) and munich[LASTUPDATED] == munich[FIRSTSEEN]
    agreement = store.get_node("agreement:or-munich")
    assert agreement is not None and agreement["valid_until"] == dt.date(2023, 12, 31)
    partnership = next(r for r in store.relationships(Rel.PARTNERS_WITH) if r.end == "icdk:munich")
    assert partnership.properties["kind"] == "formal"
    assert partnership.properties["start"] == dt.date(2019, 3, 1)
    assert partnership.properties["source"] == "test fixture"


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    write_batch(store, sample_batch())
    before = snapshot(store, keep_timestamps=True)
    counts = write_batch(store, sample_batch())
    assert not counts.changed
    assert counts.total("unchanged") == 14
    assert snapshot(store, keep_timestamps=True) == before


def test_a_changed_fact_is_updated_and_keeps_its_firstseen(store: GraphStore) -> None:
    batch = sample_batch()
    write_batch(store, batch)
    first = store.get_node("icdk:munich")
    batch.nodes = [
        dataclasses.replace(n, properties={**n.properties, "opened_year": 2012})
        if n.id == "icdk:munich"
        else n
        for n in batch.nodes
    ]
    counts = write_batch(store, batch)
    assert counts.updated == {Label.InnovationCentre: 1}
    assert counts.total("created") == counts.total("removed") == 0
    now = store.get_node("icdk:munich")
    assert first is not None and now is not None
    assert now["opened_year"] == 2012
    assert now[FIRSTSEEN] == first[FIRSTSEEN] and now[LASTUPDATED] > first[LASTUPDATED]


def test_a_property_dropped_from_the_source_is_dropped_from_the_graph(store: GraphStore) -> None:
    batch = sample_batch()
    write_batch(store, batch)
    batch.nodes = [
        dataclasses.replace(
            n, properties={k: v for k, v in n.properties.items() if k != "national"}
        )
        if n.id == "cluster:odense-robotics"
        else n
        for n in batch.nodes
    ]
    write_batch(store, batch)
    robotics = store.get_node("cluster:odense-robotics")
    assert robotics is not None and "national" not in robotics


def test_a_fact_removed_from_the_source_is_removed_on_reload(store: GraphStore) -> None:
    batch = sample_batch()
    write_batch(store, batch)
    batch.nodes = [n for n in batch.nodes if n.id != "fcluster:bavaria-robotics"]
    batch.relationships = [
        r
        for r in batch.relationships
        if r.end not in ("fcluster:bavaria-robotics", "sector:robotics")
    ]
    counts = write_batch(store, batch)
    assert counts.removed == {Label.ForeignCluster: 1, Rel.PARTNERS_WITH: 1, Rel.HAS_STRENGTH: 1}
    assert store.get_node("fcluster:bavaria-robotics") is None
    assert store.get_node("sector:robotics") is not None
    assert Rel.HAS_STRENGTH not in store.counts().relationships


def test_cleanup_of_one_source_leaves_another_intact(store: GraphStore) -> None:
    write_batch(store, sample_batch("test/a"))
    other = SourceBatch(
        "test/b",
        nodes=[node("icdk:boston", "test/b", name="ICDK Boston")],
        relationships=[
            rel(
                "cluster:odense-robotics",
                Rel.PARTNERS_WITH,
                "icdk:boston",
                "test/b",
                kind="project",
            ),
            # The same (start, type, end) as source a: each source keeps its own fact.
            rel("cluster:odense-robotics", Rel.HAS_STRENGTH, "sector:robotics", "test/b"),
        ],
    )
    write_batch(store, other)
    counts = write_batch(
        store, SourceBatch("test/a", nodes=[n for n in sample_batch("test/a").nodes])
    )
    assert counts.removed == {
        Rel.PARTNERS_WITH: 2,
        Rel.PARTY_TO: 2,
        Rel.HAS_STRENGTH: 1,
        Rel.PRESENT_IN: 1,
        Rel.TARGETS_MARKET: 1,
    }
    assert store.get_node("icdk:boston") is not None
    remaining = {(r.start, r.type, r.end, r.properties["source_id"]) for r in store.relationships()}
    assert remaining == {
        ("cluster:odense-robotics", Rel.PARTNERS_WITH, "icdk:boston", "test/b"),
        ("cluster:odense-robotics", Rel.HAS_STRENGTH, "sector:robotics", "test/b"),
    }


def test_neighbourhood_reaches_the_requested_depth(store: GraphStore) -> None:
    write_batch(store, sample_batch())
    one = store.neighbourhood("cluster:odense-robotics", depth=1)
    assert set(one.nodes) == {
        "cluster:odense-robotics",
        "icdk:munich",
        "agreement:or-munich",
        "sector:robotics",
        "country:DE",
    }
    assert len(one.relationships) == 6  # every link among those five, in either direction
    two = store.neighbourhood("cluster:clean", depth=2)
    assert set(two.nodes) == {"cluster:clean", "fcluster:bavaria-robotics"}
    assert store.neighbourhood("cluster:nowhere").nodes == {}


def test_the_relationships_to_a_node_are_read_without_the_rest(store: GraphStore) -> None:
    write_batch(store, sample_batch())
    every = {(r.type, r.start, r.end, r.properties["source_id"]) for r in store.relationships()}
    for node_id in ("icdk:munich", "country:DE", "cluster:clean", "cluster:nowhere"):
        for rel_type in (Rel.PARTNERS_WITH, Rel.PRESENT_IN, Rel.PARTY_TO):
            found = {
                (r.type, r.start, r.end, r.properties["source_id"])
                for r in store.relationships_to(node_id, rel_type)
            }
            assert found == {key for key in every if key[0] == rel_type and key[2] == node_id}
    assert any(True for _ in store.relationships_to("icdk:munich", Rel.PARTNERS_WITH))


@pytest.mark.neo4j
def test_both_stores_hold_the_same_graph(neo4j_store: Neo4jStore) -> None:
    memory = MemoryStore()
    for s in (memory, neo4j_store):
        write_batch(s, sample_batch("test/a"))
        write_batch(s, SourceBatch("test/b", nodes=[node("icdk:boston", "test/b")]))
    assert snapshot(memory) == snapshot(neo4j_store)
    assert memory.counts() == neo4j_store.counts()
    assert (
        memory.neighbourhood("icdk:munich", 2).nodes.keys()
        == neo4j_store.neighbourhood("icdk:munich", 2).nodes.keys()
    )


@pytest.mark.neo4j
def test_the_neo4j_version_changes_with_every_commit_from_any_connection(
    neo4j_store: Neo4jStore, settings: Settings
) -> None:
    """What analyses derive from the whole graph is kept while the version stays the same."""
    write_batch(neo4j_store, sample_batch())
    before = neo4j_store.version()
    assert neo4j_store.get_node("icdk:munich") is not None
    assert neo4j_store.version() == before  # reads leave it as it is
    other = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    write_batch(other, SourceBatch("test/b", nodes=[node("icdk:boston", "test/b")]))
    other.close()
    assert neo4j_store.version() != before


@pytest.mark.neo4j
def test_a_node_another_load_created_meanwhile_is_refused_not_duplicated(
    neo4j_store: Neo4jStore,
) -> None:
    """New nodes are CREATEd on the state read at the start of a load; the unique constraint
    turns a concurrent creation of the same id into a clear error, never a second node."""
    batch = SourceBatch("test/a", nodes=[node("icdk:boston", "test/a")])
    neo4j_store.ensure_schema()
    stale = neo4j_store.source_state(["test/a"])
    write_batch(neo4j_store, batch)
    with pytest.raises(StoreError, match="Another load may be running"):
        neo4j_store.write_nodes(Label.InnovationCentre, batch.nodes, stale)
    assert neo4j_store.counts().nodes == {Label.InnovationCentre: 1}


def test_a_relationship_to_a_node_not_in_the_store_is_refused(store: GraphStore) -> None:
    """Validation catches this first; the store refuses it too rather than drop the fact."""
    write_batch(store, sample_batch("test/a"))
    dangling = SourceBatch(
        "test/b", relationships=[rel("cluster:clean", Rel.PARTNERS_WITH, "icdk:nowhere", "test/b")]
    )
    with pytest.raises(StoreError, match=r"PARTNERS_WITH .*not in the store"):
        write_batch(store, dangling)
    assert store.get_node("icdk:nowhere") is None


def test_each_store_states_its_traits_and_the_memory_store_refuses_cypher() -> None:
    memory = MemoryStore()
    assert memory.problem() is None  # it lives in this process
    assert not memory.traits.persistent and not memory.traits.changed_by_others
    assert not memory.traits.runs_cypher
    with pytest.raises(CypherUnsupported, match="needs the Neo4j store"):
        memory.read_rows("RETURN 1")
    neo4j = Neo4jStore("bolt://127.0.0.1:1")
    assert neo4j.traits.persistent and neo4j.traits.runs_cypher and neo4j.traits.changed_by_others
    neo4j.close()


def test_both_stores_read_the_analysis_facts_alike(store: GraphStore) -> None:
    write_batch(store, sample_batch())
    with store.analysis_facts() as facts:
        assert [node.id for node in facts.clusters()] == [
            "cluster:clean",
            "cluster:odense-robotics",
        ]
        robotics = facts.cluster("cluster:odense-robotics")
        assert robotics is not None
        assert [link.end for link in robotics.partnerships] == ["icdk:munich"]
        assert facts.cluster("cluster:nowhere") is None
