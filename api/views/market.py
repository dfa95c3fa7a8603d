"""The market view: a country or hotspot, the Danish actors present there, and which clusters
reach it (by a declared target market, an engagement or an agreement)."""

from __future__ import annotations

import datetime as dt

from api.views.facts import cities, label_of, view_edge, view_node
from api.views.lang import current, listing, named, num, t
from api.views.spec import UnknownNode, View, ViewEdge, ViewNode
from graph.store import GraphStore
from ontology.names import Label, Rel


def market_view(store: GraphStore, place_id: str, today: dt.date | None = None) -> View:
    place = store.get_node(place_id)
    if place is None:
        raise UnknownNode(place_id)
    located = cities(store)
    nodes: dict[str, ViewNode] = {}
    edges: list[ViewEdge] = []

    def add(node_id: str) -> None:
        if node_id not in nodes:
            props = store.get_node(node_id) or {"id": node_id}
            nodes[node_id] = view_node(props, label_of(node_id), located.get(node_id))

    add(place_id)
    names: dict[str, str] = {}
    # The place and the places inside it (a country's hotspots, markets and cities).
    places = {place_id}
    for r in store.relationships(Rel.IN_COUNTRY):
        if r.end == place_id:
            places.add(r.start)
            add(r.start)
            edges.append(view_edge(r, "present", names))
    located_rels = (Rel.PRESENT_IN, Rel.LOCATED_IN, Rel.IN_HOTSPOT)
    targeting_rels = (Rel.TARGETS_MARKET, Rel.TARGETS)
    hubs: dict[str, str] = {}  # engagement or agreement -> the place it targets
    for r in store.relationships():
        if r.end not in places:
            continue
        if r.type in located_rels:
            add(r.start)
            edges.append(view_edge(r, "present", names))
        elif r.type in targeting_rels:
            add(r.start)
            edges.append(view_edge(r, "targets", names))
            if r.type == Rel.TARGETS:
                hubs[r.start] = r.end
    # Who is behind each engagement or agreement aimed here: the clusters that reach it.
    for r in store.relationships():
        if r.type == Rel.UNDERTAKES and r.end in hubs:
            add(r.start)
            edges.append(view_edge(r, "project", names, (t("Undertakes this engagement"),)))
        elif r.type == Rel.PARTY_TO and r.end in hubs:
            add(r.start)
            edges.append(view_edge(r, "formal", names))
    # Cities with nobody drawn in them add nothing for a reader: leave them out.
    ends = {e.end for e in edges}
    idle = {n.id for n in nodes.values() if n.type == Label.City and n.id not in ends}
    nodes = {k: v for k, v in nodes.items() if k not in idle}
    edges = [e for e in edges if e.start in nodes and e.end in nodes]
    for node_id, node in nodes.items():
        names[node_id] = node.tooltip[0]
    # Sorted, so that both stores (which list relationships in their own order) draw one page.
    edges = sorted((_renamed(e, names) for e in edges), key=lambda e: (e.start, e.end, e.tooltip))
    clusters = sorted(n.tooltip[0] for n in nodes.values() if n.type == Label.Cluster)
    name = named(place, place_id)
    return View(
        "market",
        name,
        t(
            "market subtitle",
            name=name,
            count=num(len(clusters)),
            clusters=listing(clusters, current(), limit=20) or t("none"),
        ),
        sorted(nodes.values(), key=lambda n: n.id),
        edges,
        centre=place_id,
    )


def _renamed(edge: ViewEdge, names: dict[str, str]) -> ViewEdge:
    """The tooltip's first line names both ends (known only once every node is in)."""
    head = f"{names.get(edge.start, edge.start)} - {names.get(edge.end, edge.end)}"
    return ViewEdge(edge.start, edge.end, edge.style, (head, *edge.tooltip[1:]), edge.illustrative)
