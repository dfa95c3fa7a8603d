"""The ecosystem view: every actor and their partnerships, grouped by type."""

from __future__ import annotations

import datetime as dt

from api.views.facts import (
    agreement_style,
    cities,
    partnership_style,
    provenance_lines,
    view_edge,
    view_node,
)
from api.views.lang import day_text, named, num, t
from api.views.spec import View, ViewEdge, ViewNode
from graph.records import SOURCE_ID
from graph.store import GraphStore, StoredRelationship
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.gaps.options import judging_day

STRUCTURE = (Rel.MEMBER_OF, Rel.PART_OF, Rel.ANCHORED_IN)


def ecosystem_view(store: GraphStore, today: dt.date | None = None) -> View:
    today = today or judging_day()
    located = cities(store)
    labels = load_schema().actor_labels
    nodes: dict[str, ViewNode] = {}
    for label in sorted(labels):
        for props in store.nodes(label):
            nodes[props["id"]] = view_node(props, label, located.get(props["id"]))
    names = {node_id: node.tooltip[0] for node_id, node in nodes.items()}
    edges: list[ViewEdge] = []
    # In the order of their ends, not of loading: the graph as of a day draws as a fresh load.
    for rel in sorted(store.relationships(Rel.PARTNERS_WITH), key=_ends):
        if rel.start in nodes and rel.end in nodes:
            edges.append(view_edge(rel, partnership_style(rel, today), names))
    for rel_type in STRUCTURE:
        for rel in sorted(store.relationships(rel_type), key=_ends):
            if rel.start in nodes and rel.end in nodes:
                edges.append(view_edge(rel, "structure", names, (t(rel_type.replace("_", " ")),)))
    edges += _agreement_edges(store, nodes, names, today)
    return View(
        "ecosystem",
        t("The partnership ecosystem"),
        t("ecosystem subtitle", actors=num(len(nodes)), links=num(len(edges))),
        list(nodes.values()),
        edges,
    )


def _ends(rel: StoredRelationship) -> tuple[str, str, str]:
    return rel.start, rel.end, str(rel.properties.get(SOURCE_ID, ""))


def _agreement_edges(
    store: GraphStore, nodes: dict[str, ViewNode], names: dict[str, str], today: dt.date
) -> list[ViewEdge]:
    """An agreement drawn as a line between its parties (a cluster first), styled by status."""
    agreements = {a["id"]: a for a in store.nodes(Label.Agreement)}
    parties: dict[str, list[str]] = {}
    for rel in store.relationships(Rel.PARTY_TO):
        if rel.start in nodes:
            parties.setdefault(rel.end, []).append(rel.start)
    edges = []
    for agreement_id, members in sorted(parties.items()):
        members.sort(key=lambda m: (not m.startswith("cluster:"), m))
        agreement = agreements.get(agreement_id, {"id": agreement_id})
        style = agreement_style(agreement, today)
        lines = [
            named(agreement, agreement_id),
            t("Agreement status: {status}", status=t(str(agreement.get("status", "not stated")))),
        ]
        if agreement.get("valid_until"):
            lines.append(t("Valid until: {day}", day=day_text(agreement["valid_until"])))
        lines += provenance_lines(agreement)
        for other in members[1:]:
            edges.append(
                ViewEdge(
                    members[0],
                    other,
                    style,
                    (f"{names.get(members[0])} - {names.get(other)}", *lines),
                    agreement.get("confidence") == "illustrative",
                )
            )
    return edges
