"""The graph's shares beside the report's survey of the 14 national clusters."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import SurveyRow
from queries.survey import compare_survey

router = APIRouter(prefix="/survey", tags=["survey"])


@router.get("", response_model=list[SurveyRow])
def survey(store: StoreDep) -> list[SurveyRow]:
    """Each legible survey figure beside the graph's share, sourced only and with illustrative."""
    return [SurveyRow(**row.as_dict()) for row in compare_survey(store)]
