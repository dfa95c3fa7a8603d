"""Recommend partners: who could fill the roles a cluster's work under a model still lacks,
ranked by a score whose components, reasons and evidence come with every candidate."""

from __future__ import annotations

from graph.store import GraphStore
from queries.cluster_context import ClusterContext, with_countries
from queries.findings import RecommendationResult
from queries.gaps import GapOptions, model_gaps, sort_gaps
from queries.ids import qualified, resolve_id, resolve_model, unknown_id
from queries.recommend.progressions import progressions
from queries.recommend.ranking import rank_candidates
from queries.recommend.target import Target, missing_roles
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
    Unknown ids raise queries.ids.UnknownIdError."""
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    weights, options = weights or DEFAULT_WEIGHTS, options or GapOptions()
    model_id = resolve_model(store, model)
    market_id = resolve_id(store, market, "country", "hotspot", "market") if market else None
    with store.analysis_facts() as facts:
        # Looked up with the rest of its facts, not checked first: one query fewer.
        cluster_facts = facts.cluster(qualified(cluster, "cluster"))
        if cluster_facts is None:
            raise unknown_id(store, cluster, "cluster")
        ctx = ClusterContext.build(facts, cluster_facts)
        if market_id:
            ctx.places.update(with_countries(facts, [market_id]))
        spec = ctx.catalogue.models[model_id]
        target = Target.of(ctx, model_id, market_id)
        missing = missing_roles(ctx, spec, target)
        ranked = rank_candidates(facts, ctx, spec, target, missing, weights, options, top)
        gaps = [
            gap
            for gap in model_gaps(facts, ctx, options, model_id)
            if target.includes(ctx, gap.market)
        ]
    return RecommendationResult(
        cluster=ctx.id,
        cluster_name=ctx.facts.node.name,
        model=model_id,
        market=market_id,
        missing_roles=tuple(missing),
        gaps=tuple(sort_gaps(gaps)),
        recommendations=tuple(ranked),
        progressions=tuple(
            p
            for p in progressions(ctx, options)
            if model_id in (p.from_model, p.to_model) and target.includes(ctx, p.market)
        ),
    )
