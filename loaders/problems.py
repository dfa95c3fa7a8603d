"""A problem in a source, said so that whoever edits the file can find and fix it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    origin: str  # "data/x.yaml:12" or "dir/nodes/cluster.csv row 4"
    field: str
    value: Any
    expected: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.field} = {self.value!r}: {self.expected}"


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
