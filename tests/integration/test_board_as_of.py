"""The board pack as the graph was on a day (`board --as-of`), on both stores: a source loaded,
changed and reloaded; the pack made as of a day between the loads is, page for page, the pack of
a fresh load of the earlier source judged on that day, and today's report is not."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

from api.board import write_board
from api.board.changes import changes_section, render_changes_page
from api.board.report import report_html
from api.views.lang import Lang, speaking
from graph.as_of import graph_as_of
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from loaders.pipeline import load_sources
from loaders.sources import ILLUSTRATIVE_DIR
from tests.integration.test_history import FIRST, SECOND, change_the_source, sources

BETWEEN = dt.datetime.combine(dt.date(2026, 10, 1), dt.time.max, tzinfo=dt.UTC)


def pages(folder: Path) -> dict[str, str]:
    """Every page of a pack by its path, as a reader sees it: the text, and each drawing's shapes
    and lines with their words, in id order (the order and so the placement of shapes follows the
    order the store lists its facts in, which differs between Neo4j and a fresh embedded load)."""
    return {
        path.relative_to(folder).as_posix(): _drawn(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.html"))
    }


def _drawn(html: str) -> str:
    def in_order(match: re.Match[str]) -> str:
        items = [
            {k: v for k, v in item.items() if k not in ("x", "y")}
            for item in json.loads(match.group(2))
        ]
        return match.group(1) + json.dumps(sorted(items, key=json.dumps), sort_keys=True) + ";"

    return re.sub(r"^(  var (?:nodeData|edgeData) = )(\[.*\]);$", in_order, html, flags=re.M)


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_a_pack_made_as_of_an_earlier_day_is_the_pack_of_the_earlier_source(
    store: GraphStore, tmp_path: Path
) -> None:
    illustrative = tmp_path / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, illustrative)
    load_sources(store, sources(illustrative), at=FIRST)
    change_the_source(illustrative)
    load_sources(store, sources(illustrative), at=SECOND)
    then = graph_as_of(store, BETWEEN)
    assert then.undone == 1
    write_board(store, tmp_path / "as-of", lang=Lang.da, as_of=then)

    fresh = MemoryStore()
    load_sources(fresh, sources(ILLUSTRATIVE_DIR))  # the earlier source, loaded today
    write_board(fresh, tmp_path / "fresh", lang=Lang.da, as_of=graph_as_of(fresh, BETWEEN))

    as_of, earlier = pages(tmp_path / "as-of"), pages(tmp_path / "fresh")
    assert len(as_of) > 20 and differing(as_of, earlier) == []
    assert "Grafen, som den var indlæst ved udgangen af 1. oktober 2026" in as_of["index.html"]

    report_then = report_html(store, Lang.en, as_of=then)
    report_earlier = report_html(fresh, Lang.en, as_of=graph_as_of(fresh, BETWEEN))
    assert report_then == report_earlier
    # Today's report is another (the ended partnership, the new MoU, the gaps judged today).
    assert report_html(store, Lang.en) != report_then


def test_the_changes_page_of_a_pack_as_of_a_day_stops_at_that_day(
    store: GraphStore, tmp_path: Path
) -> None:
    illustrative = tmp_path / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, illustrative)
    load_sources(store, sources(illustrative), at=FIRST)
    change_the_source(illustrative)
    load_sources(store, sources(illustrative), at=SECOND)

    since = dt.date(2026, 9, 2)
    with speaking(Lang.en):  # the changes up to now, as the page of today's pack tells them
        now = render_changes_page(changes_section(store, since))
    assert "signed an MoU, valid to 2027-08-31" in now
    pack = write_board(
        store,
        tmp_path / "pack",
        lang=Lang.en,
        changes_since=since,
        as_of=graph_as_of(store, BETWEEN),
    )
    assert pack.changes is not None
    text = re.sub(r"\s+", " ", pack.changes.read_text(encoding="utf-8"))
    assert "Changes since 2 September 2026" in text and "signed an MoU" not in text
    assert "Nothing to report since 2 September 2026" in text  # loaded after the day shown
