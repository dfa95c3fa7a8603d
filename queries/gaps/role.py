"""Role gaps: the cluster's work under a model does not meet a requirement the report states for
the model's partnership (at least so many partners in any of some roles), with who could meet
it in the market."""

from __future__ import annotations

from graph.facts import ActorFacts, AnalysisFacts
from ontology.models import ModelSpec, Requirement, RoleSpec
from ontology.names import Label
from ontology.schema import load_schema
from queries.cluster_context import ClusterContext, hotspots_among
from queries.findings import ActorRef, Gap
from queries.gaps.evidence import actor_ref, cite
from queries.gaps.options import INACTIVE, GapOptions
from queries.needs import (
    NeedStatus,
    described_only,
    of_engagements,
    of_partners,
    off_sector,
)
from queries.requirements import requirement
from queries.wording import alternatives, listing

SUGGESTED = 3


def role_gaps(
    facts: AnalysisFacts, ctx: ClusterContext, options: GapOptions, model: str | None = None
) -> list[Gap]:
    """Each engagement short of a required requirement of its model; each declared target market
    with no engagement under its model where the cluster's partners do not meet one. Under one
    model only, if given (each gap's suggestions cost reads)."""
    return [
        *_engagement_gaps(facts, ctx, options, model),
        *_declared_market_gaps(facts, ctx, options, model),
    ]


def _engagement_gaps(
    facts: AnalysisFacts, ctx: ClusterContext, options: GapOptions, only: str | None
) -> list[Gap]:
    gaps = []
    for engagement in ctx.facts.engagements:
        market = ctx.primary_market(engagement)
        country = ctx.country(market) if market else None
        hotspots = hotspots_among(link.end for link in engagement.targets)
        partial = described_only([engagement])
        for model_id in ctx.models_of(engagement):
            if only not in (None, model_id):
                continue
            model = ctx.catalogue.models[model_id]
            for status in of_engagements(model, [engagement]):
                if not status.need.required or not status.short_by:
                    continue
                what = _shortfall(ctx, status)
                if partial:
                    sentence = (
                        f"Our sources describe «{engagement.node.name}» only in part: they record "
                        f"{what} for its work under {model.name}, which the model requires. If it "
                        "had them, add them to the data."
                    )
                else:
                    sentence = (
                        f"«{engagement.node.name}» runs under {model.name} with {what}, which the "
                        f"model requires ({_quote(status.need)})."
                    )
                suggestions, in_area = (
                    ([], set())
                    if partial
                    else _present(facts, ctx, status, country, hotspots, options)
                )
                gaps.append(
                    Gap(
                        type="role",
                        kind="not-recorded" if partial else "missing-required-role",
                        severity="low" if partial else "high",
                        cluster=ctx.id,
                        model=model_id,
                        market=market,
                        missing_role=_role_of(ctx, status, suggestions),
                        subject=engagement.node.id,
                        sentence=sentence + _offer(suggestions, in_area, ctx, country, hotspots),
                        evidence=cite(
                            [engagement.undertakes, *engagement.models, *engagement.targets],
                            [requirement(model, status.need)],
                        ),
                        suggestions=tuple(suggestions),
                    )
                )
    return gaps


def _declared_market_gaps(
    facts: AnalysisFacts, ctx: ClusterContext, options: GapOptions, only: str | None
) -> list[Gap]:
    gaps = []
    for declaration in ctx.facts.declarations:
        model_id, target = declaration.get("model"), declaration.end
        if model_id not in ctx.catalogue.models or only not in (None, model_id):
            continue
        country = ctx.country(target)
        if ctx.engagements_under(model_id, country) if country else _aimed_at(ctx, target):
            continue
        model: ModelSpec = ctx.catalogue.models[model_id]
        market = {country} if country else set()
        for status in of_partners(ctx, model, market, options.as_of):
            if not status.need.required or not status.short_by:
                continue
            hotspots = hotspots_among([target])
            suggestions, in_area = _present(facts, ctx, status, country, hotspots, options)
            gaps.append(
                Gap(
                    type="role",
                    kind="missing-required-role",
                    severity="high",
                    cluster=ctx.id,
                    model=model_id,
                    market=target,
                    missing_role=_role_of(ctx, status, suggestions),
                    subject=None,
                    sentence=f"You aim at {ctx.name(target)} under {model.name}, with no "
                    f"engagement there yet and {_shortfall(ctx, status)} among your partners who "
                    f"can serve it, which the model requires ({_quote(status.need)})."
                    + _offer(suggestions, in_area, ctx, country, hotspots),
                    evidence=cite([declaration], [requirement(model, status.need)]),
                    suggestions=tuple(suggestions),
                )
            )
    return gaps


