"""Both stores, one answer for leads: every bundled lead and every judged lead of the benchmark
is routed identically in memory (networkx) and on the real Neo4j."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from neo4j import Driver

from api.settings import Settings
from bench.leads import judged_leads, load_judged
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.names import Label
from queries.leads.route import route_lead

pytestmark = pytest.mark.neo4j
DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def stores(neo4j_driver: Driver, settings: Settings) -> Iterator[tuple[MemoryStore, Neo4jStore]]:
    memory = MemoryStore()
    neo4j = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    neo4j.clear()
    leads = judged_leads()
    for store in (memory, neo4j):
        load_bundled(store)
        load_judged(store, leads)
    yield memory, neo4j
    neo4j.clear()  # the API tests reload the bundled data when they find other counts
    neo4j.close()


def test_every_lead_is_routed_the_same_on_both_stores(
    stores: tuple[MemoryStore, Neo4jStore],
) -> None:
    memory, neo4j = stores
    leads = sorted(node["id"] for node in memory.nodes(Label.Lead))
    assert len(leads) >= 25  # the bundled leads and the judged ones
    for lead in leads:
        in_memory = route_lead(memory, lead, as_of=DAY).as_dict()
        on_neo4j = route_lead(neo4j, lead, as_of=DAY).as_dict()
        assert in_memory == on_neo4j, lead
