"""PARTNERS_WITH: the local networks of innovation centres and EEN partners, and each cluster's
mix of partners at home and in its target markets."""

from __future__ import annotations

import datetime as dt
import random

from loaders.synthetic.affinity import pick_abroad
from loaders.synthetic.dates import AS_OF, EARLIEST, random_date
from loaders.synthetic.mix import ABROAD_LABELS, CLUSTER_PARTNER_MIX
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
    world.ties.setdefault(start, set()).add(end)
    world.ties.setdefault(end, set()).add(start)
    kind, begun, ended, contacts, funding = partnership_terms(world.rng)
    world.out.rel(Rel.PARTNERS_WITH, start, end, kind, begun, ended, contacts, funding)
    return True


def write_partnerships(world: World) -> None:
    """PARTNERS_WITH, in the order networks grow: the innovation centres' and EEN partners' own
    local networks, then every cluster's partners at home, then its partners abroad, drawn by
    affinity (loaders/synthetic/affinity.py) so that ties already there can count."""
    rng, clusters = world.rng, world.org(Label.Cluster)
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
    for abroad in (False, True):
        for index, cluster in enumerate(clusters.ids):
            for label, low, high in CLUSTER_PARTNER_MIX:
                if (label in ABROAD_LABELS) != abroad:
                    continue
                for _ in range(rng.randint(low, high)):
                    if abroad:
                        other, planted = pick_abroad(world, index, cluster, label)
                    else:
                        home = clusters.countries[index]
                        other, planted = world.org(label).pick(rng, home), None
                    if partner(world, cluster, other):
                        world.cluster_partners[index].append(other)
                        if planted:
                            target, model = planted
                            world.out.planted(cluster, other, model.id, target.id)
