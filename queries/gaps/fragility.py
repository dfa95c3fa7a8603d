"""Fragility gaps: a partnership behind long-term work that rests on one contact person or on
ad hoc money (the report's named barriers)."""

from __future__ import annotations

import datetime as dt

from queries.cluster_context import ClusterContext
from queries.findings import Gap
from queries.gaps.evidence import BARRIERS, cite, report_passage
from queries.gaps.long_term import long_term_work

FRAGILE_CONTACT = "carried by one contact person: staff turnover would break it"
FRAGILE_FUNDING = (
    "funded ad hoc: the report names unclear funding the largest barrier to long-term collaboration"
)


def fragility_gaps(ctx: ClusterContext, day: dt.date) -> list[Gap]:
    """The partnerships of `day` behind long-term work (one that ended breaks nothing more)."""
    gaps = []
    long_term = long_term_work(ctx)
    for link in ctx.partnerships_on(day):
        actor = ctx.partners.get(link.end)
        countries = actor.countries if actor else set()
        behind = [
            work
            for work in long_term
            if link.end in work.partners or (work.country is not None and work.country in countries)
        ]
        if not behind:
            continue
        first = behind[0]  # the work the gap is reported under
        weaknesses = [
            (kind, why)
            for kind, why, present in (
                ("single-contact", FRAGILE_CONTACT, link.get("contact_persons") == 1),
                ("ad-hoc-funding", FRAGILE_FUNDING, link.get("funding") == "ad-hoc"),
            )
            if present
        ]
        for kind, why in weaknesses:
            gaps.append(
                Gap(
                    type="fragility",
                    kind=kind,
                    severity="medium",
                    cluster=ctx.id,
                    model=first.model,
                    market=first.market,
                    missing_role=None,
                    subject=link.end,
                    sentence=f"Your partnership with {ctx.name(link.end)}, which your work under "
                    f"{ctx.name(first.model)} relies on, is {why}.",
                    evidence=cite([link], [report_passage(link.end, BARRIERS)]),
                    suggestions=(),
                )
            )
    return gaps
