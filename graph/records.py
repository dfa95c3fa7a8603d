"""What loaders hand to stores, and what stores report back."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, TypeVar

T = TypeVar("T")

# Bookkeeping keys the stores maintain on every node and relationship (beside provenance).
FIRSTSEEN = "firstseen"
LASTUPDATED = "lastupdated"
SOURCE_ID = "source_id"
FINGERPRINT = "fingerprint"
LOAD_ID = "load_id"  # the load that last wrote a fact (Neo4j): what a failed load undoes
STORE_MANAGED = frozenset({FIRSTSEEN, LASTUPDATED, FINGERPRINT, LOAD_ID})


# One encoder for every digest: json.dumps with options builds a new one per call.
_JSON = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False)


def source_name(source_id: str) -> str:
    """A source as others may see it: a source loaded from outside the bundled data is known by
    its absolute path, which names the machine's folders; shown, it is the file or folder name."""
    return PurePosixPath(source_id).name if source_id.startswith("/") else source_id


def fingerprint(properties: dict[str, Any]) -> str:
    """A stable digest of a fact's own properties: equal digests mean an unchanged fact."""
    text = _JSON.encode(properties)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most `size` items (itertools.batched arrives in Python 3.12)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True, slots=True)  # slots: a load holds a million of them at once
class NodeRecord:
    id: str
    label: str
    properties: dict[str, Any]  # includes id and provenance; never the store-managed keys
    origin: str = field(default="", compare=False)  # "file:line" for error messages


@dataclass(frozen=True, slots=True)
class RelationshipRecord:
    type: str
    start: str
    end: str
    start_label: str
    end_label: str
    properties: dict[str, Any]  # includes provenance and source_id
    origin: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """A relationship is identified by its type, its two ends and the source that states it."""
        return (self.start, self.type, self.end, self.properties[SOURCE_ID])


@dataclass
class WriteCounts:
    """created / updated / unchanged / removed, per label or relationship type."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, other: WriteCounts) -> None:
        for name in ("created", "updated", "unchanged", "removed"):
            getattr(self, name).update(getattr(other, name))

    def total(self, name: str) -> int:
        return sum(getattr(self, name).values())

    @property
    def changed(self) -> bool:
        return any(self.total(n) for n in ("created", "updated", "removed"))


@dataclass(frozen=True)
class GraphCounts:
    nodes: dict[str, int]
    relationships: dict[str, int]

    @property
    def node_total(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())
