"""The board pack: a static, offline folder of views for the InternationaliseringsBoard.

index.html links the ecosystem view and every cluster, model and market view and holds the gap
summary; the pages read vis-network from assets/ (one copy) and work from a file URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from api.board.index import PageLink, Section, render_index
from api.board.summary import gap_summary
from api.views import Table, render_html, write_assets
from api.views.gaps import missing_partners
from api.views.pages import MissingFor, ViewKind, build_view
from graph.store import GraphStore
from ontology.names import Label, Rel

Summary = Callable[[GraphStore, Sequence[str]], Table]
FOLDERS = {ViewKind.cluster: "clusters", ViewKind.model: "models", ViewKind.market: "markets"}


@dataclass
class BoardPack:
    index: Path
    pages: list[Path] = field(default_factory=list)


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


def write_board(
    store: GraphStore,
    out: Path,
    missing_for: MissingFor = missing_partners,
    summary: Summary = gap_summary,
) -> BoardPack:
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out / "assets")
    pack = BoardPack(out / "index.html")

    def write(kind: ViewKind, node_id: str | None, path: Path) -> PageLink:
        depth = len(path.relative_to(out).parts) - 1
        up = "../" * depth
        view = build_view(store, kind, node_id, missing_for)
        html = render_html(view, assets_href=f"{up}assets", index_href=f"{up}index.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        pack.pages.append(path)
        note = f"{len(view.nodes)} shapes" + (", aggregated" if view.aggregation else "")
        return PageLink(path.relative_to(out).as_posix(), view.title, note)

    clusters = sorted(store.nodes(Label.Cluster), key=lambda n: str(n.get("name")))
    models = sorted(store.nodes(Label.Model), key=lambda n: int(n.get("number") or 0))
    sections = [
        Section("The whole ecosystem", (write(ViewKind.ecosystem, None, out / "ecosystem.html"),)),
        Section(
            "Clusters: partners, agreements, engagements and gaps",
            tuple(
                write(ViewKind.cluster, c["id"], out / "clusters" / file_name(c["id"]))
                for c in clusters
            ),
        ),
        Section(
            "The four models: who takes part and how",
            tuple(
                write(ViewKind.model, m["id"], out / "models" / file_name(m["id"])) for m in models
            ),
        ),
        Section(
            "Markets: Danish actors present and the clusters that reach them",
            tuple(
                write(ViewKind.market, c, out / "markets" / file_name(c))
                for c in reached_countries(store)
            ),
        ),
    ]
    table = summary(store, [c["id"] for c in clusters])
    html = render_index(
        "partnergraph board pack",
        "Interactive views of the Danish cluster organisations' international partnerships, "
        "for the InternationaliseringsBoard. Every page works offline; open a view, hover a "
        "shape or a line for its facts and their source.",
        sections,
        [table],
        [
            f"{len(pack.pages)} views. Gaps are partnerships a model needs that a cluster lacks; "
            "each cluster's page draws them as dashed missing partners with recommended "
            "candidates. Facts marked * are illustrative, not sourced.",
        ],
    )
    pack.index.write_text(html, encoding="utf-8")
    return pack
