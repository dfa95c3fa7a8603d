"""Recommended partners for a cluster under a model, with reasons and evidence."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.routes.common import NOT_FOUND
from api.schemas import Recommendations
from graph.memory_store import MemoryStore
from graph.store import GraphStore
from queries.recommend import recommend_partners

router = APIRouter(prefix="/recommendations", tags=["recommendations"])


@router.get("", response_model=Recommendations, responses=NOT_FOUND)
def recommendations(
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
    if isinstance(store, MemoryStore):
        body = _remembered(store, cluster, model, market, limit)
    else:
        body = _answer(store, cluster, model, market, limit)
    return Response(body, media_type="application/json")


def _answer(store: GraphStore, cluster: str, model: str, market: str | None, limit: int) -> bytes:
    result = recommend_partners(store, cluster, model, market=market, top=limit)
    return Recommendations.model_validate(result.as_dict()).model_dump_json().encode()


@lru_cache(maxsize=4096)
def _remembered(
    store: MemoryStore, cluster: str, model: str, market: str | None, limit: int
) -> bytes:
    """The API never writes to the memory store (it is loaded once, at start-up), so an answer
    holds for the life of the process; Neo4j may be reloaded meanwhile, so it is always asked."""
    return _answer(store, cluster, model, market, limit)
