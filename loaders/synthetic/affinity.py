"""Whom a cluster partners with abroad: a graded affinity, plus a documented share of noise.

The planting rule, for each partner abroad the cluster's mix asks for (an innovation centre,
a foreign cluster, an EEN partner, ...; loaders/synthetic/mix.py):

1. The market: one of the cluster's declared targets, uniformly, among those in a country that
   has an actor of that label. When none has, anyone of the label anywhere (not planted).
2. The noise: with probability NOISE, anyone of the label in that country, uniformly (not
   planted: nothing can find it again but chance).
3. Otherwise the planted partner: an actor of the label in that country, drawn with probability
   in proportion to exp(affinity). The affinity adds up what a cluster manager weighs:
   - SECTOR for each of the cluster's strength positions the actor focuses on;
   - HOTSPOT when the target is a hotspot and the actor is in it;
   - TIE for each of the cluster's partners the actor already works with (up to MOST_TIES):
     triadic closure, how partnership networks grow (the innovation centre's local network,
     the foreign partners of the Danish clusters it already works with).

Only planted partnerships are listed in planted.tsv for the quality benchmark's hold-out
(bench/holdout.py), which ranks by `weight` as the ceiling of what any method can do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from loaders.synthetic.world import Target, World

NOISE = 0.3
SECTOR = 1.5  # each shared strength position: about 4.5 times as likely
HOTSPOT = 1.0  # in the hotspot the cluster targets: about 2.7 times
TIE = 1.0  # each partner in common: about 2.7 times ...
MOST_TIES = 3  # ... counted up to three


def weight(sectors: int, in_hotspot: bool, ties: int) -> float:
    """How much likelier than an actor with no affinity at all this one is to be planted."""
    return math.exp(SECTOR * sectors + HOTSPOT * in_hotspot + TIE * min(ties, MOST_TIES))


def pick_abroad(world: World, index: int, cluster: str, label: str) -> tuple[str, bool]:
    """A partner of `label` abroad for `cluster` (at `index`), and whether it was planted."""
    rng, register = world.rng, world.org(label)
    targets = [t for t, _ in world.cluster_targets[index] if t.country in register.by_country]
    if not targets:
        return register.pick(rng), False
    target = rng.choice(targets)
    assert target.country is not None  # only targets in a country with the label are kept
    pool = register.by_country[target.country]
    if rng.random() < NOISE:
        return pool[rng.randrange(len(pool))], False
    partners = world.ties.get(cluster, set())
    pool = [node for node in pool if node not in partners] or pool  # a new partner, if any
    weights = _weights(world, index, partners, pool, target)
    return rng.choices(pool, weights=weights)[0], True


def _weights(
    world: World, index: int, partners: set[str], pool: Sequence[str], target: Target
) -> list[float]:
    strengths = {world.sectors[s] for s in world.cluster_sectors[index]}
    in_common = Counter(other for p in partners for other in world.ties.get(p, ()))
    return [
        weight(
            len(strengths & world.focus.get(node, set())),
            world.in_hotspot.get(node) == target.id,
            in_common[node],
        )
        for node in pool
    ]
