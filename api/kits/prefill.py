"""What the graph holds about one cluster, as the rows of its survey workbook.

Each row says where its fact came from (the source column) and keeps its identity and source
in hidden columns, so the loader knows a returned row that nobody changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.store import GraphStore, StoredRelationship
from loaders.kit_layout import KEY, SOURCE
from loaders.workbook_cells import display_name
from ontology.names import Label, Rel
from ontology.schema import load_schema

Row = dict[str, Any]


@dataclass
class KitContent:
    cluster: dict[str, Any]
    rows: dict[str, list[Row]] = field(default_factory=dict)  # sheet key -> rows
    lists: dict[str, list[str]] = field(default_factory=dict)  # drop-down name -> entries


def provenance_text(props: dict[str, Any]) -> str:
    parts = [str(props.get(k)) for k in ("source", "section") if props.get(k)]
    text = "; ".join(parts) or str(props.get("source_id", ""))
    return f"{text} (illustrative)" if props.get("confidence") == "illustrative" else text


def _named(store: GraphStore, node_id: str, lang: str) -> str:
    node = store.get_node(node_id) or {"id": node_id}
    return display_name(node, lang)


def _links(store: GraphStore, node_id: str) -> list[StoredRelationship]:
    return store.neighbourhood(node_id, 1).relationships


def _partnerships(
    store: GraphStore, cluster: str, rels: list[StoredRelationship], lang: str
) -> list[Row]:
    rows = []
    for r in rels:
        if r.type != Rel.PARTNERS_WITH or cluster not in (r.start, r.end):
            continue
        partner = r.end if r.start == cluster else r.start
        row: Row = {k: v for k, v in r.properties.items()}
        row |= {"partner": _named(store, partner, lang), KEY: partner}
        rows.append(_sourced(row, r.properties))
    return sorted(rows, key=lambda row: (str(row["partner"]), str(row[SOURCE])))


def _sourced(row: Row, props: dict[str, Any]) -> Row:
    return row | {"source": provenance_text(props), SOURCE: props.get("source_id", "")}


def _subject_rows(store: GraphStore, cluster: str, ids: list[str], lang: str) -> list[Row]:
    """Engagements or agreements: the node's properties, its model, markets and other parties."""
    rows = []
    for node_id in sorted(set(ids)):
        node = store.get_node(node_id)
        if node is None:
            continue
        row: Row = dict(node) | {KEY: node_id}
        markets, parties = [], []
        for r in _links(store, node_id):
            if r.type == Rel.UNDER_MODEL and r.start == node_id:
                row["model"] = _named(store, r.end, lang)
            elif r.type == Rel.TARGETS and r.start == node_id:
                markets.append(_named(store, r.end, lang))
            elif r.type == Rel.PARTY_TO and r.end == node_id and r.start != cluster:
                parties.append(_named(store, r.start, lang))
        row["markets"] = " | ".join(sorted(markets))
        row["parties"] = " | ".join(sorted(parties))
        rows.append(_sourced(row, node))
    return rows


def _markets(
    store: GraphStore, cluster: str, rels: list[StoredRelationship], lang: str
) -> list[Row]:
    rows = []
    for r in rels:
        if r.type == Rel.TARGETS_MARKET and r.start == cluster:
            row: Row = dict(r.properties) | {"market": _named(store, r.end, lang), KEY: r.end}
            if row.get("model"):
                row["model"] = _named(store, str(row["model"]), lang)
            rows.append(_sourced(row, r.properties))
    return sorted(rows, key=lambda row: (str(row["market"]), str(row.get("model", ""))))


def _contacts(
    store: GraphStore, cluster: str, rels: list[StoredRelationship], lang: str
) -> list[Row]:
    """The people the cluster named for its partnerships, with the partner each is a contact of."""
    rows = []
    for r in rels:
        if r.type != Rel.HAS_CONTACT or r.start != cluster:
            continue
        person = store.get_node(r.end)
        if person is None:
            continue
        partner = next(
            (c.end for c in _links(store, r.end) if c.type == Rel.CONTACT_FOR and c.start == r.end),
            "",
        )
        row: Row = dict(person) | {KEY: r.end}
        row["partner"] = _named(store, partner, lang) if partner else ""
        rows.append(_sourced(row, person))
    return sorted(rows, key=lambda row: (str(row["partner"]), str(row.get("name", ""))))