def _shortfall(ctx: ClusterContext, status: NeedStatus) -> str:
    """ "no support organisation (the Trade Council, ...)" or "1 of the 2 partners needed"."""
    roles = alternatives([ctx.name(role) for role in status.need.roles])
    if not status.partners:
        return f"no partner among {roles}"
    return (
        f"{len(status.partners)} of the {status.need.min_partners} partners needed among {roles} "
        f"({listing([ctx.name(p) for p in status.partners])})"
    )


def _quote(need: Requirement) -> str:
    return f"{need.name}: {need.quote}" if need.quote else need.name


def _present(
    facts: AnalysisFacts,
    ctx: ClusterContext,
    status: NeedStatus,
    country: str | None,
    hotspots: list[str],
    options: GapOptions,
) -> tuple[list[ActorRef], set[str]]:
    """Active actors present in the market who could meet the requirement (besides those who
    do): the cluster's own partners (of the day asked about) first, foreign clusters in another
    sector last, then by the requirement's roles and name; and which of them are in the
    hotspots' area. That area comes first, as in the recommendations: for a role someone there
    fills (a partner of the cluster's included), only those there."""
    need = status.need
    if country is None:
        return [], set()
    every = [ctx.catalogue.roles[r] for r in need.roles]
    roles = [role for role in every if role.exercised_at != "home"]
    labels = sorted({label for role in roles for label in role.labels} - {Label.Company})
    if not labels:
        return [], set()
    near = facts.actors_near(labels, [country], [], [])
    partners = {link.end for link in ctx.partnerships_on(options.as_of)}
    found = [
        actor
        for actor in facts.actors(labels, sorted(near))
        if actor.node.props.get("status") not in INACTIVE
        and actor.node.id not in status.partners
        and any(role.filled_by(actor.node.label, actor.node.props.get("size")) for role in roles)
    ]
    area = facts.actors_near(labels, [], hotspots, []) if hotspots else set()
    if area:
        found = _area_first(found, area, roles, status.partners)
    order = {label: i for i, label in enumerate(sorted({r.labels[0] for r in roles}))}
    found.sort(
        key=lambda a: (
            a.node.id not in partners,
            off_sector(ctx, a),
            order.get(a.node.label, 99),
            a.node.name,
        )
    )
    suggested = [actor_ref(actor) for actor in found[:SUGGESTED]]
    return suggested, {s.id for s in suggested} & area


def _area_first(
    found: list[ActorFacts], area: set[str], roles: list[RoleSpec], partners: tuple[str, ...]
) -> list[ActorFacts]:
    """Of the actors found in the country, those in the hotspot's area, and elsewhere only
    those whose role (the first of the requirement's they fill, as in the recommendations) no
    one in the area fills: the suggestions agree with the answer beside them (queries/recommend
    /ranking.py: _area_first)."""
    schema = load_schema()

    def role_of(label: str, size: str | None = None) -> str | None:
        return next((r.id for r in roles if r.filled_by(label, size)), None)

    served = {role_of(a.node.label, a.node.props.get("size")) for a in found if a.node.id in area}
    served |= {role_of(schema.label_for_id(p)) for p in partners if p in area}
    return [
        a
        for a in found
        if a.node.id in area or role_of(a.node.label, a.node.props.get("size")) not in served
    ]


def _offer(
    suggestions: list[ActorRef],
    in_area: set[str],
    ctx: ClusterContext,
    country: str | None,
    hotspots: list[str],
) -> str:
    """ "Present in Germany: A, B."; for work in a hotspot, "In Boston: A; elsewhere in the
    United States: B." """
    if not suggestions or country is None:
        return ""
    there = listing([s.name for s in suggestions if s.id in in_area])
    elsewhere = listing([s.name for s in suggestions if s.id not in in_area])
    area = listing([ctx.name(h) for h in hotspots])
    if not there:
        offer = f"Present in {ctx.name(country)}: {elsewhere}"
    elif not elsewhere:
        offer = f"In {area}: {there}"
    else:
        offer = f"In {area}: {there}; elsewhere in {ctx.name(country)}: {elsewhere}"
    return f" {offer.removesuffix('.')}."  # a name may end in one ("Washington, D.C.")


def _role_of(ctx: ClusterContext, status: NeedStatus, suggestions: list[ActorRef]) -> str:
    """The role a user would act on: that of the first suggestion of a kind the cluster's
    partners for the requirement are not (a second ICDK is not what an ICDK partner lacks),
    else of the first suggestion, else the requirement's first."""
    schema, need = load_schema(), status.need
    have = {schema.label_for_id(partner) for partner in status.partners}
    fresh = [s for s in suggestions if s.type not in have] or suggestions
    label = fresh[0].type if fresh else None
    roles = ctx.catalogue.roles
    return next((r for r in need.roles if label in roles[r].labels), need.roles[0])


def _aimed_at(ctx: ClusterContext, target: str) -> bool:
    return any(target in {link.end for link in e.targets} for e in ctx.facts.engagements)
