"""The bulk first load (`partnergraph load --bulk`) of the generator's output, per scale, beside
the fair baseline (bench/baselines.py) in the same run.

    python -m bench.load_bulk --scale 1
    python -m bench.load_bulk --scale 10 --no-fair --data /big/disk/syn10   # generated already
    python -m bench.load_bulk --scale 10 --no-fair --keep   # then analysis_latency --as-loaded

A benchmark of the Neo4j path: it sets PARTNERGRAPH_STORE=neo4j itself, and needs the local
server deploy/neo4j/neo4j.sh runs at NEO4J_URI (with NEO4J_RUN_DIR, NEO4J_BOLT_PORT and the
other settings it was started with exported): it is CLEARED, STOPPED and STARTED again.
Appends time (each step), disk and memory to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api.cli.load_bulk import bulk_load
from api.settings import Settings
from bench.baselines import fair_create
from bench.goals import BULK_VS_FAIR
from bench.load_neo4j import RESULTS, machine
from graph.neo4j_local import LocalServer
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import prepare
from loaders.sources import discover
from ontology.schema import load_schema

STEPS = ("validate_and_csv_s", "stop_s", "import_s", "start_s", "schema_s", "history_s")


def _disk_mib(path: Path) -> float:
    done = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True, check=False)
    return float(done.stdout.split()[0]) if done.returncode == 0 else float("nan")


def _import_peak(log: Path) -> str:
    found = re.findall(r"Peak memory usage: (\S+ ?\S*)", log.read_text(errors="replace"))
    return found[-1].strip() if found else "?"


def _generated(scale: float, out: Path) -> None:
    """In a child process: this process's peak memory is then the load's alone."""
    command = ["-m", "loaders.synthetic", "--scale", str(scale), "--seed", "7", "--out", str(out)]
    subprocess.run(
        [sys.executable, *command],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run(
    scale: float, settings: Settings, with_fair: bool, data: Path | None, keep: bool = False
) -> dict[str, object]:
    server = LocalServer.from_environment()
    with tempfile.TemporaryDirectory(dir=server.run_dir) as tmp:
        out = data or Path(tmp) / "synthetic"
        if data is None:
            _generated(scale, out)
        store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
        store.clear()
        store.close()
        steps: dict[str, float] = {}
        started = time.perf_counter()
        counts, _, store = bulk_load(settings, discover([out]), steps)
        seconds = time.perf_counter() - started
        graph = store.counts()
        facts = graph.node_total + graph.relationship_total
        result: dict[str, object] = {
            "scale": scale,
            "nodes": graph.node_total,
            "relationships": graph.relationship_total,
            "bulk_s": seconds,
            "facts_per_s": facts / seconds,
            **steps,
            "disk_mib": _disk_mib(server.run_dir / "data" / "databases" / settings.neo4j_database),
            "source_mib": _disk_mib(out),
            "python_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "import_peak": _import_peak(server.run_dir / "logs" / "bulk-import.log"),
        }
        assert counts.total("created") == facts
        if with_fair:
            again = prepare(discover([out]), store, load_schema())
            result["fair_s"] = fair_create(store, again)
            result["fair_facts_per_s"] = facts / float(result["fair_s"])  # type: ignore[arg-type]
            del again
        if not keep:
            store.clear()
        store.close()
    return result


def bulk_goal(r: dict[str, object], fair_s: float) -> str:
    """The bulk goal, marked: a miss told by where the bulk path's time went beside the import
    tool's own."""
    bulk_s, steps = float(r["bulk_s"]), {s: float(r.get(s, 0)) for s in STEPS}  # type: ignore[arg-type]
    fixed = bulk_s - steps["validate_and_csv_s"] - steps["import_s"]
    return BULK_VS_FAIR.line(
        fair_s / bulk_s,
        f"of the bulk path's {bulk_s:.0f} s, validating the rows and writing the CSV files took "
        f"{steps['validate_and_csv_s']:.0f} s ({steps['validate_and_csv_s'] / bulk_s:.0%}), the "
        f"server's stop, start, schema and history {fixed:.0f} s, and the import tool "
        f"{steps['import_s']:.0f} s (the fair baseline, which validates nothing, took "
        f"{fair_s / steps['import_s']:.1f}x that)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append", required=True)
    parser.add_argument(
        "--no-fair", action="store_true", help="skip the fair baseline (large scales)"
    )
    parser.add_argument(
        "--data", type=Path, help="the generator's output for the (one) scale, made beforehand"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="leave the last scale's bulk-loaded graph in the database (not with the fair "
        "baseline), to time analyses on it: python -m bench.analysis_latency --as-loaded NAME",
    )
    args = parser.parse_args()
    if args.keep and not args.no_fair:
        parser.error("--keep needs --no-fair: the fair baseline replaces the bulk-loaded graph")
    os.environ["PARTNERGRAPH_STORE"] = "neo4j"  # a benchmark of the Neo4j path, whatever is set
    settings = Settings()
    server = LocalServer.from_environment()
    if not server.serves(settings.neo4j_uri) or not server.running():
        sys.exit(
            f"bench.load_bulk: no local server of deploy/neo4j/neo4j.sh (NEO4J_RUN_DIR "
            f"{server.run_dir}, NEO4J_BOLT_PORT {server.bolt_port}) serves NEO4J_URI "
            f"{settings.neo4j_uri}: start one and export the same settings"
        )
    lines = [
        f"\n## Bulk first load into Neo4j ({dt.date.today()}; {machine()})\n",
        "`partnergraph load --bulk` end to end: validation streamed to CSV files, server stopped, "
        "`neo4j-admin database import full`, server started, constraints and indexes online, "
        "history recorded. Steps in seconds; memory: this process's peak RSS, the largest child "
        "process's (the import tool, or the generator when the bench generated the data), and the "
        "peak the import tool reports.\n",
        "| scale | nodes | relationships | bulk s | validate+CSV s | stop s | import s | start s "
        "| schema s | history s | bulk facts/s | fair CREATE s | bulk / fair | source MiB "
        "| CSV MiB | database MiB | loader peak MiB | child peak MiB | import tool peak |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    goals: list[str] = []
    for number, scale in enumerate(args.scale, start=1):
        keep = args.keep and number == len(args.scale)
        r = run(scale, settings, not args.no_fair, args.data, keep)
        rate = float(r["facts_per_s"])  # type: ignore[arg-type]
        fair_s = float(r.get("fair_s") or 0)  # type: ignore[arg-type]
        fair = float(r.get("fair_facts_per_s") or 0)  # type: ignore[arg-type]
        line = (
            f"| {r['scale']} | {r['nodes']:,} | {r['relationships']:,} | {r['bulk_s']:.1f} | "
            + " | ".join(f"{float(r.get(s, 0)):.1f}" for s in STEPS)  # type: ignore[arg-type]
            + f" | {rate:,.0f} | {f'{fair_s:.1f}' if fair else '-'} "
            f"| {f'{rate / fair:.2f}x' if fair else '-'} | {r['source_mib']:,.0f} "
            f"| {r.get('csv_mib', 0):,.0f} | {r['disk_mib']:,.0f} | {r['python_peak_mib']:,.0f} "
            f"| {r['child_peak_mib']:,.0f} | {r['import_peak']} |"
        )
        print(line, flush=True)
        lines.append(line)
        if scale == 1 and fair:
            goals.append(bulk_goal(r, fair_s))
        if scale == 10:
            goals.append(
                f"- Goal: a scale 10 load that completes on this machine: **met** "
                f"({r['bulk_s']:,.0f} s; time, disk and memory in the table)."
            )
    for line in goals:
        print(line, flush=True)
    lines += ["", *goals] if goals else []
    with RESULTS.open("a") as results:
        results.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
