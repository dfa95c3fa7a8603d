"""The cluster view: one cluster's partners, agreements and engagements, with its gaps drawn as
missing partners (dashed) linked to the candidates recommended to fill them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from api.views.facts import (
    agreement_style,
    cities,
    is_inactive,
    label_of,
    partnership_style,
    view_edge,
    view_node,
)
from api.views.gap_items import cluster_gap_items
from api.views.lang import named, num, t
from api.views.portfolio import portfolio_cells
from api.views.spec import (
    AGGREGATE,
    MISSING,
    MissingPartner,
    UnknownNode,
    View,
    ViewEdge,
    ViewNode,
)
from api.views.style import node_style
from graph.store import GraphStore
from ontology.names import Label, Rel
from queries.gaps.options import judging_day

MEMBERS_DRAWN = 40  # more members than this are counted in one box: the partners are the point
CANDIDATES_GROUP = "Recommended candidates"
Adder = Callable[[str, str], bool]  # adds a stored node to the view (in a group); False if absent


def cluster_view(
    store: GraphStore,
    cluster_id: str,
    missing: Sequence[MissingPartner] = (),
    today: dt.date | None = None,
) -> View:
    today = today or judging_day()
    cluster = store.get_node(cluster_id)
    if cluster is None:
        raise UnknownNode(cluster_id)
    located = cities(store)
    nodes: dict[str, ViewNode] = {}
    edges: list[ViewEdge] = []

    def add(node_id: str, group: str = "") -> bool:
        if node_id not in nodes:
            props = store.get_node(node_id)
            if props is None:
                return False
            nodes[node_id] = view_node(props, label_of(node_id), located.get(node_id), (), group)
        return True

    add(cluster_id)
    names = _Names(nodes)
    hood = store.neighbourhood(cluster_id, depth=1)
    members = [
        r.start for r in hood.relationships if r.type == Rel.MEMBER_OF and r.end == cluster_id
    ]
    for r in hood.relationships:
        other = r.end if r.start == cluster_id else r.start
        if cluster_id not in (r.start, r.end) or other == cluster_id:
            continue
        if r.type == Rel.PARTNERS_WITH and add(other):
            edges.append(view_edge(r, partnership_style(r, today), names))
        elif r.type == Rel.PARTY_TO and add(other):
            edges.append(view_edge(r, agreement_style(hood.nodes[other], today), names))
        elif r.type == Rel.UNDERTAKES and add(other):
            edges.append(view_edge(r, "project", names, (t("Undertakes this engagement"),)))
        elif r.type == Rel.TARGETS_MARKET and add(other):
            edges.append(view_edge(r, "targets", names))
        elif r.type in (Rel.PART_OF, Rel.ANCHORED_IN) and add(other):
            edges.append(view_edge(r, "structure", names, (t(r.type.replace("_", " ")),)))
        elif r.type == Rel.MEMBER_OF and len(members) <= MEMBERS_DRAWN and add(other):
            edges.append(view_edge(r, "structure", names, (t("Member of the cluster"),)))
    if len(members) > MEMBERS_DRAWN:
        box = f"aggregate:members:{cluster_id}"
        nodes[box] = ViewNode(
            box,
            t("{count} members", count=num(len(members))),
            AGGREGATE,
            (t("{count} member organisations, counted, not drawn", count=num(len(members))),),
        )
        edges.append(
            ViewEdge(
                box, cluster_id, "counted", (t("{count} memberships", count=num(len(members))),)
            )
        )
    edges += _second_hop(store, nodes, names, add, today)
    edges += _missing_partners(store, cluster_id, missing, nodes, names, add)
    edges = list({(e.start, e.end, e.style): e for e in edges}.values())  # 2nd hop meets 1st
    name = named(cluster, cluster_id)
    items, state = cluster_gap_items(store, cluster_id)
    return View(
        "cluster",
        name,
        t("cluster subtitle", name=name),
        list(nodes.values()),
        edges,
        centre=cluster_id,
        notes=[t("inactive cluster note", status=t(str(cluster["status"])))]
        if is_inactive(cluster)
        else [],
        gap_items=items,
        gap_state=state or "",
        portfolio=portfolio_cells(store, cluster_id),
    )


class _Names(dict[str, str]):
    """Node names for edge tooltips, read from the nodes drawn so far."""

    def __init__(self, nodes: dict[str, ViewNode]) -> None:
        super().__init__()
        self._nodes = nodes

    def get(self, key: str, default: str | None = None) -> str:  # type: ignore[override]
        node = self._nodes.get(key)
        return node.tooltip[0] if node and node.tooltip else (default or key)


def _second_hop(
    store: GraphStore,
    nodes: dict[str, ViewNode],
    names: dict[str, str],
    add: Adder,
    today: dt.date,
) -> list[ViewEdge]:
    """For the cluster's agreements and engagements: the other parties, the models, the markets."""
    edges: list[ViewEdge] = []
    hubs = [n for n in list(nodes.values()) if n.type in (Label.Agreement, Label.Engagement)]
    for hub in hubs:
        for r in store.neighbourhood(hub.id, depth=1).relationships:
            if hub.id not in (r.start, r.end):
                continue
            other = r.end if r.start == hub.id else r.start
            if r.type == Rel.PARTY_TO and add(other, ""):
                hub_props = store.get_node(hub.id) or {}
                edges.append(view_edge(r, agreement_style(hub_props, today), names))
            elif r.type == Rel.INVOLVES and add(other, ""):
                edges.append(view_edge(r, "involves", names))
            elif r.type == Rel.UNDER_MODEL and add(other, ""):
                edges.append(view_edge(r, "model", names))
            elif r.type == Rel.TARGETS and add(other, ""):
                edges.append(view_edge(r, "targets", names))
    return edges


