"""Checks on records before anything is written: every problem is reported, not just the first."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from graph.store import GraphStore
from loaders.batch import SourceBatch
from loaders.problems import Problem
from ontology.names import Label, Rel
from ontology.schema import Schema


def check_records(batch: SourceBatch, schema: Schema) -> list[Problem]:
    """Per fact: required properties, value bounds, date order, the ends a relationship allows."""
    problems: list[Problem] = []
    for node in batch.nodes:
        specs = schema.node_properties(node.label)
        for key, spec in specs.items():
            if spec.required and key not in node.properties:
                problems.append(Problem(node.origin, key, None, f"required for a {node.label}"))
        problems += _bounds_and_order(node.properties, node.origin, schema)
    for rel in batch.relationships:
        rel_type = schema.relationship_types[rel.type]
        for field, label, allowed in (
            ("from", rel.start_label, rel_type.domain),
            ("to", rel.end_label, rel_type.range),
        ):
            if label not in allowed:
                problems.append(
                    Problem(
                        rel.origin,
                        field,
                        rel.start if field == "from" else rel.end,
                        f"{rel.type} {field} must be one of {', '.join(sorted(allowed))}, "
                        f"not {label}",
                    )
                )
        for key, spec in schema.relationship_properties(rel.type).items():
            if spec.required and key not in rel.properties:
                problems.append(Problem(rel.origin, key, None, f"required for {rel.type}"))
        problems += _bounds_and_order(rel.properties, rel.origin, schema)
    return problems


def check_contact_numbers(batch: SourceBatch) -> list[Problem]:
    """Within one source, a partnership's number of contact persons agrees with the people the
    source names for it (HAS_CONTACT + CONTACT_FOR): the named contacts win, so a number that
    differs is refused (README, "Contact persons")."""
    partner_of = {r.start: r.end for r in batch.relationships if r.type == Rel.CONTACT_FOR}
    named = Counter(
        (r.start, partner_of[r.end])
        for r in batch.relationships
        if r.type == Rel.HAS_CONTACT and r.end in partner_of
    )
    problems = []
    for rel in batch.relationships:
        given = rel.properties.get("contact_persons")
        if rel.type != Rel.PARTNERS_WITH or given is None:
            continue
        count = named.get((rel.start, rel.end), 0) or named.get((rel.end, rel.start), 0)
        if count and given != count:
            problems.append(
                Problem(
                    rel.origin,
                    "contact_persons",
                    given,
                    f"the source names {count} contact person(s) for this partnership: make "
                    "the number agree, or leave it out and the named contacts are counted",
                )
            )
    return problems


def _bounds_and_order(props: dict, origin: str, schema: Schema) -> list[Problem]:
    problems = []
    for key, pattern in schema.patterns.items():
        value = props.get(key)
        if isinstance(value, str) and re.fullmatch(pattern, value) is None:
            shown = "an e-mail address (name@domain.tld)" if key == "email" else pattern
            problems.append(Problem(origin, key, value, f"must be {shown}"))
    for key, (low, high) in schema.bounds.items():
        value = props.get(key)
        if value is None:
            continue
        if (low is not None and value < low) or (high is not None and value > high):
            limits = f"between {low} and {high}" if high is not None else f"at least {low}"
            problems.append(Problem(origin, key, value, f"must be {limits}"))
    for order in schema.orderings:
        lower, upper = props.get(order.lower), props.get(order.upper)
        if lower is None or upper is None:
            continue
        if upper < lower or (order.strict and upper == lower):
            problems.append(
                Problem(origin, order.upper, upper, f"must come after {order.lower} ({lower})")
            )
    return problems


def closest(node_id: str, candidates: Iterable[str]) -> str:
    prefix = node_id.partition(":")[0]
    same_kind = [c for c in candidates if c.startswith(prefix + ":")]
    close = difflib.get_close_matches(node_id, same_kind, n=3, cutoff=0.5)
    return f"; closest: {', '.join(close)}" if close else ""


def check_references(
    batches: Sequence[SourceBatch], store: GraphStore, schema: Schema
) -> list[Problem]:
    """Across the sources loaded together and what the store already holds: duplicate ids and
    relationships, nodes redefined by another source, dangling references, agreement parties."""
    problems: list[Problem] = []
    defined: dict[str, str] = {}  # id -> source_id
    for batch in batches:
        for node in batch.nodes:
            if node.id in defined:
                problems.append(
                    Problem(
                        node.origin, "id", node.id, f"defined twice (also in {defined[node.id]})"
                    )
                )
            defined[node.id] = batch.source_id
    owners = store.owners(list(defined))
    for batch in batches:
        for node in batch.nodes:
            owner = owners.get(node.id)
            if owner and owner != batch.source_id:
                problems.append(
                    Problem(
                        node.origin,
                        "id",
                        node.id,
                        f"already defined by source {owner}; refer to it, do not redefine it",
                    )
                )
    known = set(defined) | store.all_ids()
    parties: Counter[str] = Counter()
    for batch in batches:
        seen: Counter[tuple[str, str, str, str]] = Counter()
        for rel in batch.relationships:
            seen[rel.key] += 1
            if seen[rel.key] == 2:
                problems.append(
                    Problem(rel.origin, "type", rel.type, f"{rel.start} -> {rel.end} stated twice")
                )
            for field, node_id in (("from", rel.start), ("to", rel.end)):
                if node_id not in known:
                    problems.append(
                        Problem(rel.origin, field, node_id, f"unknown id{closest(node_id, known)}")
                    )
            for key in ("role", "model"):  # edge properties whose values are ids
                value = rel.properties.get(key)
                if value is not None and value not in known:
                    problems.append(
                        Problem(rel.origin, key, value, f"unknown id{closest(value, known)}")
                    )
            if rel.type == Rel.PARTY_TO:
                parties[rel.end] += 1
    agreements = {
        node.id: node.origin
        for batch in batches
        for node in batch.nodes
        if node.label == Label.Agreement
    }
    loading = {batch.source_id for batch in batches}
    existing_parties = _stored_party_counts(store, schema, list(agreements), loading)
    for agreement, origin in agreements.items():
        count = parties[agreement] + existing_parties.get(agreement, 0)
        if count < 2:
            problems.append(
                Problem(
                    origin, "parties", count, "an agreement needs at least two PARTY_TO parties"
                )
            )
    return problems


def _stored_party_counts(
    store: GraphStore, schema: Schema, agreements: list[str], loading: set[str]
) -> dict[str, int]:
    """PARTY_TO relationships that sources not being reloaded hold for these agreements."""
    if not agreements:
        return {}
    wanted = set(agreements)
    counts: Counter[str] = Counter()
    for rel in store.relationships(Rel.PARTY_TO):
        if rel.end in wanted and rel.properties.get("source_id") not in loading:
            counts[rel.end] += 1
    return dict(counts)
