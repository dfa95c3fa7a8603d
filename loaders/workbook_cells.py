"""How a value sits in a workbook cell, the same for the writer and the reader: an actor or a
market as "Name [id]" (the drop-downs carry the id, the name is for people), dates as dates,
and each row's editable cells as one comparable text."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

LINKED = re.compile(r"^(?P<name>.*?)\s*\[(?P<id>[a-z]+:[^\[\]\s]+)\]\s*$")


def display_name(node: Mapping[str, Any], lang: str) -> str:
    name = (node.get("name_da") if lang == "da" else None) or node.get("name") or node["id"]
    return f"{name} [{node['id']}]"


def linked_id(text: str) -> str | None:
    """The id a "Name [id]" cell carries, or None for a name typed without one."""
    match = LINKED.match(text)
    return match.group("id") if match else None


def cell_text(value: Any) -> str:
    """A cell's value as comparable text: a date-time at midnight is the date (LibreOffice and
    Excel store dates as date-times), a whole float the integer, text stripped."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return " | ".join(sorted(cell_text(v) for v in value))
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def original_of(cells: Mapping[str, Any]) -> str:
    """The editable cells as pre-filled: kept in a hidden column, compared on return."""
    return json.dumps({k: cell_text(v) for k, v in sorted(cells.items())}, ensure_ascii=False)


def changed_cells(cells: Mapping[str, Any], original: str) -> list[str]:
    """The keys whose cell differs from the pre-filled value; every key if none is kept."""
    try:
        before = json.loads(original) if original else None
    except ValueError:
        before = None
    if not isinstance(before, dict):
        return sorted(cells)
    return sorted(k for k, v in cells.items() if cell_text(v) != before.get(k, ""))
