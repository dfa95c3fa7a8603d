"""The board index's gap summary: per cluster, how many gaps of each urgency and type the gap
analysis finds (the same `find_gaps` each cluster page lists), the most urgent one and its
suggested action; inactive clusters marked as not analysed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from api.views.facts import node_name
from api.views.gap_items import GapItem, counts_by_severity, counts_by_type, gap_item
from api.views.lang import t
from graph.store import GraphStore
from queries.findings import Gap
from queries.gaps import INACTIVE, find_gaps


@dataclass(frozen=True)
class SummaryRow:
    cluster: str  # id ("" for the whole network)
    name: str
    count: int
    by_severity: dict[str, int]
    by_type: dict[str, int]
    first: GapItem | None  # the most urgent gap
    state: str  # why there are no gaps: not analysed (inactive), or none found
    inactive: bool = False


def gap_summary(store: GraphStore, cluster_ids: Sequence[str]) -> list[SummaryRow]:
    """Per cluster, then for the whole network."""
    by_cluster: defaultdict[str, list[Gap]] = defaultdict(list)
    for gap in find_gaps(store):
        by_cluster[gap.cluster or ""].append(gap)
    rows = []
    for cluster_id in [*cluster_ids, ""]:
        items = [gap_item(store, g) for g in by_cluster.get(cluster_id, [])]
        status = (store.get_node(cluster_id) or {}).get("status") if cluster_id else None
        if not cluster_id and not items:
            continue
        inactive = status in INACTIVE
        state = (
            t("not analysed: the cluster is {status}", status=t(str(status)))
            if inactive
            else t("no gap found")
        )
        rows.append(
            SummaryRow(
                cluster_id,
                node_name(store, cluster_id) if cluster_id else t("the whole network"),
                len(items),
                counts_by_severity(items),
                counts_by_type(items),
                items[0] if items else None,
                "" if items else state,
                inactive,
            )
        )
    return rows
