"""Start-up time of the `partnergraph` script: `--version` and `--help`, each run 10 times as a
user runs them (the installed script, a fresh process), median and worst wall-clock seconds.

    python -m bench.cli_start

Prints the figures and appends them to bench/RESULTS.md (unless --no-record).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.load_neo4j import RESULTS, machine

GOAL_SECONDS = 0.3


def timed(exe: str, argument: str, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([exe, argument], check=True, capture_output=True)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    exe = shutil.which("partnergraph") or str(Path(sys.executable).parent / "partnergraph")
    rows = []
    for argument in ("--version", "--help"):
        seconds = timed(exe, argument, args.runs)
        median, worst = statistics.median(seconds), max(seconds)
        print(f"partnergraph {argument:9} median {median:.3f} s, worst {worst:.3f} s")
        rows.append(f"| `partnergraph {argument}` | {median:.3f} | {worst:.3f} | {GOAL_SECONDS} |")
    if not args.no_record:
        lines = [
            f"\n## CLI start-up ({dt.date.today()}; {machine()})\n",
            f"`python -m bench.cli_start`: the installed script, {args.runs} runs each.\n",
            "| command | median s | worst s | goal s |",
            "|---|---|---|---|",
            *rows,
        ]
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
