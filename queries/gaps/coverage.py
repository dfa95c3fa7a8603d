"""Coverage gaps: no ICDK in a target market, and an ICDK matching the cluster's strength
position it has no partnership with (the report's "landing base")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet

from graph.facts import ActorFacts
from ontology.names import Label, RoleId
from queries.cluster_context import ClusterContext
from queries.findings import Gap
from queries.gaps.evidence import BARRIERS, LANDING_BASE, actor_ref, cite, report_passage


def coverage_gaps(
    ctx: ClusterContext,
    abroad: list[ActorFacts],
    covered: AbstractSet[str],
    model_id: str | None,
    day: dt.date,
) -> list[Gap]:
    """`abroad`: every open ICDK, and the Trade Council posts and EEN partners that could stand
    in for one in the cluster's target markets; `covered`: the countries those ICDKs are present
    in. With a model, only the gaps under it (a landing base is under none)."""
    landing_bases = _landing_base_gaps(ctx, abroad, day) if model_id is None else []
    return [*_uncovered_market_gaps(ctx, abroad, covered, model_id), *landing_bases]


def _uncovered_market_gaps(
    ctx: ClusterContext, abroad: list[ActorFacts], covered: AbstractSet[str], model_id: str | None
) -> list[Gap]:
    gaps = []
    for declaration in ctx.facts.declarations:
        if model_id not in (None, declaration.get("model")):
            continue
        gap = uncovered_market_gap(ctx, abroad, covered, declaration.end, declaration.get("model"))
        if gap is not None:
            gaps.append(
                gap.model_copy(update={"evidence": cite([declaration], list(gap.evidence))})
            )
    return gaps


def uncovered_market_gap(
    ctx: ClusterContext,
    abroad: list[ActorFacts],
    covered: AbstractSet[str],
    target: str,
    model_id: str | None,
) -> Gap | None:
    """A target market (declared, or asked for in a recommendation) in a country with no ICDK
    (none of `covered`), with the Trade Council representations and EEN partners there
    instead."""
    country = ctx.country(target)
    if country is None or country in covered:
        return None
    instead = [
        a for a in abroad if a.node.label != Label.InnovationCentre and country in a.countries
    ]
    names = ", ".join(a.node.name for a in instead) or "no Trade Council or EEN partner either"
    presence = [chain[-1] for a in instead for chain in a.presence if chain[-1].end == country]
    return Gap(
        type="coverage",
        kind="no-icdk-in-market",
        severity="medium",
        cluster=ctx.id,
        model=model_id,
        market=target,
        missing_role=RoleId.icdk,
        subject=None,
        sentence=f"No Innovation Centre Denmark is present in {ctx.name(country)}, your target "
        f"market under {ctx.name(model_id)}; turn to the Trade Council representation or the "
        f"Enterprise Europe Network there instead ({names}).",
        evidence=cite(presence, [report_passage(country, BARRIERS)]),
        suggestions=tuple(actor_ref(a) for a in instead),
    )


def _landing_base_gaps(ctx: ClusterContext, abroad: list[ActorFacts], day: dt.date) -> list[Gap]:
    """The open ICDKs focusing on a strength of the cluster's that it has no partnership with on
    `day` (one that ended included)."""
    icdks = [a for a in abroad if a.node.label == Label.InnovationCentre]
    gaps = []
    strengths = {link.end: link for link in ctx.facts.strengths}
    partner_ids = {link.end for link in ctx.partnerships_on(day)}
    for icdk in icdks:
        matching = [link for link in icdk.focus if link.end in strengths]
        if not matching or icdk.node.id in partner_ids:
            continue
        sectors = ", ".join(sorted(ctx.name(link.end) for link in matching))
        gaps.append(
            Gap(
                type="coverage",
                kind="landing-base",
                severity="low",
                cluster=ctx.id,
                model=None,
                market=icdk.hotspots[0].end if icdk.hotspots else None,
                missing_role=RoleId.icdk,
                subject=icdk.node.id,
                sentence=f"{icdk.node.name} focuses on {sectors}, your strength position, but "
                "you have no partnership with it: the report proposes clusters as the landing "
                "base for the opportunities the centres find abroad.",
                evidence=cite(
                    [*(strengths[link.end] for link in matching), *matching],
                    [report_passage(icdk.node.id, LANDING_BASE)],
                ),
                suggestions=(actor_ref(icdk),),
            )
        )
    return gaps
