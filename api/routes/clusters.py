"""A cluster's gaps: what is missing in its partnerships, per model."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import AnswersDep
from api.routes.cached import cached_response
from api.routes.common import NOT_FOUND, AsOfDay
from api.schemas import ClusterGaps

router = APIRouter(prefix="/clusters", tags=["gaps"])


@router.get("/{cluster_id}/gaps", response_model=ClusterGaps, responses=NOT_FOUND)
async def cluster_gaps(
    request: Request,
    cluster_id: Annotated[
        str,
        Path(description="Cluster id or slug.", examples=["cluster:odense-robotics", "clean"]),
    ],
    answers: AnswersDep,
    model: Annotated[
        str | None,
        Query(description="Only gaps under this model (id or slug).", examples=["market-test"]),
    ] = None,
    as_of: Annotated[
        AsOfDay,
        Query(
            description="The day agreements' validity is judged on, and the graph as loaded by "
            "its end (default: today, the graph now).",
            examples=["2026-12-01"],
        ),
    ] = None,
    horizon_days: Annotated[
        int,
        Query(ge=0, le=3650, description="Days ahead within which an agreement is expiring."),
    ] = 180,
) -> Response:
    """The gaps in one cluster's partnerships (all models, or one), most urgent first, each
    with its evidence and the actors that could close it; as the CLI's `gaps --as-of
    --horizon-days`. Sent with an ETag (304 to If-None-Match while the answer holds)."""
    answer = await answers.cluster_gaps(cluster_id, model, as_of, horizon_days)
    return cached_response(request, answer)
