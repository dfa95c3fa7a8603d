"""Agreements: signed by a cluster and some of its partners, under one of the cluster's
declared (target, model) pairs, with a validity period judged on AS_OF."""

from __future__ import annotations

import datetime as dt

from loaders.synthetic.dates import AS_OF, EARLIEST, random_date
from loaders.synthetic.draws import some
from loaders.synthetic.links import fund
from loaders.synthetic.terms import (
    ACTIVE,
    AGREEMENT_KIND_WEIGHTS,
    AGREEMENT_KINDS,
    AGREEMENT_TITLES,
    EXPIRED,
)
from loaders.synthetic.world import World
from ontology.names import Label, Rel


def write_agreements(world: World) -> None:
    """Each agreement: a cluster and one to three of its partners, under one of the cluster's
    declared (target, model) pairs."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    centres = world.org(Label.InnovationCentre)
    last_signing = AS_OF - dt.timedelta(days=60)
    for _ in range(world.counts[Label.Agreement]):
        index = rng.randrange(len(clusters.ids))
        cluster, (target, model) = clusters.ids[index], rng.choice(world.cluster_targets[index])
        kind = rng.choices(AGREEMENT_KINDS, weights=AGREEMENT_KIND_WEIGHTS)[0]
        signed = random_date(rng, EARLIEST, last_signing)
        valid_from = signed + dt.timedelta(days=rng.randint(0, 60))
        valid_until = valid_from + dt.timedelta(days=rng.randint(365, 6 * 365))
        status = ACTIVE if valid_until > AS_OF else EXPIRED
        agreement = world.new_id(Label.Agreement)
        name = f"{AGREEMENT_TITLES[kind]}: {target.name}"
        world.out.node(
            Label.Agreement, agreement, name, kind, signed, valid_from, valid_until, status
        )
        others = some(rng, world.cluster_partners[index], 1, 3) or [centres.pick(rng)]
        for party in (cluster, *others):
            world.out.rel(Rel.PARTY_TO, party, agreement)
        world.out.rel(Rel.UNDER_MODEL, agreement, model.id)
        world.out.rel(Rel.TARGETS, agreement, target.id)
        if rng.random() < 0.2:
            fund(world, agreement, 1, 1)
