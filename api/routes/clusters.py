"""A cluster's gaps: what is missing in its partnerships, per model."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import AnswersDep
from api.routes.common import NOT_FOUND
from api.schemas import ClusterGaps

router = APIRouter(prefix="/clusters", tags=["gaps"])


@router.get("/{cluster_id}/gaps", response_model=ClusterGaps, responses=NOT_FOUND)
def cluster_gaps(
    cluster_id: Annotated[
        str,
        Path(description="Cluster id or slug.", examples=["cluster:odense-robotics", "clean"]),
    ],
    answers: AnswersDep,
    model: Annotated[
        str | None,
        Query(description="Only gaps under this model (id or slug).", examples=["market-test"]),
    ] = None,
) -> ClusterGaps:
    """The gaps in one cluster's partnerships (all models, or one), most urgent first, each
    with its evidence and the actors that could close it."""
    return answers.cluster_gaps(cluster_id, model)
