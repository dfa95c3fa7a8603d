"""The gap analysis of a cluster (or of every active cluster and the network): each family's
gaps, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable

from graph.facts import ActorFacts, AnalysisFacts
from graph.store import GraphStore
from ontology.names import Label
from queries.cluster_context import ClusterContext
from queries.findings import GAP_TYPES, SEVERITIES, Gap
from queries.gaps.coverage import coverage_gaps, uncovered_market_gap
from queries.gaps.formality import formality_gaps
from queries.gaps.fragility import fragility_gaps
from queries.gaps.network import SupportUsage, broker_gaps, isolation_gaps
from queries.gaps.options import INACTIVE, GapOptions
from queries.gaps.role import role_gaps
from queries.ids import qualified, resolve_model, unknown_id


def find_gaps(
    store: GraphStore,
    cluster: str | None = None,
    model: str | None = None,
    options: GapOptions | None = None,
) -> list[Gap]:
    """The gaps of one cluster (or of every active cluster and of the network), optionally for
    one model only; most urgent first."""
    options = options or GapOptions()
    model_id = resolve_model(store, model) if model else None
    with store.analysis_facts() as facts:
        if cluster:
            # Looked up with the rest of its facts, not checked first: one query fewer.
            found = cluster_gaps(facts, qualified(cluster, "cluster"), options)
            if found is None:
                raise unknown_id(store, cluster, "cluster")
            gaps = found
        else:
            gaps = SupportUsage.read(facts).network_gaps(options)
            for each in facts.clusters():
                if each.props.get("status") not in INACTIVE:
                    gaps += cluster_gaps(facts, each.id, options) or []
    return sort_gaps(g for g in gaps if model_id is None or g.model == model_id)


def cluster_gaps(facts: AnalysisFacts, cluster_id: str, options: GapOptions) -> list[Gap] | None:
    """The cluster's gaps, or None if there is no such cluster."""
    cluster = facts.cluster(cluster_id)
    if cluster is None:
        return None
    ctx = ClusterContext.build(facts, cluster)
    return [
        *model_gaps(facts, ctx, options),
        *isolation_gaps(ctx, options.as_of),
        *broker_gaps(
            ctx,
            facts.partner_network(options.as_of).single_brokers(cluster_id),
            _active(facts),
            options.as_of,
        ),
    ]


def _active(facts: AnalysisFacts) -> dict[str, str]:
    """Every active cluster's name by id, kept with the graph (thousands at scale)."""

    def names() -> dict[str, str]:
        clusters = facts.clusters()
        return {c.id: c.name for c in clusters if c.props.get("status") not in INACTIVE}

    return facts.derived(("active cluster names",), names)


def _open_icdks(facts: AnalysisFacts) -> tuple[list[ActorFacts], frozenset[str]]:
    """Every open ICDK and the countries they cover."""
    icdks = [
        a
        for a in facts.actors([Label.InnovationCentre])
        if a.node.props.get("status") not in INACTIVE
    ]
    return icdks, frozenset().union(*(icdk.countries for icdk in icdks))


def model_gaps(
    facts: AnalysisFacts,
    ctx: ClusterContext,
    options: GapOptions,
    model_id: str | None = None,
    asked_market: str | None = None,
) -> list[Gap]:
    """The gaps in a cluster's work under its models (or under one) and in its markets (and in
    the market a recommendation asks about, which it may not have declared)."""
    # Every open ICDK, but only the Trade Council posts and EEN partners in the markets no ICDK
    # covers: where they are the alternative. The lists of every one of them derive from the
    # whole graph, so stores keep them between analyses.
    declared = [d.end for d in ctx.facts.declarations if model_id in (None, d.get("model"))]
    markets = [*declared, *([asked_market] if asked_market else [])]
    icdks, covered = facts.derived(("open innovation centres",), lambda: _open_icdks(facts))
    uncovered = sorted({c for m in markets if (c := ctx.country(m)) and c not in covered})
    instead = [Label.TradeCouncil, Label.EnterpriseEuropeNetwork]
    near = facts.actors_near(instead, uncovered, [], []) if uncovered else set()
    abroad = [*icdks, *(a for a in facts.actors(instead) if a.node.id in near)] if near else icdks
    gaps = [
        *role_gaps(facts, ctx, options, model_id),
        *formality_gaps(ctx, options),
        *coverage_gaps(ctx, abroad, covered, model_id, options.as_of),
        *fragility_gaps(ctx, options.as_of),
    ]
    gaps = [gap for gap in gaps if model_id in (None, gap.model)]
    asked_country = ctx.country(asked_market) if asked_market else None
    if asked_market and not any(
        g.kind == "no-icdk-in-market" and ctx.country(g.market or "") == asked_country for g in gaps
    ):
        gap = uncovered_market_gap(ctx, abroad, covered, asked_market, model_id)
        gaps += [gap] if gap else []
    return gaps


def sort_gaps(gaps: Iterable[Gap]) -> list[Gap]:
    """Per cluster, most urgent first; then by type, kind and what the gap is about."""

    def key(gap: Gap) -> tuple[object, ...]:
        return (
            gap.cluster or "",
            SEVERITIES.index(gap.severity),
            GAP_TYPES.index(gap.type),
            gap.kind,
            gap.model or "",
            gap.market or "",
            gap.missing_role or "",
            gap.subject or "",
        )

    return sorted(gaps, key=key)
