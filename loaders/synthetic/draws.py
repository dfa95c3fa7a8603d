"""Small random choices the steps share: a few items of a list, and names coined from the
vocabulary."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from loaders.synthetic.vocabulary import PLACE_ENDINGS, SYLLABLES

T = TypeVar("T")


def some(rng: random.Random, items: Sequence[T], low: int, high: int) -> list[T]:
    """Between low and high distinct items (fewer when there are not that many)."""
    return rng.sample(items, min(len(items), rng.randint(low, high)))


def coined_name(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3))
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def place_name(rng: random.Random) -> str:
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(PLACE_ENDINGS)).capitalize()


def numbered(names: Sequence[str], index: int) -> str:
    """The index-th name, with a number once the list has been used up (at scales above 1)."""
    rounds, position = divmod(index, len(names))
    return names[position] if rounds == 0 else f"{names[position]} {rounds + 1}"
