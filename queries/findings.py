"""What the gap analysis and the recommender hand out: plain, frozen values, the same from both
stores, each carrying the facts (with provenance) it rests on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph.facts import Evidence

GAP_TYPES = ("role", "formality", "coverage", "fragility", "network")
SEVERITIES = ("high", "medium", "low")  # in this order of urgency


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    type: str  # the node label


@dataclass(frozen=True)
class Gap:
    type: str  # one of GAP_TYPES
    kind: str  # what exactly is missing, e.g. "missing-required-role", "agreement-expiring"
    severity: str  # one of SEVERITIES
    cluster: str | None  # None for a gap of the whole network
    model: str | None
    market: str | None  # a country, hotspot or market id
    missing_role: str | None
    subject: str | None  # the engagement, agreement, partnership partner or actor concerned
    sentence: str
    evidence: tuple[Evidence, ...] = ()
    suggestions: tuple[ActorRef, ...] = ()  # actors that could close the gap

    def as_dict(self) -> dict[str, Any]:
        return _jsonable(self)


@dataclass(frozen=True)
class Recommendation:
    actor: ActorRef
    fills_role: str
    score: float  # the weighted mean of the components, in [0, 1]
    components: dict[str, float]  # each in [0, 1]
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    signals: dict[str, float] = field(default_factory=dict)  # raw link-prediction signals

    @property
    def provenance(self) -> list[dict[str, str | None]]:
        return _distinct_provenance(self.evidence)

    def as_dict(self) -> dict[str, Any]:
        return {**_jsonable(self), "provenance": self.provenance}


@dataclass(frozen=True)
class Progression:
    """A next step the report's logic supports: a successful short test -> a long-term model."""

    from_model: str
    to_model: str
    market: str
    engagement: str  # the successful engagement it builds on
    partners: tuple[ActorRef, ...]  # who to carry over into the long-term partnership
    needs_agreement: str
    sentence: str
    evidence: tuple[Evidence, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return _jsonable(self)


@dataclass(frozen=True)
class RecommendationResult:
    cluster: ActorRef
    model: str
    market: str | None
    missing_roles: tuple[str, ...]
    gaps: tuple[Gap, ...]
    recommendations: tuple[Recommendation, ...]
    progressions: tuple[Progression, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster.id,
            "cluster_name": self.cluster.name,
            "model": self.model,
            "market": self.market,
            "missing_roles": list(self.missing_roles),
            "gaps": [gap.as_dict() for gap in self.gaps],
            "recommendations": [r.as_dict() for r in self.recommendations],
            "progressions": [p.as_dict() for p in self.progressions],
        }


def _distinct_provenance(evidence: tuple[Evidence, ...]) -> list[dict[str, str | None]]:
    seen: dict[tuple[str | None, ...], dict[str, str | None]] = {}
    for fact in evidence:
        seen.setdefault(tuple(fact.provenance.values()), fact.provenance)
    return list(seen.values())


def _jsonable(value: Any) -> Any:
    """asdict, with tuples as lists so the JSON is plain."""
    return _lists(asdict(value))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
