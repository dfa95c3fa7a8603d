"""Bounded memories of facts read per node (an actor's facts, the partnerships between two
nodes): both stores keep them between analyses, beside what they derive from the whole graph,
and drop them with it when the graph changes. A fact read per node is kept only up to a bound,
so that a graph of millions of actors, asked about many of them, does not grow the process
without limit; the oldest kept are dropped first (they are read again when asked for)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from itertools import islice
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# An actor's facts: about 1 to 2 kB each. A hundred clusters' recommendations and gaps at scale
# 10 read 21,090 (bench/RESULTS.md, 2026-12-07): kept oldest-first, a bound below what a round of
# questions reads drops each question's actors just before they are asked for again.
ACTORS_KEPT = 50_000
PAIRS_KEPT = 50_000  # the partnerships between two nodes: most pairs have none


def kept_many(
    kept: dict[K, V], keys: Iterable[K], read: Callable[[list[K]], dict[K, V]], bound: int
) -> dict[K, V]:
    """The values of `keys`: those kept, and the rest read at once (`read(missing)`, which
    returns a value for each) and kept, dropping the oldest beyond `bound`."""
    wanted = list(dict.fromkeys(keys))
    missing = [key for key in wanted if key not in kept]
    if not missing:
        return {key: kept[key] for key in wanted}
    fresh = read(missing)
    found = {key: fresh[key] if key in fresh else kept[key] for key in wanted}
    keep(kept, fresh, bound)
    return found


def keep(kept: dict[K, V], fresh: dict[K, V], bound: int) -> None:
    """Keep what was just read, dropping the oldest kept beyond `bound`."""
    kept.update(fresh)
    for oldest in list(islice(kept, max(0, len(kept) - bound))):
        del kept[oldest]
