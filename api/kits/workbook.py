"""One cluster's survey workbook (.xlsx): instructions, a sheet per kind of fact, drop-downs.

The sheets and columns are the ones `loaders.kit_layout` derives from the ontology; this module
only lays them out: headers in the kit's language, pre-filled rows, drop-down lists (actors and
markets by name, carrying the id), locked identity and source columns, and hidden columns that
keep each row's identity and pre-filled values for the loader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from api.kits.instructions import write_instructions
from api.kits.page import fit_to_page_width
from api.kits.prefill import KitContent
from loaders.kit_layout import (
    HIDDEN,
    KEY,
    KIT_SHEET,
    LISTS_SHEET,
    NO,
    SOURCE,
    YES,
    Column,
    Sheet,
    sheets,
)
from loaders.workbook_cells import original_of

BLANK_ROWS = 30  # unlocked rows below the pre-filled ones, for new facts
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
UNLOCKED = Protection(locked=False)


def build_workbook(content: KitContent, lang: str, made: dt.date, illustrative: bool) -> Workbook:
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    lists = _lists_sheet(book, content, lang)
    for spec in sheets():
        _data_sheet(book, spec, content.rows.get(spec.key, []), lang, lists)
    _kit_sheet(book, content, lang, made, illustrative)
    write_instructions(instructions, content.cluster, lang, made, illustrative)
    _no_formulas(book)
    return book


def _no_formulas(book: Workbook) -> None:
    """Text from the data that starts with '=' (a name, say) is kept as text: openpyxl would
    write it as a formula, which a spreadsheet runs when the kit is opened. The kit itself
    writes no formulas into cells (its drop-downs are data validations)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def save_workbook(book: Workbook, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)


def _cell_value(column: Column, row: dict[str, Any], lang: str) -> Any:
    value = row.get(column.key)
    if column.key == "answer" and value in ("yes", "no"):
        return YES[lang] if value == "yes" else NO[lang]
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _data_sheet(
    book: Workbook, spec: Sheet, rows: list[dict[str, Any]], lang: str, lists: dict[str, str]
) -> None:
    sheet = book.create_sheet(spec.title(lang))
    headers = [c.header(lang) for c in spec.columns] + list(HIDDEN)
    sheet.append(headers)
    sheet.row_dimensions[1].height = 32  # two lines: "antal kontaktpersoner"
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        editable = {c.key: _cell_value(c, row, lang) for c in spec.editable()}
        editable[KEY] = row.get(KEY, "")
        values = [_cell_value(c, row, lang) for c in spec.columns]
        sheet.append([*values, row.get(KEY, ""), row.get(SOURCE, ""), original_of(editable)])
    filled = len(rows) + 1
    last = filled + BLANK_ROWS
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 50 if column.choices or column.locked else 15
        for row_number in range(2, last + 1):
            cell = sheet.cell(row=row_number, column=index)
            if column.spec is not None and column.spec.python_type is dt.date:
                cell.number_format = "yyyy-mm-dd"
            prefilled_identity = column.identity and row_number <= filled
            if prefilled_identity or (column.locked and row_number <= filled):
                cell.fill = LOCKED_FILL
            elif column.locked:
                pass  # locked, like every cell of a protected sheet unless unlocked
            else:
                cell.protection = UNLOCKED
        _validation(sheet, column, letter, last, lists, lang)
    for offset in range(len(HIDDEN)):
        sheet.column_dimensions[get_column_letter(len(spec.columns) + offset + 1)].hidden = True
    sheet.freeze_panes = "A2"
    fit_to_page_width(sheet)
    # Protected without a password: ids and sources stay put by accident, not against intent
    # (the loader checks identities anyway); rows may still be added, sorted and filtered.
    sheet.protection.sheet = True
    sheet.protection.insertRows = False
    sheet.protection.formatColumns = False
    sheet.protection.sort = False
    sheet.protection.autoFilter = False


def _validation(
    sheet: Worksheet, column: Column, letter: str, last: int, lists: dict[str, str], lang: str
) -> None:
    if column.locked:
        return
    if column.choices == "yes_no":
        formula = f'"{YES[lang]},{NO[lang]}"'
    elif column.choices:
        formula = lists[column.choices]
    elif column.spec is not None and column.spec.allowed:
        formula = '"' + ",".join(column.spec.allowed) + '"'
    else:
        return
    # A warning, not a stop: a partner not yet in the graph may be typed by name.
    check = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning")
    check.add(f"{letter}2:{letter}{last}")
    sheet.add_data_validation(check)


def _lists_sheet(book: Workbook, content: KitContent, lang: str) -> dict[str, str]:
    sheet = book.create_sheet(LISTS_SHEET)
    ranges = {}
    for index, (name, entries) in enumerate(sorted(content.lists.items()), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        for row_number, entry in enumerate(entries, start=2):
            sheet.cell(row=row_number, column=index, value=entry)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${max(len(entries) + 1, 2)}"
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return ranges


def _kit_sheet(
    book: Workbook, content: KitContent, lang: str, made: dt.date, illustrative: bool
) -> None:
    sheet = book.create_sheet(KIT_SHEET)
    for key, value in (
        ("cluster", content.cluster["id"]),
        ("lang", lang),
        ("made", made.isoformat()),
        ("illustrative", "true" if illustrative else "false"),
    ):
        sheet.append([key, value])
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
