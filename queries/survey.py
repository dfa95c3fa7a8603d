"""The graph's shares beside the report's survey of the 14 national clusters.

A partner figure counts the national clusters with a partnership (either direction) to an actor
of the figure's role; an activity figure counts those that undertake an engagement including the
activity. Each share is computed twice: from sourced facts only, and with the illustrative layer.
The illustrative layer was built to reproduce the report's figures, so only the sourced share is
evidence. Figures the graph has nothing to count (strategy, funding, barriers) are listed as the
report gives them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from graph.store import GraphStore
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.needs import HOME_COUNTRY

ILLUSTRATIVE = "illustrative"


@dataclass(frozen=True)
class SurveyComparison:
    figure: str
    question: str
    option: str
    report_share: float | None  # None where the report's figure is garbled
    report_count: int | None
    sourced_count: int
    sourced_share: float
    with_illustrative_count: int
    with_illustrative_share: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReportFigure:
    """A survey figure with nothing in the graph to count: shown as the report gives it."""

    figure: str
    question: str
    option: str
    report_share: float | None  # None where the report's figure is garbled
    report_count: int | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _foreign_associations(store: GraphStore) -> set[str]:
    """Trade associations present only abroad (e.g. a Chinese industry association): not the
    Danish trade associations (brancheforeninger) the survey asks about."""
    schema = load_schema()
    countries: dict[str, set[str]] = defaultdict(set)
    for r in store.relationships(Rel.PRESENT_IN):
        if schema.label_for_id(r.start) == Label.TradeAssociation:
            countries[r.start].add(r.end)
    return {a for a, present in countries.items() if HOME_COUNTRY not in present}


def compare_survey(store: GraphStore) -> list[SurveyComparison]:
    schema = load_schema()
    national = {c["id"] for c in store.nodes(Label.Cluster) if c.get("national")}
    respondents = len(national)
    labels_of_role = {
        r["id"]: set(r.get("filled_by_labels", [])) for r in store.nodes(Label.PartnerRole)
    }
    figure_role = {r.start: r.end for r in store.relationships(Rel.ABOUT_ROLE)}
    figure_activity = {r.start: r.end for r in store.relationships(Rel.ABOUT_ACTIVITY)}

    # (cluster, partner label) and (cluster, activity), each with whether a sourced fact says so.
    partner_labels: dict[tuple[str, str], bool] = defaultdict(bool)
    foreign = _foreign_associations(store)
    for r in store.relationships(Rel.PARTNERS_WITH):
        sourced = r.properties.get("confidence") != ILLUSTRATIVE
        for cluster, partner in ((r.start, r.end), (r.end, r.start)):
            if cluster in national and partner not in foreign:
                key = (cluster, schema.label_for_id(partner))
                partner_labels[key] = partner_labels[key] or sourced
    engagements: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for r in store.relationships(Rel.UNDERTAKES):
        if r.start in national:
            engagements[r.end].append((r.start, r.properties.get("confidence") != ILLUSTRATIVE))
    activities: dict[tuple[str, str], bool] = defaultdict(bool)
    for r in store.relationships(Rel.INCLUDES_ACTIVITY):
        sourced = r.properties.get("confidence") != ILLUSTRATIVE
        for cluster, undertaken_sourced in engagements.get(r.start, []):
            key = (cluster, r.end)
            activities[key] = activities[key] or (sourced and undertaken_sourced)

    results = []
    for figure in sorted(store.nodes(Label.SurveyFigure), key=lambda f: f["id"]):
        if figure["id"] in figure_role:
            wanted = labels_of_role.get(figure_role[figure["id"]], set())
            hits = {(c, s) for (c, lb), s in partner_labels.items() if lb in wanted}
        elif figure["id"] in figure_activity:
            activity = figure_activity[figure["id"]]
            hits = {(c, s) for (c, a), s in activities.items() if a == activity}
        else:
            continue  # strategy and funding figures have nothing in the graph to count
        sourced = {c for c, s in hits if s}
        every = {c for c, _ in hits}
        results.append(
            SurveyComparison(
                figure=figure["id"],
                question=figure.get("question", ""),
                option=figure.get("option", figure["name"]),
                report_share=figure.get("share"),
                report_count=figure.get("count"),
                sourced_count=len(sourced),
                sourced_share=round(len(sourced) / respondents, 3) if respondents else 0.0,
                with_illustrative_count=len(every),
                with_illustrative_share=round(len(every) / respondents, 3) if respondents else 0.0,
            )
        )
    # Partner figures first, then activities; within each, as the report ranks them.
    return sorted(
        results,
        key=lambda r: (
            not r.figure.startswith("survey:partners"),
            -(r.report_share or 0),
            r.option,
        ),
    )


def report_only_figures(store: GraphStore) -> list[ReportFigure]:
    """The survey figures about neither a partner type nor an activity, by question and share."""
    counted = {r.start for r in store.relationships(Rel.ABOUT_ROLE)} | {
        r.start for r in store.relationships(Rel.ABOUT_ACTIVITY)
    }
    figures = [
        ReportFigure(
            figure=f["id"],
            question=f.get("question", ""),
            option=f.get("option", f["name"]),
            report_share=f.get("share"),
            report_count=f.get("count"),
        )
        for f in store.nodes(Label.SurveyFigure)
        if f["id"] not in counted
    ]
    return sorted(figures, key=lambda f: (f.question, -(f.report_share or 0), f.option))
