"""Recommendations on the bundled data (memory store): the candidates fill the missing roles, the
score is the documented weighted mean of its components, the link-prediction signals agree with
networkx's own functions, and every reason comes with evidence."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graph.memory_facts import MemoryFacts
from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import bundled_sources, discover
from loaders.synthetic import generate
from ontology.models import load_catalogue
from ontology.names import Label, ModelId, Rel, RoleId
from queries.cluster_context import ClusterContext
from queries.findings import Recommendation
from queries.gaps import INACTIVE, GapOptions
from queries.ids import InactiveClusterError, UnknownIdError
from queries.recommend import recommend_partners
from queries.recommend.history import History
from queries.scoring import Weights, as_numbers, load_weights

TODAY = GapOptions(as_of=dt.date(2026, 11, 27))


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store)
    return store


@pytest.fixture(scope="module")
def sourced() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    return store


def test_a_market_without_an_icdk_gets_the_trade_council_and_een_there(
    sourced: MemoryStore,
) -> None:
    """Model 3: "et par supportorganisationer (Eksportrådet, Enterprise Europe Network, ICDK
    og/eller andre klynger)"; France has no ICDK, so those present in France, from sources."""
    result = recommend_partners(
        sourced, "lifestyle-design-cluster", "market-test", "FR", 5, options=TODAY
    )
    assert "requirement:market-test-support" in result.missing_requirements
    head = result.recommendations[:3]
    assert {r.actor.type for r in head} >= {Label.TradeCouncil, Label.EnterpriseEuropeNetwork}
    assert all(r.requirement_strength == "required" for r in head)
    assert not [r for r in result.recommendations if r.actor.type == Label.InnovationCentre]
    for rec in result.recommendations:
        assert rec.requirement == "requirement:market-test-support" or rec.components["home_fit"]
        if rec.components["market_presence"]:
            assert any("France" in reason for reason in rec.reasons)
    assert any(g.kind == "no-icdk-in-market" for g in result.gaps)


def test_markets_are_named_as_users_name_them(sourced: MemoryStore) -> None:
    answers = {
        market: recommend_partners(sourced, "we-build-denmark", "market-test", market, 3)
        for market in ("PL", "pl", "Poland", "Polen", "POL", "country:PL")
    }
    assert {a.market for a in answers.values()} == {"country:PL"}
    assert len({tuple(r.actor.id for r in a.recommendations) for a in answers.values()}) == 1
    with pytest.raises(UnknownIdError, match="no country, hotspot or market 'XX'"):
        recommend_partners(sourced, "we-build-denmark", "market-test", "XX")


def test_an_inactive_cluster_gets_no_partners(bundled: MemoryStore) -> None:
    with pytest.raises(InactiveClusterError, match=r"MARLOG .* is bankrupt"):
        recommend_partners(bundled, "marlog", "market-test", "SG")
    with pytest.raises(InactiveClusterError, match="merged"):
        recommend_partners(bundled, "welfare-tech", "key-market-partnership", "DE")


def test_an_ended_partnership_is_history_not_trust(bundled: MemoryStore) -> None:
    """Food & Bio's formal partnership with ICDK India ended on 2020-06-30: told, not trusted."""
    with bundled.analysis_facts() as facts:
        cluster = facts.cluster("cluster:food-bio-cluster-denmark")
        assert cluster is not None
        past = History.of(ClusterContext.build(facts, cluster), TODAY)
    reasons = past.reasons["icdk:india"]
    assert any("formal partnership with it, which ended on 2020-06-30" in r for r in reasons)
    assert not any("You have a formal partnership" in r for r in reasons)
    assert past.agreement.get("icdk:india", 0.0) == 0.0  # its MoU expired in 2019: history too
    assert past.trust.get("icdk:india", 0.0) < 0.75  # only the platform, discontinued, counts


def test_ties_share_a_rank_and_are_broken_by_sourced_facts(sourced: MemoryStore) -> None:
    """ICDK Tel Aviv and the Trade Council in Tel Aviv meet the same requirement equally; the
    centre, known from sources, comes before the embassy, whose trade work is inferred."""
    result = recommend_partners(sourced, "vision-denmark", "innovation-test", "IL", 5)
    first, second = result.recommendations[:2]
    assert (first.actor.id, second.actor.id) == ("icdk:tel-aviv", "tc:tel-aviv")
    assert first.score == second.score and (first.rank, second.rank) == (1, 2)
    assert first.tied and second.tied and first.sourced and not second.sourced


