"""What the loads changed since a day: the board's first question, in words, per cluster."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BeforeValidator

from api.deps import StoreDep
from graph.history import parse_moment
from queries.changes import ChangesReport, changes_since

router = APIRouter(prefix="/changes", tags=["history"])


def _moment(value: object) -> object:
    """A day (its end) or an ISO moment; anything else is a 422 naming the parameter."""
    return parse_moment(value) if isinstance(value, str) else value


Moment = BeforeValidator(_moment)


@router.get("", response_model=ChangesReport)
def changes(
    store: StoreDep,
    since: Annotated[
        dt.datetime,
        Moment,
        Query(
            description="Changes loaded after this day (YYYY-MM-DD: after its end) or moment "
            "(ISO 8601, UTC unless a zone is given).",
            examples=["2026-10-01"],
        ),
    ],
    until: Annotated[
        dt.datetime | None,
        Moment,
        Query(description="Up to the end of this day or moment (default: now)."),
    ] = None,
    cluster: Annotated[str | None, Query(description="Only this cluster (id or slug).")] = None,
) -> ChangesReport:
    """New and ended partnerships and agreements, clusters' changes and the like, each in a
    sentence with its day, load, source and confidence, grouped by the clusters concerned; as
    the CLI's `changes`. History is the loads' change sets (on the embedded store: this
    process's loads only)."""
    return changes_since(store, since, until, cluster)
