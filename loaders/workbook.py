"""The get step for a returned survey workbook (.xlsx): its sheets -> raw rows, like any source.

A row nobody changed, of a fact another source states, is left to that source (the kit only
showed it); every other row becomes a fact of the cluster's own source, `survey-kit/<slug>`,
with the provenance "reported by <cluster>, <date>". Loading the cluster's next workbook
replaces what its last one said. Each problem names the sheet, the row and the column.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from graph.store import GraphStore
from loaders.kit_layout import ANSWERED_ON, HIDDEN, KIT_SHEET, MAX_ROWS, Sheet, sheets
from loaders.kit_names import NameIndex
from loaders.kit_rows import KitRows
from loaders.problems import Problem
from loaders.sources import RawSource, Source, check_size, display
from ontology.names import Rel

KIT_SOURCE_PREFIX = "survey-kit/"


def _plain(value: Any) -> Any:
    """A cell as the loader's types expect: a date-time at midnight is a date, 8.0 is 8."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def open_book(path: Path) -> Workbook:
    check_size(path)
    return load_workbook(path, data_only=False)


@dataclass
class KitAnswers:
    """A returned kit's answers to the report's survey questions: figure id -> yes or no."""

    cluster: str = ""
    illustrative: bool = False
    answers: dict[str, bool] = field(default_factory=dict)


def read_workbook(source: Source, store: GraphStore) -> RawSource:
    return read_kit(source, store)[0]


def read_kit(source: Source, store: GraphStore) -> tuple[RawSource, KitAnswers]:
    name = display(source.path)
    raw = RawSource(source)
    try:
        book = open_book(source.path)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        detail = "not an Excel workbook (.xlsx): save it from Excel or LibreOffice as .xlsx"
        if "bytes, more than" in str(error):
            detail = str(error)
        raw.problems.append(Problem(name, "file", None, detail))
        return raw, KitAnswers()
    meta = _kit_meta(book, name, raw.problems)
    cluster = store.get_node(meta.get("cluster", "")) if meta.get("cluster") else None
    if meta and cluster is None:
        raw.problems.append(
            Problem(
                f"{name} sheet {KIT_SHEET!r}", "cluster", meta.get("cluster"), "no such cluster"
            )
        )
    answered = _answered_on(book, name, raw.problems)
    if cluster is None or answered is None:
        return raw, KitAnswers()
    slug = cluster["id"].partition(":")[2]
    raw = RawSource(
        Source(KIT_SOURCE_PREFIX + slug, source.path, "workbook"), problems=raw.problems
    )
    illustrative = meta.get("illustrative") == "true"
    raw.defaults = {
        "source": f"reported by {cluster.get('name', cluster['id'])}, {answered.isoformat()}",
        "section": "partnership survey workbook"
        + (" made from the report's 2020 figures" if illustrative else ""),
        "confidence": "illustrative" if illustrative else "reported",
        "retrieved": answered,
    }
    rows = KitRows(raw, cluster["id"], NameIndex(store), _partners(store, cluster["id"]))
    for spec in sheets():
        sheet = _find_sheet(book, spec)
        if sheet is None:
            title = spec.title(meta.get("lang", "da"))
            raw.problems.append(Problem(name, "sheet", title, "missing (renamed or deleted?)"))
            continue
        for number, cells, columns in _rows(sheet, spec, f"{name} sheet {sheet.title!r}", raw):
            rows.add(spec.key, f"{name} sheet {sheet.title!r} row {number}", cells, columns)
    rows.counts.finish()
    return raw, KitAnswers(cluster["id"], illustrative, rows.answers)


def _partners(store: GraphStore, cluster: str) -> frozenset[str]:
    """The actors the graph records a partnership of the cluster with (from any source)."""
    links = store.neighbourhood(cluster, 1).relationships
    return frozenset(
        r.end if r.start == cluster else r.start
        for r in links
        if r.type == Rel.PARTNERS_WITH and cluster in (r.start, r.end)
    )


