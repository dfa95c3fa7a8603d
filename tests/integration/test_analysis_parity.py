"""Both stores, one answer: the gap analysis and the recommendations for every cluster and model
on the bundled data are identical in memory (networkx) and on the real Neo4j (Cypher)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.models import load_catalogue
from ontology.names import Label
from queries.gaps import INACTIVE, GapOptions, find_gaps
from queries.ids import InactiveClusterError
from queries.recommend import recommend_partners

pytestmark = pytest.mark.neo4j
TODAY = GapOptions(as_of=dt.date(2026, 11, 27))
EVERYONE = 1000  # more than there are candidates: compare the whole ranking


@pytest.fixture(scope="module")
def stores(neo4j_driver: Driver, settings: Settings) -> Iterator[tuple[MemoryStore, Neo4jStore]]:
    memory = MemoryStore()
    load_bundled(memory)
    neo4j = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    neo4j.clear()
    load_bundled(neo4j)
    yield memory, neo4j
    neo4j.close()


def split_floats(value: Any, path: str = "") -> tuple[Any, dict[str, float]]:
    """The value with every float replaced by a marker, and the floats by their path."""
    floats: dict[str, float] = {}
    if isinstance(value, float):
        return "<float>", {path: value}
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out[key], found = split_floats(item, f"{path}.{key}")
            floats |= found
        return out, floats
    if isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            converted, found = split_floats(item, f"{path}[{index}]")
            items.append(converted)
            floats |= found
        return items, floats
    return value, floats


def assert_same(memory: Any, neo4j: Any) -> None:
    memory_shape, memory_floats = split_floats(memory)
    neo4j_shape, neo4j_floats = split_floats(neo4j)
    assert memory_shape == neo4j_shape
    assert memory_floats.keys() == neo4j_floats.keys()
    for path, value in memory_floats.items():
        assert math.isclose(value, neo4j_floats[path], rel_tol=0, abs_tol=1e-9), path


def test_all_gaps_are_identical(stores: tuple[MemoryStore, Neo4jStore]) -> None:
    memory, neo4j = stores
    expected = [gap.as_dict() for gap in find_gaps(memory, options=TODAY)]
    assert len(expected) > 60
    assert_same(expected, [gap.as_dict() for gap in find_gaps(neo4j, options=TODAY)])


def test_every_cluster_and_model_gives_the_same_gaps_and_recommendations(
    stores: tuple[MemoryStore, Neo4jStore],
) -> None:
    memory, neo4j = stores
    clusters = sorted(node["id"] for node in memory.nodes(Label.Cluster))
    compared = 0
    for cluster in clusters:
        for model in load_catalogue().models:
            gaps = [g.as_dict() for g in find_gaps(memory, cluster, model, TODAY)]
            assert_same(gaps, [g.as_dict() for g in find_gaps(neo4j, cluster, model, TODAY)])
            if (memory.get_node(cluster) or {}).get("status") in INACTIVE:
                for store in (memory, neo4j):
                    with pytest.raises(InactiveClusterError):
                        recommend_partners(store, cluster, model, options=TODAY)
                continue
            expected = recommend_partners(memory, cluster, model, top=EVERYONE, options=TODAY)
            actual = recommend_partners(neo4j, cluster, model, top=EVERYONE, options=TODAY)
            assert_same(expected.as_dict(), actual.as_dict())
            compared += len(expected.recommendations)
    assert len(clusters) == 15 and compared > 200


def test_recommendations_in_a_market_are_identical(stores: tuple[MemoryStore, Neo4jStore]) -> None:
    memory, neo4j = stores
    for cluster, model, market in [
        ("odense-robotics", "market-test", "DE"),
        ("copenhagen-fintech", "key-market-partnership", "market:singapore-banking-sector"),
        ("danish-life-science-cluster", "innovation-platform", "hotspot:boston"),
        ("lifestyle-design-cluster", "market-test", "France"),
        ("vision-denmark", "market-test", "kr"),
        ("odense-robotics", "innovation-test", "hotspot:boston"),
    ]:
        expected = recommend_partners(memory, cluster, model, market, EVERYONE, options=TODAY)
        actual = recommend_partners(neo4j, cluster, model, market, EVERYONE, options=TODAY)
        assert expected.recommendations
        assert_same(expected.as_dict(), actual.as_dict())
