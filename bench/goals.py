"""The goals the benchmarks are held to, declared once: each benchmark marks, under its table,
the goals its figures decide, met or not met, and for a miss the figures that explain it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    what: str
    target: float
    at_most: bool = False  # the figure must not pass the target (else: reach it)
    unit: str = "x"
    digits: int = 2  # how the figure is shown

    def met(self, value: float) -> bool:
        return value <= self.target if self.at_most else value >= self.target

    def line(self, value: float, why_not: str = "", of: str = "") -> str:
        """One line for RESULTS.md: the goal (`of` what, where it holds for several), met or
        not, the figure, and why not."""
        bound = "at most" if self.at_most else "at least"
        verdict = "met" if self.met(value) else "not met"
        because = f"; {why_not}" if why_not and not self.met(value) else ""
        what = f"{self.what} ({of})" if of else self.what
        return (
            f"- Goal: {what} {bound} {self.target:g}{self.unit}: **{verdict}** "
            f"({value:,.{self.digits}f}{self.unit}){because}."
        )


# Issue 24 (ten million relationships), and the embedded store's ceiling from before it.
OURS_VS_FAIR = Goal("ours / fair CREATE (same properties) at scale 1", 0.9)
OURS_VS_PER_ROW = Goal("ours / per-row MERGE at scale 1", 100)
BULK_VS_FAIR = Goal("the bulk first load / fair CREATE at scale 1", 3)
LATENCY_AT_10 = Goal("p95 on Neo4j at scale 10", 50, at_most=True, unit=" ms", digits=1)
MEMORY_VS_BARE = Goal("the memory store's peak RSS / bare networkx at scale 1", 1.25, at_most=True)
MEMORY_AT_1 = Goal("the memory store's peak RSS at scale 1", 2048, True, " MiB", digits=0)