def _missing_partners(
    store: GraphStore,
    cluster_id: str,
    missing: Sequence[MissingPartner],
    nodes: dict[str, ViewNode],
    names: dict[str, str],
    add: Adder,
) -> list[ViewEdge]:
    edges: list[ViewEdge] = []
    for gap in missing:
        node_id = f"missing:{gap.role}:{gap.model or 'any'}:{gap.market or 'any'}"
        if node_id not in nodes:
            model = store.get_node(gap.model) if gap.model else None
            under = t(" under {model}", model=named(model)) if model else ""
            where = t(" in {market}", market=gap.market_name) if gap.market_name else ""
            nodes[node_id] = ViewNode(
                node_id,
                t("missing: {role}", role=gap.role_name)
                + (f" ({gap.market_name})" if gap.market_name else ""),
                MISSING,
                (
                    t("Missing partner: {role}", role=gap.role_name) + where + under,
                    t("Severity: {severity}", severity=t(f"severity {gap.severity}")),
                    gap.sentence,
                    *(
                        [t("Candidates: {names}", names=", ".join(c.name for c in gap.candidates))]
                        if gap.candidates
                        else [t("No candidate in the graph")]
                    ),
                ),
                group=t("Missing partners (gaps)"),
            )
            edges.append(ViewEdge(cluster_id, node_id, "gap", (gap.sentence,)))
        for candidate in gap.candidates:
            if candidate.id not in nodes and not add(candidate.id, t(CANDIDATES_GROUP)):
                nodes[candidate.id] = ViewNode(
                    candidate.id,
                    candidate.name,
                    candidate.type,
                    (candidate.name, t("Type: {type}", type=node_style(candidate.type).caption)),
                    group=t(CANDIDATES_GROUP),
                )
            edges.append(
                ViewEdge(
                    node_id,
                    candidate.id,
                    "candidate",
                    (
                        t("{name} could fill: {role}", name=candidate.name, role=gap.role_name),
                        *([candidate.reason] if candidate.reason else []),
                    ),
                )
            )
    return edges
