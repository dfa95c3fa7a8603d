"""The gap analysis and the recommender, as the views draw them: a cluster's missing partners
with candidates, and the board's gap summary table."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from api.views import Candidate, MissingPartner, Table
from graph.store import GraphStore
from queries.findings import SEVERITIES, Gap
from queries.gaps import find_gaps
from queries.recommend import recommend_partners

CANDIDATES_SHOWN = 3


def missing_partners(store: GraphStore, cluster_id: str) -> list[MissingPartner]:
    """One missing partner per (role, model, market) the cluster lacks, most urgent first, with
    the gap analysis' suggestions, else the recommender's best candidates for that role."""
    grouped: defaultdict[tuple[str, str | None, str | None], list[Gap]] = defaultdict(list)
    for gap in find_gaps(store, cluster=cluster_id):
        if gap.missing_role:
            grouped[(gap.missing_role, gap.model, gap.market)].append(gap)
    recommended: dict[tuple[str | None, str | None], dict[str, list[Candidate]]] = {}
    missing = []
    for (role, model, market), gaps in grouped.items():
        first = gaps[0]
        candidates = [
            Candidate(a.id, a.name, a.type, "suggested by the gap analysis")
            for a in first.suggestions
        ]
        if not candidates and model:
            if (model, market) not in recommended:
                recommended[(model, market)] = _by_role(store, cluster_id, model, market)
            candidates = recommended[(model, market)].get(role, [])
        sentence = first.sentence + (f" ({len(gaps)} such gaps)" if len(gaps) > 1 else "")
        missing.append(
            MissingPartner(
                role,
                _name(store, role),
                model,
                first.severity,
                sentence,
                tuple(candidates[:CANDIDATES_SHOWN]),
                market,
                _name(store, market) if market else None,
            )
        )
    return missing


def _by_role(
    store: GraphStore, cluster_id: str, model: str, market: str | None
) -> dict[str, list[Candidate]]:
    result = recommend_partners(store, cluster_id, model, market, top=10)
    by_role: defaultdict[str, list[Candidate]] = defaultdict(list)
    for rec in result.recommendations:
        reason = f"score {rec.score:.2f}: " + "; ".join(rec.reasons[:2])
        by_role[rec.fills_role].append(
            Candidate(rec.actor.id, rec.actor.name, rec.actor.type, reason)
        )
    return by_role


def _name(store: GraphStore, node_id: str) -> str:
    node = store.get_node(node_id)
    return str(node.get("name", node_id)) if node else node_id


def _no_gap(store: GraphStore, cluster_id: str) -> str:
    status = (store.get_node(cluster_id) or {}).get("status")
    if status and status != "active":
        return f"not analysed: the cluster is {status}"
    return "no gap found"


def gap_summary(store: GraphStore, cluster_ids: Sequence[str]) -> Table:
    """Per cluster: how many gaps of each severity and type, and the most urgent one."""
    by_cluster: defaultdict[str, list[Gap]] = defaultdict(list)
    for gap in find_gaps(store):
        by_cluster[gap.cluster or ""].append(gap)
    rows = []
    for cluster_id in cluster_ids:
        gaps = by_cluster.get(cluster_id, [])
        severity = Counter(g.severity for g in gaps)
        types = Counter(g.type for g in gaps)
        rows.append(
            (
                _name(store, cluster_id),
                str(len(gaps)),
                *(str(severity[s]) for s in SEVERITIES),
                ", ".join(f"{t} {n}" for t, n in sorted(types.items())),
                gaps[0].sentence if gaps else _no_gap(store, cluster_id),
            )
        )
    network = by_cluster.get("", [])
    if network:
        severity = Counter(g.severity for g in network)
        rows.append(
            (
                "the whole network",
                str(len(network)),
                *(str(severity[s]) for s in SEVERITIES),
                ", ".join(f"{t} {n}" for t, n in sorted(Counter(g.type for g in network).items())),
                network[0].sentence,
            )
        )
    return Table(
        "Gap summary: the gaps the analysis finds per cluster (most urgent first)",
        ("cluster", "gaps", *SEVERITIES, "by type", "most urgent"),
        tuple(rows),
    )
