"""Every answer, dumped to JSON, so a change meant only to make the search faster can be shown to
change no answer: run it before and after, and compare the files.

    python -m bench.answers_compare --base 6a6f171

With --base, the earlier commit's search and facts (bench/search_ab.py: SWAPPED) answer every
question in the same process as today's, and the two are compared: the same process, so the
same iteration order of sets (a tie left to it, as among same-named partners in a gap's
suggestions, would otherwise differ between runs; see --out and --against for two runs).

Datasets: the bundled data (every cluster) and the generator's output at --scale (a seeded
sample of --sample clusters). Each cluster gets its gap analysis and, for each of the four
models and each market (none, countries with and without an innovation centre, a hotspot),
its recommendations at top 5 and top 10; an error (an inactive cluster) is an answer too. The
memory store by default; --store neo4j reads the server at NEO4J_URI (it is CLEARED first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from api.settings import Settings
from bench.search_ab import base_modules, variant
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.models import load_catalogue
from ontology.names import Label
from queries.gaps import GapOptions, find_gaps
from queries.recommend import recommend_partners

OPTIONS = GapOptions(as_of=dt.date(2026, 11, 27))
BUNDLED_MARKETS = (None, "US", "DE", "FR", "IL", "CN", "PL", "hotspot:boston")
TOPS = (5, 10)


def answers(store: GraphStore, clusters: list[str], markets: list[str | None]) -> dict[str, Any]:
    models = sorted(load_catalogue().models)
    out: dict[str, Any] = {}
    for cluster in clusters:
        out[f"gaps {cluster}"] = _answer(partial(find_gaps, store, cluster, options=OPTIONS))
        for model in models:
            for market in markets:
                for top in TOPS:
                    ask = partial(recommend_partners, store, cluster, model, market, top=top)
                    out[f"recommend {cluster} {model} {market} {top}"] = _answer(
                        partial(ask, options=OPTIONS)
                    )
    return out


def _answer(call: Callable[[], Any]) -> Any:
    try:
        result = call()
    except Exception as error:  # an error is an answer: it must not change either
        return {"error": type(error).__name__, "message": str(error)}
    if isinstance(result, list):
        return [item.model_dump(mode="json") for item in result]
    return result.model_dump(mode="json")


def _ids(store: GraphStore, label: str) -> list[str]:
    return sorted(str(node["id"]) for node in store.nodes(label))


def dump(scale: float, sample: int, store_kind: str, base: str | None) -> dict[str, Any]:
    """The answers of today's code; with `base`, also the base commit's (keys "base: ...")."""
    swapped = base_modules(base) if base else {}

    def both(store: GraphStore, clusters: list[str], markets: list[str | None]) -> Any:
        found = {"": answers(store, clusters, markets)}
        if base:
            with variant("base", swapped):
                found["base: "] = answers(store, clusters, markets)
        return found

    store = _store(store_kind)
    load_bundled(store)
    out = {
        f"{prefix}bundled": found
        for prefix, found in both(store, _ids(store, Label.Cluster), list(BUNDLED_MARKETS)).items()
    }
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "synthetic"
        generate(generated, scale=scale, seed=7)
        store = _store(store_kind)
        load_sources(store, discover([generated]))
        clusters = _ids(store, Label.Cluster)
        clusters = sorted(random.Random(11).sample(clusters, min(sample, len(clusters))))
        countries = [c for c in _ids(store, Label.Country) if c.startswith("country:")]
        with store.analysis_facts() as facts:
            centred = [
                c for c in countries if facts.actors_near([Label.InnovationCentre], [c], [], [])
            ][:2]
        with_centre = set(centred)
        plain = [c for c in countries if c not in with_centre][:1]
        hotspots = _ids(store, Label.Hotspot)[:1]
        markets: list[str | None] = [None, *centred, *plain, *hotspots]
        for prefix, found in both(store, clusters, markets).items():
            out[f"{prefix}scale {scale:g}"] = found
    return out


def _store(kind: str) -> GraphStore:
    if kind == "memory":
        return MemoryStore()
    from graph.neo4j_store import Neo4jStore

    settings = Settings()
    store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    store.clear()
    return store


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    found = []
    for dataset in sorted(set(before) | set(after)):
        old, new = before.get(dataset, {}), after.get(dataset, {})
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                found.append(f"{dataset}: {key}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", help="an earlier commit: compare its answers with today's")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--against", type=Path, help="an earlier dump: list what differs")
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--sample", type=int, default=20, help="generated clusters asked")
    parser.add_argument("--store", choices=("memory", "neo4j"), default="memory")
    args = parser.parse_args()
    out = dump(args.scale, args.sample, args.store, args.base)
    if args.out:
        args.out.write_text(json.dumps(out, sort_keys=True, indent=1), encoding="utf-8")
    now = {k: v for k, v in out.items() if not k.startswith("base: ")}
    print(
        f"{sum(len(v) for v in now.values())} answers"
        + (f" written to {args.out}" if args.out else "")
    )
    earlier = None
    if args.against:
        earlier = json.loads(args.against.read_text(encoding="utf-8"))
        earlier = {k: v for k, v in earlier.items() if not k.startswith("base: ")}
    elif args.base:
        earlier = {k.removeprefix("base: "): v for k, v in out.items() if k.startswith("base: ")}
    if earlier is not None:
        diff = differences(earlier, now)
        for line in diff[:50]:
            print("differs:", line)
        print(f"{len(diff)} answers differ")
        sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
