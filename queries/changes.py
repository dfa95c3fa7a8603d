"""What changed between two moments, in words a board member reads: new and ended partnerships
and agreements, clusters that merged or closed, each with when, which load and where the fact
comes from, grouped by the clusters it concerns. Built from the loads' change sets."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from pydantic import Field

from graph.history import ChangeSet, Props
from graph.records import SOURCE_ID, source_name
from graph.store import FactKey, GraphStore
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.change_words import AGREEMENT_KINDS, differences, english, said
from queries.findings import FactProvenance, Finding
from queries.ids import qualified

Kind = Literal["created", "updated", "removed"]
NOT_A_CLUSTER = "(no cluster)"
TOLD = frozenset({Label.Agreement, Label.Engagement, Label.Cluster})  # nodes told in words
TOLD_TYPES = frozenset({Rel.PARTNERS_WITH, Rel.PARTY_TO, Rel.UNDERTAKES})


class Change(Finding):
    """One fact that changed, told in a sentence, with the load and the fact's provenance."""

    kind: Kind
    fact: str = Field(examples=["cluster:clean -PARTNERS_WITH-> icdk:india"])
    type: str = Field(examples=[Rel.PARTNERS_WITH])  # the label or relationship type
    sentence: str
    phrase: str = Field(examples=["agreement signed"])  # which sentence: views word it anew
    fields: dict[str, Any] = Field(default_factory=dict)  # what fills it: names, dates, kinds
    clusters: tuple[str, ...]
    at: dt.datetime
    load_id: str
    source: str  # the source that states (or stated) the fact, as shown
    changed: dict[str, tuple[Any, Any]] = Field(default_factory=dict)  # updated: key: old, new
    provenance: FactProvenance


class ClusterChanges(Finding):
    cluster: str
    name: str
    changes: tuple[Change, ...]


class ChangesReport(Finding):
    since: dt.datetime
    until: dt.datetime | None
    loads: tuple[str, ...]  # the loads in the window, oldest first
    clusters: tuple[ClusterChanges, ...]  # clusters in name order, NOT_A_CLUSTER last
    counts: dict[str, int]  # "created Agreement": n, for every change, told or not
    untold: int  # changes counted but not told in words (other kinds of facts)


def changes_since(
    store: GraphStore,
    since: dt.datetime,
    until: dt.datetime | None = None,
    cluster: str | None = None,
) -> ChangesReport:
    """The changes made after `since` and up to `until` (default: now)."""
    sets = store.change_sets(since=since)
    window = [c for c in sets if until is None or c.at <= until]
    later = [c for c in sets if until is not None and c.at > until]
    teller = _Teller(store, window, later)
    told: list[Change] = []
    counts: Counter[str] = Counter()
    for changes in window:
        for change in teller.tell(changes, counts):
            told.append(change)
    wanted = qualified(cluster, "cluster") if cluster else None
    grouped: dict[str, list[Change]] = {}
    for change in told:
        for concerned in change.clusters or (NOT_A_CLUSTER,):
            if wanted is None or concerned == wanted:
                grouped.setdefault(concerned, []).append(change)
    order = sorted(grouped, key=lambda c: (c == NOT_A_CLUSTER, teller.name(c).casefold()))
    return ChangesReport(
        since=since,
        until=until,
        loads=tuple(c.load_id for c in window),
        clusters=tuple(
            ClusterChanges(cluster=c, name=teller.name(c), changes=tuple(grouped[c])) for c in order
        ),
        counts=dict(sorted(counts.items())),
        untold=sum(counts.values()) - len(told),
    )


