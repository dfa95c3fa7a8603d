"""The graph's shares beside the report's survey of the 14 national clusters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BeforeValidator

from api.answers import graph_on
from api.deps import StoreDep
from api.routes.clusters import iso_date_only
from api.schemas import SurveyRow
from queries.survey import compare_survey

router = APIRouter(prefix="/survey", tags=["survey"])


@router.get("", response_model=list[SurveyRow])
def survey(
    store: StoreDep,
    as_of: Annotated[
        dt.date | None,
        BeforeValidator(iso_date_only),
        Query(
            description="The graph as loaded by the end of this day (default: now).",
            examples=["2026-12-01"],
        ),
    ] = None,
) -> list[SurveyRow]:
    """Each legible survey figure beside the graph's share, sourced only and with illustrative."""
    return [SurveyRow(**row.as_dict()) for row in compare_survey(graph_on(store, as_of))]
