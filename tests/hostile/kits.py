"""Broken survey workbooks, built from a good kit by a script (no binaries committed by hand):
each must give a listed problem naming what is wrong, and nothing may be loaded.

`build(store, folder)` writes them and returns {file name: text the problem must contain}."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from api.kits.prefill import cluster_content
from api.kits.workbook import build_workbook, save_workbook
from graph.store import GraphStore
from loaders.kit_layout import KEY, KIT_SHEET

CLUSTER = "cluster:odense-robotics"
Edit = Callable[[Workbook], None]


def _cell(book: Workbook, sheet: str, row: int, header: str, value: Any) -> None:
    ws = book[sheet]
    column = next(c.column for c in ws[1] if c.value == header)
    ws.cell(row=row, column=column, value=value)


MUNICH = "Innovation Centre Denmark München [icdk:munich]"


def _contact(partner: str | None, name: str | None, title: str | None, email: str | None) -> Edit:
    """A contact person typed on the first free row of the contacts sheet."""

    def edit(book: Workbook) -> None:
        for header, value in (
            ("partner", partner),
            ("navn", name),
            ("stilling", title),
            ("e-mail", email),
        ):
            _cell(book, "kontaktpersoner", 2, header, value)

    return edit


def _big(book: Workbook) -> None:
    ws = book["partnerskaber"]
    for row in range(2, 50_002):
        ws.cell(row=row, column=1, value="CLEAN [cluster:clean]")


CASES: dict[str, tuple[Edit, str]] = {
    "missing-sheet.xlsx": (
        lambda b: b.remove(b["aftaler"]),
        "missing-sheet.xlsx: sheet = 'aftaler': missing (renamed or deleted?)",
    ),
    "renamed-column.xlsx": (
        lambda b: _cell(b, "partnerskaber", 1, "samarbejdsform", "type"),
        "row 1 column B: header = 'type': not a column of this sheet",
    ),
    "partner-id-edited.xlsx": (
        lambda b: _cell(b, "partnerskaber", 2, "partner", "CLEAN [cluster:clean]"),
        "a pre-filled row keeps its partner or market",
    ),
    "hidden-id-edited.xlsx": (
        lambda b: _cell(b, "indsatser", 2, KEY, "engagement:something-else"),
        "a row's hidden id was edited",
    ),
    "date-as-text.xlsx": (
        lambda b: _cell(b, "partnerskaber", 2, "start", "1. marts 2019"),
        "column C (start): start = '1. marts 2019': expected a date YYYY-MM-DD",
    ),
    "merged-cells.xlsx": (
        lambda b: b["partnerskaber"].merge_cells("B2:C2"),
        "cells = 'B2:C2': merged cells: unmerge them",
    ),
    "formula.xlsx": (
        lambda b: _cell(b, "partnerskaber", 2, "antal kontaktpersoner", "=1+1"),
        "a formula: type the value itself",
    ),
    "unknown-kind.xlsx": (
        lambda b: _cell(b, "partnerskaber", 2, "samarbejdsform", "strategic"),
        "expected one of formal, informal, project",
    ),
    "unknown-partner-id.xlsx": (
        lambda b: _cell(b, "partnerskaber", 40, "partner", "Nobody [icdk:atlantis]"),
        "no actor with the id icdk:atlantis",
    ),
    "ambiguous-or-unknown-name.xlsx": (
        lambda b: _cell(b, "partnerskaber", 40, "partner", "Innovation Centre"),
        "no actor of this name in the graph",
    ),
    "bad-answer.xlsx": (
        lambda b: _cell(b, "spørgeskema", 2, "gælder det jer?", "måske"),
        "expected Ja/Nej or Yes/No",
    ),
    "bad-answer-date.xlsx": (
        lambda b: _answer_date(b, "i går"),
        "Dato for besvarelse = 'i går': expected a date",
    ),
    "kit-sheet-gone.xlsx": (lambda b: b.remove(b[KIT_SHEET]), "not a survey workbook made by"),
    "unknown-cluster.xlsx": (
        lambda b: _set_kit_cluster(b, "cluster:nowhere"),
        "cluster = 'cluster:nowhere': no such cluster",
    ),
    "negative-contacts.xlsx": (
        lambda b: _cell(b, "partnerskaber", 2, "antal kontaktpersoner", "two"),
        "expected a whole number",
    ),
    "new-engagement-without-name.xlsx": (
        lambda b: _cell(b, "indsatser", 40, "resultat", "successful"),
        "name = None: required for a new engagement",
    ),
    "50000-rows.xlsx": (_big, "more than 10,000 rows of answers"),
    "contact-partner-unknown.xlsx": (
        _contact("Nobody [icdk:atlantis]", "Anna Jensen", "manager", None),
        "sheet 'kontaktpersoner' row 2 column A (partner): partner = 'Nobody [icdk:atlantis]': "
        "no actor with the id icdk:atlantis",
    ),
    "contact-without-name.xlsx": (
        _contact(MUNICH, None, "manager", None),
        "sheet 'kontaktpersoner' row 2 column B (navn): name = None: required: the person's name",
    ),
    "contact-bad-email.xlsx": (
        _contact(MUNICH, "Anna Jensen", "manager", "anna.jensen"),
        "sheet 'kontaktpersoner' row 2 column D (e-mail): email = 'anna.jensen': not an e-mail "
        "address",
    ),
}


def _set_kit_cluster(book: Workbook, cluster: str) -> None:
    book[KIT_SHEET].cell(row=1, column=2, value=cluster)


def _answer_date(book: Workbook, value: str) -> None:
    ws = book["Vejledning"]
    for row in ws.iter_rows(max_col=2):
        if row[0].value == "Dato for besvarelse":
            row[1].value = value


def build(store: GraphStore, folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.xlsx"
    content = cluster_content(store, CLUSTER, "da")
    save_workbook(build_workbook(content, "da", dt.date(2026, 12, 3), False), good)
    expected = {}
    for name, (edit, problem) in CASES.items():
        book = load_workbook(good)
        edit(book)
        book.save(folder / name)
        expected[name] = problem
    (folder / "csv-saved-as.xlsx").write_text("partner,kind\nCLEAN,formal\n", encoding="utf-8")
    expected["csv-saved-as.xlsx"] = "not an Excel workbook (.xlsx)"
    Workbook().save(folder / "empty.xlsx")
    expected["empty.xlsx"] = "not a survey workbook made by"
    good.unlink()
    return expected
