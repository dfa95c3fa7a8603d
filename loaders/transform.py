"""Raw rows (from YAML, JSON or CSV) -> typed records with provenance, per the ontology."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import sys
from typing import Any, TypeGuard

from graph.records import SOURCE_ID, STORE_MANAGED, NodeRecord, RelationshipRecord
from loaders.problems import Problem
from ontology.schema import PropertySpec, Schema

PROVENANCE_KEYS = ("source", "section", "url", "confidence", "retrieved")
NODE_ID = re.compile(r"[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*")  # fullmatch: no trailing newline
# What both stores hold alike: Neo4j's integers are 64-bit; NaN and infinities compare with
# nothing, so no bound or order check could hold for them.
INT_RANGE = (-(2**63), 2**63 - 1)
# C0 control characters but tab, newline and carriage return: a NUL in a name is a broken file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TEXT = 100_000  # characters in one value: a description fits, a dumped file does not


MAX_ID = 200  # characters of an id
ID_EXPECTED = f"expected an id of the form kind:slug (letters, digits, . _ -; at most {MAX_ID})"


def valid_id(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and len(value) <= MAX_ID and NODE_ID.fullmatch(value) is not None


def coerce(value: Any, spec: PropertySpec) -> Any:
    """The value as the property's type; ValueError says what was expected."""
    if spec.multi_valued:
        items = value.split("|") if isinstance(value, str) else value
        if not isinstance(items, list):
            items = [items]
        return sorted(_coerce_one(item, spec) for item in items)
    return _coerce_one(value, spec)


def _coerce_one(value: Any, spec: PropertySpec) -> Any:
    kind = spec.python_type
    text = value.strip() if isinstance(value, str) else value
    try:
        if kind is bool:
            if isinstance(text, bool):
                result: Any = text
            elif str(text).lower() in ("true", "false"):
                result = str(text).lower() == "true"
            else:
                raise ValueError
        elif kind is int:
            if isinstance(text, bool | float):
                raise ValueError
            result = int(text)
            if not INT_RANGE[0] <= result <= INT_RANGE[1]:
                raise ValueError(
                    f"expected a whole number between {INT_RANGE[0]} and {INT_RANGE[1]}"
                )
        elif kind is float:
            if isinstance(text, bool | dt.date):
                raise ValueError
            result = float(text)
            if not math.isfinite(result):
                raise ValueError("expected a finite number (not NaN or infinity)")
        elif kind is dt.date:
            if isinstance(text, dt.datetime):
                raise ValueError
            result = text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))
        elif kind is dt.datetime:
            result = text if isinstance(text, dt.datetime) else dt.datetime.fromisoformat(str(text))
        else:
            if not isinstance(text, str | int | float | bool | dt.date):  # lists, maps, bytes, sets
                raise ValueError
            if isinstance(text, dt.date):  # a YAML date where text is expected: as written
                text = text.isoformat()
            text = str(text)
            if CONTROL.search(text):
                raise ValueError("expected text without control characters (NUL, ...)")
            if len(text) > MAX_TEXT:
                raise ValueError(f"expected text of at most {MAX_TEXT} characters")
            # Interned: a value repeated across a million facts (a source, a kind, a role) is
            # then held once, in the records and in the memory store alike.
            result = sys.intern(text)
    except (TypeError, ValueError, OverflowError, ArithmeticError) as error:
        detail = str(error) if str(error).startswith("expected") else f"expected {_describe(spec)}"
        raise ValueError(detail) from None
    if spec.allowed and result not in spec.allowed:
        raise ValueError(f"expected one of {', '.join(spec.allowed)}")
    return result


def _describe(spec: PropertySpec) -> str:
    return {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        dt.date: "a date YYYY-MM-DD",
        dt.datetime: "a date-time (ISO 8601)",
    }.get(spec.python_type, "text")


def _typed_properties(
    raw: dict[str, Any],
    specs: dict[str, PropertySpec],
    origin: str,
    what: str,
    problems: list[Problem],
) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str):
            problems.append(Problem(origin, str(key), value, "a property name must be text"))
            continue
        if value is None or value == "" or value == []:
            continue
        spec = specs.get(key)
        if spec is None or key in STORE_MANAGED or key == SOURCE_ID:
            close = difflib.get_close_matches(key, specs, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            problems.append(Problem(origin, key, value, f"not a property of {what}{hint}"))
            continue
        try:
            props[key] = coerce(value, spec)
        except ValueError as error:
            problems.append(Problem(origin, key, value, str(error)))
    return props


def _with_provenance(
    raw: dict[str, Any], defaults: dict[str, Any], origin: str, problems: list[Problem]
) -> dict[str, Any]:
    own = raw.get("provenance") or {}
    if not isinstance(own, dict):
        problems.append(Problem(origin, "provenance", own, "expected a mapping (source: ...)"))
        own = {}
    return {**defaults, **own, **raw}


def node_from_raw(
    raw: dict[str, Any],
    defaults: dict[str, Any],
    source_id: str,
    origin: str,
    schema: Schema,
    problems: list[Problem],
) -> NodeRecord | None:
    node_id = raw.get("id")
    if not valid_id(node_id):
        problems.append(Problem(origin, "id", node_id, ID_EXPECTED))
        return None
    try:
        node_type = schema.node_type_for_id(node_id)
    except KeyError as error:
        problems.append(Problem(origin, "id", node_id, str(error.args[0])))
        return None
    fields = {
        k: v
        for k, v in _with_provenance(raw, defaults, origin, problems).items()
        if k != "provenance"
    }
    props = _typed_properties(
        fields, schema.node_properties(node_type.label), origin, node_type.label, problems
    )
    props[SOURCE_ID] = source_id
    return NodeRecord(node_id, node_type.label, props, origin)


def relationship_from_raw(
    raw: dict[str, Any],
    defaults: dict[str, Any],
    source_id: str,
    origin: str,
    schema: Schema,
    problems: list[Problem],
) -> RelationshipRecord | None:
    rel_type, start, end = raw.get("type"), raw.get("from"), raw.get("to")
    if not isinstance(rel_type, str) or rel_type not in schema.relationship_types:
        close = difflib.get_close_matches(str(rel_type), schema.relationship_types, n=3)
        problems.append(
            Problem(
                origin, "type", rel_type, f"not a relationship type; closest: {', '.join(close)}"
            )
        )
        return None
    labels = []
    for field_name, node_id in (("from", start), ("to", end)):
        if not valid_id(node_id):
            problems.append(Problem(origin, field_name, node_id, ID_EXPECTED))
            continue
        try:
            labels.append(schema.label_for_id(str(node_id)))
        except KeyError as error:
            problems.append(Problem(origin, field_name, node_id, str(error.args[0])))
    if len(labels) != 2:
        return None
    if start == end:  # no relationship of the ontology links a node to itself
        problems.append(Problem(origin, "to", end, f"{rel_type} from a node to itself"))
        return None
    assert isinstance(rel_type, str) and isinstance(start, str) and isinstance(end, str)
    fields = {
        k: v
        for k, v in _with_provenance(raw, defaults, origin, problems).items()
        if k not in ("provenance", "type", "from", "to")
    }
    props = _typed_properties(
        fields, schema.relationship_properties(rel_type), origin, rel_type, problems
    )
    props[SOURCE_ID] = source_id
    return RelationshipRecord(rel_type, start, end, labels[0], labels[1], props, origin)
