"""The board pack's "changes since" section, as a board member reads it in Chromium (network
off), in Danish and English, and in the meeting report's PDF: a source loaded, changed and
reloaded (dated loads), the pack written with the day of the last meeting."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from api.board import write_board
from api.board.report import write_pdf
from api.views.lang import Lang
from graph.memory_store import MemoryStore
from loaders.pipeline import load_sources
from loaders.sources import ILLUSTRATIVE_DIR
from tests.integration.test_history import FIRST, SECOND, change_the_source, sources
from tests.view_support import open_page, outside_requests

pytestmark = pytest.mark.browser
MEETING = dt.date(2026, 10, 1)


@pytest.fixture(scope="module")
def reloaded(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    folder = tmp_path_factory.mktemp("changed") / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, folder)
    store = MemoryStore()
    load_sources(store, sources(folder), at=FIRST)
    change_the_source(folder)
    load_sources(store, sources(folder), at=SECOND)
    return store


def section_text(browser: Any, index: Path) -> tuple[str, list[str]]:
    page, report = open_page(browser, index)
    assert not report.errors and not outside_requests(report)
    text = page.inner_text("#changes")
    groups = page.eval_on_selector_all("#changes h3", "hs => hs.map(h => h.textContent)")
    page.context.close()
    return text, groups


def test_the_index_opens_with_the_changes_since_the_last_meeting_in_danish_and_english(
    browser: Any, reloaded: MemoryStore, tmp_path: Path
) -> None:
    write_board(reloaded, tmp_path / "da", lang=Lang.da, changes_since=MEETING)
    text, groups = section_text(browser, tmp_path / "da" / "index.html")
    assert text.startswith("Ændringer siden 1. oktober 2026")
    assert groups == ["CLEAN", "Odense Robotics"]
    assert (
        "20. november 2026: Odense Robotics og Innovation Centre Denmark Munich indgik et MoU, "
        "gyldig til 31. august 2027 (agreements.yaml, illustrative)"
    ) in text
    assert "partnerskabet mellem CLEAN og Innovation Centre Denmark India er ophørt" in text
    assert "løber nu til 31. december 2026 (før 31. marts 2027)" in text

    write_board(reloaded, tmp_path / "en", lang=Lang.en, changes_since=MEETING)
    text, _ = section_text(browser, tmp_path / "en" / "index.html")
    assert text.startswith("Changes since 1 October 2026")
    assert "the partnership between CLEAN and Innovation Centre Denmark India ended" in text

    write_board(reloaded, tmp_path / "none", lang=Lang.en, changes_since=dt.date(2026, 11, 21))
    text, groups = section_text(browser, tmp_path / "none" / "index.html")
    assert groups == [] and "No load changed the graph since then." in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_the_meeting_report_has_the_changes_since_page(
    reloaded: MemoryStore, tmp_path: Path
) -> None:
    pdf = write_pdf(reloaded, tmp_path / "report.pdf", Lang.en, MEETING)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Changes since 1 October 2026" in text
    assert "signed an MoU, valid to 2027-08-31" in " ".join(text.split())
