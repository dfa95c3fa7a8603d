"""Reading the store for the views: which nodes are actors, where they are, and the plain-text
tooltip lines (name, type, city, provenance) every drawn fact carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

from rdflib.namespace import SKOS

from api.views.lang import Lang, current, named, t
from api.views.spec import ViewEdge, ViewNode
from api.views.style import ILLUSTRATIVE_MARK, edge_caption, node_style
from graph.store import GraphStore, StoredRelationship
from ontology.models import load_catalogue
from ontology.names import PG, Label, Rel
from ontology.schema import load_schema, models_graph
from queries.gaps import INACTIVE
from queries.validity import HISTORY, AgreementState, agreement_state, partnership_ended

ILLUSTRATIVE = "illustrative"


def node_name(store: GraphStore, node_id: str) -> str:
    """The stored node's name in the page's language, else its id."""
    return named(store.get_node(node_id), node_id)


def label_of(node_id: str) -> str:
    return load_schema().label_for_id(node_id)


def cities(store: GraphStore) -> dict[str, str]:
    """{actor id: its city's name, or its cities' names in order} from LOCATED_IN."""
    names = {n["id"]: named(n) for n in store.nodes(Label.City)}
    located: dict[str, set[str]] = {}
    for r in store.relationships(Rel.LOCATED_IN):
        located.setdefault(r.start, set()).add(names.get(r.end, r.end))
    return {actor: ", ".join(sorted(places)) for actor, places in located.items()}


def is_illustrative(props: dict[str, Any]) -> bool:
    return props.get("confidence") == ILLUSTRATIVE


def provenance_lines(props: dict[str, Any]) -> list[str]:
    lines = [t("Source: {source}", source=props.get("source") or t("not stated"))]
    if props.get("section"):
        lines.append(t("Section: {section}", section=props["section"]))
    if props.get("url"):
        lines.append(f"URL: {props['url']}")
    confidence = props.get("confidence")
    if confidence == ILLUSTRATIVE:
        lines.append(t("ILLUSTRATIVE: not a sourced fact (marked * and drawn faded)"))
    else:
        lines.append(t("Confidence: {confidence}", confidence=t(str(confidence or "not stated"))))
    return lines


def concept_name(concept_id: str) -> str:
    """A model's or a partner role's name in the page's language, from the ontology (for a
    relationship property that names one by id)."""
    return _concept_names(current()).get(concept_id, concept_id)


@cache
def _concept_names(lang: Lang) -> dict[str, str]:
    catalogue = load_catalogue()
    english = {m.id: m.name for m in catalogue.models.values()}
    english |= {r.id: r.name for r in catalogue.roles.values()}
    if lang == Lang.en:
        return english
    graph = models_graph()
    danish = {}
    for subject, identifier in graph.subject_objects(PG.identifier):
        name = graph.value(subject, PG.nameDa) or next(
            (
                o
                for o in graph.objects(subject, SKOS.prefLabel)
                if getattr(o, "language", "") == "da"
            ),
            None,
        )
        if name is not None and str(identifier) in english:
            danish[str(identifier)] = str(name)[:1].upper() + str(name)[1:]
    return english | danish


def is_inactive(props: dict[str, Any]) -> bool:
    """An actor that has stopped (a merged or bankrupt cluster, a closed office)."""
    return props.get("status") in INACTIVE


def view_node(
    props: dict[str, Any],
    label: str,
    city: str | None = None,
    extra: Iterable[str] = (),
    group: str = "",
) -> ViewNode:
    """A stored node as drawn: its name on the canvas, the facts behind it on hover."""
    name = named(props, props["id"])
    illustrative = is_illustrative(props)
    lines = [name, t("Type: {type}", type=node_style(label).caption)]
    if city:
        lines.append(t("City: {city}", city=city))
    inactive = is_inactive(props)
    if inactive:
        lines.append(t("Status: {status}", status=t(str(props["status"]))))
    lines += list(extra)
    lines += provenance_lines(props)
    mark = f" ({t(str(props['status']))})" if inactive else ""
    return ViewNode(
        props["id"],
        _short(name) + mark + (ILLUSTRATIVE_MARK if illustrative else ""),
        label,
        tuple(lines),
        illustrative,
        group,
        inactive=inactive,
    )


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def partnership_style(rel: StoredRelationship, today: dt.date) -> str:
    """informal | project | formal, or expired when the partnership has ended."""
    if partnership_ended(rel.properties, today):
        return "expired"
    kind = rel.properties.get("kind")
    return kind if kind in ("informal", "project", "formal") else "partnership"


def agreement_style(agreement: dict[str, Any], today: dt.date) -> str:
    state = agreement_state(agreement, today)
    if state in HISTORY:
        return "expired"
    return "planned" if state == AgreementState.PLANNED else "formal"


def view_edge(
    rel: StoredRelationship,
    style: str,
    names: dict[str, str],
    extra: Iterable[str] = (),
    label: str = "",
) -> ViewEdge:
    """A stored relationship as drawn, with what it is and where the fact comes from on hover."""
    head = f"{names.get(rel.start, rel.start)} - {names.get(rel.end, rel.end)}"
    lines = [head, edge_caption(style)]
    for key in ("kind", "start", "end", "model", "role"):
        value = rel.properties.get(key)
        if value is not None:
            shown = concept_name(str(value)) if key in ("model", "role") else value
            lines.append(f"{t(key.capitalize())}: {t(str(shown))}")
    lines += list(extra)
    lines += provenance_lines(rel.properties)
    return ViewEdge(rel.start, rel.end, style, tuple(lines), is_illustrative(rel.properties), label)
