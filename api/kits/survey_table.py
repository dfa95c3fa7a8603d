"""The report's survey table computed from returned workbooks (`survey --from-kits DIR`):
for each figure, the share of the kits that answer yes, beside the report's own figure."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from graph.store import GraphStore
from loaders.problems import LoadError, Problem
from loaders.sources import Source, discover
from loaders.workbook import KitAnswers, read_kit
from ontology.names import Label


@dataclass(frozen=True)
class KitShare:
    figure: str
    question: str
    option: str
    report_share: float | None  # None where the report's figure is garbled
    report_count: int | None
    answered: int  # kits that answer the question at all
    yes: int
    share: float | None  # yes / kits, None when no kit answers

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_kits(folder: Path, store: GraphStore) -> list[KitAnswers]:
    """Every workbook under the folder; LoadError listing every problem in any of them."""
    sources = [s for s in discover([folder]) if s.kind == "workbook"]
    if not sources:
        raise LoadError([Problem(str(folder), "file", None, "no survey workbooks (.xlsx) in it")])
    kits, problems = [], []
    seen: dict[str, Source] = {}
    for source in sources:
        raw, answers = read_kit(source, store)
        problems += raw.problems
        if answers.cluster in seen:
            problems.append(
                Problem(str(source.path), "cluster", answers.cluster, "a second kit of one cluster")
            )
        seen[answers.cluster] = source
        kits.append(answers)
    if problems:
        raise LoadError(problems)
    return kits


def kit_shares(store: GraphStore, kits: list[KitAnswers]) -> list[KitShare]:
    rows = []
    for figure in store.nodes(Label.SurveyFigure):
        answers = [k.answers[figure["id"]] for k in kits if figure["id"] in k.answers]
        yes = sum(answers)
        rows.append(
            KitShare(
                figure=figure["id"],
                question=str(figure.get("question", "")),
                option=str(figure.get("option", figure.get("name", ""))),
                report_share=figure.get("share"),
                report_count=figure.get("count"),
                answered=len(answers),
                yes=yes,
                share=round(yes / len(kits), 3) if kits and answers else None,
            )
        )
    return sorted(rows, key=lambda r: (r.question, -(r.report_share or 0), r.option))
