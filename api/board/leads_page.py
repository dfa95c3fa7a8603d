"""The board pack's leads page: leads found abroad by source and market, routed or not, and what
became of them (plain data in, escaped HTML out)."""

from __future__ import annotations

from typing import Any

from api.views.facts import node_name
from api.views.lang import current, num, t
from api.views.render import page_templates
from graph.store import GraphStore
from queries.leads.overview import NOT_ROUTED, lead_overview


def render_leads_page(store: GraphStore, index_href: str = "index.html") -> str:
    overview = lead_overview(store)

    def name(node_id: str | None) -> str:
        return node_name(store, node_id) if node_id and node_id != "-" else "-"

    def counted(counter: Any) -> list[tuple[str, str]]:
        return [
            (name(key), num(n))
            for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], name(kv[0])))
        ]

    rows = [
        {
            "name": row.name,
            "technology": row.technology,
            "sought": t(f"sought {row.sought}"),
            "found_on": row.found_on,
            "finder": name(row.finder),
            "market": name(row.market),
            "routed_to": name(row.routed_to) if row.routed_to else t("not routed"),
            "outcome": t(f"lead {row.status}")
            + (f" ({t(f'lead {row.result}')})" if row.result else "")
            if row.status
            else "",
            "illustrative": row.illustrative,
        }
        for row in overview.rows
    ]
    outcomes = [
        (t(f"lead {key}") if key != NOT_ROUTED else t("not routed"), num(n))
        for key, n in sorted(overview.by_outcome.items())
    ]
    template = page_templates().get_template("board_leads.html")
    return template.render(
        lang=current().value,
        t=t,
        title=t("Leads from abroad and their landing bases"),
        index_href=index_href,
        total=num(len(rows)),
        rows=rows,
        by_finder=counted(overview.by_finder),
        by_market=counted(overview.by_market),
        outcomes=outcomes,
    )
