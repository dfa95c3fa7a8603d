"""A cluster's gaps: what is missing in its partnerships, per model."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.routes.common import NOT_FOUND
from api.schemas import ClusterGaps
from queries.gaps import find_gaps
from queries.ids import qualified, resolve_model

router = APIRouter(prefix="/clusters", tags=["gaps"])


@router.get("/{cluster_id}/gaps", response_model=ClusterGaps, responses=NOT_FOUND)
def cluster_gaps(
    cluster_id: Annotated[
        str,
        Path(description="Cluster id or slug.", examples=["cluster:odense-robotics", "clean"]),
    ],
    store: StoreDep,
    model: Annotated[
        str | None,
        Query(description="Only gaps under this model (id or slug).", examples=["market-test"]),
    ] = None,
) -> dict[str, Any]:
    """The gaps in one cluster's partnerships (all models, or one), most urgent first, each
    with its evidence and the actors that could close it."""
    model_id = resolve_model(store, model) if model else None
    gaps = find_gaps(store, cluster=cluster_id, model=model_id)
    cluster = qualified(cluster_id, "cluster")  # find_gaps found it
    return {"cluster": cluster, "model": model_id, "gaps": [gap.as_dict() for gap in gaps]}
