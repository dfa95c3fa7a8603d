"""The bulk first load (`partnergraph load --bulk`) of the generator's output, per scale, beside
the fair baseline (bench/baselines.py) in the same run.

    python -m bench.load_bulk --scale 1

Needs the local server deploy/neo4j/neo4j.sh runs at NEO4J_URI (with NEO4J_BOLT_PORT and the
other settings it was started with exported): it is CLEARED, STOPPED and STARTED again.
Appends time, disk and memory to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from api.cli.load_bulk import bulk_load
from api.settings import Settings
from bench.baselines import fair_create
from bench.load_neo4j import RESULTS, machine
from graph.neo4j_local import LocalServer
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import prepare
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.schema import load_schema


def _disk_mib(path: Path) -> float:
    done = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True, check=False)
    return float(done.stdout.split()[0]) if done.returncode == 0 else float("nan")


def _import_peak(log: Path) -> str:
    found = re.findall(r"Peak memory usage: (\S+)", log.read_text(errors="replace"))
    return found[-1] if found else "?"


def run(scale: float, settings: Settings, with_fair: bool) -> dict[str, object]:
    server = LocalServer.from_environment()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "synthetic"
        generate(out, scale=scale, seed=7)
        store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
        store.clear()
        store.close()
        started = time.perf_counter()
        counts, _, store = bulk_load(settings, discover([out]))
        seconds = time.perf_counter() - started
        graph = store.counts()
        disk = _disk_mib(server.run_dir / "data" / "databases" / settings.neo4j_database)
        result: dict[str, object] = {
            "scale": scale,
            "nodes": graph.node_total,
            "relationships": graph.relationship_total,
            "bulk_s": seconds,
            "facts_per_s": (graph.node_total + graph.relationship_total) / seconds,
            "disk_mib": disk,
            "python_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "import_peak": _import_peak(server.run_dir / "logs" / "bulk-import.log"),
        }
        if with_fair:
            again = prepare(discover([out]), store, load_schema())
            fair = fair_create(store, again)
            result["fair_facts_per_s"] = (graph.node_total + graph.relationship_total) / fair
        store.clear()
        store.close()
        assert counts.total("created") == graph.node_total + graph.relationship_total
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append", required=True)
    parser.add_argument(
        "--no-fair", action="store_true", help="skip the fair baseline (large scales)"
    )
    args = parser.parse_args()
    settings = Settings()
    lines = [
        f"\n## Bulk first load into Neo4j ({dt.date.today()}; {machine()})\n",
        "`partnergraph load --bulk` end to end: validation, CSV files, server stopped, "
        "`neo4j-admin database import full`, server started, constraints and indexes online.\n",
        "| scale | nodes | relationships | bulk s | bulk facts/s | fair CREATE facts/s "
        "| bulk / fair | database MiB | loader peak RSS MiB | import tool peak memory |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for scale in args.scale:
        r = run(scale, settings, with_fair=not args.no_fair)
        rate = float(r["facts_per_s"])  # type: ignore[arg-type]
        fair = float(r.get("fair_facts_per_s") or 0)  # type: ignore[arg-type]
        line = (
            f"| {r['scale']} | {r['nodes']:,} | {r['relationships']:,} | {r['bulk_s']:.1f} "
            f"| {rate:,.0f} | {f'{fair:,.0f}' if fair else '-'} "
            f"| {f'{rate / fair:.2f}x' if fair else '-'} "
            f"| {r['disk_mib']:,.0f} | {r['python_peak_mib']:,.0f} | {r['import_peak']} |"
        )
        print(line, flush=True)
        lines.append(line)
    with RESULTS.open("a") as results:
        results.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
