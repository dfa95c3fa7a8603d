"""Survey workbooks: made from the graph, returned, loaded back, on both stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from api.kits.prefill import cluster_content
from api.kits.workbook import build_workbook, save_workbook
from graph.store import GraphStore
from loaders.kit_layout import KEY, Sheet, sheet
from loaders.pipeline import load_bundled, load_sources
from loaders.problems import LoadError
from loaders.sources import discover
from ontology.names import ModelId, Rel
from tests.helpers import run

CLUSTER = "cluster:odense-robotics"
DAY = dt.date(2026, 12, 3)


def make_kit(store: GraphStore, folder: Path, cluster: str = CLUSTER, lang: str = "da") -> Path:
    path = folder / f"{cluster.partition(':')[2]}.xlsx"
    save_workbook(build_workbook(cluster_content(store, cluster, lang), lang, DAY, False), path)
    return path


def header_index(ws: Worksheet, key: str, lang: str = "da") -> int:
    spec = next(s for s in _sheets() if s.title(lang) == ws.title)
    wanted = next(c for c in spec.columns if c.key == key).header(lang)
    return next(c.column for c in ws[1] if c.value == wanted)


def _sheets() -> tuple[Sheet, ...]:
    from loaders.kit_layout import sheets

    return sheets()


def first_empty_row(ws: Worksheet) -> int:
    row = 2
    while any(ws.cell(row=row, column=c).value not in (None, "") for c in range(1, 4)):
        row += 1
    return row


def test_a_kit_loaded_back_unchanged_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    load_bundled(store)
    before = store.counts()
    kits = [make_kit(store, tmp_path, c) for c in (CLUSTER, "cluster:clean")]
    kits.append(make_kit(store, tmp_path / "en", "cluster:made", lang="en"))
    counts = load_sources(store, discover(kits))
    assert not counts.created and not counts.updated and not counts.removed
    after = store.counts()
    assert (after.node_total, after.relationship_total) == (
        before.node_total,
        before.relationship_total,
    )


def test_a_kit_is_in_danish_with_sources_drop_downs_and_locked_ids(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    book = load_workbook(make_kit(store, tmp_path))
    assert book.sheetnames[:6] == [
        "Vejledning",
        "_lists",
        "partnerskaber",
        "indsatser",
        "aftaler",
        "målmarkeder",
    ]
    ws = book["partnerskaber"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["partner", "samarbejdsform", "start", "slut"]
    assert "kilde i grafen" in headers
    partners = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    # A partner by its Danish name, carrying its id.
    assert "Innovation Centre Denmark München [icdk:munich]" in partners
    assert ws.protection.sheet and ws.cell(row=2, column=1).protection.locked
    assert not ws.cell(row=2, column=2).protection.locked
    formulas = [v.formula1 for v in ws.data_validations.dataValidation]
    assert any("_lists!" in f for f in formulas) and '"formal,informal,project"' in formulas
    key_column = headers.index(KEY) + 1
    assert ws.column_dimensions[get_column_letter(key_column)].hidden
    assert book["_lists"].sheet_state == "hidden"


def edit_kit(path: Path) -> None:
    """As a cluster manager would: a new partner typed by name, another picked from the list,
    a pre-filled partnership's kind corrected, a new target market."""
    book = load_workbook(path)
    ws = book["partnerskaber"]
    row = first_empty_row(ws)
    ws.cell(row=row, column=1, value="Innovation Centre Denmark Seoul")
    ws.cell(row=row, column=header_index(ws, "kind"), value="informal")
    ws.cell(row=row + 1, column=1, value="CLEAN [cluster:clean]")
    ws.cell(row=row + 1, column=header_index(ws, "start"), value=dt.date(2025, 3, 1))
    ws.cell(row=2, column=header_index(ws, "kind"), value="formal")
    markets = book["målmarkeder"]
    row = first_empty_row(markets)
    markets.cell(row=row, column=1, value="Japan [country:JP]")
    models = next(c for c in sheet("markets").columns if c.key == "model")
    assert models.choices == "models"
    model = f"[{ModelId.market_test}]"  # the id alone, as a user may type it
    markets.cell(row=row, column=header_index(markets, "model"), value=model)
    book.save(path)


