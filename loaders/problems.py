"""A problem in a source, said so that whoever edits the file can find and fix it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

SHOWN_CHARS = 80  # of a value quoted in a problem: enough to find it, never a file's content
LINE_CHARS = 400  # of a whole problem line


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: Any) -> str:
    """A value as the user wrote it (a date as 2021-01-01, text quoted), cut to a short length.
    Containers are summarised, not printed: an alias bomb's value would fill the terminal."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return repr(cut(value, SHOWN_CHARS))
    if isinstance(value, dict):
        return f"a mapping of {len(value)} key(s)"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, int) and value.bit_length() > 4 * SHOWN_CHARS:
        return f"a whole number of {value.bit_length()} bits"
    return cut(str(value), SHOWN_CHARS)


@dataclass(frozen=True)
class Problem:
    origin: str  # "data/x.yaml:12" or "dir/nodes/cluster.csv row 4"
    field: str
    value: Any
    expected: str

    def __str__(self) -> str:
        field = cut(self.field, SHOWN_CHARS)
        return cut(f"{self.origin}: {field} = {shown(self.value)}: {self.expected}", LINE_CHARS)


SHOWN = 50  # a listing longer than this helps nobody: the rest is summarised


class LoadError(Exception):
    """Validation found problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} problem(s); nothing was loaded:\n" + "\n".join(self.listing())
        )

    def listing(self) -> list[str]:
        """The first problems in full, then how many more there are of each kind."""
        lines = [str(p) for p in self.problems[:SHOWN]]
        rest = Counter(f"{p.field}: {p.expected}" for p in self.problems[SHOWN:])
        if rest:
            lines.append(f"... and {len(self.problems) - SHOWN} more:")
            lines += [f"  {n} x {kind}" for kind, n in rest.most_common(10)]
        return lines
