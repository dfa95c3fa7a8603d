"""Gap analysis on the bundled data (memory store): the gaps the data files build in are found,
each explained and backed by facts with provenance, and they close when the data changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.batch import SourceBatch, write_batch
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import bundled_sources, discover
from ontology.names import ModelId, Rel, RoleId
from queries.findings import GAP_TYPES, SEVERITIES, Gap
from queries.gaps import GapOptions, find_gaps
from queries.ids import UnknownIdError
from tests.helpers import node, rel, sample_batch

TODAY = GapOptions(as_of=dt.date(2026, 11, 27))  # the illustrative layer's "today"


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store)
    return store


def kinds(gaps: list[Gap]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(g.kind, g.model, g.market, g.missing_role or g.subject) for g in gaps}


def test_every_gap_is_typed_explained_and_backed_by_facts_with_provenance(
    bundled: MemoryStore,
) -> None:
    gaps = find_gaps(bundled, options=TODAY)
    assert {g.type for g in gaps} == set(GAP_TYPES)
    for gap in gaps:
        assert gap.severity in SEVERITIES
        assert gap.sentence.endswith(".") and len(gap.sentence) > 40
        assert gap.evidence, gap
        for fact in gap.evidence:
            assert fact.source and fact.confidence in (
                "reported",
                "public-source",
                "inferred",
                "illustrative",
            )
    order = [(g.cluster or "", SEVERITIES.index(g.severity)) for g in gaps]
    assert order == sorted(order), "per cluster, most urgent first"


def test_a_requirement_is_met_by_any_of_its_roles(bundled: MemoryStore) -> None:
    """Model 1 names ICDK among "et par udenlandske samarbejdspartnere": Odense Robotics' Boston
    test with ICDK Boston has one of the couple, not a missing ICDK (and is offered no other
    ICDK in the US: Boston has its own); its key-market work in
    Germany lacks the strategic agreement, and the remedy names whom it works with there."""
    gaps = find_gaps(bundled, "odense-robotics", options=TODAY)
    [role] = [g for g in gaps if g.kind == "missing-required-role"]
    assert "1 of the 2 partners needed" in role.sentence and role.missing_role != RoleId.icdk
    # The work is in Boston: as in the recommendations beside it, Boston's own come first and
    # the rest of the US only for a role no one there fills (ICDK Boston is its partner).
    suggested = {a.id for a in role.suggestions}
    assert "icdk:silicon-valley" not in suggested
    assert {"fcluster:boston-life-science", "tc:washington-d-c"} <= suggested
    assert (
        "In Boston: Boston life science cluster (illustrative); elsewhere in United States: "
        "Trade Council, Embassy of Denmark in Washington, D.C." in role.sentence
    )
    formality = next(g for g in gaps if g.kind == "no-valid-agreement")
    assert (formality.model, formality.market) == (ModelId.key_market_partnership, "country:DE")
    assert "strategic cooperation agreement" in formality.sentence
    assert "Formalise the partnership with" in formality.sentence
    assert "Innovation Centre Denmark Munich" in formality.sentence
    assert "icdk:munich" in {a.id for a in formality.suggestions}


def test_a_requirement_short_of_partners_names_who_is_present_to_meet_it(
    bundled: MemoryStore,
) -> None:
    """Vision Denmark's Korea showcase has no support organisation (model 3); ICDK Seoul and the
    Trade Council in Korea are there."""
    gaps = find_gaps(bundled, "vision-denmark", options=TODAY)
    gap = next(g for g in gaps if g.kind == "missing-required-role")
    assert (gap.severity, gap.model, gap.market) == ("high", ModelId.market_test, "country:KR")
    assert "icdk:seoul" in {a.id for a in gap.suggestions}
    assert "Present in South Korea" in gap.sentence or "Present in Korea" in gap.sentence
    paths = {fact.path for fact in gap.evidence}
    assert (ModelId.market_test, Rel.HAS_REQUIREMENT, "requirement:market-test-support") in paths


def test_work_known_only_from_a_case_description_is_not_recorded_not_missing(
    bundled: MemoryStore,
) -> None:
    """The report's model-2 case, ICN, names no ICDK and none of its 16 clusters: our data not
    recording them is "not recorded" (low), not a HIGH gap."""
    gaps = find_gaps(bundled, "clean", options=TODAY)
    icn = [g for g in gaps if g.subject == "engagement:international-cleantech-network"]
    assert icn and {(g.kind, g.severity) for g in icn} <= {("not-recorded", "low")}
    assert "only in part" in icn[0].sentence or "record no agreement" in icn[0].sentence


def test_agreements_expiring_within_the_horizon_and_expired_ones(bundled: MemoryStore) -> None:
    clean = "agreement:clean-icdk-silicon-valley-2019"  # valid until 2027-03-31

    def agreement_kinds(day: dt.date, horizon: int = 180) -> set[str]:
        options = GapOptions(as_of=day, expiry_horizon_days=horizon)
        return {g.kind for g in find_gaps(bundled, "clean", options=options) if g.subject == clean}

    assert agreement_kinds(dt.date(2026, 11, 27)) == {"agreement-expiring"}
    assert agreement_kinds(dt.date(2026, 11, 27), horizon=30) == set()
    assert agreement_kinds(dt.date(2025, 1, 1)) == set()
    assert agreement_kinds(dt.date(2027, 4, 1)) == {"agreement-expired"}
    later = find_gaps(bundled, "clean", "innovation-platform", GapOptions(dt.date(2027, 4, 1)))
    lapsed = [g for g in later if g.kind == "no-valid-agreement"]
    assert lapsed and "has ended" in lapsed[0].sentence


def test_a_market_without_an_icdk_suggests_the_trade_council_there(bundled: MemoryStore) -> None:
    gaps = find_gaps(bundled, "copenhagen-fintech", options=TODAY)
    singapore = next(
        g
        for g in gaps
        if g.kind == "no-icdk-in-market" and g.market == "market:singapore-banking-sector"
    )
    assert [a.id for a in singapore.suggestions] == ["tc:singapore"]
    assert "Trade Council" in singapore.sentence


def test_an_icdk_matching_the_strength_position_without_partnership_is_a_landing_base(
    bundled: MemoryStore,
) -> None:
    gaps = find_gaps(bundled, "danish-life-science-cluster", options=TODAY)
    landing = [g for g in gaps if g.kind == "landing-base"]
    # Both list life science among their sourced focus areas (ICDK Munich: its 2014 team).
    assert [g.subject for g in landing] == ["icdk:munich", "icdk:silicon-valley"]
    assert "landing base" in landing[0].sentence


def test_fragile_long_term_partnerships_single_contact_and_ad_hoc_funding(
    bundled: MemoryStore,
) -> None:
    gaps = find_gaps(bundled, "copenhagen-fintech", options=TODAY)
    fragile = {(g.kind, g.subject) for g in gaps if g.type == "fragility"}
    assert ("single-contact", "fcluster:singapore-fintech") in fragile
    assert ("ad-hoc-funding", "fcluster:singapore-fintech") in fragile
    # Odense Robotics' one-person, ad hoc partnership with ICDK Boston serves a short test only.
    robotics = find_gaps(bundled, "odense-robotics", options=TODAY)
    assert not [g for g in robotics if g.type == "fragility"]
    # Food & Bio's one-person partnership with ICDK India ended on 2020-06-30: nothing left to
    # break; the same partnership judged on a day before its end was fragile.
    food_bio = "food-bio-cluster-denmark"
    ended = [g for g in find_gaps(bundled, food_bio, options=TODAY) if g.subject == "icdk:india"]
    assert not [g for g in ended if g.type == "fragility"]
    then = GapOptions(as_of=dt.date(2020, 6, 30))
    before = [g for g in find_gaps(bundled, food_bio, options=then) if g.subject == "icdk:india"]
    assert "single-contact" in {g.kind for g in before}


def test_network_gaps_name_underused_actors_isolated_clusters_and_brokers(
    bundled: MemoryStore,
) -> None:
    gaps = find_gaps(bundled, options=TODAY)
    whole = [g for g in gaps if g.cluster is None]
    assert {g.kind for g in whole} == {"underused-actor"}
    assert any("business hub" in g.sentence for g in whole)
    isolated = {g.cluster for g in gaps if g.kind == "isolated-cluster"}
    assert "cluster:odense-robotics" not in isolated  # it partners with MADE and DigitalLead
    assert "cluster:copenhagen-fintech" in isolated
    assert "cluster:marlog" not in {g.cluster for g in gaps}  # bankrupt: not analysed
    # A broker names the clusters it alone ties the cluster to, as the board knows them, and
    # never a bankrupt one (no tie to build): MARLOG shares the Singapore Trade Council with
    # Copenhagen FinTech, and nothing else.
    brokers = {(g.cluster, g.subject): g.sentence for g in gaps if g.kind == "single-broker"}
    assert brokers["cluster:odense-robotics", "investdk:invest-in-denmark"].startswith(
        "Invest in Denmark is your only shared partner with 2 other clusters "
        "(Copenhagen FinTech, Food & Bio Cluster Denmark)"
    )
    assert "1 other cluster (MADE)" in brokers["cluster:censec", "een:network"]
    assert ("cluster:copenhagen-fintech", "tc:singapore") not in brokers
    # Energy Cluster Denmark's project with ICDK Seoul ended on 2020-06-30: Seoul ties it to no
    # one now, and Lifestyle & Design's tie to Food & Bio hangs on the Central Denmark EU Office.
    assert ("cluster:energy-cluster-denmark", "icdk:seoul") not in brokers
    assert (
        "1 other cluster (Food & Bio Cluster Denmark)"
        in brokers["cluster:lifestyle-design-cluster", "euoffice:central-denmark"]
    )
    assert not [sentence for sentence in brokers.values() if "cluster:" in sentence]


def test_model_filter_and_unknown_ids(bundled: MemoryStore) -> None:
    only = find_gaps(bundled, "cluster:clean", ModelId.key_market_partnership, TODAY)
    assert only and {g.model for g in only} == {ModelId.key_market_partnership}
    with pytest.raises(UnknownIdError, match="closest: cluster:odense-robotics"):
        find_gaps(bundled, "odense-robotic")
    with pytest.raises(UnknownIdError, match=ModelId.market_test):
        find_gaps(bundled, "clean", "market-tset")


def test_a_new_agreement_closes_the_formality_gap(tmp_path: Path) -> None:
    extra = tmp_path / "agreement.yaml"
    extra.write_text(
        f"""
