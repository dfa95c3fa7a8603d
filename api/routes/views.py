"""The graph views over HTTP: the same pages as `partnergraph view`, vis-network inlined."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.view_gaps import missing_partners
from api.view_pages import ViewKind, view_page
from graph.store import GraphStore

router = APIRouter(prefix="/views", tags=["views"])


def _store(request: Request) -> GraphStore:
    """The app's store (api.main puts it on app.state); unknown ids raise UnknownIdError: 404."""
    store: GraphStore = request.app.state.store
    return store


async def _page(request: Request, kind: ViewKind, target: str | None) -> HTMLResponse:
    html = await run_in_threadpool(view_page, _store(request), kind, target, missing_partners)
    return HTMLResponse(html)


@router.get("/ecosystem", response_class=HTMLResponse)
async def ecosystem(request: Request) -> HTMLResponse:
    """Every actor and their partnerships, grouped by type (HTML, works offline)."""
    return await _page(request, ViewKind.ecosystem, None)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
async def cluster(request: Request, cluster_id: str) -> HTMLResponse:
    """One cluster's partners, agreements, engagements and gaps (HTML)."""
    return await _page(request, ViewKind.cluster, cluster_id)


@router.get("/models/{model_id}", response_class=HTMLResponse)
async def model(request: Request, model_id: str) -> HTMLResponse:
    """Who takes part in one of the four models and how (HTML)."""
    return await _page(request, ViewKind.model, model_id)


@router.get("/markets/{market}", response_class=HTMLResponse)
async def market(request: Request, market: str) -> HTMLResponse:
    """A country (ISO code) or hotspot: Danish actors there and the clusters reaching it (HTML)."""
    return await _page(request, ViewKind.market, market)