def test_an_edited_kit_loads_as_reported_by_the_cluster(store: GraphStore, tmp_path: Path) -> None:
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    edit_kit(kit)
    counts = load_sources(store, discover([kit]))
    assert sum(counts.created.values()) == 4
    reported = [
        r
        for r in store.relationships()
        if r.properties.get("source_id") == "survey-kit/odense-robotics"
    ]
    assert {(r.type, r.end) for r in reported} == {
        (Rel.PARTNERS_WITH, "icdk:seoul"),
        (Rel.PARTNERS_WITH, "cluster:clean"),
        (Rel.PARTNERS_WITH, "fcluster:bavarian-robotics"),
        (Rel.TARGETS_MARKET, "country:JP"),
    }
    for r in reported:
        assert r.properties["source"] == "reported by Odense Robotics, 2026-12-03"
        assert r.properties["confidence"] == "reported"
    # The cluster's next kit shows its own facts and loads back unchanged.
    again = make_kit(store, tmp_path / "again")
    counts = load_sources(store, discover([again]))
    assert not counts.created and not counts.updated and not counts.removed


def test_ambiguous_and_unknown_names_are_refused_with_suggestions(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    book = load_workbook(kit)
    ws = book["partnerskaber"]
    row = first_empty_row(ws)
    ws.cell(row=row, column=1, value="Innovation Centre Denmark Seol")
    book.save(kit)
    before = store.counts()
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([kit]))
    text = "\n".join(caught.value.listing())
    assert f"sheet 'partnerskaber' row {row} column A (partner)" in text
    assert "closest: Innovation Centre Denmark Seoul [icdk:seoul]" in text
    assert store.counts().relationship_total == before.relationship_total


