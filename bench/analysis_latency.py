"""Latency of one gap analysis and one recommendation per cluster, on both stores.

    python -m bench.analysis_latency --scale 1 --sample 100

Datasets: the bundled data (every active cluster) and the generator's output at each --scale
(a seeded sample of its active clusters). Each cluster gets `find_gaps(store, cluster)` and
`recommend_partners(store, cluster, model)`, the model taken in turn from the four. Prints
p50/p95/max in ms per dataset, store and operation, and appends them to bench/RESULTS.md.
Needs a running Neo4j at NEO4J_URI (default the local server); it is CLEARED first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from api.settings import Settings
from bench.goals import LATENCY_AT_10
from bench.load_neo4j import RESULTS, machine
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.models import load_catalogue
from ontology.names import Label
from queries.gaps import INACTIVE, GapOptions, find_gaps
from queries.recommend import recommend_partners

OPTIONS = GapOptions(as_of=dt.date(2026, 11, 27))
STORES = ("memory", "neo4j")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(calls: list[Callable[[], object]]) -> dict[str, float]:
    """Every call twice: a first pass, which also builds what is derived from the whole graph
    (the memory store's candidate lists, the server's query plans), then the pass timed for the
    figures. The first pass's p95 is reported beside them."""
    first = [_milliseconds(call) for call in calls]
    ms = [_milliseconds(call) for call in calls]
    return {
        "n": len(ms),
        "p50": statistics.median(ms),
        "p95": percentile(ms, 0.95),
        "max": max(ms),
        "first_p95": percentile(first, 0.95),
        "over_goal": sum(m > LATENCY_AT_10.target for m in ms),
    }


def _milliseconds(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def measure(store: GraphStore, clusters: list[str]) -> dict[str, dict[str, float]]:
    models = list(load_catalogue().models)
    return {
        "gaps": timed([partial(find_gaps, store, c, options=OPTIONS) for c in clusters]),
        "recommend": timed(
            [
                partial(recommend_partners, store, c, models[i % 4], options=OPTIONS)
                for i, c in enumerate(clusters)
            ]
        ),
    }


def active_clusters(store: GraphStore) -> list[str]:
    return sorted(n["id"] for n in store.nodes(Label.Cluster) if n.get("status") not in INACTIVE)


def run(
    dataset: str,
    fill: Callable[[GraphStore], object],
    neo4j: Neo4jStore,
    sample: int,
    stores: Sequence[str] = STORES,
    clear: bool = True,
    scale: float | None = None,
) -> list[dict[str, object]]:
    """Each store loaded and measured in turn, in the state the app serves it from: alone in
    the process, with what start-up loaded frozen out of the garbage collector's full passes
    (api/store_access.py); a big graph's leftovers would otherwise slow every pass mid-call."""
    rows: list[dict[str, object]] = []
    for kind in stores:
        store: GraphStore = MemoryStore() if kind == "memory" else neo4j
        if kind == "neo4j" and clear:
            neo4j.clear()
        started = time.perf_counter()
        fill(store)
        load_s = time.perf_counter() - started
        gc.collect()
        gc.freeze()  # as the app does once it has opened (and loaded) its store
        clusters = active_clusters(store)
        if len(clusters) > sample:
            clusters = sorted(random.Random(7).sample(clusters, sample))
        for operation, figures in measure(store, clusters).items():
            rows.append(
                {
                    "dataset": dataset,
                    "scale": scale,
                    "store": kind,
                    "operation": operation,
                    **figures,
                }
            )
            print(
                f"{dataset:>10} {kind:>6} {operation:>9}: n={figures['n']} "
                f"p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms, "
                f"max {figures['max']:.1f} ms; first pass p95 {figures['first_p95']:.1f} ms "
                f"(load {load_s:.0f} s)",
                flush=True,
            )
        del store
        gc.unfreeze()
        gc.collect()
    return rows


def record(rows: list[dict[str, object]]) -> None:
    lines = [
        f"\n## Gap analysis and recommendation latency ({dt.date.today()}; {machine()})\n",
        "One call per cluster (bundled: every active cluster; scales: a seeded sample), timed on "
        "a second pass over the same calls; the first pass, which also builds what is derived "
        "from the whole graph, is beside them. Recommendations take the four models in turn.\n",
        "| dataset | store | operation | clusters | p50 ms | p95 ms | max ms | first pass p95 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['dataset']} | {r['store']} | {r['operation']} | {r['n']} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {r['first_p95']:.1f} |"
        )
    goals = [goal_line(r) for r in rows if r["scale"] == 10 and r["store"] == "neo4j"]
    lines += ["", *goals] if goals else []
    print("\n".join(goals))
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")


def goal_line(row: dict[str, object]) -> str:
    """The latency goal for one operation, marked; a miss told by how many calls passed it."""
    return LATENCY_AT_10.line(
        float(row["p95"]),  # type: ignore[arg-type]
        f"{row['over_goal']} of {row['n']} calls took longer",
        of=str(row["operation"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append", default=[], help="repeatable")
    parser.add_argument("--sample", type=int, default=100, help="clusters timed per scale")
    parser.add_argument(
        "--store", choices=STORES, action="append", help="time only this store (repeatable)"
    )
    parser.add_argument(
        "--as-loaded",
        metavar="DATASET",
        help="time the Neo4j database as it is, named DATASET in the figures: loaded beforehand "
        "(a scale too large to load here, by `partnergraph load --bulk`); nothing is cleared; "
        "--scale, given once, says which scale it holds (--scale 10: the goal is marked)",
    )
    args = parser.parse_args()
    stores = args.store or STORES
    settings = Settings()
    neo4j = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    if args.as_loaded:
        held = args.scale[0] if len(args.scale) == 1 else None
        rows = run(args.as_loaded, lambda _: None, neo4j, args.sample, ["neo4j"], False, held)
        neo4j.close()
        record(rows)
        return
    rows = run("bundled", load_bundled, neo4j, args.sample, stores)
    for scale in args.scale:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "synthetic"
            generate(out, scale=scale, seed=7)

            def fill(store: GraphStore, out: Path = out) -> object:
                return load_sources(store, discover([out]))

            rows += run(f"scale {scale:g}", fill, neo4j, args.sample, stores, scale=scale)
    neo4j.close()
    record(rows)


if __name__ == "__main__":
    main()
