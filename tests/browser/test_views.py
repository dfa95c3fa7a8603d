"""The views in a real headless Chromium, opened from file URLs with the network off: they load
without console errors, vis-network holds the expected nodes and edges, the canvas is drawn, the
legend is there, and markup in the data runs nothing. Screenshots go to
tests/artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from api.board import write_board
from api.views import (
    NODE_CAP,
    View,
    cap_view,
    cluster_view,
    ecosystem_view,
    market_view,
    model_view,
    render_html,
)
from api.views.gaps import missing_partners
from api.views.lang import Lang, speaking
from bench.views import run as run_view_benchmark
from graph.memory_store import MemoryStore
from ontology.names import Label, ModelId
from tests.view_support import (
    PAYLOAD,
    SCREENSHOTS,
    SCRIPT_PAYLOAD,
    PageReport,
    Watcher,
    bundled_store,
    hostile_store,
    hover_node,
    offline_context,
    open_page,
    outside_requests,
    synthetic_store,
)

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 11, 27)
MIN_PAINTED = 500  # pixels drawn on the canvas: a blank canvas has none


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    return bundled_store()


def assert_healthy(report: PageReport, view: View) -> None:
    assert report.errors == []
    assert outside_requests(report) == []
    assert report.dialogs == []
    assert report.view["nodes"] == report.network_nodes == len(view.nodes)
    assert report.view["edges"] == report.network_edges == len(view.edges)
    assert report.painted_pixels > MIN_PAINTED, "the canvas is blank"


def write(view: View, path: Path) -> Path:
    path.write_text(render_html(view), encoding="utf-8")
    return path


VIEWS = {
    "ecosystem": lambda store: ecosystem_view(store, TODAY),
    "cluster": lambda store: cluster_view(
        store, "cluster:vision-denmark", missing_partners(store, "cluster:vision-denmark"), TODAY
    ),
    "model": lambda store: model_view(store, ModelId.market_test, TODAY),
    "market": lambda store: market_view(store, "country:DE", TODAY),
}


@pytest.mark.parametrize("kind", list(VIEWS))
def test_view_opens_offline_and_draws(
    kind: str, browser: Any, bundled: MemoryStore, tmp_path: Path
) -> None:
    view = VIEWS[kind](bundled)
    page, report = open_page(browser, write(view, tmp_path / f"{kind}.html"), f"{kind}.png")
    assert_healthy(report, view)
    legend = page.locator("#legend li[data-type]").evaluate_all(
        "items => items.map(i => i.dataset.type)"
    )
    assert set(legend) == {n.type for n in view.nodes}
    if kind == "cluster":  # the gaps, drawn as missing partners, are explained in the legend
        assert "Missing" in legend
    assert page.locator("#legend .legend-edges li").count() >= 1
    assert page.inner_text("h1") == view.title
    page.context.close()


def test_data_markup_shows_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    view = cluster_view(hostile_store(), "cluster:xss", (), TODAY)
    page, report = open_page(browser, write(view, tmp_path / "xss.html"))
    assert_healthy(report, view)
    assert page.inner_text("h1") == PAYLOAD
    tooltip = hover_node(page, "cluster:xss")
    assert PAYLOAD in tooltip and SCRIPT_PAYLOAD in tooltip  # shown as text
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert report.dialogs == []
    page.screenshot(path=str(SCREENSHOTS / "escaping.png"))
    page.context.close()


def test_view_above_the_cap_opens_and_reports_its_aggregation(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("synthetic")
    full = ecosystem_view(synthetic_store(folder / "source"), TODAY)
    assert len(full.nodes) > NODE_CAP
    with speaking(Lang.en):  # the notice is read in English here
        view = cap_view(full)
        html = render_html(view)
    (folder / "big.html").write_text(html, encoding="utf-8")
    page, report = open_page(browser, folder / "big.html", "aggregated.png")
    assert_healthy(report, view)
    assert report.network_nodes <= NODE_CAP
    notice = page.inner_text("#aggregation")
    assert f"{len(full.nodes):,} nodes" in notice and "counted" in notice
    page.context.close()


def test_board_pack_opens_offline_and_every_page_passes(
    browser: Any, bundled: MemoryStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("board")
    pack = write_board(bundled, out)
    page, report = open_page(browser, pack.index, "board-index.png")
    assert report.errors == [] and outside_requests(report) == []
    assert page.locator("#gap-summary tbody tr").count() >= len(list(bundled.nodes(Label.Cluster)))
    links = page.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == len(pack.pages) + len(pack.tables)
    page.context.close()
    watcher = Watcher(offline_context(browser).new_page())  # one page for all: quicker
    for path in pack.pages:
        name = path.relative_to(out).as_posix()
        shot = (
            "board-cluster-odense-robotics.png" if name.endswith("odense-robotics.html") else None
        )
        report = watcher.open(path, shot)
        assert report.errors == [], name
        assert outside_requests(report) == [], name
        assert report.dialogs == [], name
        assert report.view["nodes"] == report.network_nodes > 0, name
        assert report.view["edges"] == report.network_edges, name
        assert report.painted_pixels > MIN_PAINTED, name
        assert watcher.page.locator("#legend li").count() >= 2, name
    watcher.page.context.close()


def test_the_view_benchmark_runs_at_its_smallest_size(browser: Any) -> None:
    (row,) = run_view_benchmark((100,), runs=1, browser=browser)
    assert row["nodes"] >= 100 and not row["aggregated"]
    assert row["still"] and 0 < row["drawn_s"] < 30
