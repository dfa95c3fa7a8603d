"""How fast a view is drawn and still in headless Chromium, by size.

For each size the generator writes an ecosystem with about that many actors; the ecosystem view
of it is rendered (above the cap: aggregated, as a user would get it) and opened from a file
URL, offline, in Debian's Chromium. "Drawn and still" is the first frame vis-network paints,
measured from navigation start (the page computes nothing: positions come precomputed and
physics is off); stillness is checked by reading node positions again half a second later.

    python -m bench.views                  # 100, 500, 2,000 and 10,000 actors, 3 runs each
    python -m bench.views --sizes 2000 --runs 5

Prints a table and appends it to bench/RESULTS.md with the date, machine and commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from api.views import NODE_CAP, cap_view, ecosystem_view, render_html
from bench.chromium import chromium_path
from graph.memory_store import MemoryStore
from loaders.pipeline import load_sources
from loaders.sources import discover
from loaders.synthetic import generate

RESULTS = Path(__file__).parent / "RESULTS.md"
ACTORS_AT_SCALE_1 = 107_515  # the generator's actor count at scale 1 (companies are 100,000)
SIZES = (100, 500, 2_000, 10_000)
GOAL_SECONDS = 3.0  # for 2,000 nodes: the goal
STILL = """async () => {
  const net = window.partnergraphNetwork;
  const ids = net.body.data.nodes.getIds().slice(0, 50);
  const before = JSON.stringify(net.getPositions(ids));
  await new Promise(r => setTimeout(r, 500));
  return before === JSON.stringify(net.getPositions(ids)) && !net.physics.physicsEnabled;
}"""


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def machine() -> str:
    memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    chromium = subprocess.run(
        [chromium_path() or "chromium", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"{os.cpu_count()} cores, {memory_kib / 2**20:.0f} GiB, Python "
        f"{platform.python_version()}, {chromium or 'Chromium'}, commit {commit or 'unknown'}"
    )


def page_for(size: int, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The ecosystem view of a generated ecosystem with about `size` actors, as a page."""
    generate(folder / "source", scale=size / ACTORS_AT_SCALE_1, seed=7)
    store = MemoryStore()
    load_sources(store, discover([folder / "source"]))
    began = time.perf_counter()
    full = ecosystem_view(store)
    view = cap_view(full)
    html = render_html(view)
    render_s = time.perf_counter() - began
    path = folder / f"ecosystem-{size}.html"
    path.write_text(html, encoding="utf-8")
    return path, {
        "actors": len(full.nodes),
        "nodes": len(view.nodes),
        "edges": len(view.edges),
        "aggregated": view.aggregation is not None,
        "render_s": render_s,
        "mb": len(html.encode()) / 1e6,
    }


def time_page(browser: Any, path: Path) -> tuple[float, bool]:
    """(seconds from navigation to the first drawn frame, still half a second later)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.partnergraphView !== undefined", timeout=120_000)
    drawn_ms = float(page.evaluate("window.partnergraphView.drawnAt"))
    still = bool(page.evaluate(STILL))
    context.close()
    if errors:
        raise RuntimeError(f"{path.name}: {errors}")
    return drawn_ms / 1000, still


def run(sizes: tuple[int, ...] = SIZES, runs: int = 3, browser: Any = None) -> list[dict[str, Any]]:
    """Figures per size; launches Chromium unless a Playwright browser is given."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        executable = chromium_path()
        if executable is None:
            raise SystemExit("Chromium is missing: apt-get install chromium")
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
            )
            try:
                return run(sizes, runs, launched)
            finally:
                launched.close()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path, row = page_for(size, Path(tmp) / str(size))
            timings = [time_page(browser, path) for _ in range(runs)]
            row["drawn_s"] = statistics.median(t for t, _ in timings)
            row["worst_s"] = max(t for t, _ in timings)
            row["still"] = all(still for _, still in timings)
            rows.append(row)
            print(
                f"{size:>6} -> {row['nodes']:,} nodes, {row['edges']:,} edges: "
                f"drawn and still in {row['drawn_s']:.2f} s (median of {runs})",
                flush=True,
            )
    return rows


def table(rows: list[dict[str, Any]], runs: int) -> str:
    lines = [
        f"\n## Views drawn in headless Chromium ({dt.date.today()}; {machine()})\n",
        f"Ecosystem view of the generator's output; cap {NODE_CAP:,} nodes. 'drawn and still s' "
        f"is navigation start to vis-network's first painted frame, median of {runs} runs "
        "(worst in brackets); every run was still (positions unchanged 0.5 s later, physics "
        "off) unless the column says no.\n",
        "| actors generated | nodes drawn | edges drawn | aggregated | page MB | "
        "build + render s | drawn and still s | still |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['actors']:,} | {r['nodes']:,} | {r['edges']:,} | "
            f"{'yes' if r['aggregated'] else 'no'} | {r['mb']:.1f} | {r['render_s']:.2f} | "
            f"{r['drawn_s']:.2f} ({r['worst_s']:.2f}) | {'yes' if r['still'] else 'no'} |"
        )
    goal = [r for r in rows if 1_500 <= r["nodes"] <= NODE_CAP]
    if goal:
        verdict = "met" if all(r["drawn_s"] < GOAL_SECONDS for r in goal) else "not met"
        worst = ", ".join(f"median {r['drawn_s']:.2f} s, worst {r['worst_s']:.2f} s" for r in goal)
        lines.append(
            f"\nGoal: a 2,000-node view still in under {GOAL_SECONDS:.0f} s (median of the runs): "
            f"{verdict} ({worst}). Load average while measuring: {load_average()} (the machine "
            "is shared; a busy one stretches the worst run)."
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    rows = run(tuple(args.sizes), args.runs)
    text = table(rows, args.runs)
    print(text)
    if not args.no_record:
        with RESULTS.open("a") as results:
            results.write(text)


if __name__ == "__main__":
    main()