def test_the_erhvervshus_of_the_clusters_region_comes_first(bundled: MemoryStore) -> None:
    result = recommend_partners(
        bundled, "copenhagen-fintech", "key-market-partnership", "US", 50, options=TODAY
    )
    hubs = [r for r in result.recommendations if r.actor.type == Label.BusinessHub]
    assert hubs and hubs[0].actor.id == "erhvervshus:hovedstaden"
    assert hubs[0].components["home_fit"] == 1.0
    assert any("Copenhagen" in reason for reason in hubs[0].reasons)
    assert all(h.components["home_fit"] == 0.0 for h in hubs[1:])


def test_every_candidate_fills_a_missing_role_and_scores_are_weighted_means(
    bundled: MemoryStore,
) -> None:
    weights = Weights()
    result = recommend_partners(bundled, "clean", "key-market-partnership", top=50, options=TODAY)
    assert result.recommendations
    for rec in result.recommendations:
        assert rec.adds_to_met or rec.fills_role in result.missing_roles
        assert rec.adds_to_met or rec.requirement in result.missing_requirements
        assert all(0.0 <= v <= 1.0 for v in as_numbers(rec.components).values())
        assert rec.score == pytest.approx(weights.score(rec.components), abs=1e-12)
        assert rec.evidence and rec.reasons[0].startswith(("Meets «", "Adds to «"))
        assert any(v for k, v in rec.components.items() if k != "role_fit"), rec
        assert rec.actor.id != "cluster:clean"
    ranks = [r.rank for r in result.recommendations]
    assert ranks == sorted(ranks) and ranks[0] == 1


def test_the_top_few_are_the_head_of_the_full_ranking(bundled: MemoryStore) -> None:
    """Only candidates with a signal are scored in full; that must not change the order."""
    clusters = bundled.nodes(Label.Cluster)
    for cluster in sorted(node["id"] for node in clusters if node.get("status") not in INACTIVE):
        for model in load_catalogue().models:
            everyone = recommend_partners(bundled, cluster, model, top=1000, options=TODAY)
            for top in (1, 3, 10):
                head = recommend_partners(bundled, cluster, model, top=top, options=TODAY)
                assert untied(head.recommendations) == untied(everyone.recommendations[:top])


def untied(recommendations: tuple[Recommendation, ...]) -> list[Recommendation]:
    """Without the `tied` flag, which says whether another of the same answer ties."""
    return [r.model_copy(update={"tied": False}) for r in recommendations]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    folder = tmp_path_factory.mktemp("generated") / "syn"
    generate(folder, scale=0.05, seed=5)
    store = MemoryStore()
    load_sources(store, discover([folder]))
    return store


