"""The graph views over HTTP: the same pages as `partnergraph view`, vis-network inlined."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.answers import graph_on
from api.routes.common import NOT_FOUND, AsOfDay
from api.views.gaps import missing_partners
from api.views.lang import DEFAULT_LANG, Lang
from api.views.pages import ViewKind, view_page
from graph.store import GraphStore
from queries.gaps import GapOptions

router = APIRouter(prefix="/views", tags=["views"])
# Not response_class=HTMLResponse: that would document the JSON errors as HTML too.
HTML_PAGE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A self-contained HTML page (vis-network inlined).",
        "content": {"text/html": {"example": "<!doctype html><html>...</html>"}},
    }
}


def _store(request: Request) -> GraphStore:
    """The app's store (api.main puts it on app.state); unknown ids raise UnknownIdError: 404."""
    store: GraphStore = request.app.state.store
    return store


Language = Annotated[
    Lang, Query(description="The page's language: da (Danish, the default) or en (English).")
]
AsOf = Annotated[
    AsOfDay,
    Query(
        description="The graph as loaded by the end of this day, gaps judged on it.",
        examples=["2026-12-01"],
    ),
]


async def _page(
    request: Request, kind: ViewKind, target: str | None, lang: Lang, as_of: dt.date | None
) -> HTMLResponse:
    html = await run_in_threadpool(page_as_of, _store(request), kind, target, lang, as_of)
    return HTMLResponse(html)


def page_as_of(
    store: GraphStore, kind: ViewKind, target: str | None, lang: Lang, as_of: dt.date | None
) -> str:
    """The page of the graph as loaded by that day (default: now), its gaps judged on it."""
    missing = partial(missing_partners, options=GapOptions(as_of=as_of or dt.date.today()))
    return view_page(graph_on(store, as_of), kind, target, missing, lang)


@router.get("/ecosystem", responses=HTML_PAGE)
async def ecosystem(
    request: Request, lang: Language = DEFAULT_LANG, as_of: AsOf = None
) -> HTMLResponse:
    """Every actor and their partnerships, grouped by type (HTML, works offline)."""
    return await _page(request, ViewKind.ecosystem, None, lang, as_of)


@router.get("/clusters/{cluster_id}", responses={**HTML_PAGE, **NOT_FOUND})
async def cluster(
    request: Request,
    cluster_id: Annotated[str, Path(examples=["odense-robotics", "cluster:clean"])],
    lang: Language = DEFAULT_LANG,
    as_of: AsOf = None,
) -> HTMLResponse:
    """One cluster's partners, agreements, engagements, gaps and portfolio (HTML)."""
    return await _page(request, ViewKind.cluster, cluster_id, lang, as_of)


@router.get("/models/{model_id}", responses={**HTML_PAGE, **NOT_FOUND})
async def model(
    request: Request,
    model_id: Annotated[str, Path(examples=["market-test"])],
    lang: Language = DEFAULT_LANG,
    as_of: AsOf = None,
) -> HTMLResponse:
    """Who takes part in one of the four models and how (HTML)."""
    return await _page(request, ViewKind.model, model_id, lang, as_of)


@router.get("/markets/{market}", responses={**HTML_PAGE, **NOT_FOUND})
async def market(
    request: Request,
    market: Annotated[str, Path(examples=["DE", "hotspot:munich"])],
    lang: Language = DEFAULT_LANG,
    as_of: AsOf = None,
) -> HTMLResponse:
    """A country (ISO code) or hotspot: Danish actors there and the clusters reaching it (HTML)."""
    return await _page(request, ViewKind.market, market, lang, as_of)
