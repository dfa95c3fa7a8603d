"""Load throughput of the generator's output into Neo4j (our loader), per scale.

    python -m bench.load_neo4j --scale 0.1 --scale 1

Needs a running Neo4j at NEO4J_URI (default the local server); it is CLEARED first.
Prints nodes/s and relationships/s and appends them to bench/RESULTS.md.
Beside it, in the same run, the three baselines of bench/baselines.py (the fair one writes the
same properties as ours; plain CREATE writes ids only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import tempfile
import time
from pathlib import Path

from api.settings import Settings
from bench.baselines import fair_create, per_row, plain_create
from bench.goals import OURS_VS_FAIR, OURS_VS_PER_ROW
from graph.neo4j_store import Neo4jStore
from loaders.batch import write_batches
from loaders.pipeline import prepare
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.schema import load_schema

RESULTS = Path(__file__).parent / "RESULTS.md"


def machine() -> str:
    memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"{os.cpu_count()} cores, {memory_kib / 2**20:.0f} GiB, "
        f"Python {platform.python_version()}, Neo4j 5.26 Community, commit {commit or 'unknown'}"
    )


def run(scale: float, store: Neo4jStore) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "synthetic"
        generate(out, scale=scale, seed=7)
        store.clear()
        started = time.perf_counter()
        batches = prepare(discover([out]), store, load_schema())
        validated = time.perf_counter()
        counts = write_batches(store, batches)
        loaded = time.perf_counter()
        again = write_batches(store, prepare(discover([out]), store, load_schema()))
        reloaded = time.perf_counter()
        plain_seconds = plain_create(store, batches)
        fair_seconds = fair_create(store, batches)
        per_fact_seconds = per_row(store, batches)
    nodes = sum(len(b.nodes) for b in batches)
    rels = sum(len(b.relationships) for b in batches)
    assert not again.changed, "a reload changed the graph"
    write_seconds = loaded - validated
    facts = nodes + rels
    return {
        "scale": scale,
        "nodes": nodes,
        "relationships": rels,
        "created": counts.total("created"),
        "validate_s": validated - started,
        "write_s": write_seconds,
        "nodes_per_s": nodes / write_seconds,
        "relationships_per_s": rels / write_seconds,
        "reload_s": reloaded - loaded,
        "facts_per_s": facts / write_seconds,
        "plain_create_facts_per_s": facts / plain_seconds,
        "fair_create_facts_per_s": facts / fair_seconds,
        "per_row_facts_per_s": 1 / per_fact_seconds,
    }


def goal_lines(r: dict[str, float]) -> list[str]:
    """The load goals, marked: a miss of the per-row goal told against the plain ids-only
    CREATE, the fastest the driver writes."""
    ours, plain, per_row = r["facts_per_s"], r["plain_create_facts_per_s"], r["per_row_facts_per_s"]
    wanted = OURS_VS_PER_ROW.target * per_row
    return [
        OURS_VS_FAIR.line(ours / r["fair_create_facts_per_s"]),
        OURS_VS_PER_ROW.line(
            ours / per_row,
            f"ours is {ours / plain:.2f}x the plain ids-only CREATE, which writes no properties; "
            f"{OURS_VS_PER_ROW.target:g}x would take {wanted:,.0f} facts/s, "
            f"{wanted / plain:.2f}x that plain CREATE",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append", required=True)
    args = parser.parse_args()
    settings = Settings()
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    lines = [
        f"\n## Load into Neo4j ({dt.date.today()}; {machine()})\n",
        "| scale | nodes | relationships | validate s | write s | nodes/s | rels/s | reload s "
        "| ours facts/s | fair CREATE facts/s (same properties) | plain CREATE facts/s (ids only) "
        "| per-row MERGE facts/s (extrapolated from a 2,000-row sample) | ours / per-row "
        "| ours / fair | ours / plain |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    goals: list[str] = []
    for scale in args.scale:
        r = run(scale, store)
        line = (
            f"| {r['scale']} | {r['nodes']:,} | {r['relationships']:,} | {r['validate_s']:.1f} "
            f"| {r['write_s']:.1f} | {r['nodes_per_s']:,.0f} | {r['relationships_per_s']:,.0f} "
            f"| {r['reload_s']:.1f} | {r['facts_per_s']:,.0f} "
            f"| {r['fair_create_facts_per_s']:,.0f} "
            f"| {r['plain_create_facts_per_s']:,.0f} "
            f"| {r['per_row_facts_per_s']:,.0f} "
            f"| {r['facts_per_s'] / r['per_row_facts_per_s']:.0f}x "
            f"| {r['facts_per_s'] / r['fair_create_facts_per_s']:.2f}x "
            f"| {r['facts_per_s'] / r['plain_create_facts_per_s']:.2f}x |"
        )
        print(line, flush=True)
        lines.append(line)
        if scale == 1:
            goals.extend(goal_lines(r))
    store.close()
    for line in goals:
        print(line, flush=True)
    lines += ["", *goals] if goals else []
    with RESULTS.open("a") as results:
        results.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
