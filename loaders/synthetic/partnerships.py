"""PARTNERS_WITH: each cluster's mix of partners at home and in its target markets, and the
local networks of innovation centres and EEN partners."""

from __future__ import annotations

import datetime as dt
import random

from loaders.synthetic.dates import AS_OF, EARLIEST, random_date
from loaders.synthetic.mix import ABROAD_LABELS, AFFINITY, CLUSTER_PARTNER_MIX
from loaders.synthetic.terms import (
    AD_HOC,
    CORE,
    FORMAL,
    PARTNERSHIP_KIND_WEIGHTS,
    PARTNERSHIP_KINDS,
    PROJECT,
    PROJECT_FUNDED,
    RECURRING,
)
from loaders.synthetic.world import World
from ontology.names import Label, Rel


def partnership_terms(rng: random.Random) -> tuple[str, dt.date, dt.date | None, int, str]:
    """kind, start, end (None: open-ended), contact persons and funding of one partnership."""
    kind = rng.choices(PARTNERSHIP_KINDS, weights=PARTNERSHIP_KIND_WEIGHTS)[0]
    start = random_date(rng, EARLIEST, AS_OF - dt.timedelta(days=30))
    end: dt.date | None = None
    if kind == PROJECT:
        end = start + dt.timedelta(days=rng.randint(365, 4 * 365))
        return kind, start, end, rng.randint(1, 4), PROJECT_FUNDED
    if kind == FORMAL:
        return kind, start, end, rng.randint(2, 6), rng.choice((CORE, RECURRING, RECURRING))
    if rng.random() < 0.25:  # informal contacts that have lapsed
        end = start + dt.timedelta(days=rng.randint(180, 5 * 365))
    return kind, start, end, rng.randint(1, 2), AD_HOC


def partner(world: World, start: str, end: str) -> bool:
    """One PARTNERS_WITH; False (and nothing written) for a self-loop or an existing pair."""
    if start == end or (start, end) in world.partnered or (end, start) in world.partnered:
        return False
    world.partnered.add((start, end))
    kind, begun, ended, contacts, funding = partnership_terms(world.rng)
    world.out.rel(Rel.PARTNERS_WITH, start, end, kind, begun, ended, contacts, funding)
    return True


def by_affinity(
    world: World, label: str, country: int | None, strengths: list[int]
) -> tuple[str, bool]:
    """A partner abroad, and whether it was planted by affinity: usually (AFFINITY) one in the
    market that focuses on one of the cluster's strength positions, else anyone of the label
    there (the noise)."""
    register, rng = world.org(label), world.rng
    if rng.random() < AFFINITY:
        sectors = [world.sectors[s] for s in strengths]
        fitting = [i for sector in sectors for i in _focusing(world, label, country, sector)]
        if fitting:
            return fitting[rng.randrange(len(fitting))], True
    return register.pick(rng, country), False


def _focusing(world: World, label: str, country: int | None, sector: str) -> list[str]:
    """Those of the label in the country that focus on the sector, listed once and kept."""
    key = (label, country, sector)
    if key not in world.focusing:
        register = world.org(label)
        pool = register.ids if country is None else register.by_country.get(country, [])
        world.focusing[key] = [i for i in pool if sector in world.focus.get(i, ())]
    return world.focusing[key]


def write_partnerships(world: World) -> None:
    """PARTNERS_WITH: each cluster's mix of partners at home and in its target markets, then
    the innovation centres' and EEN partners' own local networks."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    for index, cluster in enumerate(clusters.ids):
        home, targets = clusters.countries[index], world.cluster_targets[index]
        for label, low, high in CLUSTER_PARTNER_MIX:
            for _ in range(rng.randint(low, high)):
                country: int | None = home
                if label in ABROAD_LABELS:
                    country = rng.choice(targets)[0].country if targets else None
                    other, planted = by_affinity(
                        world, label, country, world.cluster_sectors[index]
                    )
                else:
                    other, planted = world.org(label).pick(rng, country), False
                if partner(world, cluster, other):
                    world.cluster_partners[index].append(other)
                    if planted:
                        world.out.planted(cluster, other)
    local_networks = (
        (Label.InnovationCentre, (Label.KnowledgeInstitution, Label.ForeignCluster), 20),
        (Label.InnovationCentre, (Label.Company,), 20),
        (Label.EnterpriseEuropeNetwork, (Label.Company,), 10),
    )
    for label, partner_labels, most in local_networks:
        register = world.org(label)
        for node, country in zip(register.ids, register.countries, strict=True):
            for _ in range(rng.randint(most // 2, most)):
                other = world.org(rng.choice(partner_labels)).pick(rng, country)
                partner(world, node, other)
