"""The analyses as rows, for CSV: one row per gap, per recommended partner, per survey figure.
Lists inside a cell are joined with "; "; scores keep their full precision."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from queries.findings import Gap, RecommendationResult
from queries.scoring import COMPONENTS
from queries.survey import ReportFigure, SurveyComparison

Rows = tuple[list[str], Iterable[Sequence[Any]]]

GAP_COLUMNS = [
    "severity",
    "type",
    "kind",
    "cluster",
    "model",
    "market",
    "missing_role",
    "subject",
    "sentence",
    "suggestions",
    "sources",
]


def gap_rows(gaps: Iterable[Gap]) -> Rows:
    def row(gap: Gap) -> list[Any]:
        sources = {fact.provenance.get("source") for fact in gap.evidence} - {None}
        return [
            gap.severity,
            gap.type,
            gap.kind,
            gap.cluster,
            gap.model,
            gap.market,
            gap.missing_role,
            gap.subject,
            gap.sentence,
            "; ".join(actor.id for actor in gap.suggestions),
            "; ".join(sorted(str(s) for s in sources)),
        ]

    return GAP_COLUMNS, (row(gap) for gap in gaps)


def recommendation_rows(result: RecommendationResult) -> Rows:
    columns = [
        "rank",
        "tied",
        "partner_id",
        "partner_name",
        "partner_type",
        "fills_role",
        "requirement",
        "requirement_strength",
        "score",
        *COMPONENTS,
        "sourced",
        "adds_to_met",
        "cluster",
        "model",
        "market",
        "reasons",
    ]

    def row(index: int) -> list[Any]:
        rec = result.recommendations[index]
        return [
            rec.rank,
            rec.tied,
            rec.actor.id,
            rec.actor.name,
            rec.actor.type,
            rec.fills_role,
            rec.requirement,
            rec.requirement_strength,
            rec.score,
            *(rec.components.get(name) for name in COMPONENTS),
            rec.sourced,
            rec.adds_to_met,
            result.cluster,
            result.model,
            result.market,
            "; ".join(rec.reasons),
        ]

    return columns, (row(i) for i in range(len(result.recommendations)))


def survey_rows(rows: Sequence[SurveyComparison], others: Sequence[ReportFigure]) -> Rows:
    """Every survey figure: those the graph counts with its shares, the others with blanks."""
    columns = [
        "figure",
        "question",
        "option",
        "report_share",
        "report_count",
        "sourced_count",
        "sourced_share",
        "with_illustrative_count",
        "with_illustrative_share",
    ]
    counted = ([row.as_dict()[c] for c in columns] for row in rows)
    report_only = (
        [f.figure, f.question, f.option, f.report_share, f.report_count, None, None, None, None]
        for f in others
    )
    return columns, (*counted, *report_only)
