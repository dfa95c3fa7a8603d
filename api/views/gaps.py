"""The gap analysis and the recommender, as the cluster view draws them: a cluster's missing
partners, each with candidates to fill it."""

from __future__ import annotations

from collections import defaultdict

from api.views.facts import node_name
from api.views.gap_items import gap_item
from api.views.lang import Lang, current, num, t
from api.views.spec import Candidate, MissingPartner
from graph.store import GraphStore
from queries.findings import Gap
from queries.gaps import GapOptions, find_gaps
from queries.ids import InactiveClusterError
from queries.recommend import recommend_partners

CANDIDATES_SHOWN = 3


def missing_partners(
    store: GraphStore, cluster_id: str, options: GapOptions | None = None
) -> list[MissingPartner]:
    """One missing partner per (role, model, market) the cluster lacks, most urgent first, with
    the gap analysis' suggestions, else the recommender's best candidates for that role
    (`options`: the day agreements are judged on; default today)."""
    options = options or GapOptions()
    grouped: defaultdict[tuple[str, str | None, str | None], list[Gap]] = defaultdict(list)
    for gap in find_gaps(store, cluster=cluster_id, options=options):
        if gap.missing_role:
            grouped[(gap.missing_role, gap.model, gap.market)].append(gap)
    recommended: dict[tuple[str | None, str | None], dict[str, list[Candidate]]] = {}
    missing = []
    for (role, model, market), gaps in grouped.items():
        first = gaps[0]
        candidates = [
            Candidate(a.id, a.name, a.type, t("suggested by the gap analysis"))
            for a in first.suggestions
        ]
        if not candidates and model:
            if (model, market) not in recommended:
                recommended[(model, market)] = _by_role(store, cluster_id, model, market, options)
            candidates = recommended[(model, market)].get(role, [])
        # On a Danish page the suggested action, in Danish; the analysis' sentence is English.
        said = gap_item(store, first).action if current() == Lang.da else first.sentence
        sentence = said + (t(" ({count} such gaps)", count=len(gaps)) if len(gaps) > 1 else "")
        missing.append(
            MissingPartner(
                role,
                node_name(store, role),
                model,
                first.severity,
                sentence,
                tuple(candidates[:CANDIDATES_SHOWN]),
                market,
                node_name(store, market) if market else None,
            )
        )
    return missing


def _by_role(
    store: GraphStore, cluster_id: str, model: str, market: str | None, options: GapOptions
) -> dict[str, list[Candidate]]:
    try:
        result = recommend_partners(store, cluster_id, model, market, top=10, options=options)
    except InactiveClusterError:  # its gaps are drawn, but no one is recommended to it
        return {}
    by_role: defaultdict[str, list[Candidate]] = defaultdict(list)
    for rec in result.recommendations:
        reason = t("score {score}", score=num(rec.score, 2)) + ": " + "; ".join(rec.reasons[:2])
        by_role[rec.fills_role].append(
            Candidate(rec.actor.id, rec.actor.name, rec.actor.type, reason)
        )
    return by_role