provenance: {{source: "test fixture", confidence: illustrative}}
nodes:
  - id: agreement:or-germany-2026
    name: Odense Robotics key-market agreement for Germany
    agreement_kind: strategic-agreement
    status: active
    valid_from: 2026-01-01
    valid_until: 2029-12-31
relationships:
  - {{type: {Rel.PARTY_TO}, from: cluster:odense-robotics, to: agreement:or-germany-2026}}
  - {{type: {Rel.PARTY_TO}, from: icdk:munich, to: agreement:or-germany-2026}}
  - {{type: {Rel.UNDER_MODEL}, from: agreement:or-germany-2026,
     to: {ModelId.key_market_partnership}}}
  - {{type: {Rel.TARGETS}, from: agreement:or-germany-2026, to: country:DE}}
""",
        encoding="utf-8",
    )
    store = MemoryStore()
    load_sources(store, [*bundled_sources(), *discover([extra])])
    gaps = find_gaps(store, "odense-robotics", "key-market-partnership", TODAY)
    assert not [g for g in gaps if g.kind == "no-valid-agreement"]


def test_a_partnership_that_ended_leaves_the_landing_base_open(tmp_path: Path) -> None:
    """ICDK Munich focuses on life science, Danish Life Science Cluster's strength: a landing
    base while the cluster has no partnership with it, and again once the one it had has ended."""
    extra = tmp_path / "partnership.yaml"
    extra.write_text(
        f"""
