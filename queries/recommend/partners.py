"""Recommend partners: who could fill the roles a cluster's work under a model still lacks,
ranked by a score whose components, reasons and evidence come with every candidate."""

from __future__ import annotations

from graph.store import GraphStore
from queries.cluster_context import ClusterContext, with_countries
from queries.findings import ActorRef, RecommendationResult, RequirementCheck
from queries.gaps import INACTIVE, GapOptions, model_gaps, sort_gaps
from queries.ids import InactiveClusterError, qualified, resolve_model, unknown_id
from queries.leads.outcomes import leads_to
from queries.markets import resolve_market
from queries.recommend.progressions import progressions
from queries.recommend.ranking import rank_candidates
from queries.recommend.target import Target, need_statuses
from queries.scoring import Weights

DEFAULT_WEIGHTS = Weights()  # one instance, so its derived values are worked out once


def recommend_partners(
    store: GraphStore,
    cluster: str,
    model: str,
    market: str | None = None,
    top: int = 10,
    weights: Weights | None = None,
    options: GapOptions | None = None,
) -> RecommendationResult:
    """The top candidates for the roles missing from the cluster's work under the model (in the
    market, if given), with the gaps found there and the model progressions the report supports.
    An unknown cluster, model or market raises queries.ids.UnknownIdError; a cluster that is not
    active, InactiveClusterError."""
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    weights, options = weights or DEFAULT_WEIGHTS, options or GapOptions()
    model_id = resolve_model(store, model)
    market_id = resolve_market(store, market) if market else None
    with store.analysis_facts() as facts:
        # Looked up with the rest of its facts, not checked first: one query fewer.
        cluster_facts = facts.cluster(qualified(cluster, "cluster"))
        if cluster_facts is None:
            raise unknown_id(store, cluster, "cluster")
        status = cluster_facts.node.props.get("status")
        if status in INACTIVE:
            raise InactiveClusterError(cluster_facts.node.id, cluster_facts.node.name, status)
        ctx = ClusterContext.build(facts, cluster_facts)
        if cluster_facts.leads_routed:  # what its leads taught the trust
            ctx.leads = leads_to(store, ctx.id, options.as_of)
        if market_id:
            ctx.places.update(with_countries(facts, [market_id]))
        spec = ctx.catalogue.models[model_id]
        target = Target.of(ctx, model_id, market_id)
        statuses = need_statuses(ctx, spec, target, options.as_of)
        unmet = [status for status in statuses if status.short_by]
        ranked = rank_candidates(facts, ctx, spec, target, statuses, weights, options, top)
        gaps = [
            gap
            for gap in model_gaps(facts, ctx, options, model_id, market_id)
            if target.includes(ctx, gap.market)
        ]
    return RecommendationResult(
        cluster=ctx.id,
        cluster_name=ctx.facts.node.name,
        model=model_id,
        market=market_id,
        market_name=ctx.name(market_id) if market_id else None,
        requirements=tuple(
            RequirementCheck(
                id=status.need.id,
                name=status.need.name,
                strength="required" if status.need.required else "recommended",
                needed=status.need.min_partners,
                any_of_roles=status.need.roles,
                quote=status.need.quote,
                partners=tuple(
                    ActorRef(id=p, name=ctx.name(p), type=ctx.facts.nodes[p].label)
                    for p in status.partners
                ),
                met=not status.short_by,
            )
            for status in statuses
        ),
        missing_requirements=tuple(status.need.id for status in unmet),
        missing_roles=tuple(
            sorted(
                {
                    role
                    for status in unmet
                    for role in status.need.roles
                    if not ctx.catalogue.roles[role].target_group
                }
            )
        ),
        gaps=tuple(sort_gaps(gaps)),
        recommendations=tuple(ranked),
        progressions=tuple(
            p
            for p in progressions(ctx, options)
            if model_id in (p.from_model, p.to_model) and target.includes(ctx, p.market)
        ),
    )
