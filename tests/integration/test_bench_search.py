"""The search benchmarks' smoke mode on the bundled data: the A/B against a commit runs, and
the answer dump that shows a faster search changes no answer finds the same answers when every
question is asked again with what the first asking kept."""

import subprocess

import pytest

from bench import answers_compare, search_ab
from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled
from ontology.names import ModelId

pytestmark = pytest.mark.slow


def test_answers_asked_again_with_what_was_kept_are_the_same() -> None:
    store = MemoryStore()
    load_bundled(store)
    clusters = ["cluster:odense-robotics", "cluster:copenhagen-fintech", "cluster:marlog"]
    markets: list[str | None] = [None, "DE", "hotspot:boston"]
    first = answers_compare.answers(store, clusters, markets)
    again = answers_compare.answers(store, clusters, markets)
    assert answers_compare.differences({"bundled": first}, {"bundled": again}) == []
    asked = f"{ModelId.market_test} DE 5"
    assert "error" in first[f"recommend {clusters[2]} {asked}"]  # bankrupt
    assert first[f"recommend {clusters[0]} {asked}"]["recommendations"]


def test_the_search_ab_times_both_variants_on_the_same_questions() -> None:
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if not head:
        pytest.skip("not a git checkout: no commit to compare with")
    store = MemoryStore()
    load_bundled(store)
    rows = search_ab.run(store, sample=2, rounds=1, commit=head, top=5)
    assert {(r["variant"], r["operation"]) for r in rows} == {
        (v, o) for v in ("base", "now") for o in ("recommend", "gaps")
    }
    assert all(r["n"] == 2 and r["p95"] > 0 for r in rows)
