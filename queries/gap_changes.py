"""Gaps opened and closed between a past day and today: the gap analysis of the graph as it was
that day (validity judged that day) beside the analysis of the graph now (judged today)."""

from __future__ import annotations

from pydantic import Field

from graph.store import GraphStore
from queries.findings import Finding, Gap
from queries.gaps import GapOptions, find_gaps


class GapChanges(Finding):
    opened: tuple[Gap, ...] = Field(description="Gaps found now that were not then.")
    closed: tuple[Gap, ...] = Field(description="Gaps found then that are not now.")


def gap_identity(gap: Gap) -> tuple[str | None, ...]:
    """What makes two analyses' gaps the same gap (their wording and evidence may differ)."""
    return (gap.type, gap.kind, gap.cluster, gap.model, gap.market, gap.missing_role, gap.subject)


def gaps_opened_and_closed(
    then_store: GraphStore,
    then: GapOptions,
    now_store: GraphStore,
    now: GapOptions,
    cluster: str | None = None,
    model: str | None = None,
) -> GapChanges:
    before = find_gaps(then_store, cluster, model, then)
    after = find_gaps(now_store, cluster, model, now)
    known_before = {gap_identity(g) for g in before}
    known_after = {gap_identity(g) for g in after}
    return GapChanges(
        opened=tuple(g for g in after if gap_identity(g) not in known_before),
        closed=tuple(g for g in before if gap_identity(g) not in known_after),
    )
