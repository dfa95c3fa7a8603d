"""Health, readiness and liveness: the only routes that never need the API key."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import StoreDep
from api.schemas import Health, Liveness, Message, Readiness

router = APIRouter(prefix="/health", tags=["health"])


@router.get("", response_model=Health)
def health(store: StoreDep) -> Health:
    """Which store the API reads and whether it answers now (always 200 while the process runs)."""
    problem = store.problem()
    return Health(
        status="ok" if problem is None else "degraded",
        store=store.kind,
        reachable=problem is None,
        detail=problem,
    )


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": Message, "description": "The store cannot be reached."}},
)
def ready(store: StoreDep) -> Readiness:
    """Readiness for orchestrators: 200 when the store answers, 503 (with a hint) when not."""
    problem = store.problem()
    if problem is not None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=problem)
    return Readiness(store=store.kind)


@router.get("/live", response_model=Liveness)
async def live() -> Liveness:
    """Liveness for orchestrators: the process answers; the store is not asked."""
    return Liveness()
