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
from tests.view_support import SCREENSHOTS, open_page, outside_requests

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


def changes_page(browser: Any, pack: Path, screenshot: str | None = None) -> tuple[str, list[str]]:
    """Open the index, follow its link to the changes page, and read that page as shown."""
    page, report = open_page(browser, pack / "index.html")
    assert not report.errors and not outside_requests(report)
    link = page.locator("#changes-link a")
    assert link.get_attribute("href") == "changes.html"
    assert page.locator("section.links a[href='changes.html']").count() == 1
    assert page.locator("#changes").count() == 0  # a page of its own, not a section of the index
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/changes.html")
    if screenshot:
        page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=True)
    text = page.inner_text("#changes")
    groups = page.eval_on_selector_all("#changes h3", "hs => hs.map(h => h.textContent)")
    assert page.get_attribute("html", "lang") == pack.name[:2]
    page.locator("p.back a").click()  # back to the index, like every other page of the pack
    page.wait_for_load_state()
    assert page.url.endswith("/index.html")
    page.context.close()
    return text, groups


def test_the_changes_since_the_last_meeting_are_a_page_of_their_own_in_danish_and_english(
    browser: Any, reloaded: MemoryStore, tmp_path: Path
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    write_board(reloaded, tmp_path / "da", lang=Lang.da, changes_since=MEETING)
    text, groups = changes_page(browser, tmp_path / "da", "board-da-changes.png")
    assert text.startswith("Ændringer siden 1. oktober 2026")
    assert groups == ["CLEAN", "Odense Robotics"]
    assert (
        "20. november 2026: Odense Robotics og Innovation Centre Denmark Munich indgik et MoU, "
        "gyldig til 31. august 2027 (agreements.yaml, illustrativ)"
    ) in text
    assert "partnerskabet mellem CLEAN og Innovation Centre Denmark India er ophørt" in text
    assert "løber nu til 31. december 2026 (før 31. marts 2027)" in text

    write_board(reloaded, tmp_path / "en", lang=Lang.en, changes_since=MEETING)
    text, groups = changes_page(browser, tmp_path / "en", "board-en-changes.png")
    assert text.startswith("Changes since 1 October 2026")
    assert groups == ["CLEAN", "Odense Robotics"]
    assert "the partnership between CLEAN and Innovation Centre Denmark India ended" in text

    write_board(reloaded, tmp_path / "en-none", lang=Lang.en, changes_since=dt.date(2026, 11, 21))
    text, groups = changes_page(browser, tmp_path / "en-none")
    assert groups == []
    assert (
        "Nothing to report since 21 November 2026: no partnership, agreement, engagement or "
        "cluster was added, altered or ended in the graph."
    ) in text
    write_board(reloaded, tmp_path / "da-none", lang=Lang.da, changes_since=dt.date(2026, 11, 21))
    text, groups = changes_page(browser, tmp_path / "da-none")
    assert groups == [] and "Intet at berette siden 21. november 2026" in text


def test_without_a_day_the_pack_has_no_changes_page(reloaded: MemoryStore, tmp_path: Path) -> None:
    pack = write_board(reloaded, tmp_path / "en", lang=Lang.en)
    assert pack.changes is None and not (tmp_path / "en" / "changes.html").exists()
    assert "changes.html" not in pack.index.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_the_meeting_report_has_the_changes_since_chapter_on_pages_of_its_own(
    reloaded: MemoryStore, tmp_path: Path
) -> None:
    pdf = write_pdf(reloaded, tmp_path / "report.pdf", Lang.en, MEETING)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    starts = [n for n, page in enumerate(pages) if page.startswith("Changes since 1 October 2026")]
    assert len(starts) == 1 and starts[0] > 0  # the chapter opens a page, after the summary
    chapter = pages[starts[0]]
    assert "signed an MoU, valid to 2027-08-31" in chapter
    assert chapter.index("CLEAN") < chapter.index("Odense Robotics")  # grouped by cluster
    assert pages[starts[0] + 1].startswith("Market coverage")  # the next chapter: a new page
