"""A view as one HTML page: pyvis builds the vis-network data, our template draws the page.

The page works offline: vis-network (shipped inside the pyvis package) is inlined, or, for the
board pack, read from an assets folder next to the pages. Positions are computed here, physics
is off, so the browser draws once and the network is still from the first frame. All text from
the data reaches the page either escaped by Jinja or as JSON that the page turns into text
nodes (tooltips) or canvas text (labels): none of it is ever parsed as HTML.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from api.views.aggregate import NODE_CAP, cap_view
from api.views.gap_items import counts_by_type
from api.views.lang import current, num, t
from api.views.layout import SPACING, grouped_layout
from api.views.spec import MISSING, View, ViewNode
from api.views.style import (
    EDGE_STYLES,
    ILLUSTRATIVE_MARK,
    INACTIVE_COLOUR,
    MISSING_BORDER,
    edge_caption,
    node_style,
    node_styles,
    translucent,
)
from ontology.names import Label

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
VIS_FILES = ("vis-network.min.js", "vis-network.css")
BIG = 300  # above this many edges: straight lines, and edges hidden while dragging
NO_ARROWS = "none"  # pyvis adds arrows to every edge of a directed network unless told otherwise


@cache
def page_templates() -> Environment:
    """The pages' templates (views and the board index), escaping every value unless marked safe."""
    return Environment(
        loader=PackageLoader("api.views", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def vis_asset(name: str) -> str:
    return (VIS_DIR / name).read_text(encoding="utf-8")


def script_json(value: Any) -> Markup:
    """JSON safe inside a <script> element: no `</script>`, no HTML comment, no line separators."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return Markup(text)


def build_network(view: View) -> tuple[Network, list[dict[str, Any]]]:
    """The pyvis network with positions, styles and plain-text tooltips; and the captions."""
    captions = {key: style.caption for key, style in node_styles().items()}
    layout = grouped_layout(view.nodes, view.edges, captions, view.centre, KEY_TYPES)
    net = Network(directed=True, cdn_resources="in_line")
    zoom = layout.spacing / SPACING  # roomier small views get bigger shapes and labels
    degree = Counter(end for edge in view.edges for end in (edge.start, edge.end))
    facets = filter_facets(view)
    for node in view.nodes:
        style = node_style(node.type)
        x, y = layout.positions[node.id]
        # A plain colour string costs vis-network less to parse than a colour object.
        colour: str | dict[str, str] = INACTIVE_COLOUR if node.inactive else style.colour
        if node.illustrative:
            colour = {"background": translucent(style.colour, 0.45), "border": style.colour}
        options: dict[str, Any] = {
            "title": "\n".join(node.tooltip),
            "x": round(x, 1),
            "y": round(y, 1),
            "size": round((node.size or style.size + (10 if node.id == view.centre else 0)) * zoom),
            "color": colour,
            "borderWidth": 1,
            "font": {"size": label_size(node, view, degree[node.id], zoom)},
            "pgRank": importance(node, view, degree[node.id]),
            "pgGroup": node.group_key,
            "pgType": node.type,
            "pgIllustrative": node.illustrative,
            **{key: sorted(values) for key, values in facets.get(node.id, {}).items()},
        }
        if node.inactive:
            options["shapeProperties"] = {"borderDashes": [4, 3]}
        if node.type == MISSING:
            options["color"] = {"background": "#ffffff", "border": MISSING_BORDER}
            options["borderWidth"] = 3
            options["shapeProperties"] = {"borderDashes": [6, 4]}
        net.add_node(node.id, label=node.label, shape=style.shape, **options)
    for edge in view.edges:
        estyle = EDGE_STYLES[edge.style]
        extra: dict[str, Any] = {"dashes": list(estyle.dashes)} if estyle.dashes else {}
        if edge.label:
            extra["label"] = edge.label
        if estyle.width != 1:
            extra["width"] = estyle.width
        net.add_edge(
            edge.start,
            edge.end,
            title="\n".join(edge.tooltip),
            color=translucent(estyle.colour, 0.4) if edge.illustrative else estyle.colour,
            arrows=NO_ARROWS,
            **extra,
        )
    for data in net.edges:  # fewer keys per edge: a smaller page, less for vis-network to parse
        if data.get("arrows") == NO_ARROWS:
            del data["arrows"]
    net.options = _options(len(view.edges), zoom)
    captions_out = [
        {
            "text": c.text,
            "x": c.x,
            "y": c.y,
            "size": round(22 * zoom),
            "colour": darker(node_style(c.key).colour),
            "key": c.key,
        }
        for c in layout.captions
        if c.count > 1  # a lone shape's label and the legend say its type already
    ]
    return net, captions_out


KEY_TYPES = frozenset(
    {Label.Cluster, Label.InnovationCentre, Label.Model, Label.Country, Label.Hotspot, MISSING}
)
LABEL_READABLE = 10  # pixels on screen: smaller labels are not drawn until the reader zooms in


def label_size(node: ViewNode, view: View, degree: int, zoom: float) -> int:
    """Labels sized by importance: the view's subject, then the actors the report is about and
    the well-connected, so that these stay readable when the whole drawing is fitted."""
    base = 16 * zoom
    if node.id == view.centre:
        return round(base * 2.2)
    if node.type in KEY_TYPES:
        return round(base * (1.8 if len(view.nodes) > 60 else 1.3))
    return round(base * (1 + min(degree, 12) / 12))


def darker(colour: str) -> str:
    """A caption in its group's colour, dark enough to read on white."""
    red, green, blue = (int(colour[i : i + 2], 16) * 6 // 10 for i in (1, 3, 5))
    return f"#{red:02x}{green:02x}{blue:02x}"


def importance(node: ViewNode, view: View, degree: int) -> int:
    """Which labels win where labels would overlap: the subject, the report's key actors, then
    the better connected."""
    if node.id == view.centre:
        return 10_000
    return (1_000 if node.type in KEY_TYPES else 0) + degree


def filter_facets(view: View) -> dict[str, dict[str, set[str]]]:
    """{node: {"pgModels": models, "pgMarkets": places}} for the page's filters: a node's own
    models and places, those it links to, and those of the engagements and agreements it is in."""
    types = {n.id: n.type for n in view.nodes}
    links: defaultdict[str, set[str]] = defaultdict(set)
    for edge in view.edges:
        links[edge.start].add(edge.end)
        links[edge.end].add(edge.start)
    facets: dict[str, dict[str, set[str]]] = {}
    for node_id in types:
        reach = {node_id} | links[node_id]
        reach |= {
            far
            for near in links[node_id]
            if types.get(near) in (Label.Engagement, Label.Agreement)
            for far in links[near]
        }
        facets[node_id] = {
            "pgModels": {r for r in reach if types.get(r) == Label.Model},
            "pgMarkets": {r for r in reach if types.get(r) in PLACE_TYPES},
        }
    return facets


PLACE_TYPES = (Label.Country, Label.Hotspot, Label.Market)


def _options(edge_count: int, zoom: float) -> dict[str, Any]:
    big = edge_count > BIG
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "nodes": {
            "font": {
                "size": round(16 * zoom),
                "face": "sans-serif",
                "strokeWidth": 4,
                "strokeColor": "#fff",
            },
            "scaling": {"label": {"drawThreshold": LABEL_READABLE}},
        },
        "edges": {
            "smooth": False if big else {"type": "continuous"},
            "selectionWidth": 2,
            "arrows": {"to": {"enabled": False}},
            "width": 1,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def render_html(
    view: View,
    assets_href: str | None = None,
    index_href: str | None = None,
    cap: int = NODE_CAP,
) -> str:
    """The page; vis-network inlined unless `assets_href` names the folder that holds it."""
    view = cap_view(view, cap)
    net, captions = build_network(view)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    legend_order = list(node_styles())
    node_types = sorted({n.type for n in view.nodes}, key=legend_order.index)
    edge_styles = [key for key in EDGE_STYLES if key in {e.style for e in view.edges}]
    illustrative = any(n.illustrative for n in view.nodes) or any(
        e.illustrative for e in view.edges
    )
    template = page_templates().get_template("view.html")
    names = {n.id: n.tooltip[0] if n.tooltip else n.label for n in view.nodes}

    def options_of(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
        found = [n.id for n in view.nodes if n.type in kinds]
        return sorted(((i, names[i]) for i in found), key=lambda pair: pair[1])

    items = view.gap_items
    return template.render(
        view=view,
        lang=current().value,
        t=t,
        models=options_of((Label.Model,)),
        markets=options_of(PLACE_TYPES),
        centre_json=script_json(view.centre),
        shown_text_json=script_json(t("Showing {shown} of {total}")),
        gap_total=t(
            "{count} gaps: {by_type}",
            count=num(len(items)),
            by_type=", ".join(
                f"{t(f'gap type {k}')} {n}" for k, n in counts_by_type(items).items()
            ),
        ),
        portfolio=view.portfolio,
        node_legend=[(node_styles()[t], t) for t in node_types],
        edge_legend=[replace(EDGE_STYLES[s], caption=edge_caption(s)) for s in edge_styles],
        illustrative=illustrative,
        illustrative_mark=ILLUSTRATIVE_MARK.strip(),
        missing_border=MISSING_BORDER,
        nodes_json=script_json(nodes),
        edges_json=script_json(edges),
        options_json=Markup(options),  # built here from constants, not from the data
        captions_json=script_json(captions),
        assets_href=assets_href,
        index_href=index_href,
        vis_js=Markup(vis_asset(VIS_FILES[0])) if assets_href is None else None,
        vis_css=Markup(vis_asset(VIS_FILES[1])) if assets_href is None else None,
    )


def write_assets(folder: Path) -> None:
    """The vis-network files the board pack's pages read (one copy instead of one per page)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in VIS_FILES:
        (folder / name).write_text(vis_asset(name), encoding="utf-8")
