"""Regional coverage (data/denmark/regional_coverage.yaml): each Danish cluster city is served by
one Erhvervshus and one regional EU office, from sourced facts, so that the recommender can prefer
the hub and office of the cluster's own region (the report, model 4: the business side comes from
"the" Erhvervshus). A city without a sourced hub or office must be listed as not yet sourced."""

from __future__ import annotations

from collections import defaultdict

import pytest

from data import DENMARK_DIR
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled
from loaders.sources import bundled_sources
from ontology.names import Label, Rel

SOURCED = ("reported", "public-source", "inferred")
COVERAGE_FILE = DENMARK_DIR / "regional_coverage.yaml"
DENMARK = "country:DK"
SERVING_LABELS = (Label.BusinessHub, Label.RegionalEUOffice)


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    """The embedded store's default: the bundled data with the illustrative layer."""
    store = MemoryStore()
    load_bundled(store)
    return store


def ids(store: GraphStore, label: str) -> set[str]:
    return {node["id"] for node in store.nodes(label)}


def not_yet_sourced() -> str:
    """The 'Not yet sourced' section of data/denmark/README.md."""
    readme = (DENMARK_DIR / "README.md").read_text(encoding="utf-8")
    return readme.split("## Not yet sourced", 1)[1].split("\n## ", 1)[0]


def listed_as_not_yet_sourced(store: GraphStore, city: str) -> bool:
    node = store.get_node(city) or {}
    section = not_yet_sourced()
    return any(name and name in section for name in (node.get("name"), node.get("name_da")))


def cluster_cities(store: GraphStore) -> set[str]:
    """Cities of the active national clusters whose city is known."""
    active = {
        n["id"]
        for n in store.nodes(Label.Cluster)
        if n.get("national") and n.get("status") == "active"
    }
    return {r.end for r in store.relationships(Rel.LOCATED_IN) if r.start in active}


def served_by(store: GraphStore, label: str) -> dict[str, set[str]]:
    """City -> the serving actors of one label (hubs or EU offices)."""
    actors = ids(store, label)
    serving: dict[str, set[str]] = defaultdict(set)
    for r in store.relationships(Rel.SERVES):
        if r.start in actors:
            serving[r.end].add(r.start)
    return serving


@pytest.mark.parametrize("label", SERVING_LABELS)
def test_every_cluster_city_has_exactly_one_hub_and_one_eu_office_or_is_listed_as_not_sourced(
    bundled: MemoryStore, label: str
) -> None:
    cities = cluster_cities(bundled)
    assert len(cities) >= 9  # the cities of the active national clusters whose city is known
    serving = served_by(bundled, label)
    for city in sorted(cities):
        if not serving.get(city):
            assert listed_as_not_yet_sourced(bundled, city), (label, city)
        else:
            assert len(serving[city]) == 1, (label, city, serving[city])


def test_each_hub_serves_the_city_it_sits_in(bundled: MemoryStore) -> None:
    hubs = ids(bundled, Label.BusinessHub)
    serving = served_by(bundled, Label.BusinessHub)
    seats = {(r.start, r.end) for r in bundled.relationships(Rel.LOCATED_IN) if r.start in hubs}
    assert len(seats) == len(hubs) == 6
    for hub, city in seats:
        assert serving.get(city) == {hub} or listed_as_not_yet_sourced(bundled, city), (hub, city)


def test_serves_runs_from_a_hub_or_eu_office_to_a_danish_city(bundled: MemoryStore) -> None:
    serving = ids(bundled, Label.BusinessHub) | ids(bundled, Label.RegionalEUOffice)
    danish = {
        r.start
        for r in bundled.relationships(Rel.IN_COUNTRY)
        if r.end == DENMARK and r.start in ids(bundled, Label.City)
    }
    facts = list(bundled.relationships(Rel.SERVES))
    assert facts
    for r in facts:
        assert r.start in serving and r.end in danish, (r.start, r.end)


def test_every_serves_fact_is_sourced_from_data_denmark(bundled: MemoryStore) -> None:
    facts = list(bundled.relationships(Rel.SERVES))
    assert {r.properties["source_id"] for r in facts} == {"denmark/regional_coverage"}
    for r in facts:
        key = (r.start, r.end)
        assert r.properties.get("source"), key
        assert r.properties.get("retrieved"), key
        assert r.properties.get("url") or r.properties.get("section"), key
        assert r.properties.get("confidence") in SOURCED, key


def test_an_inferred_serves_fact_is_listed_as_not_yet_sourced(bundled: MemoryStore) -> None:
    for r in bundled.relationships(Rel.SERVES):
        if r.properties.get("confidence") == "inferred":
            assert listed_as_not_yet_sourced(bundled, r.end), (r.start, r.end)


def test_the_file_is_a_bundled_source_so_the_provenance_check_covers_it() -> None:
    # tests/test_sourced_data.py checks every fact whose source_id starts with "denmark/".
    assert COVERAGE_FILE in {source.path for source in bundled_sources(False)}


@pytest.mark.neo4j
def test_cypher_on_neo4j_finds_each_cluster_city_hub(neo4j_store: Neo4jStore) -> None:
    load_bundled(neo4j_store, include_illustrative=False)
    query = (
        f"MATCH (k:{Label.Cluster})-[:{Rel.LOCATED_IN}]->(c:{Label.City})"
        f"<-[:{Rel.SERVES}]-(h:{Label.BusinessHub}) "
        "WHERE k.national AND k.status = $active "
        "RETURN c.id AS city, collect(DISTINCT h.id) AS hubs"
    )
    rows = neo4j_store.run_read(query, {"active": "active"})
    memory = MemoryStore()
    load_bundled(memory, include_illustrative=False)
    expected = {city: sorted(hubs) for city, hubs in served_by(memory, Label.BusinessHub).items()}
    assert {row["city"]: sorted(row["hubs"]) for row in rows} == {
        city: expected[city] for city in cluster_cities(memory) if city in expected
    }
