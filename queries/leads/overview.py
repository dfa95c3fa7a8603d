"""Every lead for the board: who found it, where, what it seeks, whether it was routed and what
became of it, with counts by source and by market (the board pack's leads page)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.store import GraphStore
from ontology.names import Label, Rel


@dataclass(frozen=True)
class LeadRow:
    id: str
    name: str
    technology: str
    sought: str
    found_on: str
    finder: str | None
    market: str | None
    routed_to: str | None
    status: str | None  # None: not routed
    result: str | None
    illustrative: bool


@dataclass(frozen=True)
class LeadOverview:
    rows: tuple[LeadRow, ...]
    by_finder: Counter[str] = field(default_factory=Counter)
    by_market: Counter[str] = field(default_factory=Counter)
    by_outcome: Counter[str] = field(default_factory=Counter)  # status, or "not routed"


NOT_ROUTED = "not routed"


def lead_overview(store: GraphStore) -> LeadOverview:
    ends: dict[str, dict[str, str]] = {}
    for rel_type in (Rel.FOUND_BY, Rel.FOUND_IN, Rel.ROUTED_TO):
        for rel in store.relationships(rel_type):
            ends.setdefault(rel.start, {}).setdefault(rel_type, rel.end)
    rows = []
    for node in store.nodes(Label.Lead):
        mine = ends.get(node["id"], {})
        routed = mine.get(Rel.ROUTED_TO)
        rows.append(
            LeadRow(
                node["id"],
                str(node.get("name", node["id"])),
                str(node.get("technology", "")),
                str(node.get("sought", "")),
                str(node.get("found_on", "")),
                mine.get(Rel.FOUND_BY),
                mine.get(Rel.FOUND_IN),
                routed,
                (node.get("status") or "routed") if routed else None,
                node.get("result") if routed else None,
                node.get("confidence") == "illustrative",
            )
        )
    rows.sort(key=lambda r: (r.found_on, r.id), reverse=True)
    return LeadOverview(
        tuple(rows),
        Counter(r.finder or "-" for r in rows),
        Counter(r.market or "-" for r in rows),
        Counter(r.status or NOT_ROUTED for r in rows),
    )