def test_dry_run_says_in_words_what_would_change(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    edit_kit(kit)
    result = run("load", str(kit), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert (
        "would create Odense Robotics (cluster:odense-robotics) partners with Innovation Centre "
        "Denmark Seoul (icdk:seoul) (source survey-kit/odense-robotics)" in result.stdout
    )
    assert "4 change(s) found; nothing was written" in result.stdout


def test_survey_kit_command_writes_every_national_cluster(tmp_path: Path) -> None:
    result = run("survey-kit", "--all", "--out", str(tmp_path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert len(list(tmp_path.glob("*.xlsx"))) == 14
    result = run("load", str(tmp_path), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "would change nothing" in result.stdout
    bad = run("survey-kit", "--cluster", "odense-robotix", "--out", str(tmp_path / "x.xlsx"))
    assert bad.returncode == 1 and "closest" in bad.stderr and "Traceback" not in bad.stderr


def report_2020_kits(folder: Path) -> int:
    """14 kits, one per national cluster, answering the survey as the report's 2020 figures
    say (which cluster answered what is not in the report: spread in turn; illustrative)."""
    from graph.memory_store import MemoryStore
    from ontology.names import Label

    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    clusters = sorted(c["id"] for c in store.nodes(Label.Cluster) if c.get("national"))
    figures = {f["id"]: f for f in store.nodes(Label.SurveyFigure)}
    turn = 0
    for cluster in clusters:
        content = cluster_content(store, cluster, "da")
        path = folder / f"{cluster.partition(':')[2]}.xlsx"
        save_workbook(build_workbook(content, "da", DAY, illustrative=True), path)
    chosen: dict[str, set[str]] = {}
    for figure_id, figure in sorted(figures.items()):
        if figure.get("share") is not None:
            yes = round(figure["share"] * len(clusters))
            chosen[figure_id] = {clusters[(turn + i) % len(clusters)] for i in range(yes)}
            turn += yes
    for cluster in clusters:
        path = folder / f"{cluster.partition(':')[2]}.xlsx"
        book = load_workbook(path)
        ws = book["spørgeskema"]
        key_column = next(c.column for c in ws[1] if c.value == KEY)
        answer_column = header_index(ws, "answer")
        for row in range(2, ws.max_row + 1):
            figure_id = str(ws.cell(row=row, column=key_column).value)
            if figure_id in chosen:
                answer = "Ja" if cluster in chosen[figure_id] else "Nej"
                ws.cell(row=row, column=answer_column, value=answer)
        book.save(path)
    answered = len(chosen)
    return answered


def test_survey_from_kits_reproduces_the_reports_shares(tmp_path: Path) -> None:
    import json

    answered = report_2020_kits(tmp_path)
    result = run("survey", "--from-kits", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    compared = [r for r in rows if r["report_share"] is not None]
    assert len(compared) == answered >= 25
    for row in compared:
        # Shares of 14 clusters; a figure the report gives as "about a third" is 5 of 14.
        assert row["yes"] == round(row["report_share"] * 14), row["option"]
        assert abs(row["share"] - row["report_share"]) <= 0.5 / 14 + 0.001, row["option"]
    table = run("survey", "--from-kits", str(tmp_path))
    assert "14 of the workbooks are illustrative" in table.stdout
    # The illustrative kits load too, their facts marked illustrative.
    loaded = run("load", str(tmp_path), "--dry-run")
    assert loaded.returncode == 0, loaded.stderr


def test_a_row_the_cluster_deletes_is_removed_and_two_kits_of_one_cluster_are_refused(
    tmp_path: Path,
) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    edit_kit(kit)
    load_sources(store, discover([kit]))
    again = make_kit(store, tmp_path / "again")
    book = load_workbook(again)
    ws = book["partnerskaber"]
    seoul = next(r for r in range(2, ws.max_row + 1) if "[icdk:seoul]" in str(ws.cell(r, 1).value))
    ws.delete_rows(seoul)
    book.save(again)
    counts = load_sources(store, discover([again]))
    assert dict(counts.removed) == {Rel.PARTNERS_WITH: 1} and not counts.created
    assert not any(r.end == "icdk:seoul" for r in store.relationships(Rel.PARTNERS_WITH)
                   if r.start == CLUSTER)  # fmt: skip
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([again, kit]))
    assert "given twice in one load" in "\n".join(caught.value.listing())


@pytest.mark.neo4j
def test_dry_run_on_neo4j_writes_nothing(neo4j_store: GraphStore, tmp_path: Path) -> None:
    load_bundled(neo4j_store)
    kit = make_kit(neo4j_store, tmp_path)
    edit_kit(kit)
    before = neo4j_store.counts()
    result = run("load", str(kit), "--dry-run", store="neo4j")
    assert result.returncode == 0, result.stderr
    assert "targets market Japan (country:JP)" in result.stdout
    assert "4 change(s) found; nothing was written" in result.stdout
    after = neo4j_store.counts()
    assert after.relationship_total == before.relationship_total


def test_a_name_two_actors_share_is_refused_with_both_to_pick_from(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    twin = tmp_path / "twin.yaml"
    twin.write_text(
        "provenance: {source: test, confidence: illustrative}\n"
        "nodes:\n  - {id: fcluster:seoul-namesake, name: Innovation Centre Denmark Seoul}\n",
        encoding="utf-8",
    )
    load_sources(store, discover([twin]))
    kit = make_kit(store, tmp_path)
    book = load_workbook(kit)
    ws = book["partnerskaber"]
    row = first_empty_row(ws)
    ws.cell(row=row, column=1, value="innovation centre denmark seoul")
    book.save(kit)
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([twin, kit]))
    text = "\n".join(caught.value.listing())
    assert f"row {row} column A (partner)" in text
    assert "more than one actor has this name: pick one of" in text
    assert "[fcluster:seoul-namesake]" in text and "[icdk:seoul]" in text


def test_text_from_the_data_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    content = cluster_content(store, CLUSTER, "da")
    hostile = '=HYPERLINK("http://example.invalid","klik")'
    first_sheet = next(key for key, rows in content.rows.items() if rows)
    row = content.rows[first_sheet][0]
    text_key = next(k for k, v in row.items() if isinstance(v, str) and not k.startswith("_"))
    row[text_key] = hostile
    first_list = next(iter(content.lists))
    content.lists[first_list].append(hostile)
    path = tmp_path / "kit.xlsx"
    save_workbook(build_workbook(content, "da", DAY, False), path)
    book = load_workbook(path)
    cells = [c for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value == hostile]
    assert len(cells) == 2  # the row's cell and the drop-down entry, each as text
    assert all(c.data_type == "s" for c in cells)
