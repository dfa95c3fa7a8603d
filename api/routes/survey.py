"""The graph's shares beside the report's survey of the 14 national clusters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.answers import graph_on
from api.deps import StoreDep
from api.routes.common import AsOfDay
from api.schemas import SurveyRow
from queries.survey import compare_survey

router = APIRouter(prefix="/survey", tags=["survey"])


@router.get("", response_model=list[SurveyRow])
def survey(
    store: StoreDep,
    as_of: Annotated[
        AsOfDay,
        Query(
            description="The graph as loaded by the end of this day (default: now).",
            examples=["2026-12-01"],
        ),
    ] = None,
) -> list[SurveyRow]:
    """Each legible survey figure beside the graph's share, sourced only and with illustrative."""
    return [SurveyRow(**row.as_dict()) for row in compare_survey(graph_on(store, as_of))]
