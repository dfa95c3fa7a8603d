"""A problem in a source, said so that whoever edits the file can find and fix it."""

from __future__ import annotations

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


class LoadError(Exception):
    """Validation found problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} problem(s); nothing was loaded:\n"
            + "\n".join(f"  {p}" for p in problems)
        )
