"""Example responses for the OpenAPI document, taken from the bundled data (shortened); the
findings' own are in queries/findings_examples.py."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

from ontology.models import load_catalogue
from ontology.names import Label, ModelId, RoleId
from queries.findings_examples import GAP

REPORT = {"source": "report", "section": "Model: Test af det markedsdrevne innovationspotentiale"}
ICDK_MUNICH = {
    "id": "icdk:munich",
    "name": "Innovation Centre Denmark Munich",
    "type": Label.InnovationCentre,
}
HEALTH = {"status": "ok", "store": "neo4j", "reachable": True, "detail": None}
READINESS = {"ready": True, "store": "neo4j"}
LIVENESS = {"status": "alive"}
ACTOR_PAGE = {
    "total": 15,
    "limit": 2,
    "offset": 0,
    "items": [
        {"id": "cluster:clean", "name": "CLEAN", "type": Label.Cluster},
        {"id": "cluster:copenhagen-fintech", "name": "Copenhagen FinTech", "type": Label.Cluster},
    ],
}
ACTOR = {
    "id": "cluster:odense-robotics",
    "name": "Odense Robotics",
    "type": Label.Cluster,
    "properties": {
        "id": "cluster:odense-robotics",
        "name": "Odense Robotics",
        "national": True,
        "strength_position": "robots, automation and drones",
    },
    "provenance": {
        "source": "UFM press release, 1 October 2020",
        "section": None,
        "url": None,
        "confidence": "public-source",
        "retrieved": "2026-11-27",
        "source_id": "denmark/clusters",
    },
    "partnerships": [
        {
            "partner": ICDK_MUNICH,
            "direction": "outgoing",
            "kind": "project",
            "start": "2019-01-01",
            "end": None,
            "provenance": {**REPORT, "confidence": "reported", "source_id": "denmark/cases"},
        }
    ],
    "agreements": [],
}
MODEL = {
    "id": ModelId.market_test,
    "name": "Test of market-driven innovation",
    "name_da": "Test af markedsdreven innovation",
    "number": 3,
    "purpose": "market",
    "time_horizon": "short",
    "partnership_complexity": "simple",
    "resources": "few",
    "description": "Test the market-driven potential for innovation: access to a new market...",
    "icdk_role": "ICDK typically opens the door to the market...",
    "agreement_needed": None,
    "requirements": [
        {
            "id": "requirement:market-test-support",
            "name": "A couple of support organisations",
            "strength": "required",
            "min_partners": 1,
            "any_of_roles": [
                {
                    "id": RoleId.trade_council,
                    "name": "Ministry of Foreign Affairs / Trade Council",
                    "filled_by": [Label.TradeCouncil],
                }
            ],
            "quote": "»Det består gerne af klyngen og et par supportorganisationer ...«",
            "provenance": {**REPORT, "confidence": "reported", "source_id": "ontology/models"},
        }
    ],
    "required_roles": [
        {
            "id": RoleId.trade_council,
            "name": "Ministry of Foreign Affairs / Trade Council",
            "filled_by": [Label.TradeCouncil],
        }
    ],
    "recommended_roles": [
        {
            "id": RoleId.authority,
            "name": load_catalogue().roles[RoleId.authority].name,  # the label's word
            "filled_by": [Label.Authority],
        }
    ],
    "provenance": {**REPORT, "confidence": "reported", "source_id": "ontology/models"},
}
SURVEY_ROW = {
    "figure": "survey:partners-foreign-clusters",
    "question": "Which partners does the cluster organisation work with on internationalisation?",
    "option": "Foreign clusters",
    "report_share": 0.714,
    "report_count": 10,
    "sourced_count": 0,
    "sourced_share": 0.0,
    "with_illustrative_count": 10,
    "with_illustrative_share": 0.714,
}
CLUSTER_GAPS = {"cluster": "cluster:odense-robotics", "model": ModelId.market_test, "gaps": [GAP]}
CYPHER_ROWS = {
    "columns": ["partner"],
    "rows": [["icdk:munich"], ["cluster:made"]],
    "truncated": False,
    "row_limit": 1000,
}


def example(value: dict[str, Any]) -> ConfigDict:
    """A model config that shows `value` as the model's example in the OpenAPI document."""
    return ConfigDict(json_schema_extra={"examples": [value]})
