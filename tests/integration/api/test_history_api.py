"""GET /changes and `as_of` over HTTP, on both stores: a source loaded, changed and reloaded
(dated loads); the answers as of a day between equal a fresh load of the earlier source's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_sources
from loaders.sources import ILLUSTRATIVE_DIR
from tests.integration.api.conftest import client_for
from tests.integration.test_history import FIRST, SECOND, change_the_source, sources

BETWEEN = "2026-10-01"
ASKED = [
    "/clusters/clean/gaps",
    "/clusters/odense-robotics/gaps?model=key-market-partnership",
    "/recommendations?cluster=clean&model=innovation-platform&limit=50",
    "/recommendations?cluster=odense-robotics&model=key-market-partnership&market=DE&limit=50",
    "/survey",
]
PAGES = ["/views/clusters/clean?lang=en", "/views/markets/IN?lang=en"]


@pytest.fixture
def reloaded(store: GraphStore, tmp_path: Path) -> GraphStore:
    folder = tmp_path / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, folder)
    load_sources(store, sources(folder), at=FIRST)
    change_the_source(folder)
    load_sources(store, sources(folder), at=SECOND)
    return store


def test_changes_come_back_in_words_and_as_of_answers_as_the_earlier_source(
    reloaded: GraphStore,
) -> None:
    earlier = MemoryStore()
    load_sources(earlier, sources(ILLUSTRATIVE_DIR))
    with client_for(reloaded) as client, client_for(earlier) as fresh:
        response = client.get("/changes", params={"since": BETWEEN})
        assert response.status_code == 200, response.text
        report = response.json()
        sentences = [c["sentence"] for g in report["clusters"] for c in g["changes"]]
        assert sentences == [
            "the strategic agreement between CLEAN, Silicon Valley cleantech cluster "
            "(illustrative) and Innovation Centre Denmark Silicon Valley now runs to 2026-12-31 "
            "(was 2027-03-31)",
            "the partnership between CLEAN and Innovation Centre Denmark India ended",
            "Odense Robotics and Innovation Centre Denmark Munich signed an MoU, valid to "
            "2027-08-31",
        ]
        first = report["clusters"][0]["changes"][0]
        assert first["provenance"]["confidence"] == "illustrative"
        assert first["changed"] == {"valid_until": ["2027-03-31", "2026-12-31"]}
        assert first["at"].startswith("2026-11-20T12:00")
        assert client.get("/changes", params={"since": "2026-11-21"}).json()["clusters"] == []
        assert client.get("/changes", params={"since": "soon"}).status_code == 422
        assert client.get("/changes").status_code == 422
        for path in ASKED:
            then = client.get(on(path, BETWEEN))
            assert then.status_code == 200, then.text
            assert then.json() == fresh.get(on(path, BETWEEN)).json(), path
        now = client.get(on(ASKED[0], "2026-12-01")).json()
        assert now != fresh.get(on(ASKED[0], "2026-12-01")).json()
        for path in PAGES:  # the views as the board saw them then, gaps judged that day
            page = client.get(on(path, BETWEEN))
            assert page.status_code == 200, page.text
            assert page.text == fresh.get(on(path, BETWEEN)).text, path
        assert client.get(on(PAGES[0], BETWEEN)).text != client.get(PAGES[0]).text


def on(path: str, day: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}as_of={day}"
