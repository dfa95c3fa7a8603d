"""The recommender's search and its facts now against an earlier commit's, in one process.

    python -m bench.search_ab --base 6a6f171 --scale 1 --sample 60 --rounds 3

On a shared machine only ratios within one run say anything: both variants answer the same
questions (a seeded sample of active clusters, the four models in turn, no market, and the
first country with an innovation centre), alternating question by question in each round, on
one loaded store. The base variant runs the earlier commit's graph/memory_facts.py,
graph/neo4j_facts.py, queries/recommend/ranking.py (with its candidate.py),
queries/leads/outcomes.py and the gaps beside a recommendation (queries/gaps/analysis.py), read
with git show, in place of today's. Round 1 starts with
nothing kept from the whole graph (what a first question after a load meets); later rounds find
what the first kept. Prints p50/p95/mean ms of recommendations and gap analyses per variant and
round, and appends them to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import graph.memory_store
import graph.neo4j_store
import queries.gaps.analysis
import queries.recommend.partners
from bench.analysis_latency import OPTIONS, active_clusters, percentile
from bench.load_neo4j import RESULTS, machine
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_sources
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.models import load_catalogue
from ontology.names import Label
from queries.gaps import find_gaps
from queries.recommend import recommend_partners

# (the file, the module that uses it, the name it uses): what the base variant swaps.
SWAPPED = (
    ("graph/memory_facts.py", graph.memory_store, "MemoryFacts"),
    ("graph/neo4j_facts.py", graph.neo4j_store, "Neo4jFacts"),
    ("queries/recommend/ranking.py", queries.recommend.partners, "rank_candidates"),
    ("queries/leads/outcomes.py", queries.recommend.partners, "leads_to"),
    # The gaps a recommendation reports beside its answer, and a cluster's gaps: the commit's,
    # on its own facts.
    ("queries/gaps/analysis.py", queries.recommend.partners, "model_gaps"),
    ("queries/gaps/analysis.py", queries.gaps.analysis, "cluster_gaps"),
)

# What the swapped files import and must take from the same commit (its ranking.py calls its
# own CandidateScore and its facts build their own PartnerNetwork): in place while they load.
ALONGSIDE = (
    "queries/recommend/candidate.py",
    "graph/partner_network.py",
    "graph/neo4j_fact_queries.py",
    "queries/gaps/coverage.py",
    "queries/gaps/fragility.py",
    "queries/gaps/network.py",
)


def base_modules(commit: str) -> dict[str, types.ModuleType]:
    """The commit's SWAPPED files as modules, each importing the commit's ALONGSIDE files."""
    alongside = {_module_name(path): base_module(commit, path) for path in ALONGSIDE}
    saved = {name: sys.modules[name] for name in alongside}
    sys.modules.update(alongside)
    try:
        return {path: base_module(commit, path) for path in dict.fromkeys(p for p, _, _ in SWAPPED)}
    finally:
        sys.modules.update(saved)


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def base_module(commit: str, path: str) -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True
    ).stdout
    name = _module_name(path) + "__base"
    module = types.ModuleType(name)
    module.__file__ = f"{commit}:{path}"
    sys.modules[name] = module  # dataclasses look their module up while the code runs
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


@contextmanager
def variant(kind: str, base: dict[str, Any]) -> Iterator[None]:
    """Today's code, or the base commit's in its place."""
    if kind == "now":
        yield
        return
    saved = [getattr(user, name) for _, user, name in SWAPPED]
    try:
        for path, user, name in SWAPPED:
            setattr(user, name, getattr(base[path], name))
        yield
    finally:
        for (_, user, name), kept in zip(SWAPPED, saved, strict=True):
            setattr(user, name, kept)


def questions(store: GraphStore, sample: int, top: int) -> list[dict[str, Callable[[], object]]]:
    """For each sampled cluster: its recommendations (the model in turn; every other one for
    the first market with an innovation centre) and its gap analysis."""
    clusters = active_clusters(store)
    clusters = sorted(random.Random(7).sample(clusters, min(sample, len(clusters))))
    with store.analysis_facts() as facts:
        countries = sorted(str(node["id"]) for node in store.nodes(Label.Country))
        market = next(
            (c for c in countries if facts.actors_near([Label.InnovationCentre], [c], [], [])),
            None,
        )
    models = sorted(load_catalogue().models)
    return [
        {
            "recommend": partial(
                recommend_partners,
                store,
                cluster,
                models[i % 4],
                (None, market)[i % 2],
                top,
                options=OPTIONS,
            ),
            "gaps": partial(find_gaps, store, cluster, options=OPTIONS),
        }
        for i, cluster in enumerate(clusters)
    ]


def run(store: GraphStore, sample: int, rounds: int, commit: str, top: int) -> list[dict[str, Any]]:
    base = base_modules(commit)
    asked = questions(store, sample, top)
    for kind in ("base", "now"):  # what derives from the whole graph, built before timing
        with variant(kind, base):
            for call in asked[0].values():
                call()
    times: dict[tuple[str, int, str], list[float]] = {}
    for round_ in range(1, rounds + 1):
        order = list(range(len(asked)))
        random.Random(round_).shuffle(order)
        for i in order:
            for kind in ("base", "now") if (i + round_) % 2 else ("now", "base"):
                with variant(kind, base):
                    for operation, call in asked[i].items():
                        started = time.perf_counter()
                        call()
                        elapsed = (time.perf_counter() - started) * 1000
                        times.setdefault((kind, round_, operation), []).append(elapsed)
    return [
        {
            "variant": kind,
            "round": round_,
            "operation": operation,
            "n": len(ms),
            "p50": statistics.median(ms),
            "p95": percentile(ms, 0.95),
            "mean": statistics.fmean(ms),
        }
        for (kind, round_, operation), ms in sorted(times.items())
    ]


def record(rows: list[dict[str, Any]], args: argparse.Namespace, load_s: float) -> None:
    lines = [
        f"\n## Recommendation search A/B against {args.base} ({dt.date.today()}; {machine()})\n",
        f"`python -m bench.search_ab --base {args.base} --store {args.store} --scale "
        f"{args.scale:g} --sample {args.sample} --rounds {args.rounds} --top {args.top}` "
        f"(load {load_s:.0f} s): "
        "both variants in one process on one store, alternating question by question. Round 1: "
        "each question asked for the first time (today's code keeps nothing per actor yet, "
        "beyond the questions before it); later rounds: asked again.\n",
        "| store | operation | round | variant | n | p50 ms | p95 ms | mean ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {args.store} | {r['operation']} | {r['round']} | {r['variant']} | {r['n']} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['mean']:.1f} |"
        )
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--top", type=int, default=10, help="recommendations asked for (the API's default)"
    )
    parser.add_argument("--store", choices=("memory", "neo4j"), default="memory")
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "synthetic"
        generate(out, scale=args.scale, seed=7)
        store = _store(args.store)
        started = time.perf_counter()
        load_sources(store, discover([out]))
        load_s = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # as the app does once it has loaded its store
    rows = run(store, args.sample, args.rounds, args.base, args.top)
    for r in rows:
        print(
            f"{r['operation']:>9} round {r['round']} {r['variant']:>4}: n={r['n']} "
            f"p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, mean {r['mean']:.1f} ms"
        )
    if not args.no_record:
        record(rows, args, load_s)


def _store(kind: str) -> GraphStore:
    if kind == "memory":
        return MemoryStore()
    from api.settings import Settings

    settings = Settings()
    store = graph.neo4j_store.Neo4jStore(
        settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database
    )
    store.clear()
    return store


if __name__ == "__main__":
    main()
