"""Both stores, one answer for leads: every bundled lead and every judged lead of the benchmark
is routed identically in memory (networkx) and on the real Neo4j; and what a lead's outcome
teaches the recommender's trust is the same on both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from api.settings import Settings
from bench.leads import judged_leads, load_judged
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from ontology.names import Label, Rel
from queries.gaps import GapOptions
from queries.leads.route import route_lead
from queries.recommend import recommend_partners
from tests.unit.test_leads import write_leads

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


def test_a_lead_outcome_moves_the_recommendations_the_same_on_both_stores(
    stores: tuple[MemoryStore, Neo4jStore], tmp_path: Path
) -> None:
    cluster = "cluster:danish-life-science-cluster"
    lead = {
        "id": "lead:parity-remote-monitoring",
        "name": "Boston hospital tests remote monitoring",
        "technology": "remote monitoring of patients",
        "sought": "test-partner",
        "found_on": dt.date(2026, 5, 4),
        "status": "accepted",
    }
    links = [
        {"type": Rel.FOUND_BY, "from": lead["id"], "to": "icdk:silicon-valley"},
        {"type": Rel.FOUND_IN, "from": lead["id"], "to": "country:US"},
        {"type": Rel.ROUTED_TO, "from": lead["id"], "to": cluster},
    ]
    declined = dict(lead, id="lead:parity-declined", status="declined")
    links += [
        {"type": Rel.FOUND_BY, "from": declined["id"], "to": "tc:embassy-japan"},
        {"type": Rel.ROUTED_TO, "from": declined["id"], "to": cluster},
    ]
    path = write_leads(tmp_path / "outcomes.yaml", [lead, declined], links)
    answers = []
    for store in stores:
        load_sources(store, discover([path]))
        result = recommend_partners(
            store, cluster, "innovation-test", top=50, options=GapOptions(as_of=DAY)
        )
        answers.append(result.as_dict())
    assert answers[0] == answers[1]
    reasons = {
        rec["actor"]["id"]: " ".join(rec["reasons"]) for rec in answers[0]["recommendations"]
    }
    assert "lead «Boston hospital tests remote monitoring»" in reasons["icdk:silicon-valley"]
    assert "declined: trust 1.00 -> 0.75" in reasons["tc:embassy-japan"]
