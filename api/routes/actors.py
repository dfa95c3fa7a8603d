"""Actors: the organisations in the graph, searchable, and each with its partnerships."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.errors import bad_request
from api.routes.common import NOT_FOUND, actor_labels, actor_ref, provenance_of
from api.schemas import ActorDetail, ActorPage, AgreementSummary, Partnership
from graph.records import FINGERPRINT, LOAD_ID, SOURCE_ID, source_name
from graph.store import GraphStore, StoredRelationship
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.ids import UnknownIdError, resolve_id

router = APIRouter(prefix="/actors", tags=["actors"])
HIDDEN = {FINGERPRINT, LOAD_ID}  # store bookkeeping, not a fact
# What `type` accepts: a label or its id prefix (`Cluster`, `cluster`).
ACTOR_TYPES = sorted(
    {*actor_labels(), *(load_schema().node_types[label].prefix for label in actor_labels())}
)


@router.get("", response_model=ActorPage)
def list_actors(
    store: StoreDep,
    type: Annotated[
        str | None,
        Query(
            description="Node label or id prefix of the actors wanted.",
            examples=[Label.Cluster],
            json_schema_extra={"enum": ACTOR_TYPES},
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Text in the id or name (either language).",
            examples=["robot"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Actors per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Actors to skip.")] = 0,
) -> ActorPage:
    """Actors (clusters, ICDK centres, Trade Council, foreign clusters, ...), by id, paged."""
    labels = actor_labels()
    if type is not None:
        labels = [_label_for_type(type, labels)]
    needle = (q or "").strip().casefold()
    found = sorted(
        (
            node
            for label in labels
            for node in store.nodes(label)
            if not needle or needle in _searchable(node)
        ),
        key=lambda node: node["id"],
    )
    return ActorPage(
        total=len(found),
        limit=limit,
        offset=offset,
        items=[actor_ref(node) for node in found[offset : offset + limit]],
    )


@router.get("/{actor_id}", response_model=ActorDetail, responses=NOT_FOUND)
def get_actor(
    actor_id: Annotated[
        str, Path(description="Actor id or bare slug.", examples=["icdk:munich", "odense-robotics"])
    ],
    store: StoreDep,
) -> ActorDetail:
    """One actor with its properties, provenance, partnerships and agreements (with parties)."""
    schema = load_schema()
    prefixes = [schema.node_types[label].prefix for label in actor_labels()]
    try:
        node_id = resolve_id(store, actor_id, *prefixes)
    except UnknownIdError as error:  # "no actor", not the list of sixteen labels
        raise UnknownIdError(actor_id, "actor", error.closest) from None
    around = store.neighbourhood(node_id, depth=1)
    node = around.nodes[node_id]
    partnerships = [
        _partnership(r, node_id, around.nodes)
        for r in around.relationships
        if r.type == Rel.PARTNERS_WITH and node_id in (r.start, r.end)
    ]
    agreements = [
        _agreement(store, r.end)
        for r in around.relationships
        if r.type == Rel.PARTY_TO and r.start == node_id
    ]
    return ActorDetail(
        **actor_ref(node).model_dump(),
        properties={
            k: source_name(v) if k == SOURCE_ID else v
            for k, v in sorted(node.items())
            if k not in HIDDEN
        },
        provenance=provenance_of(node),
        partnerships=sorted(partnerships, key=lambda p: (p.partner.id, p.direction)),
        agreements=sorted(agreements, key=lambda a: a.id),
    )


def _label_for_type(value: str, labels: list[str]) -> str:
    schema = load_schema()
    by_name = {label.casefold(): label for label in labels}
    by_name.update({schema.node_types[label].prefix: label for label in labels})
    label = by_name.get(value.strip().casefold())
    if label is None:
        raise bad_request(
            "query", "type", f"unknown actor type {value!r}; one of {', '.join(labels)}"
        )
    return label


def _searchable(node: dict[str, Any]) -> str:
    return " ".join(str(node.get(k) or "") for k in ("id", "name", "name_da")).casefold()


def _partnership(
    rel: StoredRelationship, node_id: str, nodes: dict[str, dict[str, Any]]
) -> Partnership:
    outgoing = rel.start == node_id
    props = rel.properties
    return Partnership(
        partner=actor_ref(nodes[rel.end if outgoing else rel.start]),
        direction="outgoing" if outgoing else "incoming",
        kind=props.get("kind"),
        start=props.get("start"),
        end=props.get("end"),
        provenance=provenance_of(props),
    )


def _agreement(store: GraphStore, agreement_id: str) -> AgreementSummary:
    around = store.neighbourhood(agreement_id, depth=1)
    agreement = around.nodes[agreement_id]
    parties = sorted(
        (
            actor_ref(around.nodes[r.start])
            for r in around.relationships
            if r.type == Rel.PARTY_TO and r.end == agreement_id
        ),
        key=lambda a: a.id,
    )
    fields = ("agreement_kind", "status", "signed", "valid_from", "valid_until")
    return AgreementSummary(
        id=agreement_id,
        name=agreement.get("name", agreement_id),
        **{k: agreement.get(k) for k in fields},
        parties=parties,
        provenance=provenance_of(agreement),
    )
