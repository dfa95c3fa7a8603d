"""What each load changed: its change set (created, updated with old and new values, removed),
kept by both stores, so the changes since a day can be told and the graph of a day rebuilt."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graph.records import LOAD_ID, STORE_MANAGED

T = TypeVar("T")

FactKey = tuple[str, str, str, str]  # as graph.store's: (start, type, end, source_id)

Props = dict[str, Any]
PART_SIZE = 50_000  # changes per stored part (Neo4j): a part stays a modest property value


@dataclass
class ChangeSet:
    """One load's changes. Created facts are kept as keys: their values are the graph's now, or
    the old values of the next change that touched them, so a first load stores little."""

    load_id: str
    at: dt.datetime  # when the load finished writing (UTC)
    sources: list[str]
    created_nodes: set[str] = field(default_factory=set)
    created_relationships: set[FactKey] = field(default_factory=set)
    updated_nodes: dict[str, tuple[Props, Props]] = field(default_factory=dict)  # id: old, new
    updated_relationships: dict[FactKey, tuple[Props, Props]] = field(default_factory=dict)
    removed_nodes: dict[str, Props] = field(default_factory=dict)  # id: old
    removed_relationships: dict[FactKey, Props] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return (
            len(self.created_nodes)
            + len(self.created_relationships)
            + len(self.updated_nodes)
            + len(self.updated_relationships)
            + len(self.removed_nodes)
            + len(self.removed_relationships)
        )


def own(props: Props) -> Props:
    """A fact's own properties: the stores' bookkeeping (firstseen, fingerprint, ...) left out,
    so old and new values compare as the sources state them."""
    return {
        k: v.to_native() if hasattr(v, "to_native") else v  # neo4j.time values as Python's
        for k, v in props.items()
        if k not in STORE_MANAGED and k != LOAD_ID
    }


def in_window(
    sets: Sequence[ChangeSet], since: dt.datetime | None, until: dt.datetime | None
) -> list[ChangeSet]:
    """The change sets made after `since` and up to `until`, oldest first."""
    return sorted(
        (c for c in sets if (since is None or c.at > since) and (until is None or c.at <= until)),
        key=lambda c: (c.at, c.load_id),
    )


# --- storing a change set as bytes (Neo4j): JSON with dates tagged, compressed, in parts -------
def _tag(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if hasattr(value, "to_native"):  # a neo4j.time value as the driver reads it
        return _tag(value.to_native())
    raise TypeError(f"cannot keep a {type(value).__name__} in history")


def _untag(value: dict[str, Any]) -> Any:
    if len(value) == 1:
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
    return value


_ENCODER = json.JSONEncoder(default=_tag, ensure_ascii=False, separators=(",", ":"))


def encode_parts(changes: ChangeSet) -> Iterator[bytes]:
    """The changes as compressed parts of at most PART_SIZE entries each, made one at a time:
    a store can write a part while the next is encoded, and the million entries of a first
    load never exist as one list. In no set order (reading them back builds sets again): sorting
    a million keys was a fifth of the recording at scale 1."""
    entries: Iterator[tuple[Any, ...]] = itertools.chain(
        (("cn", i) for i in changes.created_nodes),
        (("cr", k) for k in changes.created_relationships),  # a key tuple is a JSON array
        (("un", i, own(o), own(n)) for i, (o, n) in changes.updated_nodes.items()),
        (("ur", k, own(o), own(n)) for k, (o, n) in changes.updated_relationships.items()),
        (("rn", i, own(o)) for i, o in changes.removed_nodes.items()),
        (("rr", k, own(o)) for k, o in changes.removed_relationships.items()),
    )
    while part := _without_collection(lambda: list(itertools.islice(entries, PART_SIZE))):
        yield zlib.compress(_ENCODER.encode(part).encode(), 1)


def _without_collection(make: Callable[[], T]) -> T:
    """`make()` with the cyclic garbage collector paused: a part's entries make no cycles, but
    their allocation would start full passes over a load's whole heap (a third of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return make()
    finally:
        if was_enabled:
            gc.enable()


def decode_parts(changes: ChangeSet, parts: Sequence[bytes]) -> ChangeSet:
    """Fill `changes` (its load id, time and sources already set) from its stored parts."""
    for part in parts:
        for entry in json.loads(zlib.decompress(part), object_hook=_untag):
            kind, key = entry[0], entry[1]
            if kind == "cn":
                changes.created_nodes.add(key)
            elif kind == "cr":
                changes.created_relationships.add(_fact_key(key))
            elif kind == "un":
                changes.updated_nodes[key] = (entry[2], entry[3])
            elif kind == "ur":
                changes.updated_relationships[_fact_key(key)] = (entry[2], entry[3])
            elif kind == "rn":
                changes.removed_nodes[key] = entry[2]
            else:
                changes.removed_relationships[_fact_key(key)] = entry[2]
    return changes


def _fact_key(key: list[str]) -> FactKey:
    return (key[0], key[1], key[2], key[3])


def parse_moment(text: str, end_of_day: bool = True) -> dt.datetime:
    """A day (YYYY-MM-DD: its end, or its start) or a moment (ISO 8601, UTC if no zone)."""
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            moment = dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min)
        else:
            moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is no date (YYYY-MM-DD) or moment (ISO 8601)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def entries_of(changes: ChangeSet) -> Iterator[tuple[str, Any]]:
    """(kind, key) of every change, in a stable order (for counting and tests)."""
    yield from (("created", k) for k in sorted(changes.created_nodes))
    yield from (("created", k) for k in sorted(changes.created_relationships))
    yield from (("updated", k) for k in sorted(changes.updated_nodes))
    yield from (("updated", k) for k in sorted(changes.updated_relationships))
    yield from (("removed", k) for k in sorted(changes.removed_nodes))
    yield from (("removed", k) for k in sorted(changes.removed_relationships))
