"""The model a lead would start, by what it seeks, in the report's words.

A lead is a first step: the report's short-term tests (models 1 and 3) are where a partnership
starts, and grow into the long-term models (2 and 4) when they work ("en vellykket test af
innovationspotentialet kan føre til videreudvikling af samarbejdet"). Which test, the models'
purposes say.
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology.names import ModelId


@dataclass(frozen=True)
class StartedModel:
    model: str
    quote: str  # the report's sentence (Danish), from the model's section
    section: str


_MARKET_TEST_SECTION = "Model: Test af det markedsdrevne innovationspotentiale"
_INNOVATION_TEST_SECTION = "Model: Test af innovationspotentiale"

MODEL_FOR_SOUGHT: dict[str, StartedModel] = {
    "test-partner": StartedModel(
        ModelId.market_test,
        "»Det kan være via adgang til et nyt marked, til en multinational virksomheds "
        "forsyningskæde eller investorer.«",
        _MARKET_TEST_SECTION,
    ),
    "market-entry": StartedModel(
        ModelId.market_test,
        "»Formålet med internationalisering via denne model er at teste de markedsdrevne "
        "muligheder for innovationer. Det kan være via adgang til et nyt marked«",
        _MARKET_TEST_SECTION,
    ),
    "investment": StartedModel(
        ModelId.market_test,
        "»Det kan være via adgang til et nyt marked, til en multinational virksomheds "
        "forsyningskæde eller investorer.«",
        _MARKET_TEST_SECTION,
    ),
    "research-collaboration": StartedModel(
        ModelId.innovation_test,
        "»Formålet med internationalisering er i denne model typisk at teste "
        "innovationspotentialet af i et udvalgt vidensmiljø. Det kan være at hente ny viden, "
        "kompetencer og teknologier hjem«",
        _INNOVATION_TEST_SECTION,
    ),
    "delegation": StartedModel(
        ModelId.innovation_test,
        "»... eller for at vise vidensmiljøet i en dansk styrkeposition frem for udenlandske "
        "virksomheder og vidensaktører.«",
        _INNOVATION_TEST_SECTION,
    ),
}
