"""How well leads are routed: the judged leads of bench/leads_judged.yaml (each written from a
case of the report, with the cluster(s) a cluster manager would hand it to) loaded on top of the
bundled data in the memory store, each routed, and hit@1 and hit@3 (a judged landing base among
the first 1 or 3 routes) beside a sector-only baseline (the clusters ranked by the same word
match alone, ties by name). Goal: hit@3 at least 90% and above the baseline. Figures are
appended to bench/RESULTS.md with the machine and the commit (--no-record: print only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.load_neo4j import RESULTS, machine
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from ontology.names import Rel
from queries.leads.findings import LeadRoutes
from queries.leads.route import route_lead

JUDGED = Path(__file__).with_name("leads_judged.yaml")
DAY = dt.date(2026, 12, 1)  # the day routes are judged on (agreements' validity)
GOAL_HIT3 = 0.9


@dataclass(frozen=True)
class Judged:
    lead: str
    landing: frozenset[str]
    routed: tuple[str, ...]  # the clusters, best first
    baseline: tuple[str, ...]

    def hit(self, k: int, ranking: tuple[str, ...]) -> bool:
        return bool(self.landing & set(ranking[:k]))


def judged_leads() -> list[dict[str, Any]]:
    leads: list[dict[str, Any]] = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))["leads"]
    return leads


def as_source(leads: list[dict[str, Any]]) -> dict[str, Any]:
    """The judged leads in the loaders' YAML form (illustrative, never part of the bundled data)."""
    nodes, relationships = [], []
    for lead in leads:
        nodes.append(
            {
                "id": lead["id"],
                "name": f"{lead['name']} (illustrative)",
                "technology": lead["technology"],
                "sought": lead["sought"],
                "found_on": DAY,
            }
        )
        relationships += [
            {"type": Rel.FOUND_BY, "from": lead["id"], "to": lead["found_by"]},
            {"type": Rel.FOUND_IN, "from": lead["id"], "to": lead["market"]},
        ]
    return {
        "provenance": {
            "source": "bench/leads_judged.yaml (judged leads written from the report's cases)",
            "confidence": "illustrative",
            "retrieved": DAY,
        },
        "nodes": nodes,
        "relationships": relationships,
    }


def load_judged(store: GraphStore, leads: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "judged_leads.yaml"
        path.write_text(yaml.safe_dump(as_source(leads), allow_unicode=True), encoding="utf-8")
        load_sources(store, discover([path]))


def sector_only(routes: LeadRoutes) -> tuple[str, ...]:
    ordered = sorted(routes.routes, key=lambda r: (-r.components["sector_match"], r.cluster.name))
    return tuple(r.cluster.id for r in ordered)


def run() -> list[Judged]:
    store = MemoryStore()
    load_bundled(store)
    leads = judged_leads()
    load_judged(store, leads)
    judged = []
    for lead in leads:
        routes = route_lead(store, lead["id"], as_of=DAY)
        judged.append(
            Judged(
                lead["id"],
                frozenset(lead["landing"]),
                tuple(r.cluster.id for r in routes.routes),
                sector_only(routes),
            )
        )
    return judged


def figures(judged: list[Judged]) -> dict[str, dict[str, float]]:
    n = len(judged)
    return {
        method: {f"hit@{k}": sum(j.hit(k, getattr(j, field)) for j in judged) / n for k in (1, 3)}
        for method, field in (("routing", "routed"), ("sector-only baseline", "baseline"))
    }


def report(judged: list[Judged], record: bool) -> None:
    found = figures(judged)
    lines = [
        f"\n## Routing leads to landing bases ({dt.date.today()}; {machine()})\n",
        f"Judged leads (bench/leads_judged.yaml, written from the report's cases): {len(judged)}. "
        f"Goal: hit@3 at least {GOAL_HIT3:.0%} and above the sector-only baseline.\n",
        "| method | hit@1 | hit@3 |",
        "|---|---|---|",
    ]
    lines += [
        f"| {method} | {values['hit@1']:.3f} | {values['hit@3']:.3f} |"
        for method, values in found.items()
    ]
    misses = [j for j in judged if not j.hit(3, j.routed)]
    if misses:
        lines.append("")
        lines += [
            f"- missed at 3: {j.lead} (routed first: {', '.join(j.routed[:3])})" for j in misses
        ]
    print("\n".join(lines))
    if record:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-record", action="store_true", help="print, do not append")
    args = parser.parse_args()
    report(run(), record=not args.no_record)


if __name__ == "__main__":
    main()
