"""The model view: who takes part in one of the four models and how (the role they play in each
engagement), with the agreements under it and the clusters that declare target markets for it."""

from __future__ import annotations

import datetime as dt

from api.views.facts import agreement_style, cities, label_of, view_edge, view_node
from api.views.lang import named, num, t
from api.views.spec import UnknownNode, View, ViewEdge, ViewNode
from graph.store import GraphStore, StoredRelationship
from ontology.names import Label, Rel
from queries.gaps.options import judging_day


def model_view(store: GraphStore, model_id: str, today: dt.date | None = None) -> View:
    today = today or judging_day()
    model = store.get_node(model_id)
    if model is None:
        raise UnknownNode(model_id)
    located = cities(store)
    role_names = {n["id"]: named(n) for n in store.nodes(Label.PartnerRole)}
    nodes: dict[str, ViewNode] = {}
    pending: list[tuple[StoredRelationship, str, tuple[str, ...]]] = []

    def add(node_id: str) -> None:
        if node_id not in nodes:
            props = store.get_node(node_id) or {"id": node_id}
            nodes[node_id] = view_node(props, label_of(node_id), located.get(node_id))

    add(model_id)
    under = {r.start for r in store.relationships(Rel.UNDER_MODEL) if r.end == model_id}
    for r in store.relationships(Rel.UNDER_MODEL):
        if r.end == model_id:
            add(r.start)
            pending.append((r, "model", ()))
    agreements = {n["id"]: n for n in store.nodes(Label.Agreement) if n["id"] in under}
    for r in store.relationships():
        if r.end in under and r.type in (Rel.UNDERTAKES, Rel.PARTY_TO):
            add(r.start)
            style = (
                agreement_style(agreements[r.end], today) if r.type == Rel.PARTY_TO else "project"
            )
            pending.append((r, style, ()))
        elif r.start in under and r.type == Rel.INVOLVES:
            add(r.end)
            role = role_names.get(str(r.properties.get("role")), t("role not stated"))
            pending.append((r, "involves", (t("Role: {role}", role=role),)))
        elif r.type == Rel.TARGETS_MARKET and r.properties.get("model") == model_id:
            add(r.start)
            add(r.end)
            declared = t("Declared target market under {model}", model=named(model))
            pending.append((r, "targets", (declared,)))
    names = {node_id: node.tooltip[0] for node_id, node in nodes.items()}
    edges: list[ViewEdge] = [view_edge(r, style, names, extra) for r, style, extra in pending]
    engagements = sum(1 for n in nodes.values() if n.type == Label.Engagement)
    actors = sum(
        1 for n in nodes.values() if n.type not in (Label.Engagement, Label.Agreement, Label.Model)
    )
    name = named(model, model_id)
    return View(
        "model",
        name,
        t("model subtitle", name=name, engagements=num(engagements), actors=num(actors))
        + (f" {model['quote']}" if model.get("quote") else ""),
        list(nodes.values()),
        edges,
        centre=model_id,
    )
