"""The generator's state between steps: the random source, the open files, and the ids (with
the few attributes) that later steps pick partners, members and targets from."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from loaders.synthetic.terms import SCHEMA
from loaders.synthetic.writer import CsvFolder
from ontology.models import ModelSpec

HOME = 0  # Denmark's index in World.countries; every other country is abroad


@dataclass
class Register:
    """The ids of one kind of node written so far, with each one's country for local picks."""

    ids: list[str] = field(default_factory=list)
    countries: list[int] = field(default_factory=list)  # index into World.countries
    by_country: dict[int, list[str]] = field(default_factory=dict)

    def add(self, node_id: str, country: int) -> None:
        self.ids.append(node_id)
        self.countries.append(country)
        self.by_country.setdefault(country, []).append(node_id)

    def pick(self, rng: random.Random, country: int | None = None) -> str:
        """A node in `country` when it has one, else any node."""
        pool = self.ids if country is None else self.by_country.get(country, self.ids)
        return pool[rng.randrange(len(pool))]


@dataclass
class Target:
    """Something a cluster, agreement or engagement can target: a country, hotspot or market."""

    id: str
    label: str
    name: str
    country: int | None


@dataclass
class World:
    """The generator's state: the random source, the open files, and what later steps pick from."""

    rng: random.Random
    out: CsvFolder
    counts: dict[str, int]
    models: list[ModelSpec]
    roles: dict[str, tuple[str, ...]]  # role id -> labels that fill it in an INVOLVES
    countries: list[str] = field(default_factory=list)  # Denmark first (HOME), then abroad
    country_names: list[str] = field(default_factory=list)
    country_weights: list[float] = field(default_factory=list)  # cumulative, of those abroad
    sectors: list[str] = field(default_factory=list)
    sector_names: list[str] = field(default_factory=list)
    cities: Register = field(default_factory=Register)
    city_names: dict[str, str] = field(default_factory=dict)
    hotspots: Register = field(default_factory=Register)
    targets: list[Target] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    activity_names: list[str] = field(default_factory=list)
    orgs: dict[str, Register] = field(default_factory=dict)
    multinationals: Register = field(default_factory=Register)
    funding_sources: list[str] = field(default_factory=list)
    cluster_sectors: list[list[int]] = field(default_factory=list)  # by cluster index
    focus: dict[str, set[str]] = field(default_factory=dict)  # node id -> the sectors it focuses on
    cluster_targets: list[list[tuple[Target, ModelSpec]]] = field(default_factory=list)
    cluster_partners: list[list[str]] = field(default_factory=list)
    partnered: set[tuple[str, str]] = field(default_factory=set)  # PARTNERS_WITH (from, to)
    ties: dict[str, set[str]] = field(default_factory=dict)  # node id -> its partners, both ways
    in_hotspot: dict[str, str] = field(default_factory=dict)  # node id -> its hotspot's id
    serials: dict[str, itertools.count[int]] = field(default_factory=dict)

    def new_id(self, label: str) -> str:
        serial = self.serials.setdefault(label, itertools.count(1))
        return f"{SCHEMA.node_types[label].prefix}:syn-{next(serial):06d}"

    def org(self, label: str) -> Register:
        return self.orgs.setdefault(label, Register())

    def pick_country(self, home_share: float = 0.0) -> int:
        """Denmark with probability `home_share`, else a country abroad by weight."""
        if home_share and self.rng.random() < home_share:
            return HOME
        abroad = range(HOME + 1, len(self.countries))
        return self.rng.choices(abroad, cum_weights=self.country_weights)[0]

    def country_for(self, index: int) -> int:
        """Each country abroad once (while there are more items than countries), then by
        weight."""
        return HOME + 1 + index if index < len(self.countries) - 1 else self.pick_country()

    def models_for(self, purpose: str) -> list[ModelSpec]:
        return [model for model in self.models if model.purpose == purpose]
