"""Recommended partners for a cluster under a model, with reasons and evidence."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from weakref import WeakKeyDictionary

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.routes.common import NOT_FOUND
from api.schemas import Recommendations
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from queries.gaps import GapOptions
from queries.recommend import recommend_partners

router = APIRouter(prefix="/recommendations", tags=["recommendations"])
# cluster, model, market and limit as asked, and the day (agreements' validity is judged on it)
Question = tuple[str, str, str | None, int, dt.date]


# The API never writes to the memory store (it is loaded once, at start-up), so an answer there
# holds for the life of the process; Neo4j may be reloaded meanwhile, so it is always asked.
_remembered: WeakKeyDictionary[MemoryStore, dict[Question, bytes]] = WeakKeyDictionary()
REMEMBERED_PER_STORE = 10_000


@router.get("", response_model=Recommendations, responses=NOT_FOUND)
async def recommendations(
    store: StoreDep,
    cluster: Annotated[
        str, Query(description="Cluster id or slug.", examples=["cluster:odense-robotics"])
    ],
    model: Annotated[str, Query(description="Model id or slug.", examples=["market-test"])],
    market: Annotated[
        str | None,
        Query(description="Target market: ISO country code or market id.", examples=["DE"]),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Partners to list at most.")] = 10,
) -> Response:
    """Whom the cluster should work with under the model (and on the market): the partners that
    fill its missing roles, scored, each with reasons, evidence and provenance."""
    question = (cluster, model, market, limit, dt.date.today())
    known = _remembered.setdefault(store, {}) if isinstance(store, MemoryStore) else None
    body = known.get(question) if known is not None else None
    if body is None:  # the analysis reads the store: off the event loop
        body = await run_in_threadpool(_answer, store, question)
        if known is not None and len(known) < REMEMBERED_PER_STORE:
            known[question] = body
    return Response(body, media_type="application/json")


def _answer(store: GraphStore, question: Question) -> bytes:
    cluster, model, market, limit, day = question
    options = GapOptions(as_of=day)
    result = recommend_partners(store, cluster, model, market=market, top=limit, options=options)
    return Recommendations.model_validate(result.as_dict()).model_dump_json().encode()
