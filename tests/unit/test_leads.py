"""Routing a lead found abroad to its landing-base cluster, on the bundled data in the memory
store: the route a cluster manager expects, with its reasons, contact and model; what earlier
leads' outcomes change; and leads checked by the loaders like every source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled, load_sources
from loaders.problems import LoadError
from loaders.sources import discover
from ontology.names import ModelId, Rel
from queries.ids import UnknownIdError
from queries.leads.route import route_lead
from tests.helpers import snapshot

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def store() -> Iterator[MemoryStore]:
    store = MemoryStore()
    load_bundled(store)
    yield store


def write_leads(path: Path, nodes: list[dict], relationships: list[dict]) -> Path:
    document = {
        "provenance": {"source": "test leads", "confidence": "illustrative", "retrieved": DAY},
        "nodes": nodes,
        "relationships": relationships,
    }
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_a_robotics_lead_from_munich_lands_at_odense_robotics(store: MemoryStore) -> None:
    result = route_lead(store, "munich-intralogistics", as_of=DAY)
    first = result.routes[0]
    assert first.cluster.id == "cluster:odense-robotics"
    assert result.model == ModelId.market_test  # a test partner: the market-driven test
    assert "»" in result.model_reason
    assert "robotter" in first.matched_words
    assert any("Germany" in reason for reason in first.reasons)
    assert first.contact.via is not None and first.contact.via.id == "icdk:munich"
    assert {p.confidence for p in first.provenance} >= {"illustrative"}
    assert result.lead_provenance.confidence == "illustrative"
    # the ranking: routes meeting the lead's words first, the more they meet the earlier, then
    # the best score
    matched = [r for r in result.routes if r.sector_match]
    assert matched == list(result.routes[: len(matched)])
    order = [(r.components["sector_match"], r.score) for r in matched]
    assert order == sorted(order, reverse=True)


def test_a_routed_lead_shows_what_became_of_it(store: MemoryStore) -> None:
    result = route_lead(store, "lead:seoul-wearables", as_of=DAY)
    assert result.outcome.cluster is not None
    assert result.outcome.cluster.id == "cluster:lifestyle-design-cluster"
    assert result.outcome.status == "declined"


def test_outcomes_of_earlier_leads_move_the_trust_shown_in_the_reasons(tmp_path: Path) -> None:
    store = MemoryStore()
    load_bundled(store)
    newer = {
        "id": "lead:t-newer",
        "name": "Munich cobot welding",
        "technology": "robot welding",
        "sought": "test-partner",
        "found_on": DAY,
    }
    earlier = dict(
        newer, id="lead:t-earlier", name="Munich gripper tests", found_on=DAY.replace(year=2025)
    )
    links = [
        {"type": Rel.FOUND_BY, "from": lead, "to": "icdk:munich"}
        for lead in ("lead:t-newer", "lead:t-earlier")
    ] + [{"type": Rel.ROUTED_TO, "from": "lead:t-earlier", "to": "cluster:made"}]

    def ties(status: str) -> tuple[float, list[str]]:
        source = write_leads(tmp_path / "leads.yaml", [newer, dict(earlier, status=status)], links)
        load_sources(store, discover([source]))
        made = next(
            r
            for r in route_lead(store, "t-newer", as_of=DAY).routes
            if r.cluster.id == "cluster:made"
        )
        return made.components["finder_ties"], [
            r for r in made.reasons if "t-earlier" in r or "gripper" in r
        ]

    accepted, accepted_reasons = ties("accepted")
    declined, declined_reasons = ties("declined")
    assert accepted > declined
    assert (
        accepted_reasons and "was accepted" in accepted_reasons[0] and "->" in accepted_reasons[0]
    )
    assert declined_reasons and "was declined" in declined_reasons[0]


def test_an_unknown_lead_names_the_closest(store: MemoryStore) -> None:
    with pytest.raises(UnknownIdError) as raised:
        route_lead(store, "munich-intralogistic")
    assert "lead:munich-intralogistics" in raised.value.closest


def test_bad_leads_are_listed_problems_and_nothing_is_stored(
    store: MemoryStore, tmp_path: Path
) -> None:
    before = snapshot(store)
    bad = [
        {
            "id": "lead:t-bad",
            "name": "x",
            "technology": "robots",
            "sought": "a-job",
            "found_on": DAY,
        },
        {"id": "lead:t-no-words", "name": "y", "sought": "delegation", "found_on": DAY},
    ]
    links = [{"type": Rel.FOUND_BY, "from": "lead:t-bad", "to": "cluster:made"}]
    source = write_leads(tmp_path / "bad.yaml", bad, links)
    with pytest.raises(LoadError) as raised:
        load_sources(store, discover([source]))
    text = str(raised.value)
    assert "bad.yaml:2: sought = 'a-job': expected one of delegation" in text
    assert "technology = None: required for a Lead" in text
    assert "FOUND_BY to must be one of" in text  # a cluster finds no lead
    assert snapshot(store) == before


def test_leads_load_from_a_csv_folder(tmp_path: Path) -> None:
    folder = tmp_path / "leads"
    (folder / "nodes").mkdir(parents=True)
    (folder / "relationships").mkdir()
    (folder / "source.yaml").write_text(
        "source: lead log\nconfidence: reported\nretrieved: 2026-12-01\n", encoding="utf-8"
    )
    (folder / "nodes" / "lead.csv").write_text(
        "id,name,technology,sought,found_on\n"
        "lead:csv-sound,Shanghai audio delegation,lydinnovation og højttalere,delegation,"
        "2026-11-01\n",
        encoding="utf-8",
    )
    (folder / "relationships" / "FOUND_BY.csv").write_text(
        "from,to\nlead:csv-sound,icdk:shanghai\n", encoding="utf-8"
    )
    (folder / "relationships" / "FOUND_IN.csv").write_text(
        "from,to\nlead:csv-sound,hotspot:shanghai\n", encoding="utf-8"
    )
    store = MemoryStore()
    load_bundled(store)
    load_sources(store, discover([folder]))
    result = route_lead(store, "csv-sound", as_of=DAY)
    assert result.routes[0].cluster.id == "cluster:danish-sound-cluster"
    assert result.model == ModelId.innovation_test  # a delegation shows the environment off
    assert result.lead_provenance.confidence == "reported"


def test_a_route_names_the_service_that_takes_the_lead_further(store: MemoryStore) -> None:
    camp = route_lead(store, "munich-intralogistics", as_of=DAY).services
    assert [(s.service, s.offered_by) for s in camp] == [
        ("service:icdk-innovation-camp", "icdk:munich")
    ]
    # an Invest in Denmark office offers what Invest in Denmark offers
    scouting = route_lead(store, "new-york-foodtech-fund", as_of=DAY).services
    assert [(s.service, s.offered_by, s.by_the_finder) for s in scouting] == [
        ("service:investdk-investor-scouting", "investdk:invest-in-denmark", True)
    ]
    assert scouting[0].confidence == "inferred"  # which lead it helps with is our reading


def route_words(tmp_path: Path, technology: str, finder: str, market: str) -> list[str]:
    """The clusters a lead in these words is routed to, best first."""
    store = MemoryStore()
    load_bundled(store)
    lead_id = "lead:t-words"
    lead = {
        "id": lead_id,
        "name": "t",
        "technology": technology,
        "sought": "market-entry",
        "found_on": DAY,
    }
    links = [
        {"type": Rel.FOUND_BY, "from": lead_id, "to": finder},
        {"type": Rel.FOUND_IN, "from": lead_id, "to": market},
    ]
    load_sources(store, discover([write_leads(tmp_path / "lead.yaml", [lead], links)]))
    return [r.cluster.id for r in route_lead(store, lead_id, as_of=DAY).routes]


def test_a_lead_in_danish_meets_the_danish_name_of_a_strength_position(tmp_path: Path) -> None:
    # the names the clusters and the trade press give the strength positions (data/denmark)
    food = route_words(tmp_path, "fødevarer og landbrug", "tc:bucharest", "country:RO")
    assert food[0] == "cluster:food-bio-cluster-denmark"
    building = route_words(tmp_path, "bæredygtigt byggeri", "icdk:shanghai", "country:CN")
    assert building[0] == "cluster:we-build-denmark"


def test_the_lead_s_words_outrank_a_cluster_s_experience(tmp_path: Path) -> None:
    # DigitalLead's strength position names digitalisation; Danish Life Science Cluster's work
    # only mentions it, and its recorded engagements gave it the higher score
    routes = route_words(
        tmp_path, "digitalisering af den offentlige sektor", "tc:paris", "country:FR"
    )
    assert routes[:2] == ["cluster:digitallead", "cluster:danish-life-science-cluster"]
