"""Examples of the findings as JSON, taken from the bundled data (shortened): shown with their
JSON schema in the API's OpenAPI document."""

from __future__ import annotations

from typing import Any

from ontology.names import Label, ModelId, Rel, RoleId

EVIDENCE: dict[str, Any] = {
    "path": ["icdk:munich", Rel.PRESENT_IN, "country:DE"],
    "source": "Innovation Centre Denmark, centres 2021-2023",
    "section": None,
    "url": None,
    "confidence": "public-source",
}
TRADE_COUNCIL_GERMANY = {
    "id": "tc:germany",
    "name": "Trade Council Germany",
    "type": Label.TradeCouncil,
}
GAP: dict[str, Any] = {
    "type": "role",
    "kind": "missing-required-role",
    "severity": "high",
    "cluster": "cluster:odense-robotics",
    "model": ModelId.market_test,
    "market": "country:DE",
    "missing_role": RoleId.trade_council,
    "subject": None,
    "sentence": "Odense Robotics has no Trade Council partner for Test of market-driven "
    "innovation in Germany.",
    "evidence": [EVIDENCE],
    "suggestions": [TRADE_COUNCIL_GERMANY],
}
RECOMMENDATIONS: dict[str, Any] = {
    "cluster": "cluster:odense-robotics",
    "cluster_name": "Odense Robotics",
    "model": ModelId.market_test,
    "market": "country:DE",
    "missing_roles": [RoleId.trade_council],
    "gaps": [GAP],
    "recommendations": [
        {
            "actor": TRADE_COUNCIL_GERMANY,
            "fills_role": RoleId.trade_council,
            "score": 0.357,  # (3 x role_fit + 2 x market_presence) / 14, the weights' sum
            "components": {
                "agreement": 0.0,
                "home_fit": 0.0,
                "market_presence": 1.0,
                "network_proximity": 0.0,
                "peer_adoption": 0.0,
                "role_fit": 1.0,
                "sector_match": 0.0,
                "trust": 0.0,
            },
            "reasons": ["fills the missing Trade Council role", "present in Germany"],
            "evidence": [EVIDENCE],
            "provenance": [{k: EVIDENCE[k] for k in ("source", "section", "url", "confidence")}],
        }
    ],
    "progressions": [],
}
