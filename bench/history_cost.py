"""What keeping history costs a load: the generator's output loaded with and without recording
its change set, in pairs, in the same run (compare ratios, not seconds: the machine is shared).
Each pair times both loads back to back, in alternating order (off-on, then on-off), so a burst
of another process's work falls on either side alike; the figure is the median of the pairs'
ratios, with their spread. Without history is the load as it was before history existed: no
change set built, none stored.

    python -m bench.history_cost --store memory --scale 1 --pairs 5
    python -m bench.history_cost --store neo4j --scale 1      # CLEARS the database at NEO4J_URI

Appends a table to bench/RESULTS.md. Goal: at most +15% on a first load at scale 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from api.settings import Settings
from bench.load_neo4j import RESULTS, machine
from graph.history import ChangeSet
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders import batch
from loaders.batch import write_batches
from loaders.pipeline import prepare
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.schema import load_schema

GOAL = 1.15  # with history, at most 15% slower


def _no_history(load_id: str, at: dt.datetime, *_: object) -> ChangeSet:
    return ChangeSet(load_id, at, [])  # empty: nothing is recorded


def timed_load(make_store: Callable[[], GraphStore], folder: Path, history: bool) -> float:
    store = make_store()
    store.clear()
    batches = prepare(discover([folder]), store, load_schema())
    gc.collect()
    started = time.perf_counter()
    if history:
        write_batches(store, batches)
    else:
        with mock.patch.object(batch, "change_set", _no_history):
            write_batches(store, batches)
    seconds = time.perf_counter() - started
    assert bool(store.change_sets()) == history
    store.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=["memory", "neo4j"], required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()

    def make_store() -> GraphStore:
        if args.store == "memory":
            return MemoryStore()
        return Neo4jStore(
            settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
        )

    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        generate(folder, scale=args.scale, seed=7)
        for pair in range(args.pairs):
            order = (False, True) if pair % 2 == 0 else (True, False)
            seconds = {history: timed_load(make_store, folder, history) for history in order}
            ratios.append(seconds[True] / seconds[False])
            print(
                f"pair {pair + 1}: off {seconds[False]:.1f} s, on {seconds[True]:.1f} s, "
                f"ratio {ratios[-1]:.3f}",
                flush=True,
            )
    median = statistics.median(ratios)
    line = (
        f"| {args.store} | {args.scale:g} | {args.pairs} | {median - 1:+.1%} "
        f"| {min(ratios) - 1:+.1%} .. {max(ratios) - 1:+.1%} | {verdict(ratios)} |"
    )
    print(line)
    with RESULTS.open("a") as results:
        results.write(
            f"\n## Cost of keeping history on a first load ({dt.date.today()}; {machine()})\n\n"
            f"`python -m bench.history_cost --store {args.store} --scale {args.scale:g} --pairs "
            f"{args.pairs}`: pairs of loads with and without history, back to back in alternating "
            "order; the median of the pairs' ratios and their spread. Goal: at most +15% at "
            "scale 1.\n\n"
            "| store | scale | pairs | cost (median) | spread of the pairs | goal |\n"
            "|---|---|---|---|---|---|\n" + line + "\n"
            "\nRatios: " + ", ".join(f"{r:.3f}" for r in ratios) + "\n"
        )


def verdict(ratios: list[float]) -> str:
    """Met when the median pair is within the goal; not met when every pair is over it."""
    if statistics.median(ratios) <= GOAL:
        return "met"
    return "not met" if min(ratios) > GOAL else "not met (median; some pairs within)"


if __name__ == "__main__":
    main()
