"""Values as the Neo4j driver decodes them, turned into the Python values both stores hand out."""

from __future__ import annotations

from typing import Any

from neo4j.time import Date, DateTime


def native(value: Any) -> Any:
    """neo4j.time values as datetime values, so both stores hand out the same Python types.
    Every value of a result passes through here, so the type tests are exact ones, which are
    faster than isinstance with a union."""
    kind = type(value)
    if kind is dict:
        return {k: native(v) for k, v in value.items()}
    if kind is list:
        return [native(v) for v in value]
    if kind is Date or kind is DateTime:
        return value.to_native()
    return value


def native_props(props: dict[str, Any]) -> dict[str, Any]:
    """A flat map's values as Python values, its nulls left out (a map projection names them)."""
    return {
        k: v.to_native() if type(v) is Date or type(v) is DateTime else v
        for k, v in props.items()
        if v is not None
    }


def entity_props(entity: Any) -> dict[str, Any]:
    """A node's or relationship's properties as Python values."""
    return {k: native(v) for k, v in dict(entity).items()}


def approx_size(value: Any) -> int:
    """About the bytes a value takes as JSON, without encoding it: the measure that cuts a
    Cypher answer before it grows past its byte bound."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, bytes | bytearray):
        return 2 * len(value) + 2
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 4 + approx_size(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return 2 + sum(approx_size(v) + 1 for v in value)
    if hasattr(value, "items") and hasattr(value, "element_id"):  # a node or relationship
        return 64 + approx_size(dict(value.items()))
    if hasattr(value, "nodes") and hasattr(value, "relationships"):  # a path
        return 16 + approx_size(list(value.nodes)) + approx_size(list(value.relationships))
    return 24  # numbers, booleans, temporals, points
