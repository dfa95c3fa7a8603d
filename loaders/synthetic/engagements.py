"""Engagements: undertaken by a cluster under one of its declared (target, model) pairs, with
the partners involved in the roles the model asks for; the roles left unfilled are the gaps the
analysis is to find."""

from __future__ import annotations

import datetime as dt

from loaders.synthetic.dates import AS_OF, EARLIEST, random_date
from loaders.synthetic.draws import some
from loaders.synthetic.links import fund
from loaders.synthetic.mix import ABROAD_LABELS, RECOMMENDED_ROLE_SHARE, REQUIRED_ROLE_SHARE
from loaders.synthetic.terms import CLOSED_OUTCOME_WEIGHTS, CLOSED_OUTCOMES, ONGOING
from loaders.synthetic.world import World
from ontology.models import ModelSpec
from ontology.names import Label, Rel, RoleId


def pick_for_role(world: World, role: str, home: int, abroad: int | None) -> str | None:
    """An organisation that can fill the role: found in the target market if it is a partner
    abroad (ICDK, Trade Council, ...), else at home. None when there is no such node."""
    if role == RoleId.multinational:  # filled by a Company whose size is multinational
        if not world.multinationals.ids:
            return None
        return world.multinationals.pick(world.rng, abroad)
    label = world.rng.choice(world.roles[role])
    return world.org(label).pick(world.rng, abroad if label in ABROAD_LABELS else home)


def involve_partners(
    world: World, engagement: str, cluster: str, model: ModelSpec, home: int, abroad: int | None
) -> None:
    """INVOLVES: most of the roles the model requires, some it recommends; the gaps are real."""
    involved = {cluster}  # membership only: the undertaking cluster is not its own partner
    for roles, share in (
        (model.required, REQUIRED_ROLE_SHARE),
        (model.recommended, RECOMMENDED_ROLE_SHARE),
    ):
        for role in roles:
            if role not in world.roles or world.rng.random() >= share:
                continue
            node = pick_for_role(world, role, home, abroad)
            if node is not None and node not in involved:
                involved.add(node)
                world.out.rel(Rel.INVOLVES, engagement, node, role)


def write_engagements(world: World) -> None:
    rng, clusters = world.rng, world.org(Label.Cluster)
    first_start = EARLIEST + dt.timedelta(days=2 * 365)
    for _ in range(world.counts[Label.Engagement]):
        index = rng.randrange(len(clusters.ids))
        cluster, (target, model) = clusters.ids[index], rng.choice(world.cluster_targets[index])
        activities = some(rng, range(len(world.activities)), 1, 3)
        long_term = model.long_term
        start = random_date(rng, first_start, AS_OF)
        end = start + dt.timedelta(
            days=rng.randint(730, 1460) if long_term else rng.randint(1, 365)
        )
        outcome = (
            ONGOING if end > AS_OF else rng.choices(CLOSED_OUTCOMES, CLOSED_OUTCOME_WEIGHTS)[0]
        )
        participants = rng.randint(8, 40) if long_term else rng.randint(3, 15)
        engagement = world.new_id(Label.Engagement)
        name = f"{world.activity_names[activities[0]]}: {target.name}"
        world.out.node(Label.Engagement, engagement, name, start, end, outcome, participants)
        world.out.rel(Rel.UNDERTAKES, cluster, engagement)
        world.out.rel(Rel.UNDER_MODEL, engagement, model.id)
        world.out.rel(Rel.TARGETS, engagement, target.id)
        for activity in activities:
            world.out.rel(Rel.INCLUDES_ACTIVITY, engagement, world.activities[activity])
        involve_partners(
            world, engagement, cluster, model, clusters.countries[index], target.country
        )
        if rng.random() < 0.4:
            fund(world, engagement, 1, 2)
