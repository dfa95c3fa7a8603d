"""Every gap the analysis finds for a cluster, as the cluster page lists it: what kind of gap, how
urgent, under which model and where, what is missing, and the action that would close it (the
remedy the gap analysis names, worded as a step to take). The same `find_gaps` the board index
counts, so the page and the index always agree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.views.lang import mark_illustrative, named, t
from graph.store import GraphStore
from queries.findings import GAP_TYPES, SEVERITIES, Gap
from queries.gaps import INACTIVE, find_gaps

ID_IN_TEXT = re.compile(r"\b[a-z][a-z-]*:[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]")
SHOWN_SUGGESTIONS = 3


@dataclass(frozen=True)
class GapItem:
    type: str  # one of GAP_TYPES
    type_name: str
    kind: str
    severity: str  # high | medium | low
    severity_name: str
    model: str  # the model's name in the page's language, or ""
    market: str  # the place's name, or ""
    action: str  # the suggested step
    detail: str  # the analysis' sentence, ids replaced by names
    candidates: tuple[str, ...]


def cluster_gap_items(store: GraphStore, cluster_id: str) -> tuple[list[GapItem], str | None]:
    """The cluster's gaps as listed, most urgent first; and why there are none, for a cluster the
    analysis leaves out (merged, bankrupt)."""
    status = (store.get_node(cluster_id) or {}).get("status")
    if status in INACTIVE:
        return [], t("not analysed: the cluster is {status}", status=t(str(status)))
    return [gap_item(store, gap) for gap in find_gaps(store, cluster=cluster_id)], None


def gap_item(store: GraphStore, gap: Gap) -> GapItem:
    def name(node_id: str | None) -> str:
        return named(store.get_node(node_id), node_id or "") if node_id else ""

    suggestions = [name(a.id) for a in gap.suggestions][:SHOWN_SUGGESTIONS]
    return GapItem(
        type=gap.type,
        type_name=t(f"gap type {gap.type}"),
        kind=gap.kind,
        severity=gap.severity,
        severity_name=t(f"severity {gap.severity}"),
        model=name(gap.model),
        market=name(gap.market),
        action=action(gap, name, suggestions),
        detail=mark_illustrative(
            ID_IN_TEXT.sub(lambda m: name(m.group(0)) or m.group(0), gap.sentence)
        ),
        candidates=tuple(suggestions),
    )


def action(gap: Gap, name: object, suggestions: list[str]) -> str:
    """The step that closes the gap, in the page's language."""
    assert callable(name)
    whom = ", ".join(suggestions)
    values = {
        "role": name(gap.missing_role) if gap.missing_role else t("this support"),
        "market": name(gap.market) or t("the market"),
        "model": name(gap.model),
        "subject": name(gap.subject),
        "whom": whom or name(gap.subject),
    }
    key = f"action {gap.kind}"
    if gap.kind in ("missing-required-role", "no-icdk-in-market") and not suggestions:
        key += " without candidates"
    return t(key, **values)


def counts_by_type(items: list[GapItem]) -> dict[str, int]:
    """How many gaps of each type, in the analysis' order of types."""
    return {kind: n for kind in GAP_TYPES if (n := sum(1 for i in items if i.type == kind))}


def counts_by_severity(items: list[GapItem]) -> dict[str, int]:
    return {s: sum(1 for i in items if i.severity == s) for s in SEVERITIES}
