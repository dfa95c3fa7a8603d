"""What the loads changed since a day: the board's first question, in words, per cluster."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import StoreDep
from graph.history import parse_moment
from queries.changes import ChangesReport, changes_since

router = APIRouter(prefix="/changes", tags=["history"])


def _moment(text: str | None, name: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text)
    except ValueError as error:
        raise HTTPException(422, f"{name}: {error}") from None


@router.get("", response_model=ChangesReport)
def changes(
    store: StoreDep,
    since: Annotated[
        str,
        Query(
            description="Changes loaded after this day (YYYY-MM-DD: after its end) or moment "
            "(ISO 8601, UTC unless a zone is given).",
            examples=["2026-10-01"],
        ),
    ],
    until: Annotated[
        str | None, Query(description="Up to the end of this day or moment (default: now).")
    ] = None,
    cluster: Annotated[str | None, Query(description="Only this cluster (id or slug).")] = None,
) -> ChangesReport:
    """New and ended partnerships and agreements, clusters' changes and the like, each in a
    sentence with its day, load, source and confidence, grouped by the clusters concerned; as
    the CLI's `changes`. History is the loads' change sets (on the embedded store: this
    process's loads only)."""
    start = _moment(since, "since")
    assert start is not None
    return changes_since(store, start, _moment(until, "until"), cluster)
