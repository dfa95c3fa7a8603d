"""Leads found abroad: store one (Neo4j, with the API key) and route it to its landing bases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from fastapi.exceptions import RequestValidationError

from api.deps import SettingsDep, StoreDep
from api.leads_intake import LeadIn, LeadRejected, LeadStored, store_lead
from api.routes.common import NOT_FOUND, AsOfDay
from api.schemas import Message, ValidationMessage
from graph.store import LoadRunning
from queries.leads.findings import LeadRoutes
from queries.leads.route import route_lead

router = APIRouter(prefix="/leads", tags=["leads"])

MEMORY_STORE = (
    "the memory store keeps nothing between runs: leads come from files there (partnergraph "
    "load). To post leads, run the API on Neo4j (PARTNERGRAPH_STORE=neo4j); see the README, "
    "'Using Neo4j instead of the embedded store'."
)


@router.get("/{lead_id}/routes", response_model=LeadRoutes, responses={**NOT_FOUND})
def lead_routes(
    store: StoreDep,
    lead_id: Annotated[str, Path(description="Lead id or slug.", examples=["lead:x"])],
    top: Annotated[int, Query(ge=1, le=50, description="Clusters to list at most.")] = 5,
    as_of: Annotated[
        AsOfDay, Query(description="The day agreements are judged on (default today).")
    ] = None,
) -> LeadRoutes:
    """The Danish clusters that could be the lead's landing base, best first: each with its score
    components, reasons, evidence and provenance, and whom to hand the lead to; the model the
    lead would start; what became of it, if it was routed."""
    return route_lead(store, lead_id, as_of, top)


@router.post(
    "",
    response_model=LeadStored,
    responses={
        403: {"model": Message, "description": "The server sets no API key: no writes."},
        409: {"model": Message, "description": "A load is running; try again."},
        422: {
            "model": ValidationMessage,
            "description": "The loaders' problems with the lead, every one listed, or a body "
            "that is not a lead. Nothing was stored.",
        },
        501: {"model": Message, "description": "The API runs on the memory store."},
    },
)
def post_lead(lead: LeadIn, store: StoreDep, settings: SettingsDep) -> LeadStored:
    """Store a lead (or update it: its routing, status and result) after the loaders' checks.

    Needs the Neo4j store and an API key: the server must set PARTNERGRAPH_API_KEY and the
    request send it in X-API-Key. A problem anywhere (an unknown finder or market, a value
    outside the ontology's) is listed and nothing is stored."""
    if not store.traits.persistent:
        raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, detail=MEMORY_STORE)
    if settings.partnergraph_api_key is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="posting leads writes to the graph: the server must set PARTNERGRAPH_API_KEY",
        )
    try:
        counts = store_lead(store, lead)
    except LeadRejected as error:  # in the one 422 shape: each problem at the body
        raise RequestValidationError(
            [
                {"loc": ("body",), "msg": line.removeprefix("body").lstrip(":, "), "type": "lead"}
                for line in error.problems
            ]
        ) from None
    except LoadRunning as error:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from None
    return LeadStored(
        lead=lead.id,
        created=counts.total("created"),
        updated=counts.total("updated"),
        removed=counts.total("removed"),
        routes=f"/leads/{lead.id}/routes",
    )