provenance: {{source: "test fixture", confidence: illustrative}}
relationships:
  - {{type: {Rel.PARTNERS_WITH}, from: cluster:danish-life-science-cluster, to: icdk:munich,
     kind: project, start: 2019-01-01, end: 2021-12-31, contact_persons: 1, funding: project}}
""",
        encoding="utf-8",
    )
    store = MemoryStore()
    load_sources(store, [*bundled_sources(), *discover([extra])])

    def landing_bases(day: dt.date) -> list[str | None]:
        gaps = find_gaps(store, "danish-life-science-cluster", options=GapOptions(as_of=day))
        return [g.subject for g in gaps if g.kind == "landing-base"]

    assert "icdk:munich" not in landing_bases(dt.date(2021, 6, 1))
    assert "icdk:munich" in landing_bases(TODAY.as_of)


def test_an_analysis_sees_what_any_writer_wrote_since_the_last_one(
    store: GraphStore, settings: Settings
) -> None:
    """Both stores keep what they derive from the whole graph (every ICDK) between analyses: a
    write shows in the next one, on Neo4j also one through another connection (process)."""
    write_batch(store, sample_batch())
    s = "test/sweden"
    target = {"model": ModelId.market_test}
    sweden = rel("cluster:odense-robotics", Rel.TARGETS_MARKET, "country:SE", s, **target)
    write_batch(store, SourceBatch(s, [node("country:SE", s)], [sweden]))

    def uncovered() -> set[str | None]:
        gaps = find_gaps(store, "odense-robotics", options=TODAY)
        return {g.market for g in gaps if g.kind == "no-icdk-in-market"}

    assert uncovered() == {"country:SE"}
    other = (  # another writer, where the store has others (another connection to Neo4j)
        Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
        if store.traits.changed_by_others
        else store
    )
    t = "test/stockholm"
    stockholm = rel("icdk:stockholm", Rel.PRESENT_IN, "country:SE", t)
    write_batch(other, SourceBatch(t, [node("icdk:stockholm", t)], [stockholm]))
    if other is not store:
        other.close()
    assert uncovered() == set()
