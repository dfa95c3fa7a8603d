"""Recommended partners for a cluster under a model, with reasons and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.deps import AnswersDep
from api.routes.cached import cached_response
from api.routes.common import INACTIVE, NOT_FOUND, AsOfDay
from queries.findings import RecommendationResult

router = APIRouter(prefix="/recommendations", tags=["recommendations"])


@router.get("", response_model=RecommendationResult, responses={**NOT_FOUND, **INACTIVE})
async def recommendations(
    request: Request,
    answers: AnswersDep,
    cluster: Annotated[
        str, Query(description="Cluster id or slug.", examples=["cluster:odense-robotics"])
    ],
    model: Annotated[str, Query(description="Model id or slug.", examples=["market-test"])],
    market: Annotated[
        str | None,
        Query(
            description="Target market: an ISO country code in any case, a country's name in "
            "English or Danish, or a hotspot or market id.",
            examples=["DE"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Partners to list at most.")] = 10,
    offset: Annotated[
        int, Query(ge=0, le=500, description="Ranked partners to skip first (the next page).")
    ] = 0,
    as_of: Annotated[
        AsOfDay,
        Query(
            description="Judge on this day, from the graph as loaded by its end (default: "
            "today, the graph now).",
            examples=["2026-10-01"],
        ),
    ] = None,
) -> Response:
    """Whom the cluster should work with under the model (and on the market): the partners that
    fill its missing roles, scored, each with reasons, evidence and provenance. Paged by
    `offset` and `limit`; scores are rounded to 3 digits (`score_exact` keeps the full value).
    Sent with an ETag (304 to If-None-Match while the graph and the day are the same)."""
    answer = await answers.recommendations(cluster, model, market, limit, offset, as_of)
    return cached_response(request, answer)
