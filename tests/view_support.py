"""Shared by the view tests: stores to draw (bundled, hostile names, above the cap) and a headless
Chromium (Debian's, driven by Playwright) that opens a page from a file URL with no network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.chromium import chromium_path
from graph.memory_store import MemoryStore
from loaders.batch import SourceBatch, write_batches
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.names import ModelId, Rel
from tests.helpers import node, rel

SCREENSHOTS = Path(__file__).parent / "artifacts" / "screenshots"
PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>window.__pwned = 1</script>"
ABOVE_CAP_SCALE = 0.03  # the generator at this scale: about 3,200 actors, above the 2,500 cap
CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium-browser",
)


def bundled_store() -> MemoryStore:
    store = MemoryStore()
    load_bundled(store)
    return store


def hostile_store() -> MemoryStore:
    """A cluster, a partner and a source whose text is markup meant to run."""
    s = "test/hostile"
    store = MemoryStore()
    batch = SourceBatch(
        s,
        nodes=[
            node("cluster:xss", s, name=PAYLOAD, source=SCRIPT_PAYLOAD),
            node("icdk:munich", s, name=f"ICDK {SCRIPT_PAYLOAD}"),
            node("country:DE", s, name="Germany", iso2="DE"),
        ],
        relationships=[
            rel("cluster:xss", Rel.PARTNERS_WITH, "icdk:munich", s, kind="formal", source=PAYLOAD),
            rel("icdk:munich", Rel.PRESENT_IN, "country:DE", s),
            rel("cluster:xss", Rel.TARGETS_MARKET, "country:DE", s, model=ModelId.market_test),
        ],
    )
    write_batches(store, [batch])
    return store


def synthetic_store(folder: Path, scale: float = ABOVE_CAP_SCALE) -> MemoryStore:
    generate(folder, scale=scale, seed=7)
    store = MemoryStore()
    load_sources(store, discover([folder]))
    return store


def launch_browser() -> Iterator[Any]:
    """A headless Chromium; missing, it skips the test locally and fails it under CI."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        message = "Chromium or Playwright is missing: `apt-get install chromium` (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@dataclass
class PageReport:
    view: dict[str, Any]  # what the page reports: nodes, edges, drawnAt (ms since navigation)
    network_nodes: int  # what vis-network itself holds
    network_edges: int
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(): none may open
    painted_pixels: int = 0


PAINTED = """() => {
  const canvas = document.querySelector('#network canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < data.length; i += 16) {  // every 4th pixel is plenty
    if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) painted++;
  }
  return painted;
}"""


def offline_context(browser: Any) -> Any:
    return browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)


MEASURE = """() => {
  const net = window.partnergraphNetwork;
  return {
    view: window.partnergraphView,
    nodes: net.body.data.nodes.length,
    edges: net.body.data.edges.length,
    painted: (PAINTED)(),
  };
}""".replace("PAINTED", PAINTED)


class Watcher:
    """One page's listeners, reporting into the current PageReport (a page can be reused)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.report = PageReport({}, 0, 0)
        page.on(
            "console", lambda m: self.report.errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: self.report.errors.append(str(e)))
        page.on("request", lambda r: self.report.requests.append(r.url))
        page.on("dialog", self._refuse)

    def _refuse(self, dialog: Any) -> None:
        self.report.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, screenshot: str | None = None) -> PageReport:
        self.report = report = PageReport({}, 0, 0)
        self.page.goto(path.resolve().as_uri())
        if self.page.query_selector("#network") is not None:
            self.page.wait_for_function("window.partnergraphView !== undefined", timeout=30_000)
            measured = self.page.evaluate(MEASURE)
            report.view = measured["view"]
            report.network_nodes = measured["nodes"]
            report.network_edges = measured["edges"]
            report.painted_pixels = measured["painted"]
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / screenshot))
        return report


def open_page(browser: Any, path: Path, screenshot: str | None = None) -> tuple[Any, PageReport]:
    """Open `path` in a new offline context (no network; every request is recorded)."""
    watcher = Watcher(offline_context(browser).new_page())
    return watcher.page, watcher.open(path, screenshot)


def outside_requests(report: PageReport) -> list[str]:
    return [url for url in report.requests if not url.startswith("file://")]


def node_point(page: Any, node_id: str) -> dict[str, float]:
    """Where a node is drawn on the page."""
    return dict(
        page.evaluate(
            """(id) => {
              const net = window.partnergraphNetwork;
              const dom = net.canvasToDOM(net.getPositions([id])[id]);
              const box = document.querySelector('#network').getBoundingClientRect();
              return {x: box.left + dom.x, y: box.top + dom.y};
            }""",
            node_id,
        )
    )


def hover_node(page: Any, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    point = node_point(page, node_id)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    return str(page.inner_text("div.vis-tooltip"))
