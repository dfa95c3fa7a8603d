"""The command line: `python -m loaders.synthetic --scale S --seed N --out DIR` writes the folder
and prints the rows written per file."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

import loaders.synthetic
from loaders.synthetic.ecosystem import generate


def main(argv: Sequence[str] | None = None) -> None:
    summary = (loaders.synthetic.__doc__ or "").splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m loaders.synthetic", description=summary)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = EU size (default)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="the CSV source folder to write")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts = generate(args.out, scale=args.scale, seed=args.seed)
    width = max(len(path) for path in counts)
    for path, rows in counts.items():
        print(f"{path:<{width}} {rows:>9,}")
    nodes = sum(rows for path, rows in counts.items() if path.startswith("nodes/"))
    relationships = sum(counts.values()) - nodes
    elapsed = time.perf_counter() - began
    print(f"{nodes:,} nodes, {relationships:,} relationships in {args.out} ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
