"""Loads each source of tests/hostile/corpus/ on one store, as `partnergraph load` does, and
prints one JSON line per source: what the load said, how long it took, the process's peak
memory so far, and whether the store changed. Run by tests/hostile/test_hostile.py in a process
of its own per store, so that time and memory are the load's own."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import traceback
from pathlib import Path

from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, prepare
from loaders.problems import LoadError
from loaders.sources import discover
from ontology.schema import load_schema
from tests.helpers import snapshot

CORPUS = Path(__file__).parent / "corpus"


def open_store(kind: str) -> GraphStore:
    if kind == "memory":
        store = MemoryStore()
        load_bundled(store, True)
        return store
    settings = Settings()
    return Neo4jStore(settings.neo4j_uri, auth=settings.neo4j_auth)


def try_load(store: GraphStore, path: Path) -> tuple[str, list[str]]:
    """("problems", lines) or ("accepted", []) or ("crash", traceback lines)."""
    try:
        sources = discover([path])
        with store.exclusive_load():
            prepare(sources, store, load_schema())
    except LoadError as error:
        return "problems", error.listing()
    except (FileNotFoundError, ValueError) as error:  # what the command prints as one line
        return "problems", [str(error)]
    except Exception:
        return "crash", traceback.format_exc().splitlines()[-5:]
    return "accepted", []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", choices=["memory", "neo4j"], required=True)
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args()
    store = open_store(args.store)
    names = args.cases or sorted(p.name for p in CORPUS.iterdir())
    for name in names:
        before = snapshot(store, keep_timestamps=True)
        started = time.perf_counter()
        outcome, lines = try_load(store, CORPUS / name)
        seconds = time.perf_counter() - started
        changed = snapshot(store, keep_timestamps=True) != before
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        record = {
            "case": name,
            "outcome": outcome,
            "lines": lines,
            "seconds": round(seconds, 3),
            "peak_mb": round(peak_mb),
            "changed": changed,
        }
        print(json.dumps(record), flush=True)
    store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
