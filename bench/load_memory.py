"""Loading the generator's output into the memory store: time and peak memory (RSS), per scale.

    python -m bench.load_memory --scale 0.1 --scale 1

Each measurement runs in a fresh process, so its peak RSS is its own. Beside it, in the same
run, the baseline: the same nodes and relationships put into a bare networkx MultiDiGraph (no
validation, provenance, timestamps or indexes), the floor of what an embedded graph costs.
Appends the figures to bench/RESULTS.md, with the goals at scale 1 (bench/goals.py): at most
2 GiB, and at most 1.25x the bare graph.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.goals import MEMORY_AT_1, MEMORY_VS_BARE
from bench.load_neo4j import RESULTS, machine


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure_ours(folder: Path) -> dict[str, float]:
    from graph.memory_store import MemoryStore
    from loaders.batch import write_batches
    from loaders.pipeline import prepare
    from loaders.sources import discover
    from ontology.schema import load_schema

    before = peak_rss_mib()
    store = MemoryStore()
    started = time.perf_counter()
    batches = prepare(discover([folder]), store, load_schema())
    validated = time.perf_counter()
    write_batches(store, batches, release=True)
    loaded = time.perf_counter()
    del batches
    counts = store.counts()
    return {
        "nodes": counts.node_total,
        "relationships": counts.relationship_total,
        "validate_s": validated - started,
        "write_s": loaded - validated,
        "peak_rss_mib": peak_rss_mib(),
        "start_rss_mib": before,
    }


def measure_bare(folder: Path) -> dict[str, float]:
    """The same rows straight from the CSV files into a bare MultiDiGraph."""
    import csv

    import networkx as nx

    before = peak_rss_mib()
    graph = nx.MultiDiGraph()
    started = time.perf_counter()
    for path in sorted((folder / "nodes").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                graph.add_node(row["id"], **row)
    for path in sorted((folder / "relationships").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                graph.add_edge(row["from"], row["to"], key=path.stem, **row)
    return {
        "nodes": graph.number_of_nodes(),
        "relationships": graph.number_of_edges(),
        "write_s": time.perf_counter() - started,
        "peak_rss_mib": peak_rss_mib(),
        "start_rss_mib": before,
    }


def in_fresh_process(kind: str, folder: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.load_memory", "--measure", kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def run(scale: float) -> dict[str, float]:
    from loaders.synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        generate(folder, scale=scale, seed=7)
        ours = in_fresh_process("ours", folder)
        bare = in_fresh_process("bare", folder)
    return {
        "scale": scale,
        **{f"ours_{k}": v for k, v in ours.items()},
        **{f"bare_{k}": v for k, v in bare.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append", default=[])
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the child process of in_fresh_process
        kind, folder = args.measure
        figures = (measure_ours if kind == "ours" else measure_bare)(Path(folder))
        print(json.dumps(figures))
        return
    lines = [
        f"\n## Load into the memory store ({dt.date.today()}; {machine()})\n",
        "Each in a fresh process; peak RSS is the whole process (Python, libraries, data).\n",
        "| scale | nodes | relationships | validate s | write s | peak RSS MiB | bare networkx "
        "s | bare peak RSS MiB | ours / bare RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    goals: list[str] = []
    for scale in args.scale or [0.1]:
        r = run(scale)
        ours, bare = r["ours_peak_rss_mib"], r["bare_peak_rss_mib"]
        if scale == 1:
            goals += [MEMORY_AT_1.line(ours), MEMORY_VS_BARE.line(ours / bare)]
        line = (
            f"| {scale:g} | {r['ours_nodes']:,.0f} | {r['ours_relationships']:,.0f} "
            f"| {r['ours_validate_s']:.1f} | {r['ours_write_s']:.1f} "
            f"| {r['ours_peak_rss_mib']:,.0f} | {r['bare_write_s']:.1f} "
            f"| {r['bare_peak_rss_mib']:,.0f} "
            f"| {ours / bare:.2f}x |"
        )
        print(line, flush=True)
        lines.append(line)
    print("\n".join(goals))
    lines += ["", *goals] if goals else []
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
