"""Role gaps: a partner role the model requires is missing from the cluster's work."""

from __future__ import annotations

from queries.cluster_context import ClusterContext
from queries.findings import Gap
from queries.gaps.evidence import cite
from queries.requirements import requirement


def role_gaps(ctx: ClusterContext) -> list[Gap]:
    """Each engagement lacking a role its model requires; each declared target market with no
    engagement under its model, for each required role no partner fills there."""
    return [*_engagement_gaps(ctx), *_declared_market_gaps(ctx)]


def _engagement_gaps(ctx: ClusterContext) -> list[Gap]:
    gaps = []
    for engagement in ctx.facts.engagements:
        roles = ctx.involved_roles([engagement])
        market = ctx.primary_market(engagement)
        for model_id in ctx.models_of(engagement):
            model = ctx.catalogue.models[model_id]
            for role in model.required:
                if role in roles:
                    continue
                gaps.append(
                    Gap(
                        type="role",
                        kind="missing-required-role",
                        severity="high",
                        cluster=ctx.id,
                        model=model_id,
                        market=market,
                        missing_role=role,
                        subject=engagement.node.id,
                        sentence=f"«{engagement.node.name}» runs under {model.name} without a "
                        f"partner in the role {ctx.name(role)}, which the model requires.",
                        evidence=cite(
                            [engagement.undertakes, *engagement.models, *engagement.targets],
                            [requirement(model, role)],
                        ),
                        suggestions=(),
                    )
                )
    return gaps


def _declared_market_gaps(ctx: ClusterContext) -> list[Gap]:
    gaps = []
    for declaration in ctx.facts.declarations:
        model_id, target = declaration.get("model"), declaration.end
        if model_id not in ctx.catalogue.models:
            continue
        country = ctx.country(target)
        if ctx.engagements_under(model_id, country) if country else _aimed_at(ctx, target):
            continue
        model = ctx.catalogue.models[model_id]
        roles = ctx.partner_roles(country)
        for role in model.required:
            if role in roles:
                continue
            gaps.append(
                Gap(
                    type="role",
                    kind="missing-required-role",
                    severity="high",
                    cluster=ctx.id,
                    model=model_id,
                    market=target,
                    missing_role=role,
                    subject=None,
                    sentence=f"You aim at {ctx.name(target)} under {model.name}, but no "
                    f"engagement there and no partner of yours present there fills the role "
                    f"{ctx.name(role)}, which the model requires.",
                    evidence=cite([declaration], [requirement(model, role)]),
                    suggestions=(),
                )
            )
    return gaps


def _aimed_at(ctx: ClusterContext, target: str) -> bool:
    return any(target in {link.end for link in e.targets} for e in ctx.facts.engagements)
