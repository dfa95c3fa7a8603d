"""The contact persons a returned workbook names, checked row by row and against the number of
contact persons its partnerships give.

The named contacts win: where the cluster's own partnership row leaves the number blank, its fact
gets the number of people it names (a row of another source is left as that source has it; the
route counts the names); where any row gives a number that differs, the kit is refused at that
cell (a number kept beside other names would say two things at once).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from loaders.problems import Problem
from loaders.sources import RawSource
from ontology.schema import load_schema

REQUIRED = {"name": "the person's name", "job_title": "the person's role or job title"}


def contact_problem(field: str, props: dict[str, Any]) -> str:
    """Why a contact's cell is refused, or "" (the e-mail's form is the shapes' pattern)."""
    value = props.get(field)
    if field in REQUIRED and value in (None, ""):
        return f"required: {REQUIRED[field]}"
    pattern = load_schema().patterns["email"]
    if field == "email" and value not in (None, "") and not re.fullmatch(pattern, str(value)):
        return "not an e-mail address (name@domain.tld): correct it or leave the cell empty"
    return ""


@dataclass
class _Partnership:
    origin: str
    columns: dict[str, str]
    given: Any  # the number of contact persons in the row, as typed
    row: dict[str, Any] | None  # the cluster's own partnership fact, when the kit makes one


class ContactCount:
    def __init__(self, raw: RawSource, partners: frozenset[str]) -> None:
        self.raw, self.partners = raw, partners  # partners: those the graph already records
        self.rows: dict[str, list[_Partnership]] = defaultdict(list)
        self.names: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)

    def partnership_row(
        self,
        partner: str,
        origin: str,
        columns: dict[str, str],
        cells: dict[str, Any],
        row: dict[str, Any] | None = None,
    ) -> None:
        kept = _Partnership(origin, dict(columns), cells.get("contact_persons"), row)
        if row is not None:  # the row of the cluster's own fact replaces the row as read
            self.rows[partner] = [k for k in self.rows[partner] if k.origin != origin]
        self.rows[partner].append(kept)

    def named(self, partner: str, origin: str, columns: dict[str, str]) -> None:
        self.names[partner].append((origin, dict(columns)))

    def finish(self) -> None:
        for partner, named in sorted(self.names.items()):
            rows = self.rows.get(partner, [])
            if not rows and partner not in self.partners:
                for origin, columns in named:
                    self._problem(
                        origin,
                        columns,
                        "partner",
                        partner,
                        "no partnership with this partner: add it on the partnerships sheet",
                    )
            for kept in rows:
                if kept.given in (None, "") and kept.row is not None:
                    kept.row["contact_persons"] = len(named)
                elif isinstance(kept.given, int) and kept.given != len(named):
                    if kept.row is not None:  # said here, with its column; not again by the loader
                        kept.row.pop("contact_persons", None)
                    self._problem(
                        kept.origin,
                        kept.columns,
                        "contact_persons",
                        kept.given,
                        f"the contact persons sheet names {len(named)} for this partner: make "
                        "the number agree, or leave it blank and the named contacts are counted",
                    )

    def _problem(
        self, origin: str, columns: dict[str, str], field: str, value: Any, expected: str
    ) -> None:
        column = columns.get(field, "")
        where = f"{origin} {column}" if column else origin
        self.raw.problems.append(Problem(where, field, value, expected))