@pytest.mark.parametrize("weights", [Weights(), Weights(role_fit=0.5, network_proximity=4.0)])
@pytest.mark.parametrize("loose", [False, True])
def test_the_top_few_are_the_head_of_the_full_ranking_at_scale(
    generated: MemoryStore, weights: Weights, loose: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated data (thousands of candidates, many tied): candidates are scored in full only
    while one could still reach the top, and the top few must still be the full ranking's head.
    The search scores `top` first, then twice as many each time, so with a top of 1 or 3 it
    decides to stop after every few; a store answering "who is near" with every actor makes
    the bounds loose (and lets everyone through the market's gate: the answer changes, but the
    head must still be the full ranking's)."""
    if loose:

        def everyone_near(
            self: MemoryFacts, labels: list[str], *_: object, among: set[str] | None = None
        ) -> set[str]:
            every = set(self._of_label(labels))
            return every if among is None else every & among

        monkeypatch.setattr(MemoryFacts, "actors_near", everyone_near)
    store = generated
    clusters = sorted(
        n["id"] for n in store.nodes(Label.Cluster) if n.get("status") not in INACTIVE
    )
    candidates = []
    for cluster in clusters[:8]:
        for model in load_catalogue().models:
            everyone = recommend_partners(store, cluster, model, top=10**6, weights=weights)
            candidates.append(len(everyone.recommendations))
            for top in (1, 3, 10):
                head = recommend_partners(store, cluster, model, top=top, weights=weights)
                assert untied(head.recommendations) == untied(everyone.recommendations[:top])
    assert max(candidates) > 100


def test_the_top_few_are_the_head_of_the_full_ranking_in_a_hotspot(generated: MemoryStore) -> None:
    """Asked for a hotspot, a candidate there counts the market fully and one elsewhere in its
    country half: the bound the search stops on must be as tight as that and no tighter."""
    store = generated
    clusters = sorted(
        n["id"] for n in store.nodes(Label.Cluster) if n.get("status") not in INACTIVE
    )
    hotspots = sorted(str(n["id"]) for n in store.nodes(Label.Hotspot))
    presence: set[float] = set()
    for hotspot in hotspots[:2]:
        for cluster in clusters[:4]:
            for model in load_catalogue().models:
                everyone = recommend_partners(store, cluster, model, hotspot, top=10**6)
                presence |= {r.components["market_presence"] for r in everyone.recommendations}
                for top in (1, 3, 10):
                    head = recommend_partners(store, cluster, model, hotspot, top=top)
                    assert untied(head.recommendations) == untied(everyone.recommendations[:top])
    assert {0.5, 1.0} <= presence


def test_a_hotspot_keeps_out_the_rest_of_its_country_only_for_roles_filled_there(
    bundled: MemoryStore,
) -> None:
    """Boston has an innovation centre and a foreign cluster but no Trade Council post: asked
    for Boston, ICDK Silicon Valley stays out (Boston has its own), the embassy in Washington
    comes in at half the market, as the country's post for the role no one in Boston fills."""
    result = recommend_partners(
        bundled, "vision-denmark", "innovation-test", "hotspot:boston", 10, options=TODAY
    )
    presence = {r.actor.id: r.components["market_presence"] for r in result.recommendations}
    assert presence["icdk:boston"] == 1.0
    assert presence["fcluster:boston-life-science"] == 1.0
    assert presence["tc:washington-d-c"] == 0.5
    assert "icdk:silicon-valley" not in presence
    # A partner of the cluster's in the area fills the role too: Odense Robotics works with
    # ICDK Boston, so no other innovation centre in the US is offered for Boston.
    result = recommend_partners(
        bundled, "odense-robotics", "innovation-test", "hotspot:boston", 10, options=TODAY
    )
    assert not [r for r in result.recommendations if r.actor.type == Label.InnovationCentre]


def test_a_market_counts_fully_anywhere_in_its_country(bundled: MemoryStore) -> None:
    """A market (the German health and care sector) has no area of its own, unlike a hotspot:
    present in Germany is present in it."""
    result = recommend_partners(
        bundled,
        "danish-life-science-cluster",
        "key-market-partnership",
        "market:german-health-and-care-sector",
        10,
        options=TODAY,
    )
    abroad = [r for r in result.recommendations if r.components["market_presence"]]
    assert {r.actor.id for r in abroad} >= {"icdk:munich", "tc:hamburg"}
    assert {r.components["market_presence"] for r in abroad} == {1.0}


def test_required_requirements_come_first(bundled: MemoryStore) -> None:
    """Vision Denmark's Korea showcase has no support organisation, which model 3 requires:
    those come before what it only recommends."""
    result = recommend_partners(bundled, "vision-denmark", "market-test", "KR", 20, options=TODAY)
    strengths = [r.requirement_strength for r in result.recommendations]
    assert strengths[0] == "required" and "recommended" in strengths
    assert strengths == sorted(strengths, key=lambda s: s != "required")
    assert result.recommendations[0].actor.id == "icdk:seoul"


def test_only_each_roles_head_goes_before_a_better_score(bundled: MemoryStore) -> None:
    """The head shows each kind of partner: the best two of a role the model requires, the best
    one of a role it only recommends ("kan"). Anyone else is ranked by score, so a second
    funder never pushes a better foreign cluster the model requires out of the top."""

    def group(rec: Recommendation) -> tuple[object, ...]:  # what orders before the score
        return rec.requirement_strength, rec.adds_to_met, rec.fallback, rec.other_sector

    heads_seen = 0
    for cluster in ("clean", "copenhagen-fintech", "odense-robotics", "vision-denmark"):
        for model in sorted(ModelId.ALL):
            for market in (None, "US", "DE", "FR", "hotspot:boston"):
                ranked = recommend_partners(bundled, cluster, model, market, 15, options=TODAY)
                of_role: Counter[tuple[object, ...]] = Counter()
                for i, rec in enumerate(ranked.recommendations):
                    ahead = of_role[(*group(rec), rec.fills_role)]
                    of_role[(*group(rec), rec.fills_role)] += 1
                    if any(
                        later.score > rec.score and group(later) == group(rec)
                        for later in ranked.recommendations[i + 1 :]
                    ):
                        heads_seen += 1
                        most = 2 if rec.requirement_strength == "required" else 1
                        assert ahead < most, (cluster, model, market, rec.actor.id)
    assert heads_seen  # the rule was exercised, not vacuously true


@pytest.mark.parametrize("model", ["key-market-partnership", "innovation-platform"])
def test_network_signals_match_networkx_link_prediction(bundled: MemoryStore, model: str) -> None:
    """networkx on the partnerships of the day asked about: one that ended is no tie."""
    partners = nx.Graph()
    for rel in bundled.relationships(Rel.PARTNERS_WITH):
        end = rel.properties.get("end")
        if rel.start != rel.end and not (end and end < TODAY.as_of):
            partners.add_edge(rel.start, rel.end)
    cluster = "cluster:clean"
    result = recommend_partners(bundled, cluster, model, top=100, options=TODAY)
    checked = 0
    for rec in result.recommendations:
        if rec.actor.id not in partners:
            assert rec.signals["resource_allocation"] == 0
            continue
        [(_, _, ra)] = nx.resource_allocation_index(partners, [(cluster, rec.actor.id)])
        [(_, _, aa)] = nx.adamic_adar_index(partners, [(cluster, rec.actor.id)])
        assert rec.signals["resource_allocation"] == pytest.approx(ra, abs=1e-12)
        assert rec.signals["adamic_adar"] == pytest.approx(aa, abs=1e-12)
        # The component counts the shared partners the reason names, hubs or not.
        shared = len(list(nx.common_neighbors(partners, cluster, rec.actor.id)))
        assert rec.signals["common_partners"] == shared
        assert rec.components["network_proximity"] == pytest.approx(shared / (1 + shared))
        if shared:
            assert any(f"{shared} of your partners already work" in r for r in rec.reasons) or (
                shared == 1 and any("1 of your partners already works" in r for r in rec.reasons)
            )
        checked += ra > 0
    assert checked >= 3


def test_an_ended_partnership_is_no_shared_partner(bundled: MemoryStore) -> None:
    """DigitalLead's project with ICDK India ended on 2019-06-30: CLEAN, a partner of ICDK India,
    is not told that ICDK India works with DigitalLead; Energy Cluster Denmark's with ICDK Seoul
    ended on 2020-06-30, so Seoul is no tie to the Korean cluster it partners with."""

    def reasons(cluster: str, model: str, actor: str) -> list[str]:
        result = recommend_partners(bundled, cluster, model, top=100, options=TODAY)
        return next(list(r.reasons) for r in result.recommendations if r.actor.id == actor)

    digitallead = reasons("clean", "innovation-platform", "cluster:digitallead")
    assert (
        "2 of your partners already work with it "
        "(Innovation Centre Denmark Silicon Valley, Invest in Denmark)." in digitallead
    )
    korean = reasons("energy-cluster-denmark", "innovation-test", "fcluster:korean-smart-textiles")
    assert not [r for r in korean if "Innovation Centre Denmark Seoul" in r]


def test_weights_change_the_ranking(bundled: MemoryStore, tmp_path: Path) -> None:
    market_only = tmp_path / "weights.yaml"
    market_only.write_text(
        "role_fit: 0\nsector_match: 0\nnetwork_proximity: 0\npeer_adoption: 0\n"
        "trust: 0\nagreement: 0\nhome_fit: 0\nmarket_presence: 1\n"
    )
    result = recommend_partners(
        bundled, "vision-denmark", "market-test", "KR", 50, load_weights(market_only), TODAY
    )
    assert {r.score for r in result.recommendations} == {0.0, 1.0}
    present = [r for r in result.recommendations if r.score == 1.0]
    assert present and all(r.components["market_presence"] == 1.0 for r in present)


def test_bad_weights_files_name_the_file_and_the_problem(tmp_path: Path) -> None:
    typo = tmp_path / "typo.yaml"
    typo.write_text("role_fitt: 2\n")
    with pytest.raises(ValueError, match=r"typo.yaml: unknown weights \['role_fitt'\]"):
        load_weights(typo)
    negative = tmp_path / "negative.yaml"
    negative.write_text("trust: -1\n")
    with pytest.raises(ValueError, match=re.escape("negative.yaml: weight trust must be >= 0")):
        load_weights(negative)


def test_a_successful_short_test_recommends_the_long_term_model(bundled: MemoryStore) -> None:
    result = recommend_partners(bundled, "odense-robotics", "innovation-platform", options=TODAY)
    [progression] = result.progressions
    assert progression.from_model == ModelId.innovation_test
    assert progression.to_model == ModelId.innovation_platform
    assert progression.engagement == "engagement:or-boston-robotics-test-2024"
    assert "icdk:boston" in {p.id for p in progression.partners}
    assert "agreement" in progression.needs_agreement


def test_a_partner_joining_the_engagement_closes_the_role(tmp_path: Path) -> None:
    extra = tmp_path / "joins.yaml"
    extra.write_text(
        f"""
provenance: {{source: "test fixture", confidence: illustrative}}
relationships:
  - {{type: {Rel.INVOLVES}, from: engagement:or-boston-robotics-test-2024,
     to: knowledge:boston-research-hospital, role: {RoleId.knowledge_institution}}}
""",
        encoding="utf-8",
    )
    store = MemoryStore()
    load_sources(store, [*bundled_sources(), *discover([extra])])
    result = recommend_partners(store, "odense-robotics", "innovation-test", options=TODAY)
    assert RoleId.knowledge_institution not in result.missing_roles


def test_unknown_ids_and_bad_top(bundled: MemoryStore) -> None:
    with pytest.raises(UnknownIdError, match="closest: cluster:odense-robotics"):
        recommend_partners(bundled, "odense-robotic", "market-test")
    with pytest.raises(UnknownIdError, match="no country, hotspot or market 'ZZ'"):
        recommend_partners(bundled, "odense-robotics", "market-test", "ZZ")
    with pytest.raises(ValueError, match="top must be at least 1"):
        recommend_partners(bundled, "odense-robotics", "market-test", top=0)


def test_bounds_for_many_are_the_very_floats_of_one_score() -> None:
    """The bounded ranking stops on comparisons of bounds with scores: one ulp off would change
    which candidate ranks first among equals."""
    rng = random.Random(3)
    components = [name for name in Weights.__dataclass_fields__]
    for _ in range(200):
        weights = Weights(**{name: rng.choice([0, 0.5, 1, 1.5, 2, 3, 7.3]) for name in components})
        if sum(getattr(weights, name) for name in components) == 0:
            continue
        values = {
            f"actor:{i}": {
                name: rng.choice([0.0, 0.0, 0.25, 1 / 3, 0.5, 2 / 3, 1.0]) for name in components
            }
            for i in range(20)
        }
        by_component = {
            name: {i: v[name] for i, v in values.items() if v[name]} for name in components
        }
        many = weights.scores(by_component, values)
        assert many == {i: weights.score(v) for i, v in values.items()}


def test_another_sectors_foreign_cluster_is_told_by_the_sectors_names(
    bundled: MemoryStore,
) -> None:
    """A fintech cluster in the US sees Boston's life science cluster last among its heads, and
    why: the sectors it focuses on, by name, none of them the cluster's."""
    result = recommend_partners(bundled, "copenhagen-fintech", "key-market-partnership", "US")
    [reason] = [
        r
        for rec in result.recommendations
        if rec.actor.id == "fcluster:boston-life-science"
        for r in rec.reasons
        if "none of your strength positions" in r
    ]
    assert reason == "It focuses on Digital health, Life science, none of your strength positions."
