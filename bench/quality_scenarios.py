"""The judged scenarios of bench/scenarios.yaml: run each as a user would and check the answer.

Each scenario runs the recommender (and, where asked, the cluster's gap analysis) on the
bundled data in the memory store, the answer both stores give (the parity test holds them to
it), and returns the checks that failed, so the benchmark can report the share passing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled
from ontology.names import Rel
from queries.gaps import GapOptions, find_gaps
from queries.ids import UnknownIdError
from queries.recommend import recommend_partners

SCENARIOS_FILE = Path(__file__).with_name("scenarios.yaml")
HOME = "country:DK"
SHOWN = 5  # what a user reads of an answer: must_not_include looks at the first five


@dataclass(frozen=True)
class Outcome:
    scenario: str
    failures: tuple[str, ...]
    why: str

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class Presence:
    """Where each actor is, by country and hotspot, from the stored facts."""

    countries: dict[str, set[str]] = field(default_factory=dict)
    hotspots: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: GraphStore) -> Presence:
        in_country = {r.start: r.end for r in store.relationships(Rel.IN_COUNTRY)}
        presence = cls()
        for rel in store.relationships(Rel.PRESENT_IN):
            presence.countries.setdefault(rel.start, set()).add(rel.end)
        for rel in store.relationships(Rel.LOCATED_IN):
            if rel.end in in_country:
                presence.countries.setdefault(rel.start, set()).add(in_country[rel.end])
        for rel in store.relationships(Rel.IN_HOTSPOT):
            presence.hotspots.setdefault(rel.start, set()).add(rel.end)
            if rel.end in in_country:
                presence.countries.setdefault(rel.start, set()).add(in_country[rel.end])
        return presence

    def abroad(self, actor: str) -> bool:
        """Present somewhere, and not in Denmark: a partner that works from outside Denmark."""
        countries = self.countries.get(actor, set())
        return bool(countries) and HOME not in countries


@cache
def bundled_store(illustrative: bool) -> tuple[MemoryStore, Presence]:
    store = MemoryStore()
    load_bundled(store, illustrative)
    return store, Presence.of(store)


def load_scenarios(path: Path = SCENARIOS_FILE) -> tuple[dt.date, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["day"], data["scenarios"]


def recommendation_matches(matcher: Mapping[str, Any], rec: Any, presence: Presence) -> bool:
    actor = rec.actor.id
    countries = presence.countries.get(actor, set())
    checks: dict[str, Callable[[Any], bool]] = {
        "id": lambda v: actor == v,
        "not_id": lambda v: actor != v,
        "type": lambda v: rec.actor.type == v,
        "role": lambda v: rec.fills_role == v,
        "present_in": lambda v: f"country:{v}" in countries,
        "not_present_in": lambda v: f"country:{v}" not in countries,
        "in_hotspot": lambda v: f"hotspot:{v}" in presence.hotspots.get(actor, set()),
        "abroad": lambda v: presence.abroad(actor) == v,
        "reason_contains": lambda v: any(v in reason for reason in rec.reasons),
    }
    unknown = set(matcher) - set(checks)
    if unknown:
        raise ValueError(f"unknown recommendation matcher keys {sorted(unknown)}")
    return all(checks[key](value) for key, value in matcher.items())


def gap_matches(matcher: Mapping[str, Any], gap: Any) -> bool:
    for key, value in matcher.items():
        if key == "sentence_contains":
            if value not in gap.sentence:
                return False
        elif key in ("kind", "type", "severity", "missing_role", "subject", "market"):
            if getattr(gap, key) != value:
                return False
        else:
            raise ValueError(f"unknown gap matcher key {key!r}")
    return True


def _describe(items: Iterable[Any]) -> str:
    return ", ".join(f"{r.actor.id} ({r.fills_role})" for r in items) or "nothing"


RECOMMENDATION_CHECKS = ("must_include", "must_not_include", "ranks_above")


def evaluate(scenario: Mapping[str, Any], day: dt.date) -> Outcome:
    store, presence = bundled_store(scenario.get("illustrative", True))
    options = GapOptions(as_of=day)
    if scenario.get("gaps_of") == "cluster" and not any(
        k in scenario for k in RECOMMENDATION_CHECKS
    ):
        gaps = find_gaps(store, scenario["cluster"], options=options)
        failures = check_gaps(scenario, gaps)
        return Outcome(scenario["id"], tuple(failures), scenario.get("why", ""))
    expect = scenario.get("expect", "ok")
    failures = []
    try:
        result = recommend_partners(
            store,
            scenario["cluster"],
            scenario["model"],
            scenario.get("market"),
            top=max(scenario.get("top", SHOWN), SHOWN),
            options=options,
        )
    except UnknownIdError as error:
        ok = expect == "bad-input"
        return Outcome(scenario["id"], () if ok else (f"refused as bad input: {error}",), "")
    except Exception as error:  # an inactive cluster, or a failure to report
        kind = type(error).__name__
        ok = (expect == "inactive" and "Inactive" in kind) or (
            expect == "bad-input" and isinstance(error, ValueError)
        )
        return Outcome(scenario["id"], () if ok else (f"{kind}: {error}",), "")
    if expect != "ok":
        failures.append(f"expected {expect}, got an answer")
    recs = list(result.recommendations)
    head, shown = recs[: scenario.get("top", SHOWN)], recs[:SHOWN]
    for matcher in scenario.get("must_include", []):
        if not any(recommendation_matches(matcher, r, presence) for r in head):
            failures.append(f"top {len(head)} lacks {matcher}: {_describe(head)}")
    for matcher in scenario.get("must_not_include", []):
        bad = [r for r in shown if recommendation_matches(matcher, r, presence)]
        if bad:
            failures.append(f"top {SHOWN} holds {matcher}: {_describe(bad)}")
    order = [r.actor.id for r in recs]
    for above, below in scenario.get("ranks_above", []):
        if above not in order:
            failures.append(f"{above} is not recommended")
        elif below in order and order.index(below) < order.index(above):
            failures.append(f"{below} ranks above {above}")
    gaps = (
        find_gaps(store, scenario["cluster"], options=options)
        if scenario.get("gaps_of") == "cluster"
        else list(result.gaps)
    )
    failures += check_gaps(scenario, gaps)
    return Outcome(scenario["id"], tuple(failures), scenario.get("why", ""))


def check_gaps(scenario: Mapping[str, Any], gaps: Iterable[Any]) -> list[str]:
    gaps, failures = list(gaps), []
    for matcher in scenario.get("gaps_must", []):
        if not any(gap_matches(matcher, g) for g in gaps):
            failures.append(f"no gap {matcher}")
    for matcher in scenario.get("gaps_must_not", []):
        for gap in (g for g in gaps if gap_matches(matcher, g)):
            failures.append(f"gap {matcher} present: {gap.sentence[:120]}")
    return failures


def run_scenarios(path: Path = SCENARIOS_FILE) -> list[Outcome]:
    day, scenarios = load_scenarios(path)
    return [evaluate(scenario, day) for scenario in scenarios]
