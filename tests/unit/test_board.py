"""The board pack, the `view` and `board` commands and the /views routes, without a browser
(test_views_browser.py opens the same pages in Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from api.board import reached_countries, write_board
from api.routes.views import router
from api.views.gaps import missing_partners
from graph.memory_store import MemoryStore
from ontology.names import Label
from queries.ids import UnknownIdError
from tests.helpers import run
from tests.view_support import bundled_store


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    return bundled_store()


@pytest.fixture(scope="module")
def pack(bundled: MemoryStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("board")
    write_board(bundled, out)
    return out


def test_board_pack_links_every_view_and_summarises_gaps(bundled: MemoryStore, pack: Path) -> None:
    index = (pack / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"', index)
    clusters = list(bundled.nodes(Label.Cluster))
    expected = 1 + len(clusters) + 4 + len(reached_countries(bundled)) + 1  # + the leads page
    assert len(links) == expected
    assert all((pack / link).is_file() for link in links)
    assert "clusters/odense-robotics.html" in links and "markets/DE.html" in links
    assert "models/key-market-partnership.html" in links
    assert (pack / "assets" / "vis-network.min.js").is_file()
    summary = index[index.index('<table id="gap-summary">') :]
    for cluster in clusters:
        assert f'<td class="name">{cluster["name"].replace("&", "&amp;")}</td>' in summary
    page = (pack / "clusters" / "vision-denmark.html").read_text(encoding="utf-8")
    assert '<script src="../assets/vis-network.min.js">' in page
    assert 'href="../index.html"' in page
    assert '"missing:role:' in page  # the cluster's gaps, drawn as missing partners


def test_missing_partners_come_from_the_gap_analysis_with_candidates(
    bundled: MemoryStore,
) -> None:
    missing = missing_partners(bundled, "cluster:vision-denmark")
    assert missing and all(m.role.startswith("role:") for m in missing)
    assert any(m.candidates for m in missing)
    assert all(m.severity in ("high", "medium", "low") for m in missing)


def test_view_command_writes_one_page_and_explains_bad_ids(tmp_path: Path) -> None:
    out = tmp_path / "vision.html"
    result = run("view", "cluster", "vision-denmark", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "works offline" in result.stdout
    assert '"missing:role:' in out.read_text(encoding="utf-8")
    unknown = run("view", "cluster", "odense-robotic", "--out", str(out))
    assert unknown.returncode == 1 and "cluster:odense-robotics" in unknown.stderr
    assert run("view", "model", "--out", str(out)).returncode == 2
    assert run("view", "galaxy", "--out", str(out)).returncode == 2


def test_board_command_says_where_to_open_it(tmp_path: Path) -> None:
    result = run("board", "--out", str(tmp_path / "pack"))
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "pack" / "index.html").resolve()
    assert index.as_uri() in result.stdout.replace("\n", "")


def test_views_routes_serve_the_same_pages(bundled: MemoryStore) -> None:
    app = FastAPI()
    app.state.store = bundled
    app.include_router(router)

    @app.exception_handler(UnknownIdError)
    async def unknown(request: Request, error: Exception) -> JSONResponse:  # as api.errors does
        return JSONResponse({"detail": str(error)}, status_code=404)

    client = TestClient(app)
    for path in (
        "/views/ecosystem",
        "/views/clusters/odense-robotics",
        "/views/models/market-test",
        "/views/markets/DE",
        "/views/markets/hotspot:munich",
        "/views/markets/munich",
        "/views/markets/de",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert " * vis-network" in response.text  # self-contained, as the CLI writes it
    assert client.get("/views/clusters/nowhere").status_code == 404
    assert '<html lang="da">' in client.get("/views/markets/DE").text  # Danish by default
    assert '<html lang="en">' in client.get("/views/markets/DE?lang=en").text
    assert client.get("/views/markets/DE?lang=fr").status_code == 422


def test_the_leads_page_shows_leads_by_source_and_market_routed_or_not(
    bundled: MemoryStore, pack: Path
) -> None:
    page = (pack / "leads.html").read_text(encoding="utf-8")
    assert '<html lang="da">' in page
    leads = list(bundled.nodes(Label.Lead))
    assert page.count('<tr class="illustrative') == len(leads)  # every bundled lead, marked
    assert 'Innovation Centre Denmark München</td><td class="num">2</td>' in page
    assert 'ikke sendt videre</td><td class="num">2</td>' in page  # two not routed yet
    assert "afvist" in page and "indsats startet" in page and "resultat (lykkedes)" in page
    assert 'href="leads.html"' in (pack / "index.html").read_text(encoding="utf-8")


def test_the_leads_page_escapes_text_from_the_data(tmp_path: Path) -> None:
    from api.board.leads_page import render_leads_page
    from loaders.pipeline import load_sources
    from loaders.sources import discover

    store = bundled_store()
    source = tmp_path / "hostile.yaml"
    source.write_text(
        "provenance: {source: test, confidence: illustrative}\n"
        "nodes:\n"
        "  - {id: lead:hostile, name: '<img src=x onerror=alert(1)>', technology: '<b>x</b>',"
        " sought: delegation, found_on: 2026-01-01}\n",
        encoding="utf-8",
    )
    load_sources(store, discover([source]))
    page = render_leads_page(store)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>x</b>" not in page
