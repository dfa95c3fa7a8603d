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
