"""The board pack as a Danish board member reads it, without a browser: Danish by default with the
ontology's Danish names and Danish numbers and dates, English on request; no raw ids, no renamed
countries, inactive clusters marked; the CLI's --lang."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from api.board import write_board
from api.views.lang import Lang, date, number, percent
from graph.memory_store import MemoryStore
from ontology.names import Label
from tests.helpers import run
from tests.view_support import bundled_store

RAW_ID = re.compile(r"\b(model|cluster|role|country|hotspot|icdk|engagement|agreement):[a-z]")


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    return bundled_store()


@pytest.fixture(scope="module")
def packs(bundled: MemoryStore, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    da = tmp_path_factory.mktemp("da")
    en = tmp_path_factory.mktemp("en")
    write_board(bundled, da)
    write_board(bundled, en, lang=Lang.en)
    return {"da": da, "en": en}


def visible_text(html: str) -> str:
    """The page's text outside its scripts and tags (what a reader sees, tooltips aside)."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_danish_by_default_english_on_request(packs: dict[str, Path]) -> None:
    for lang, folder in packs.items():
        for page in [folder / "index.html", *folder.glob("*/*.html"), folder / "ecosystem.html"]:
            assert f'<html lang="{lang}">' in page.read_text(encoding="utf-8"), page
    da = (packs["da"] / "index.html").read_text(encoding="utf-8")
    en = (packs["en"] / "index.html").read_text(encoding="utf-8")
    assert "Mangler pr. klynge og det mest presserende skridt" in da
    assert "Gaps per cluster and the most urgent step" in en
    # The models' Danish names from the ontology, the report's Danish quote
    model = (packs["da"] / "models" / "key-market-partnership.html").read_text(encoding="utf-8")
    assert "Etablering af strategiske partnerskaber for nøglemarkeder" in model
    assert "»Ofte kræver etablering af længerevarende partnerskaber" in model
    assert "Strategic partnerships for key markets" in (
        packs["en"] / "models" / "key-market-partnership.html"
    ).read_text(encoding="utf-8")
    # Countries by their Danish names; dates in Danish form
    assert ">Tyskland</a>" in da and ">Germany</a>" in en
    assert re.search(r"Lavet \d{1,2}\. [a-zæø]+ \d{4}", da)


def test_numbers_and_dates_in_each_languages_form() -> None:
    assert number(1234.5, Lang.da, 1) == "1.234,5"
    assert number(1234.5, Lang.en, 1) == "1,234.5"
    assert percent(0.43, Lang.da) == "43 %"
    assert date(dt.date(2026, 12, 3), Lang.da) == "3. december 2026"
    assert date(dt.date(2026, 12, 3), Lang.en) == "3 December 2026"


def test_readers_see_names_not_ids_and_countries_are_not_renamed(packs: dict[str, Path]) -> None:
    for folder in packs.values():
        for page in [folder / "index.html", *folder.glob("clusters/*.html")]:
            html = page.read_text(encoding="utf-8")
            text = visible_text(html)
            assert not RAW_ID.search(text), (page, RAW_ID.search(text))
            # tooltips name a line's model and role too
            assert not re.search(r"(Model|Role|Rolle): (model|role):", html), page
            assert "(illustrative)" not in text, page
        index = visible_text((folder / "index.html").read_text(encoding="utf-8"))
        assert " shapes" not in index and " figurer" not in index


def test_inactive_clusters_are_marked_not_shown_active(
    bundled: MemoryStore, packs: dict[str, Path]
) -> None:
    merged = [c for c in bundled.nodes(Label.Cluster) if c.get("status") == "merged"]
    assert merged, "the bundled data has a merged cluster"
    slug = merged[0]["id"].split(":", 1)[1]
    page = (packs["da"] / "clusters" / f"{slug}.html").read_text(encoding="utf-8")
    assert "Klyngen er fusioneret" in page
    assert "ikke analyseret: klyngen er fusioneret" in page
    assert f"{merged[0]['name']} (fusioneret)" in page  # its label on the drawing
    index = (packs["da"] / "index.html").read_text(encoding="utf-8")
    row = re.search(rf'<tr data-cluster="{merged[0]["id"]}"[^>]*>', index)
    assert row and 'class="inactive"' in row.group(0)


def test_every_gap_kind_is_listed_with_an_action_and_the_index_agrees(
    packs: dict[str, Path],
) -> None:
    index = (packs["da"] / "index.html").read_text(encoding="utf-8")
    kinds: set[str] = set()
    for cluster, count in re.findall(
        r'<tr data-cluster="cluster:([^"]+)" data-count="(\d+)"', index
    ):
        page = (packs["da"] / "clusters" / f"{cluster}.html").read_text(encoding="utf-8")
        listed = re.findall(r'<tr class="gap severity-\w+" data-type="(\w+)"', page)
        assert len(listed) == int(count), cluster
        assert f'data-count="{count}"' in page
        kinds |= set(listed)
    assert kinds == {"role", "formality", "coverage", "fragility", "network"}
    page = (packs["da"] / "clusters" / "odense-robotics.html").read_text(encoding="utf-8")
    assert "Formalisér samarbejdet med" in page


def test_the_language_option_of_the_commands(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    assert run("view", "market", "DE", "--out", str(out), "--lang", "en").returncode == 0
    assert '<html lang="en">' in out.read_text(encoding="utf-8")
    assert run("view", "market", "DE", "--out", str(out)).returncode == 0
    assert '<html lang="da">' in out.read_text(encoding="utf-8")
    wrong = run("view", "market", "DE", "--out", str(out), "--lang", "fr")
    assert wrong.returncode == 2 and "choose da or en" in wrong.stderr
