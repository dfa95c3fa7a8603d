"""What routing a lead hands out: frozen values, the same from both stores, each route with its
reasons and the facts (with provenance) it rests on; also the HTTP API's response models."""

from __future__ import annotations

from pydantic import Field, computed_field

from graph.facts import Evidence
from ontology.names import ModelId
from queries.findings import ActorRef, FactProvenance, Finding, provenance_of


class ContactPerson(Finding):
    """A person the cluster named as the contact of its partnership with the finder."""

    id: str = Field(examples=["contact:odense-robotics-icdk-munich-jane-doe"])
    name: str
    job_title: str = ""
    email: str | None = None
    source: str = Field(description="Who reported it and when: reported by <cluster>, <date>.")


class RouteContact(Finding):
    """Whom to hand the lead to."""

    actor: ActorRef = Field(description="The cluster.")
    via: ActorRef | None = Field(
        default=None, description="The finder, where the cluster has a partnership with it."
    )
    contact_persons: int | None = Field(
        default=None,
        description="How many contact persons that partnership records (names are not in the "
        "data): hand the lead to them.",
    )
    persons: tuple[ContactPerson, ...] = Field(
        default=(),
        description="The cluster's named contact persons for the finder, where the cluster has "
        "reported them (a returned survey workbook); empty where the data names nobody.",
    )
    sentence: str


class LeadRoute(Finding):
    cluster: ActorRef
    rank: int = Field(description="1 for the best; routes tied on score share a rank.")
    tied: bool = False
    sector_match: bool = Field(
        description="Some of the lead's words meet the cluster's strength position or its work; "
        "routes without are listed after those with."
    )
    score: float = Field(ge=0, le=1, description="The weighted mean of the components.")
    components: dict[str, float]
    matched_words: tuple[str, ...] = Field(description="The lead's words the cluster meets.")
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    contact: RouteContact

    @computed_field  # type: ignore[prop-decorator]
    @property
    def provenance(self) -> list[FactProvenance]:
        return provenance_of(self.evidence)


class ServiceOffer(Finding):
    """A service that takes the lead further (what the lead seeks is what it helps with)."""

    service: str = Field(examples=["service:icdk-innovation-camp"])
    name: str
    offered_by: str
    offered_by_name: str
    by_the_finder: bool = Field(
        description="Offered by the finder or the organisation it is part of."
    )
    confidence: str = Field(
        description="The service node's: `inferred` where which lead it helps with is our reading."
    )
    evidence: tuple[Evidence, ...]


class LeadOutcome(Finding):
    cluster: ActorRef | None = Field(description="The cluster it was routed to; None: not yet.")
    status: str | None = Field(
        description="routed, accepted, declined, engagement-started or result; None: not routed."
    )
    result: str | None = Field(default=None, description="successful or unsuccessful.")


class LeadRoutes(Finding):
    lead: str = Field(examples=["lead:munich-automation"])
    lead_name: str
    technology: str = Field(description="The lead's sector or technology in its own words.")
    sought: str = Field(examples=["test-partner"])
    found_on: str = Field(examples=["2026-10-01"])
    found_by: ActorRef | None
    market: ActorRef | None = Field(description="The country, hotspot or market it comes from.")
    model: str = Field(
        description="The model the lead would start.", examples=[ModelId.market_test]
    )
    model_name: str
    model_reason: str = Field(description="Why that model, with the report's words.")
    services: tuple[ServiceOffer, ...] = Field(
        default=(), description="The services that take the lead further."
    )
    outcome: LeadOutcome
    lead_provenance: FactProvenance
    routes: tuple[LeadRoute, ...]
