"""CSV on standard output: a header line, then one line per row (RFC 4180 quoting), so a table
goes into a spreadsheet or a report as it is."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from typing import Any


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(value) for value in row])
    sys.stdout.flush()


def _text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):  # as in JSON and Cypher
        return "true" if value else "false"
    return value
