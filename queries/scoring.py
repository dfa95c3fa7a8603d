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

import yaml

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


@dataclass(frozen=True)
class Weights:
    role_fit: float = 3.0  # fills a role the model requires (1) or recommends (0.5)
    market_presence: float = 2.0  # present in the target market (its hotspot area: more)
    home_fit: float = 2.0  # a partner at home that serves your region or funds such work
    sector_match: float = 2.0  # focuses on the cluster's strength position
    network_proximity: float = 1.5  # resource allocation over shared partners
    peer_adoption: float = 1.5  # clusters with your strength position partnering with it
    trust: float = 1.0  # past engagements and partnerships with the cluster
    agreement: float = 1.0  # an agreement with the cluster, by its validity

    def __post_init__(self) -> None:
        for name, weight in asdict(self).items():
            if not isinstance(weight, int | float) or weight < 0 or math.isnan(weight):
                raise ValueError(f"weight {name} must be >= 0 (a number), not {weight!r}")
        if sum(asdict(self).values()) == 0:
            raise ValueError("at least one weight must be above 0")

    def score(self, components: Mapping[str, float]) -> float:
        total = 0.0  # added term by term, not sum(): scores() must give the very same floats
        for name, weight in self._by_component.items():
            total += weight * components[name]
        return total / self._total

    def scores(
        self, components: Mapping[str, Mapping[str, float]], ids: Iterable[str]
    ) -> dict[str, float]:
        """score() of many at once, from each component's non-zero values by id: the same
        floats, since the terms are added in the same order and adding 0.0 changes nothing."""
        totals = dict.fromkeys(ids, 0.0)
        for name, weight in self._by_component.items():
            for key, value in components[name].items():
                if key in totals:
                    totals[key] += weight * value
        return {key: total / self._total for key, total in totals.items()}

    @cached_property
    def _by_component(self) -> dict[str, float]:
        return asdict(self)

    @cached_property
    def _total(self) -> float:
        return sum(self._by_component.values())


COMPONENTS = tuple(f.name for f in fields(Weights))


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


def adoption(adopters: int) -> float:
    """The peer component: n clusters with the cluster's strength position partnering with the
    candidate, squashed as n/(1+n). A count, not a share: in a large ecosystem a share of every
    similar cluster is near 0 for anyone, though a few peers' choice is a strong signal."""
    return adopters / (1 + adopters)


def proximity(degrees: list[int]) -> tuple[float, float, float]:
    """Link-prediction signals from the degrees of the shared partners (sorted, so both stores
    add in the same order): resource allocation, Adamic-Adar, and RA squashed into [0, 1)."""
    resource_allocation = sum(1 / d for d in degrees)
    adamic_adar = sum(1 / math.log(d) for d in degrees if d > 1)
    return resource_allocation, adamic_adar, resource_allocation / (1 + resource_allocation)
