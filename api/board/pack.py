"""The board pack: a static, offline folder of views for the InternationaliseringsBoard.

index.html holds the gap summary, the market coverage matrix and who offers what, and links the
ecosystem view and every cluster, model and market view; the pages read vis-network from assets/
(one copy) and work from a file URL. Danish by default, English on request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api.board import strategy
from api.board.changes import ChangesSection, changes_section, render_changes_page
from api.board.index import PageLink, Section, render_index
from api.board.leads_page import render_leads_page
from api.board.summary import SummaryRow, gap_summary
from api.views import render_html, write_assets
from api.views.gaps import missing_partners
from api.views.lang import DEFAULT_LANG, Lang, current, date, named, num, speaking, t
from api.views.pages import MissingFor, ViewKind, build_view
from graph.as_of import AsOf
from graph.store import GraphStore
from ontology.names import Label, Rel
from queries.findings import SEVERITIES
from queries.gaps.options import judged_on

Summary = Callable[[GraphStore, Sequence[str]], list[SummaryRow]]
FOLDERS = {ViewKind.cluster: "clusters", ViewKind.model: "models", ViewKind.market: "markets"}


@dataclass
class BoardPack:
    index: Path
    pages: list[Path] = field(default_factory=list)  # the graph views
    tables: list[Path] = field(default_factory=list)  # pages without a drawing (the leads)
    changes: Path | None = None  # what changed since a day, when asked for


def file_name(node_id: str) -> str:
    """`cluster:odense-robotics` -> `odense-robotics.html` (only safe characters in a path)."""
    slug = node_id.split(":", 1)[-1]
    return re.sub(r"[^A-Za-z0-9._-]", "-", slug) + ".html"


def reached_countries(store: GraphStore) -> list[str]:
    """Countries a cluster targets or works in, or where a Danish actor is present."""
    country_of = {r.start: r.end for r in store.relationships(Rel.IN_COUNTRY)}
    reached = set()
    for rel_type in (Rel.TARGETS_MARKET, Rel.TARGETS, Rel.PRESENT_IN):
        for r in store.relationships(rel_type):
            place = r.end if r.end.startswith("country:") else country_of.get(r.end)
            if place:
                reached.add(place)
    return sorted(reached)


def sorted_clusters(store: GraphStore) -> list[dict[str, Any]]:
    return sorted(store.nodes(Label.Cluster), key=lambda n: str(n.get("name")).casefold())


def strategy_parts(store: GraphStore, summary: Summary = gap_summary) -> dict[str, Any]:
    """What the index and the meeting report share: the gap summary and the country pictures."""
    return {
        "summary": summary(store, [c["id"] for c in sorted_clusters(store)]),
        "severities": SEVERITIES,
        "coverage": strategy.matrix(store),
        "offers": strategy.offers(store),
    }


def pack_intro(today: dt.date) -> str:
    return t("board intro", day=date(today, current()))


def as_of_notes(as_of: AsOf | None) -> list[str]:
    """Said first on a pack made as of a day: which graph and which day it shows."""
    if as_of is None:
        return []
    return [t("board as of", day=date(as_of.moment.date(), current()))]


def write_board(
    store: GraphStore,
    out: Path,
    missing_for: MissingFor = missing_partners,
    summary: Summary = gap_summary,
    lang: Lang | str = DEFAULT_LANG,
    changes_since: dt.date | None = None,
    as_of: AsOf | None = None,
) -> BoardPack:
    """`changes_since`: a day; the pack then has changes.html, what changed since that day
    (api/board/changes), linked at the top of the index. `as_of`: the graph as it was on a day
    (graph/as_of.py); every page then shows it, judged on that day, and the changes run to it."""
    with speaking(lang), judged_on(as_of.moment.date() if as_of else None):
        shown = as_of.store if as_of else store
        changes = None
        if changes_since:
            until = as_of.moment if as_of else None
            changes = changes_section(store, changes_since, until)
        return _write_board(shown, out, missing_for, summary, changes, as_of)


def _write_board(
    store: GraphStore,
    out: Path,
    missing_for: MissingFor,
    summary: Summary,
    changes: ChangesSection | None,
    as_of: AsOf | None,
) -> BoardPack:
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out / "assets")
    pack = BoardPack(out / "index.html")

    def write(kind: ViewKind, node_id: str | None, path: Path, note: str = "") -> PageLink:
        depth = len(path.relative_to(out).parts) - 1
        up = "../" * depth
        view = build_view(store, kind, node_id, missing_for)
        html = render_html(view, assets_href=f"{up}assets", index_href=f"{up}index.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        pack.pages.append(path)
        if not note and kind != ViewKind.cluster:
            actors = sum(1 for n in view.nodes if n.id != view.centre)
            note = t("{count} shown", count=num(actors))
        return PageLink(path.relative_to(out).as_posix(), view.title, note)

    parts = strategy_parts(store, summary)
    counts = {row.cluster: row for row in parts["summary"]}
    models = sorted(store.nodes(Label.Model), key=lambda n: int(n.get("number") or 0))
    sections = [
        Section(
            t("The whole ecosystem"), (write(ViewKind.ecosystem, None, out / "ecosystem.html"),)
        ),
        Section(
            t("Clusters: partners, agreements, engagements and gaps"),
            tuple(
                write(
                    ViewKind.cluster,
                    c["id"],
                    out / "clusters" / file_name(c["id"]),
                    _cluster_note(counts.get(c["id"])),
                )
                for c in sorted_clusters(store)
            ),
        ),
        Section(
            t("The four models: who takes part and how"),
            tuple(
                write(ViewKind.model, m["id"], out / "models" / file_name(m["id"])) for m in models
            ),
        ),
        Section(
            t("Markets: Danish actors present and the clusters that reach them"),
            tuple(
                write(ViewKind.market, c, out / "markets" / file_name(c))
                for c in sorted(reached_countries(store), key=lambda c: named(store.get_node(c)))
            ),
        ),
    ]
    leads_page = out / "leads.html"
    leads_page.write_text(render_leads_page(store), encoding="utf-8")
    pack.tables.append(leads_page)
    sections.append(
        Section(
            t("Leads from abroad: clusters as landing bases"),
            (PageLink("leads.html", t("Leads from abroad and their landing bases")),),
        )
    )
    changes_link = None
    if changes:
        changes_page = out / "changes.html"
        changes_page.write_text(render_changes_page(changes), encoding="utf-8")
        pack.changes = changes_page
        changes_link = PageLink("changes.html", changes.heading, changes.summary())
        sections.insert(0, Section(t("What changed since the last meeting"), (changes_link,)))
    html = render_index(
        t("The InternationaliseringsBoard's overview"),
        pack_intro(dt.date.today()),
        sections,
        notes=[*as_of_notes(as_of), t("board note", views=num(len(pack.pages)))],
        changes_link=changes_link,
        **parts,
    )
    pack.index.write_text(html, encoding="utf-8")
    return pack


def _cluster_note(row: SummaryRow | None) -> str:
    if row is None:
        return ""
    if row.inactive:
        return row.state
    high = row.by_severity.get("high", 0)
    return t("{count} gaps ({high} urgent)", count=num(row.count), high=num(high))