def _kit_meta(book: Workbook, name: str, problems: list[Problem]) -> dict[str, str]:
    if KIT_SHEET not in book.sheetnames:
        problems.append(
            Problem(
                name,
                "sheet",
                KIT_SHEET,
                "missing: not a survey workbook made by `partnergraph survey-kit`",
            )
        )
        return {}
    sheet = book[KIT_SHEET]
    return {
        str(k): str(v) for k, v in sheet.iter_rows(max_col=2, values_only=True) if k is not None
    }


def _answered_on(book: Workbook, name: str, problems: list[Problem]) -> dt.date | None:
    labels = set(ANSWERED_ON.values())
    for sheet in book.worksheets:
        for row in sheet.iter_rows(max_col=2, max_row=60):
            if row[0].value in labels and len(row) > 1:
                value = _plain(row[1].value)
                where = f"{name} sheet {sheet.title!r} row {row[0].row} column B"
                if isinstance(value, dt.date):
                    return value
                try:
                    return dt.date.fromisoformat(str(value))
                except ValueError:
                    problems.append(Problem(where, str(row[0].value), value, "expected a date"))
                    return None
    problems.append(Problem(name, "date of the answers", None, "missing from the instructions"))
    return None


def _find_sheet(book: Workbook, spec: Sheet) -> Worksheet | None:
    for title in (spec.name_da, spec.name_en):
        if title in book.sheetnames:
            return book[title]
    return None


FORMULA = re.compile(r"^=")


def _rows(
    sheet: Worksheet, spec: Sheet, where: str, raw: RawSource
) -> list[tuple[int, dict[str, Any], dict[str, str]]]:
    """(row number, {column key: value}, {column key: "column C (header)"}) per non-empty row."""
    for merged in sheet.merged_cells.ranges:
        raw.problems.append(Problem(where, "cells", str(merged), "merged cells: unmerge them"))
    if sheet.max_row > MAX_ROWS + 1:
        raw.problems.append(
            Problem(where, "rows", sheet.max_row - 1, f"more than {MAX_ROWS:,} rows of answers")
        )
        return []
    by_header = {h: c.key for c in spec.columns for h in (c.name_da, c.name_en)}
    by_header |= {h: h for h in HIDDEN}
    header = [sheet.cell(row=1, column=i).value for i in range(1, sheet.max_column + 1)]
    keys: dict[int, str] = {}
    for index, text in enumerate(header, start=1):
        if text is None or str(text).strip() == "":
            continue
        key = by_header.get(str(text).strip())
        if key is None:
            expected = ", ".join(repr(c.name_da) for c in spec.columns)
            raw.problems.append(
                Problem(
                    f"{where} row 1 column {get_column_letter(index)}",
                    "header",
                    text,
                    f"not a column of this sheet (expected {expected})",
                )
            )
        else:
            keys[index] = key
    missing = {c.key for c in spec.columns} | set(HIDDEN)
    missing -= set(keys.values())
    for key in sorted(missing):
        declared = next((c for c in spec.columns if c.key == key), None)
        shown = declared.name_da if declared else key
        raw.problems.append(Problem(where, "column", shown, "missing (renamed or deleted?)"))
    if missing:
        return []
    found = []
    for cells in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        values: dict[str, Any] = {}
        columns: dict[str, str] = {}
        for cell in cells:
            index = cell.column if isinstance(cell.column, int) else 0
            key = keys.get(index)
            if key is None:
                continue
            column = f"column {get_column_letter(index)} ({header[index - 1]})"
            if cell.data_type == "f" or (isinstance(cell.value, str) and FORMULA.match(cell.value)):
                raw.problems.append(
                    Problem(
                        f"{where} row {cell.row} {column}",
                        key,
                        cell.value,
                        "a formula: type the value itself",
                    )
                )
                continue
            values[key] = _plain(cell.value)
            columns[key] = column
        if any(v not in (None, "") for v in values.values()):
            found.append((int(cells[0].row or 0), values, columns))
    return found