def cluster_content(store: GraphStore, cluster_id: str, lang: str) -> KitContent:
    cluster = store.get_node(cluster_id)
    if cluster is None:
        raise LookupError(cluster_id)
    rels = _links(store, cluster_id)
    engagements = [r.end for r in rels if r.type == Rel.UNDERTAKES and r.start == cluster_id]
    agreements = [r.end for r in rels if r.type == Rel.PARTY_TO and r.start == cluster_id]
    content = KitContent(cluster)
    content.rows["partnerships"] = _partnerships(store, cluster_id, rels, lang)
    content.rows["engagements"] = _subject_rows(store, cluster_id, engagements, lang)
    content.rows["agreements"] = _subject_rows(store, cluster_id, agreements, lang)
    content.rows["markets"] = _markets(store, cluster_id, rels, lang)
    content.rows["contacts"] = _contacts(store, cluster_id, rels, lang)
    content.rows["survey"] = survey_rows(store, cluster_id, rels, engagements, lang)
    content.lists = drop_down_lists(store, lang)
    return content


def survey_rows(
    store: GraphStore,
    cluster: str,
    rels: list[StoredRelationship],
    engagements: list[str],
    lang: str,
) -> list[Row]:
    """The report's survey questions, answered yes where the graph shows it: a partner figure
    by a partnership with an actor of the figure's role, an activity figure by an engagement
    including the activity; the rest (strategy, funding) is left for the cluster."""
    schema = load_schema()
    role_labels = {
        r["id"]: set(r.get("filled_by_labels", [])) for r in store.nodes(Label.PartnerRole)
    }
    figure_role = {r.start: r.end for r in store.relationships(Rel.ABOUT_ROLE)}
    figure_activity = {r.start: r.end for r in store.relationships(Rel.ABOUT_ACTIVITY)}
    partners: dict[str, list[str]] = defaultdict(list)
    for r in rels:
        if r.type == Rel.PARTNERS_WITH and cluster in (r.start, r.end):
            other = r.end if r.start == cluster else r.start
            partners[schema.label_for_id(other)].append(_named(store, other, lang))
    activities: dict[str, list[str]] = defaultdict(list)
    for engagement in engagements:
        for r in _links(store, engagement):
            if r.type == Rel.INCLUDES_ACTIVITY and r.start == engagement:
                activities[r.end].append(_named(store, engagement, lang))
    rows = []
    for figure in sorted(store.nodes(Label.SurveyFigure), key=lambda f: f["id"]):
        basis: list[str] = []
        if figure["id"] in figure_role:
            for label in sorted(role_labels.get(figure_role[figure["id"]], set())):
                basis += partners.get(label, [])
        elif figure["id"] in figure_activity:
            basis = activities.get(figure_activity[figure["id"]], [])
        rows.append(
            {
                KEY: figure["id"],
                "question": _asked(str(figure.get("question", "")), lang),
                "option": (figure.get("name_da") if lang == "da" else None)
                or figure.get("option", figure.get("name", "")),
                # Yes where the graph shows it; blank, not no, where it shows nothing.
                "answer": "yes" if basis else "",
                "basis": "; ".join(sorted(set(basis))[:6]),
            }
        )
    return sorted(rows, key=lambda row: (row["question"], row[KEY]))


def _asked(question: str, lang: str) -> str:
    from api.views.danish import DANISH  # the pages' wording table, keyed by the English text

    return DANISH.get(question, question) if lang == "da" else question


def drop_down_lists(store: GraphStore, lang: str) -> dict[str, list[str]]:
    schema = load_schema()
    actors = [
        display_name(node, lang)
        for label in sorted(schema.actor_labels)
        for node in store.nodes(label)
    ]
    places = [
        display_name(node, lang)
        for label in (Label.Country, Label.Hotspot, Label.Market)
        for node in store.nodes(label)
    ]
    models = [display_name(node, lang) for node in store.nodes(Label.Model)]
    return {"actors": sorted(actors), "markets": sorted(places), "models": sorted(models)}
