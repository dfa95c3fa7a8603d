"""The benchmarks' smoke mode: the smallest scale runs in the suite so the scripts cannot rot.
(The figures themselves are recorded by `python -m bench.load_neo4j`, not asserted here.)"""

import pytest

from bench import analysis_latency, load_memory
from bench.holdout import BASELINES, GENERATOR_RULE, ratio_interval
from bench.load_neo4j import run
from bench.quality import GOAL_RATIO, holdout_on_bundled, holdout_on_generated, pooled, ratio
from bench.quality_scenarios import load_scenarios, run_scenarios
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_the_load_benchmark_runs_with_its_baselines(neo4j_store: Neo4jStore) -> None:
    figures = run(0.001, neo4j_store)
    assert figures["nodes"] > 0 and figures["relationships"] > 0
    assert figures["created"] == figures["nodes"] + figures["relationships"]
    for rate in (
        "facts_per_s",
        "fair_create_facts_per_s",
        "plain_create_facts_per_s",
        "per_row_facts_per_s",
    ):
        assert figures[rate] > 0


def test_the_analysis_latency_benchmark_times_both_stores(neo4j_store: Neo4jStore) -> None:
    rows = analysis_latency.run("bundled", load_bundled, neo4j_store, sample=3)
    assert {(r["store"], r["operation"]) for r in rows} == {
        (store, operation) for store in ("memory", "neo4j") for operation in ("gaps", "recommend")
    }
    for row in rows:
        p50, p95, slowest, first = (float(str(row[k])) for k in ("p50", "p95", "max", "first_p95"))
        assert row["n"] == 3 and 0 < p50 <= p95 <= slowest and first > 0


def test_the_memory_load_benchmark_measures_ours_and_the_bare_baseline() -> None:
    figures = load_memory.run(0.001)
    assert figures["ours_relationships"] >= figures["bare_relationships"] > 0
    assert figures["ours_peak_rss_mib"] > 0 and figures["bare_peak_rss_mib"] > 0


def test_the_quality_benchmark_judges_every_scenario_and_ranks_hidden_partners() -> None:
    """Every judged scenario passes (its goal, and a regression test of the answers), and the
    hold-out measures the recommender and the four baselines, on the bundled data and on a small
    generated ecosystem."""
    failing = [o for o in run_scenarios() if not o.passed]
    assert not failing, "\n".join(f"{o.scenario}: {o.failures}" for o in failing)
    day, _ = load_scenarios()
    bundled = holdout_on_bundled(day)
    assert bundled["questions"] > 30 and ratio(bundled) >= GOAL_RATIO
    generated = holdout_on_generated(0.01, sample=20)
    assert generated["questions"] > 0
    methods = generated["methods"]
    assert set(methods) == {"recommender", *BASELINES, GENERATOR_RULE}
    # The generator's own rule knows how the hidden partners were planted: it beats chance.
    assert methods[GENERATOR_RULE]["mrr"] > methods["random"]["mrr"]


def test_generated_worlds_pool_by_question_not_by_world() -> None:
    """A world with three times the questions weighs three times as much in the pooled MRR."""

    def world(questions: int, mrr: float) -> dict[str, object]:
        figures = {"hit@1": mrr, "hit@5": mrr, "mrr": mrr}
        return {
            "questions": questions,
            "skipped": 1,
            "methods": {"recommender": figures},
            "reciprocal_ranks": {"recommender": [mrr] * questions},
        }

    together = pooled([world(100, 0.2), world(300, 0.6)])
    assert together["questions"] == 400 and together["skipped"] == 2
    assert abs(together["methods"]["recommender"]["mrr"] - 0.5) < 1e-12
    assert len(together["reciprocal_ranks"]["recommender"]) == 400


def test_the_ratio_interval_says_how_much_it_owes_to_the_questions_drawn() -> None:
    """Every question answered alike: no doubt. Half right and half missed against a steady
    baseline of the same mean: the ratio is 1x, and the interval spans both sides of it."""
    steady = dict.fromkeys(BASELINES, [0.25] * 200)
    assert ratio_interval({**steady, "recommender": [0.5] * 200}) == (2.0, 2.0)
    low, high = ratio_interval({**steady, "recommender": [0.5, 0.0] * 100})
    assert 0.7 < low < 1.0 < high < 1.3


def test_the_leads_benchmark_meets_its_goal_and_beats_the_sector_only_baseline() -> None:
    from bench.leads import GOAL_HIT3, figures, judged_leads, run

    judged = run()
    assert len(judged) == len(judged_leads()) >= 20
    found = figures(judged)
    assert found["routing"]["hit@3"] >= GOAL_HIT3
    assert found["routing"]["hit@3"] > found["sector-only baseline"]["hit@3"]
