"""Every benchmark, one after another, each appending its figures to bench/RESULTS.md.

    python -m bench            # scales 0.01, 0.1 and 1 (about 30 minutes on 2 cores)
    python -m bench --quick    # scale 0.01 only: a smoke run
    python -m bench --scale10  # and then scale 10: the bulk load and the analyses on it

Needs a running Neo4j at NEO4J_URI (default the local server), which the Neo4j benchmarks
CLEAR: `make bench` starts the local one as `make test` does.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

SCALES = ("0.01", "0.1", "1")


def steps(scales: tuple[str, ...]) -> list[list[str]]:
    each = [arg for scale in scales for arg in ("--scale", scale)]
    return [
        ["bench.load_neo4j", *each],
        # The bulk first load (stops and starts the local server), beside the fair baseline.
        ["bench.load_bulk", "--scale", scales[-1]],
        ["bench.load_memory", *each],
        ["bench.analysis_latency", *each, "--sample", "100"],
        # Views: sizes in nodes, not scales (100 to 10,000; a smoke run draws the small two).
        ["bench.views", *(("--sizes", "100", "500") if scales == SCALES[:1] else ())],
        # The HTTP API under load (bundled data): GET /recommendations beside a trivial endpoint.
        ["bench.api_load", "--store", "memory", "--store", "neo4j"]
        + (["--seconds", "3"] if scales == SCALES[:1] else []),
        # The quality of the answers: scenarios, and the hold-out on generated data.
        ["bench.quality", "--scale", "0.01" if scales == SCALES[:1] else "0.1"],
    ]


# Ten times the EU: too large for the ordinary load here, so bulk-loaded, kept, then timed.
SCALE_10 = [
    ["bench.load_bulk", "--scale", "10", "--no-fair", "--keep"],
    ["bench.analysis_latency", "--as-loaded", "generated, scale 10", "--scale", "10"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="scale 0.01 only")
    parser.add_argument(
        "--scale10",
        action="store_true",
        help="then the bulk load at scale 10 and the analyses on it (needs about 15 GB of disk)",
    )
    args = parser.parse_args()
    failed = []
    chosen = steps(SCALES[:1] if args.quick else SCALES) + (SCALE_10 if args.scale10 else [])
    for step in chosen:
        print(f"\n== python -m {' '.join(step)}", flush=True)
        started = time.perf_counter()
        if subprocess.run([sys.executable, "-m", *step], check=False).returncode != 0:
            failed.append(step[0])
        print(f"== {step[0]}: {time.perf_counter() - started:.0f} s", flush=True)
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")
    print("\nFigures appended to bench/RESULTS.md.")


if __name__ == "__main__":
    main()
