"""The FastAPI app: `create_app()` builds it; `partnergraph serve` runs it with uvicorn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from api.answers import warm_up
from api.deps import reject_unknown_query_parameters, require_api_key
from api.docs_page import add_docs
from api.errors import add_error_handlers
from api.request_context import RequestIdMiddleware, configure_logging, log
from api.routes import (
    actors,
    changes,
    clusters,
    cypher,
    export,
    health,
    leads,
    models,
    recommendations,
    survey,
    views,
)
from api.schemas import Message, ValidationMessage
from api.settings import Settings
from api.store_access import configured_store
from graph.store import GraphStore
from ontology.names import ModelId

DESCRIPTION = f"""
A knowledge graph of the partnerships through which Danish cluster organisations
internationalise: actors, the four internationalisation models, each cluster's gaps, and
recommended partners with reasons and evidence.

Ids are `kind:slug` (`cluster:odense-robotics`, `{ModelId.market_test}`, `country:DE`); where an id
is a parameter the bare slug is accepted too. Errors are `{{"detail": ...}}`: 404 for an unknown id
(with the closest ids), 422 for a bad parameter (which and why), 503 when the store cannot be
reached (with a hint). When the server sets `PARTNERGRAPH_API_KEY`, every route but `/health`
needs it in the `X-API-Key` header.
"""
TAGS = [
    {"name": "health", "description": "Liveness, readiness and the store's reachability."},
    {"name": "models", "description": "The report's four internationalisation models."},
    {"name": "actors", "description": "Clusters, representations, partners and their ties."},
    {"name": "gaps", "description": "What a cluster's partnerships lack under each model."},
    {"name": "recommendations", "description": "Partners to close the gaps, with reasons."},
    {"name": "leads", "description": "Leads found abroad, routed to clusters as landing bases."},
    {"name": "survey", "description": "The report's survey figures beside the graph's."},
    {"name": "export", "description": "The graph as GraphML, Turtle or JSON."},
    {"name": "cypher", "description": "Read-only, bounded Cypher (Neo4j store only)."},
    {"name": "views", "description": "Interactive graph views as HTML pages."},
    {"name": "history", "description": "What the loads changed, in words, since a day."},
]
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {
        "model": ValidationMessage,
        "description": "A bad or unknown parameter or body: which, and why.",
    },
    503: {"model": Message, "description": "The store cannot be reached; the detail says why."},
}


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app on `store`, or on the store the environment names (opened at start-up)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging()
        opened = None
        if getattr(app.state, "store", None) is None:  # the memory store loads the bundled
            opened = await run_in_threadpool(configured_store, settings)  # data: once per worker
            app.state.store = opened
        # Before the first request (and before readiness says ready): the analyses read what
        # they keep of the whole graph.
        try:
            took = await run_in_threadpool(warm_up, app.state.store)
            log.info("warmed up in %.1f s", took)
        except Exception as error:  # the store is down or empty: requests will say so
            log.warning("not warmed up: %s", error)
        yield
        if opened is not None:
            opened.close()

    app = FastAPI(
        title="partnergraph",
        version=version("partnergraph"),
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(reject_unknown_query_parameters)],
        docs_url=None,  # served from packaged assets instead: add_docs
        redoc_url=None,  # ReDoc would load from a CDN; Swagger UI shows the same document
        openapi_tags=TAGS,
        servers=[
            {
                "url": settings.partnergraph_public_url or "/",
                "description": "This server (PARTNERGRAPH_PUBLIC_URL)",
            }
        ],
    )
    add_docs(app)
    app.state.settings = settings
    if store is not None:
        app.state.store = store
    add_error_handlers(app)
    app.include_router(health.router, responses=COMMON_ERRORS)
    guarded = [Depends(require_api_key)] if settings.partnergraph_api_key else []
    routers = (
        models,
        actors,
        clusters,
        recommendations,
        leads,
        survey,
        export,
        cypher,
        views,
        changes,
    )
    for module in routers:
        app.include_router(module.router, dependencies=guarded, responses=_errors(guarded))
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
        )
    app.add_middleware(RequestIdMiddleware)
    return app


def _errors(guarded: list[Any]) -> dict[int | str, dict[str, Any]]:
    if not guarded:
        return COMMON_ERRORS
    return {**COMMON_ERRORS, 401: {"model": Message, "description": "Missing or wrong X-API-Key."}}
