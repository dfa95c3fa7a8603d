"""The cluster organisations, each with its strengths, funding and declared targets, and the
foreign clusters they partner with abroad."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from loaders.synthetic.dates import founded_year
from loaders.synthetic.draws import place_name
from loaders.synthetic.links import focus_on_sectors, fund, located, maybe_in_hotspot
from loaders.synthetic.mix import HOME_SHARE, INNOVATION_SHARE
from loaders.synthetic.terms import (
    CLUSTER_STATUS_WEIGHTS,
    CLUSTER_STATUSES,
    FALSE,
    INNOVATION,
    MARKET,
)
from loaders.synthetic.vocabulary import CLUSTER_WORDS, UNIQUE_NAME_WORDS
from loaders.synthetic.world import Target, World
from ontology.models import ModelSpec
from ontology.names import Label, Rel


def declare_targets(world: World, cluster: str) -> list[tuple[Target, ModelSpec]]:
    """TARGETS_MARKET: 3 to 7 distinct targets, each under a model that suits its kind."""
    rng = world.rng
    declared = []
    for target in rng.sample(world.targets, min(len(world.targets), rng.randint(3, 7))):
        innovation = rng.random() < INNOVATION_SHARE[target.label]
        model = rng.choice(world.models_for(INNOVATION if innovation else MARKET))
        world.out.rel(Rel.TARGETS_MARKET, cluster, target.id, model.id)
        declared.append((target, model))
    return declared


def unique_name(taken: set[str], stem: str) -> str:
    """`stem` and the first cluster word no cluster has with it yet, else numbered: Denmark has
    few cities, and an answer naming two partners alike would not say which is meant."""
    named = (f"{stem} {word}" for word in UNIQUE_NAME_WORDS)
    numbered = (f"{stem} {UNIQUE_NAME_WORDS[0]} {n}" for n in itertools.count(2))
    name = next(n for n in itertools.chain(named, numbered) if n not in taken)
    taken.add(name)
    return name


def write_clusters(world: World) -> None:
    rng, clusters = world.rng, world.org(Label.Cluster)
    business_hubs = world.org(Label.BusinessHub)
    sector_indices: Sequence[int] = range(len(world.sectors))
    taken: set[str] = set()
    for _ in range(world.counts[Label.Cluster]):
        country = world.pick_country(HOME_SHARE[Label.Cluster])
        city = world.cities.pick(rng, country)
        strengths = rng.sample(sector_indices, min(len(sector_indices), rng.choice((1, 2, 2, 3))))
        names = [world.sector_names[s] for s in strengths]
        name = unique_name(taken, f"{world.city_names[city]} {names[0]}")
        status = rng.choices(CLUSTER_STATUSES, weights=CLUSTER_STATUS_WEIGHTS)[0]
        earlier = clusters.by_country.get(country, [])  # only earlier ones: PART_OF has no cycles
        parent = earlier[rng.randrange(len(earlier))] if earlier and rng.random() < 0.04 else ""
        cluster = located(
            world,
            Label.Cluster,
            country,
            name,
            FALSE,
            status,
            founded_year(rng),
            ", ".join(names).lower(),
            city=city,
        )
        for sector in strengths:
            world.out.rel(Rel.HAS_STRENGTH, cluster, world.sectors[sector])
        if rng.random() < 0.4:
            world.out.rel(Rel.ANCHORED_IN, cluster, business_hubs.pick(rng, country))
        if parent:
            world.out.rel(Rel.PART_OF, cluster, parent)
        if rng.random() < 0.7:
            fund(world, cluster, 1, 2)
        world.cluster_sectors.append(strengths)
        world.cluster_targets.append(declare_targets(world, cluster))
        world.cluster_partners.append([])


def write_foreign_clusters(world: World) -> None:
    rng = world.rng
    for _ in range(world.counts[Label.ForeignCluster]):
        country, city_name = world.pick_country(), place_name(rng)
        name = f"{city_name} {rng.choice(world.sector_names)} {rng.choice(CLUSTER_WORDS)}"
        foreign = located(world, Label.ForeignCluster, country, name, founded_year(rng))
        focus_on_sectors(world, foreign, 1, 2)
        maybe_in_hotspot(world, foreign, country, 0.3)
