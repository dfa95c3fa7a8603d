"""`POST /leads`: a lead as a service sends it, checked and stored by the loaders, as a file of
leads would be. Each lead is its own source (`api/leads/<slug>`), so posting it again updates it
(its status and result as they change) and touches nothing else; a problem anywhere stores
nothing."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.records import WriteCounts
from graph.store import GraphStore
from loaders.pipeline import load_sources
from loaders.problems import LoadError
from loaders.sources import Source, display
from ontology.names import Rel

SOURCE_PREFIX = "api/leads/"


class LeadProvenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Who reports the lead.", examples=["ICDK Munich lead log"])
    section: str | None = None
    url: str | None = None
    confidence: str = Field(
        default="reported",
        description="reported, public-source, illustrative, synthetic or inferred.",
    )


class LeadIn(BaseModel):
    """One lead, as the loaders take it (the same checks, the same problems)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "lead:munich-welding-cells",
                    "name": "Munich supplier seeks robot welding cells",
                    "technology": "robotsvejsning og automatisering",
                    "sought": "test-partner",
                    "found_on": "2026-11-20",
                    "found_by": "icdk:munich",
                    "found_in": "hotspot:munich",
                    "provenance": {"source": "ICDK Munich lead log", "confidence": "reported"},
                }
            ]
        },
    )

    id: str = Field(description="lead:<slug>")
    name: str
    technology: str = Field(description="The sector or technology in the finder's own words.")
    sought: str = Field(
        description="test-partner, market-entry, investment, research-collaboration or delegation."
    )
    found_on: dt.date
    found_by: str = Field(description="The ICDK, Trade Council, Invest in Denmark or EEN id.")
    found_in: str = Field(description="The country, hotspot or market id it comes from.")
    description: str | None = None
    routed_to: str | None = Field(default=None, description="The cluster it was handed to.")
    status: str | None = Field(
        default=None, description="routed, accepted, declined, engagement-started or result."
    )
    result: str | None = Field(default=None, description="successful or unsuccessful.")
    provenance: LeadProvenance


class LeadStored(BaseModel):
    lead: str
    created: int = Field(description="Facts created (the lead and its relationships).")
    updated: int
    removed: int = Field(description="Facts the lead no longer states (an earlier routing).")
    routes: str = Field(description="Where its routes are.", examples=["/leads/lead:x/routes"])


def as_document(lead: LeadIn) -> dict[str, Any]:
    node = {
        key: value
        for key, value in lead.model_dump(
            include={"id", "name", "technology", "sought", "description", "status", "result"}
        ).items()
        if value is not None
    }
    node["found_on"] = lead.found_on.isoformat()
    relationships = [
        {"type": Rel.FOUND_BY, "from": lead.id, "to": lead.found_by},
        {"type": Rel.FOUND_IN, "from": lead.id, "to": lead.found_in},
    ]
    if lead.routed_to:
        relationships.append({"type": Rel.ROUTED_TO, "from": lead.id, "to": lead.routed_to})
    provenance = lead.provenance.model_dump(exclude_none=True)
    provenance["retrieved"] = dt.date.today().isoformat()
    return {"provenance": provenance, "nodes": [node], "relationships": relationships}


class LeadRejected(ValueError):
    """The loaders' problems with a posted lead, each naming the body's field; nothing stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def store_lead(store: GraphStore, lead: LeadIn) -> WriteCounts:
    """Check and store one lead; LeadRejected (with every problem) and nothing stored."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lead.json"
        path.write_text(json.dumps(as_document(lead)), encoding="utf-8")
        slug = lead.id.partition(":")[2] or lead.id
        try:
            return load_sources(store, [Source(SOURCE_PREFIX + slug, path, "json")])
        except LoadError as error:
            named = display(path)
            raise LeadRejected([line.replace(named, "body") for line in error.listing()]) from None
