"""What analyses keep between calls (the partnership network, every actor of a label) follows
the graph: a partnership loaded after one analysis counts in the next, on both stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import bundled_sources, discover
from queries.gaps import GapOptions
from queries.recommend import recommend_partners

TODAY = GapOptions(as_of=dt.date(2026, 11, 27))


def shared_partner_counts(store: GraphStore) -> dict[str, float]:
    result = recommend_partners(store, "odense-robotics", "market-test", "DE", 1000, options=TODAY)
    return {rec.actor.id: rec.signals["common_partners"] for rec in result.recommendations}


def test_a_partnership_loaded_after_an_analysis_counts_in_the_next(
    store: GraphStore, tmp_path: Path
) -> None:
    load_bundled(store)
    before = shared_partner_counts(store)
    newcomer = min(actor for actor, shared in before.items() if shared == 0)
    extra = tmp_path / "partnership.yaml"
    extra.write_text(
        "provenance: {source: test fixture, confidence: illustrative}\nrelationships:\n"
        f"  - {{type: PARTNERS_WITH, from: icdk:munich, to: {newcomer}, kind: project}}\n",
        encoding="utf-8",
    )
    load_sources(store, [*bundled_sources(), *discover([extra])])
    after = shared_partner_counts(store)
    assert after[newcomer] == 1  # Munich partners with Odense Robotics and now with it
    assert {a: n for a, n in after.items() if a != newcomer} == {
        a: n for a, n in before.items() if a != newcomer
    }


def market_presence(store: GraphStore, market: str | None) -> dict[str, float]:
    result = recommend_partners(
        store, "odense-robotics", "market-test", market, 1000, options=TODAY
    )
    return {rec.actor.id: rec.components["market_presence"] for rec in result.recommendations}


def test_an_actor_read_for_one_answer_is_read_again_once_the_graph_changes(
    store: GraphStore, tmp_path: Path
) -> None:
    """An actor's facts are kept between answers (whoever asks); a load that changes them
    changes the next answer: here an innovation centre scored elsewhere opens in Germany."""
    load_bundled(store)
    newcomer = "icdk:silicon-valley"
    assert market_presence(store, "US")[newcomer] == 1.0  # scored in full: its facts kept
    assert newcomer not in market_presence(store, "DE")
    extra = tmp_path / "presence.yaml"
    extra.write_text(
        "provenance: {source: test fixture, confidence: illustrative}\nrelationships:\n"
        f"  - {{type: PRESENT_IN, from: {newcomer}, to: country:DE}}\n",
        encoding="utf-8",
    )
    load_sources(store, [*bundled_sources(), *discover([extra])])
    assert market_presence(store, "DE")[newcomer] == 1.0
