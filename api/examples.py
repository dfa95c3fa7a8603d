"""Example responses for the OpenAPI document, taken from the bundled data (shortened)."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

REPORT = {"source": "report", "section": "Model: Test af det markedsdrevne innovationspotentiale"}
ICDK_MUNICH = {
    "id": "icdk:munich",
    "name": "Innovation Centre Denmark Munich",
    "type": "InnovationCentre",
}
EVIDENCE = {
    "path": ["icdk:munich", "PRESENT_IN", "country:DE"],
    "source": "Innovation Centre Denmark, centres 2021-2023",
    "section": None,
    "url": None,
    "confidence": "public-source",
}
GAP = {
    "type": "role",
    "kind": "missing-required-role",
    "severity": "high",
    "cluster": "cluster:odense-robotics",
    "model": "model:market-test",
    "market": "country:DE",
    "missing_role": "role:trade-council",
    "subject": None,
    "sentence": "Odense Robotics has no Trade Council partner for Test of market-driven "
    "innovation in Germany.",
    "evidence": [EVIDENCE],
    "suggestions": [{"id": "tc:germany", "name": "Trade Council Germany", "type": "TradeCouncil"}],
}

HEALTH = {"status": "ok", "store": "neo4j", "reachable": True, "detail": None}
READINESS = {"ready": True, "store": "neo4j"}
LIVENESS = {"status": "alive"}
ACTOR_PAGE = {
    "total": 15,
    "limit": 2,
    "offset": 0,
    "items": [
        {"id": "cluster:clean", "name": "CLEAN", "type": "Cluster"},
        {"id": "cluster:copenhagen-fintech", "name": "Copenhagen FinTech", "type": "Cluster"},
    ],
}
ACTOR = {
    "id": "cluster:odense-robotics",
    "name": "Odense Robotics",
    "type": "Cluster",
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
    "id": "model:market-test",
    "name": "Test of market-driven innovation",
    "name_da": "Test af markedsdreven innovation",
    "number": 3,
    "purpose": "market",
    "time_horizon": "short",
    "partnership_complexity": "simple",
    "resources": "few",
    "description": "Test the market-driven potential for innovation: access to a new market...",
    "icdk_role": "ICDK typically opens the door to the market...",
    "required_roles": [
        {"id": "role:icdk", "name": "Innovation Centre Denmark", "filled_by": ["InnovationCentre"]}
    ],
    "recommended_roles": [
        {"id": "role:authority", "name": "Authority", "filled_by": ["Authority"]}
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
CLUSTER_GAPS = {"cluster": "cluster:odense-robotics", "model": "model:market-test", "gaps": [GAP]}
RECOMMENDATIONS = {
    "cluster": "cluster:odense-robotics",
    "cluster_name": "Odense Robotics",
    "model": "model:market-test",
    "market": "country:DE",
    "missing_roles": ["role:trade-council"],
    "gaps": [GAP],
    "recommendations": [
        {
            "actor": {"id": "tc:germany", "name": "Trade Council Germany", "type": "TradeCouncil"},
            "fills_role": "role:trade-council",
            "score": 0.82,
            "components": {"role_fit": 1.0, "market": 1.0, "sector": 0.5},
            "reasons": ["fills the missing Trade Council role", "present in Germany"],
            "evidence": [EVIDENCE],
            "provenance": [{k: EVIDENCE[k] for k in ("source", "section", "url", "confidence")}],
        }
    ],
    "progressions": [],
}
CYPHER_ROWS = {
    "columns": ["partner"],
    "rows": [["icdk:munich"], ["cluster:made"]],
    "truncated": False,
    "row_limit": 1000,
}


def example(value: dict[str, Any]) -> ConfigDict:
    """A model config that shows `value` as the model's example in the OpenAPI document."""
    return ConfigDict(json_schema_extra={"examples": [value]})
