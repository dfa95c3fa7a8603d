"""The board index's gap summary: per cluster, how many gaps of each severity and type the gap
analysis finds, and the most urgent one."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from api.views.facts import node_name
from api.views.spec import Table
from graph.store import GraphStore
from queries.findings import SEVERITIES, Gap
from queries.gaps import find_gaps


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
                node_name(store, cluster_id),
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
