"""Whom a cluster partners with abroad: a graded affinity, plus a documented share of noise.

The planting rule, for each partner abroad the cluster's mix asks for (an innovation centre,
a foreign cluster, an EEN partner, ...; loaders/synthetic/mix.py):

1. The market: one of the cluster's declared targets, uniformly, among those in a country that
   has an actor of that label. When none has, anyone of the label anywhere (not planted).
2. The noise: with probability NOISE, anyone of the label in that country, uniformly (not
   planted: nothing can find it again but chance).
3. Otherwise the planted partner: an actor of the label in the target (a hotspot is its own
   area first, its country if no one of the label is there, as a hotspot asked for is in the
   recommender), drawn with probability in proportion to exp(affinity). The affinity adds up
   what a cluster manager weighs:
   - SECTOR for each of the cluster's strength positions the actor focuses on;
   - TIE for each of the cluster's partners the actor already works with (up to MOST_TIES):
     triadic closure, how partnership networks grow (the innovation centre's local network,
     the foreign partners of the Danish clusters it already works with).

Only planted partnerships are listed in planted.tsv, each with the declared target and model it
was drawn for, so the quality benchmark's hold-out (bench/holdout.py) asks the very question the
partnership served; it ranks by `weight` as the ceiling of what any method can do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from loaders.synthetic.world import Target, World
from ontology.models import ModelSpec
from ontology.names import Label

Planted = tuple[Target, ModelSpec]  # the declaration a planted partner was drawn for

NOISE = 0.3
SECTOR = 1.5  # each shared strength position: about 4.5 times as likely
TIE = 1.0  # each partner in common: about 2.7 times ...
MOST_TIES = 3  # ... counted up to three


def weight(sectors: int, ties: int) -> float:
    """How much likelier than an actor with no affinity at all this one is to be planted."""
    return math.exp(SECTOR * sectors + TIE * min(ties, MOST_TIES))


def pick_abroad(world: World, index: int, cluster: str, label: str) -> tuple[str, Planted | None]:
    """A partner of `label` abroad for `cluster` (at `index`), and, if it was planted, the
    declaration (target and model) it was drawn for."""
    rng, register = world.rng, world.org(label)
    declared = [d for d in world.cluster_targets[index] if d[0].country in register.by_country]
    if not declared:
        return register.pick(rng), None
    target, model = rng.choice(declared)
    assert target.country is not None  # only targets in a country with the label are kept
    pool = register.by_country[target.country]
    if rng.random() < NOISE:
        return pool[rng.randrange(len(pool))], None
    pool = in_area(world, pool, target)
    partners = world.ties.get(cluster, set())
    pool = [node for node in pool if node not in partners] or pool  # a new partner, if any
    weights = _weights(world, index, partners, pool)
    return rng.choices(pool, weights=weights)[0], (target, model)


def in_area(world: World, pool: list[str], target: Target) -> list[str]:
    """Those of the pool (all in the target's country) a hotspot target's partner comes from."""
    if target.label != Label.Hotspot:
        return pool
    return [node for node in pool if world.in_hotspot.get(node) == target.id] or pool


def _weights(world: World, index: int, partners: set[str], pool: Sequence[str]) -> list[float]:
    strengths = {world.sectors[s] for s in world.cluster_sectors[index]}
    in_common = Counter(other for p in partners for other in world.ties.get(p, ()))
    return [
        weight(
            len(strengths & world.focus.get(node, set())),
            in_common[node],
        )
        for node in pool
    ]
