"""The recommender's score: a weighted mean of components, each in [0, 1].

The weights are configurable (a YAML file of `component: weight`, e.g. for `partnergraph
recommend --weights FILE`); the README documents each component.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, cast

import yaml
from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads it on Python 3.11

# Trust a past engagement builds, by its outcome; and a partnership, by its kind.
OUTCOME_TRUST = {"successful": 1.0, "ongoing": 0.75, "unknown": 0.5, "discontinued": 0.0}
PARTNERSHIP_TRUST = {"formal": 0.75, "project": 0.5, "informal": 0.25}
# What an agreement with the candidate is worth, by its state on the day. An ended one is
# history (it says so in the reasons, but backs nothing now); one of unknown status may still
# hold, so it counts for a little.
AGREEMENT_VALUE = {
    "valid": 1.0,
    "expiring": 0.75,
    "planned": 0.5,
    "unknown": 0.25,
    "expired": 0.0,
    "ended": 0.0,
}


def _part(meaning: str) -> Any:
    return Field(ge=0, le=1, description=meaning)


class ScoreComponents(TypedDict):
    """The components of a recommendation's score, each in [0, 1]."""

    agreement: Annotated[float, _part("An agreement with the cluster, by its state on the day.")]
    home_fit: Annotated[
        float,
        _part(
            "At home: serves the city the cluster works from, or has funded work under the model."
        ),
    ]
    market_presence: Annotated[
        float,
        _part(
            "Present in the target market: 1 in the hotspot or country asked for, 0.5 elsewhere "
            "in the hotspot's country."
        ),
    ]
    network_proximity: Annotated[
        float,
        _part("Partners the cluster and the candidate share: n of them as n/(1+n)."),
    ]
    peer_adoption: Annotated[
        float, _part("Clusters with the cluster's strength position partnering with it.")
    ]
    role_fit: Annotated[float, _part("Fills a role the model requires (1) or recommends (0.5).")]
    sector_match: Annotated[
        float, _part("Share of the cluster's strength positions it focuses on.")
    ]
    trust: Annotated[
        float,
        _part(
            "Past engagements (by outcome) and partnerships (by kind) with the cluster, moved by "
            "what became of the leads it found for the cluster."
        ),
    ]


@dataclass(frozen=True)
class Weights:
    """How much each of ScoreComponents counts in the score."""

    role_fit: float = 3.0
    market_presence: float = 2.0
    home_fit: float = 2.0
    sector_match: float = 2.0
    network_proximity: float = 1.5
    peer_adoption: float = 1.5
    trust: float = 1.0
    agreement: float = 1.0

    def __post_init__(self) -> None:
        for name, weight in asdict(self).items():
            if not isinstance(weight, int | float) or weight < 0 or math.isnan(weight):
                raise ValueError(f"weight {name} must be >= 0 (a number), not {weight!r}")
        if sum(asdict(self).values()) == 0:
            raise ValueError("at least one weight must be above 0")

    def score(self, components: ScoreComponents | Mapping[str, float]) -> float:
        values = as_numbers(components)
        total = 0.0  # added term by term, not sum(): scores() must give the very same floats
        for name, weight in self._by_component.items():
            total += weight * values[name]
        return total / self._total

    def scores(
        self, components: Mapping[str, Mapping[str, float]], ids: Iterable[str]
    ) -> dict[str, float]:
        """score() of many at once, from each component's non-zero values by id: the same
        floats, since the terms are added in the same order and adding 0.0 changes nothing."""
        totals = dict.fromkeys(ids, 0.0)
        for name, weight in self._by_component.items():
            values = components[name]
            if len(values) <= len(totals):
                for key, value in values.items():
                    if key in totals:
                        totals[key] += weight * value
            else:  # fewer ids than values (a few added to a search): the same sums
                for key in totals:
                    if key in values:
                        totals[key] += weight * values[key]
        return {key: total / self._total for key, total in totals.items()}

    @cached_property
    def _by_component(self) -> dict[str, float]:
        return asdict(self)

    @cached_property
    def _total(self) -> float:
        return sum(self._by_component.values())


def as_numbers(components: ScoreComponents | Mapping[str, float]) -> Mapping[str, float]:
    """The components by name, for code that goes through them all (each is a float)."""
    return cast(Mapping[str, float], components)


COMPONENTS = tuple(f.name for f in fields(Weights))
# A weight for each component and nothing else: the two lists are one schema.
assert sorted(COMPONENTS) == sorted(ScoreComponents.__annotations__), "Weights != ScoreComponents"


def load_weights(path: Path) -> Weights:
    """Weights from a YAML mapping; unnamed components keep their defaults."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot read weights: {error}") from error
    known = {f.name for f in fields(Weights)}
    if not isinstance(data, dict) or set(data) - known:
        unknown = sorted(set(data) - known) if isinstance(data, dict) else data
        raise ValueError(f"{path}: unknown weights {unknown}; known: {', '.join(sorted(known))}")
    try:
        return Weights(**data)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error


def squashed(count: int) -> float:
    """A count of signals as a component in [0, 1): n/(1+n)."""
    return count / (1 + count)


def adoption(adopters: int) -> float:
    """The peer component: n clusters with the cluster's strength position partnering with the
    candidate, squashed. A count, not a share: in a large ecosystem a share of every similar
    cluster is near 0 for anyone, though a few peers' choice is a strong signal."""
    return squashed(adopters)


def proximity(degrees: list[int]) -> tuple[float, float, float]:
    """Link-prediction signals from the degrees of the shared partners (sorted, so both stores
    add in the same order): resource allocation and Adamic-Adar (shown as signals), and the
    component: n shared partners as n/(1+n). The count, as the reason tells it ("3 of your
    partners already work with it"): resource allocation discounts each by its degree, and
    the partners clusters share are mostly hubs (an innovation centre, a Trade Council post),
    so three of them weighed 0.08 and never moved a rank (bench/RESULTS.md, 2026-12-04)."""
    resource_allocation = sum(1 / d for d in degrees)
    adamic_adar = sum(1 / math.log(d) for d in degrees if d > 1)
    return resource_allocation, adamic_adar, squashed(len(degrees))
