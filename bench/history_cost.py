"""What keeping history costs a load: the generator's output loaded with and without recording
its change set, alternately, in the same run (compare the ratio, not the seconds: the machine is
shared). Without history is the load as it was before history existed: no change set built,
none stored.

    python -m bench.history_cost --store memory --scale 1
    python -m bench.history_cost --store neo4j --scale 1      # CLEARS the database at NEO4J_URI

Appends a table to bench/RESULTS.md. Goal: at most +15% on a first load at scale 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
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
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()

    def make_store() -> GraphStore:
        if args.store == "memory":
            return MemoryStore()
        return Neo4jStore(
            settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
        )

    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        generate(folder, scale=args.scale, seed=7)
        for _ in range(args.rounds):
            for history in (False, True):
                times[history].append(timed_load(make_store, folder, history))
                print(
                    f"history {'on ' if history else 'off'}: {times[history][-1]:.1f} s", flush=True
                )
    off, on = min(times[False]), min(times[True])
    line = (
        f"| {args.store} | {args.scale:g} | {args.rounds} | {off:.1f} | {on:.1f} "
        f"| {on / off - 1:+.1%} | {'met' if on <= 1.15 * off else 'not met'} |"
    )
    print(line)
    with RESULTS.open("a") as results:
        results.write(
            f"\n## Cost of keeping history on a first load ({dt.date.today()}; {machine()})\n\n"
            "Best of the rounds, loads with and without history alternating in one run. "
            "Goal: at most +15% at scale 1.\n\n"
            "| store | scale | rounds | without history s | with history s | cost | goal |\n"
            "|---|---|---|---|---|---|---|\n" + line + "\n"
        )


if __name__ == "__main__":
    main()
