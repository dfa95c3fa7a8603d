"""What the gap analysis and the recommender hand out: frozen values, the same from both stores,
each carrying the facts (with provenance) it rests on. They are the API's response models too,
so each shape is defined once, here, with the descriptions and examples the OpenAPI document
shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from graph.facts import Evidence
from ontology.names import Label, ModelId, RoleId
from queries import findings_examples
from queries.scoring import ScoreComponents

__all__ = [
    "GAP_TYPES",
    "SEVERITIES",
    "ActorRef",
    "Evidence",
    "FactProvenance",
    "Gap",
    "Progression",
    "Recommendation",
    "RecommendationResult",
    "RequirementCheck",
    "provenance_of",
]

GAP_TYPES = ("role", "formality", "coverage", "fragility", "network")
Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)  # in this order of urgency


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    def as_dict(self) -> dict[str, Any]:
        """Plain data, lists for tuples, as the command line prints it (--format json)."""
        return dict(_lists(self.model_dump()))


class ActorRef(Finding):
    id: str = Field(examples=["icdk:munich"])
    name: str = Field(examples=["Innovation Centre Denmark Munich"])
    type: str = Field(description="The node label.", examples=[Label.InnovationCentre])


class FactProvenance(Finding):
    source: str | None = None
    section: str | None = None
    url: str | None = None
    confidence: str | None = None


class Gap(Finding):
    type: str = Field(examples=["role"])  # one of GAP_TYPES
    kind: str = Field(examples=["missing-required-role"])  # what exactly is missing
    severity: Severity
    cluster: str | None  # None for a gap of the whole network
    model: str | None
    market: str | None  # a country, hotspot or market id
    missing_role: str | None
    subject: str | None  # the engagement, agreement, partnership partner or actor concerned
    sentence: str
    evidence: tuple[Evidence, ...]
    suggestions: tuple[ActorRef, ...]  # actors that could close the gap


class Recommendation(Finding):
    actor: ActorRef
    fills_role: str = Field(examples=[RoleId.trade_council])
    requirement: str = Field(
        description="The model's requirement the partner would meet.",
        examples=["requirement:market-test-support"],
    )
    requirement_strength: Literal["required", "recommended"]
    rank: int = Field(
        default=0, description="1 for the best; candidates tied on score share a rank."
    )
    tied: bool = Field(default=False, description="Another candidate has the same rank.")
    sourced: bool = Field(
        default=True,
        description="False when the actor is known only from illustrative or inferred facts.",
    )
    adds_to_met: bool = Field(
        default=False,
        description="The requirement is met already: the partner would add to it (ranked last).",
    )
    fallback: bool = Field(
        default=False,
        description="Offered because no partner in the role is present in the market.",
    )
    other_sector: bool = Field(
        default=False,
        description="A foreign cluster in none of the cluster's strength positions: listed "
        "after the others of its tier.",
    )
    score: float = Field(
        ge=0,
        le=1,
        description="The weighted mean of the components (the API rounds it to 3 digits).",
    )
    score_exact: float | None = Field(
        default=None,
        description="The score unrounded, as the ranking used it (set by the HTTP API).",
    )
    components: ScoreComponents
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    signals: dict[str, float] = Field(
        default_factory=dict, description="The raw link-prediction signals behind the components."
    )

    @field_validator("signals", mode="plain")
    @classmethod
    def _signals_as_given(cls, signals: dict[str, float]) -> dict[str, float]:
        """Kept as given: the counts among them stay whole numbers in Python (and in the command
        line's JSON); JSON from the API writes each as a float, as the type says."""
        return dict(signals)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def provenance(self) -> list[FactProvenance]:
        return provenance_of(self.evidence)


def provenance_of(evidence: Iterable[Evidence]) -> list[FactProvenance]:
    """Where the evidence comes from, each source once, in the order first met."""
    seen: dict[tuple[str | None, ...], FactProvenance] = {}
    for fact in evidence:
        seen.setdefault(tuple(fact.provenance.values()), FactProvenance(**fact.provenance))
    return list(seen.values())


class Progression(Finding):
    """A next step the report's logic supports: a successful short test -> a long-term model."""

    from_model: str
    to_model: str
    market: str
    engagement: str  # the successful engagement it builds on
    partners: tuple[ActorRef, ...]  # who to carry over into the long-term partnership
    needs_agreement: str
    sentence: str
    evidence: tuple[Evidence, ...]


class RequirementCheck(Finding):
    """How the cluster's work under the model (in the market) meets one of its requirements."""

    id: str = Field(examples=["requirement:market-test-support"])
    name: str = Field(examples=["A couple of support organisations"])
    strength: Literal["required", "recommended"]
    needed: int = Field(description="Partners needed in any of its roles.")
    any_of_roles: tuple[str, ...] = Field(description="The alternatives: any of them meets it.")
    quote: str = Field(description="The report's words (Danish) the requirement rests on.")
    partners: tuple[ActorRef, ...] = Field(description="Those who meet it now.")
    met: bool


class RecommendationResult(Finding):
    model_config = ConfigDict(
        frozen=True, json_schema_extra={"examples": [findings_examples.RECOMMENDATIONS]}
    )

    cluster: str = Field(examples=["cluster:odense-robotics"])
    cluster_name: str
    model: str = Field(examples=[ModelId.market_test])
    market: str | None = Field(examples=["country:DE"])
    market_name: str | None = Field(default=None, examples=["Germany"])
    requirements: tuple[RequirementCheck, ...] = Field(
        default=(), description="Each of the model's requirements, met or not, with who meets it."
    )
    missing_requirements: tuple[str, ...] = Field(
        default=(), description="The model's requirements the cluster's work there does not meet."
    )
    missing_roles: tuple[str, ...]
    gaps: tuple[Gap, ...]
    recommendations: tuple[Recommendation, ...]
    offset: int = Field(
        default=0, description="Ranked partners skipped before the first one listed (paging)."
    )
    progressions: tuple[Progression, ...]


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
