"""The sourced data (data/denmark): every fact cites where it comes from, nothing illustrative
leaks into it, and the network abroad reaches the issue's acceptance markets from sourced facts."""

from pathlib import Path

import pytest
import yaml

from data import DENMARK_DIR, ILLUSTRATIVE_DIR
from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled
from ontology.names import Rel, RoleId
from queries.recommend import recommend_partners

SOURCED = ("reported", "public-source", "inferred")


@pytest.fixture(scope="module")
def sourced() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    return store


def _denmark_facts(store: MemoryStore) -> list[tuple[str, dict]]:
    nodes = [(n["id"], n) for n in store.nodes()]
    rels = [(f"{r.type} {r.start}->{r.end}", r.properties) for r in store.relationships()]
    return [(key, f) for key, f in nodes + rels if str(f["source_id"]).startswith("denmark/")]


def test_every_fact_in_data_denmark_has_a_source_a_retrieval_date_and_a_url_or_section(
    sourced: MemoryStore,
) -> None:
    facts = _denmark_facts(sourced)
    assert len(facts) > 500
    for key, fact in facts:
        assert fact.get("source"), key
        assert fact.get("retrieved"), key
        assert fact.get("url") or fact.get("section"), key
        assert fact["confidence"] in SOURCED, key


def test_no_name_ends_in_illustrative_outside_the_illustrative_layer() -> None:
    for path in sorted(Path(DENMARK_DIR).glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for node in document.get("nodes") or []:
            assert not str(node.get("name", "")).endswith("(illustrative)"), (path.name, node["id"])
    store = MemoryStore()
    load_bundled(store)
    for node in store.nodes():
        if not str(node["source_id"]).startswith(ILLUSTRATIVE_DIR.name + "/"):
            assert "(illustrative)" not in str(node.get("name")), node["id"]


@pytest.mark.parametrize("country", ["FR", "PL", "NO"])
def test_a_trade_council_representation_is_present_in_each_acceptance_market(
    sourced: MemoryStore, country: str
) -> None:
    place = f"country:{country}"
    present = {r.start for r in sourced.relationships(Rel.PRESENT_IN) if r.end == place}
    assert any(node_id.startswith("tc:") for node_id in present), country


@pytest.mark.parametrize("country", ["FR", "PL"])  # EEN in Norway: inferred (see below)
def test_named_een_partners_are_present_in_france_and_poland(
    sourced: MemoryStore, country: str
) -> None:
    partners = {
        r.start
        for r in sourced.relationships(Rel.PRESENT_IN)
        if r.end == f"country:{country}" and r.start.startswith("een:")
    }
    named = [
        p for p in partners if (sourced.get_node(p) or {}).get("confidence") == "public-source"
    ]
    assert named, country


@pytest.mark.parametrize("country", ["FR", "PL", "NO"])
def test_recommend_offers_the_trade_council_there_from_sourced_facts_alone(
    sourced: MemoryStore, country: str
) -> None:
    result = recommend_partners(sourced, "odense-robotics", "market-test", country, 20).as_dict()
    offered = {r["actor"]["id"]: r["fills_role"] for r in result["recommendations"]}
    assert any(a.startswith("tc:") and role == RoleId.trade_council for a, role in offered.items())
    assert any(a.startswith("een:") and role == RoleId.een for a, role in offered.items())


def test_een_in_norway_is_inferred_and_says_so(sourced: MemoryStore) -> None:
    """Innovation Norway's role in the network rests on a page cut in the network's name."""
    result = recommend_partners(sourced, "odense-robotics", "market-test", "NO", 20)
    [een] = [r for r in result.recommendations if r.fills_role == RoleId.een]
    assert een.actor.id == "een:innovation-norway" and not een.sourced
    assert "Its own record is inferred, not from a source." in een.reasons


def test_sao_paulo_is_not_active_and_never_offered(sourced: MemoryStore) -> None:
    sao_paulo = sourced.get_node("icdk:sao-paulo")
    assert sao_paulo is not None and sao_paulo.get("status") != "active"
    result = recommend_partners(sourced, "odense-robotics", "innovation-test", "BR", 50).as_dict()
    assert "icdk:sao-paulo" not in {r["actor"]["id"] for r in result["recommendations"]}


def test_cluster_grants_cite_the_funders_not_the_report_in_general(sourced: MemoryStore) -> None:
    grants = [
        r
        for r in sourced.relationships(Rel.FUNDED_BY)
        if r.start.startswith("cluster:") and r.end in ("authority:ufm", "authority:deb")
    ]
    assert len(grants) == 28
    assert all(r.properties.get("url") for r in grants)


def test_corrections_hold(sourced: MemoryStore) -> None:
    assert (sourced.get_node("agreement:danish-sound-caia-2010") or {}).get("status") == "unknown"
    assert sourced.get_node("association:eksportforeningen") is None
    assert sourced.get_node("company:eksportforeningen") is not None