class _Teller:
    """Sentences for facts; a fact's values are looked up as they were after its change."""

    def __init__(self, store: GraphStore, window: Sequence[ChangeSet], later: Sequence[ChangeSet]):
        self.store = store
        self.after = [*window, *later]  # every change set from the window on, oldest first
        self.label_for_id = load_schema().label_for_id
        # The graph now, read once in a few whole-label and whole-type queries (a round trip per
        # fact would not do on Neo4j): names, the told facts' values, who points at what.
        told = [n for label in sorted(TOLD) for n in store.nodes(label)]
        self._now_nodes = {str(n["id"]): n for n in told}
        self._now_rels: dict[FactKey, Props] = {}
        self._into: dict[tuple[str, str], set[str]] = {}
        for rel_type in sorted(TOLD_TYPES):
            for rel in store.relationships(rel_type):
                key = (rel.start, rel.type, rel.end, str(rel.properties.get(SOURCE_ID, "")))
                self._now_rels[key] = rel.properties
                self._into.setdefault((rel.end, rel.type), set()).add(rel.start)
        self._names: dict[str, str] | None = None

    def name(self, node_id: str) -> str:
        if node_id == NOT_A_CLUSTER:
            return "Not tied to a cluster"
        if self._names is None:
            self._names = {str(n["id"]): str(n.get("name") or n["id"]) for n in self.store.nodes()}
        if node_id not in self._names:
            props = self._old_node(node_id) or {}
            self._names[node_id] = str(props.get("name") or node_id)
        return self._names[node_id]

    def _old_node(self, node_id: str) -> Props | None:
        for changes in self.after:
            if node_id in changes.removed_nodes:
                return changes.removed_nodes[node_id]
        return None

    def created_values(self, changes: ChangeSet, key: str | FactKey) -> Props:
        """As the load left the fact: the old values of the next change to touch it, else now."""
        position = next(i for i, c in enumerate(self.after) if c is changes)
        for next_changes in self.after[position + 1 :]:
            if isinstance(key, str):
                if key in next_changes.updated_nodes:
                    return next_changes.updated_nodes[key][0]
                if key in next_changes.removed_nodes:
                    return next_changes.removed_nodes[key]
            else:
                if key in next_changes.updated_relationships:
                    return next_changes.updated_relationships[key][0]
                if key in next_changes.removed_relationships:
                    return next_changes.removed_relationships[key]
        if isinstance(key, str):
            return self._now_nodes.get(key, {})
        return self._now_rels.get(key, {})

    def tell(self, changes: ChangeSet, counts: Counter[str]) -> Iterator[Change]:
        for kind, key, old, new in _entries(self, changes):
            rel_type = None if isinstance(key, str) else key[1]
            label = self.label_for_id(key) if isinstance(key, str) else str(rel_type)
            counts[f"{kind} {label}"] += 1
            told = label in TOLD or rel_type in TOLD_TYPES
            if rel_type == Rel.PARTY_TO and kind != "updated" and _with_its_agreement(changes, key):
                told = False  # the agreement's own sentence names its parties
            if not told:
                continue
            values = new if kind != "removed" else old
            if isinstance(key, str):
                phrase, fields, clusters = self._node_sentence(kind, key, label, old, new)
                fact = key
            else:
                phrase, fields, clusters = self._relationship_sentence(kind, key, old, new)
                fact = f"{key[0]} -{key[1]}-> {key[2]}"
            yield Change(
                kind=kind,
                fact=fact,
                type=label,
                sentence=english(phrase, fields),
                phrase=phrase,
                fields=fields,
                clusters=tuple(sorted(clusters)),
                at=changes.at,
                load_id=changes.load_id,
                source=source_name(str(values.get(SOURCE_ID, ""))),
                changed=differences(old, new) if kind == "updated" else {},
                provenance=FactProvenance(
                    **{k: _text(values.get(k)) for k in ("source", "section", "url", "confidence")}
                ),
            )

    def _node_sentence(
        self, kind: Kind, node_id: str, label: str, old: Props, new: Props
    ) -> tuple[str, dict[str, Any], set[str]]:
        values = new if kind != "removed" else old
        name = str(values.get("name") or node_id)
        parties = self._parties(node_id) if label == Label.Agreement else []
        clusters = {p for p in parties if self.label_for_id(p) == Label.Cluster}
        if label == Label.Cluster:
            clusters.add(node_id)
        if label == Label.Engagement:
            clusters |= self._undertakers(node_id)
        told_as = said(old, new)
        if label == Label.Agreement:
            code = str(values.get("agreement_kind") or "agreement")
            fields: dict[str, Any] = {
                "between": [self.name(p) for p in parties] or [name],
                "kind_code": code,
                "kind": AGREEMENT_KINDS.get(code, code.replace("-", " ")),
                "name": name,
            }
            if kind == "created":
                until = values.get("valid_until")
                return "agreement signed", {**fields, "until": _text(until)}, clusters
            if kind == "removed":
                return "agreement gone", fields, clusters
            if set(differences(old, new)) == {"valid_until"}:
                dates = {"old": _text(old["valid_until"]), "new": _text(new["valid_until"])}
                return "agreement runs to", {**fields, **dates}, clusters
            return "agreement changed", {**fields, "said": told_as}, clusters
        fields = {"noun": label, "name": name, "said": told_as}
        phrase = {"created": "node new", "removed": "node gone"}.get(kind, "node changed")
        return phrase, fields, clusters

    def _relationship_sentence(
        self, kind: Kind, key: FactKey, old: Props, new: Props
    ) -> tuple[str, dict[str, Any], set[str]]:
        start, rel_type, end, _ = key
        clusters = {n for n in (start, end) if self.label_for_id(n) == Label.Cluster}
        values = new if kind != "removed" else old
        fields: dict[str, Any] = {
            "a": self.name(start),
            "b": self.name(end),
            "said": said(old, new),
        }
        if rel_type == Rel.PARTNERS_WITH:
            fields["kind"] = str(values.get("kind") or "")
            if kind == "created":
                return "partnership began", fields, clusters
            if kind == "removed":
                return "partnership ended", fields, clusters
            if new.get("end") and not old.get("end"):
                return "partnership ended on", {**fields, "end": _text(new["end"])}, clusters
            return "partnership changed", fields, clusters
        fields["verb"] = rel_type
        phrase = {"created": "link new", "removed": "link gone"}.get(kind, "link changed")
        return phrase, fields, clusters

    def _parties(self, agreement: str) -> list[str]:
        return self._ends_into(agreement, Rel.PARTY_TO)

    def _undertakers(self, engagement: str) -> set[str]:
        return set(self._ends_into(engagement, Rel.UNDERTAKES))

    def _ends_into(self, node_id: str, rel_type: str) -> list[str]:
        """Who points at the node now, or pointed at it in a change (a removed agreement)."""
        found = set(self._into.get((node_id, rel_type), ()))
        for changes in self.after:
            for keys in (changes.created_relationships, changes.removed_relationships):
                found |= {k[0] for k in keys if k[1] == rel_type and k[2] == node_id}
        return sorted(found, key=lambda n: (self.label_for_id(n) != Label.Cluster, n))


def _entries(
    teller: _Teller, changes: ChangeSet
) -> Iterator[tuple[Kind, str | FactKey, Props, Props]]:
    """(kind, key, old values, new values) of every change, nodes before relationships."""
    for node_id in sorted(changes.created_nodes):
        if teller.label_for_id(node_id) in TOLD:
            yield "created", node_id, {}, teller.created_values(changes, node_id)
        else:
            yield "created", node_id, {}, {}
    for node_id, (old, new) in sorted(changes.updated_nodes.items()):
        yield "updated", node_id, old, new
    for node_id, old in sorted(changes.removed_nodes.items()):
        yield "removed", node_id, old, {}
    for key in sorted(changes.created_relationships):
        if key[1] in TOLD_TYPES:
            yield "created", key, {}, teller.created_values(changes, key)
        else:
            yield "created", key, {}, {}
    for key, (old, new) in sorted(changes.updated_relationships.items()):
        yield "updated", key, old, new
    for key, old in sorted(changes.removed_relationships.items()):
        yield "removed", key, old, {}


def _with_its_agreement(changes: ChangeSet, key: str | FactKey) -> bool:
    agreement = key[2]
    return agreement in changes.created_nodes or agreement in changes.removed_nodes


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
