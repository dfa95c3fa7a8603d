"""`partnergraph cypher -p KEY=VALUE`: values as analysts type them.

A plain value is a string (`-p cluster=cluster:odense-robotics`, `-p country=DE`); quotes around
it are taken off. A named query's declared type (`--list`) reads the value as that type. Any
value can be typed outright with `KEY:TYPE=VALUE`, where TYPE is string, integer, float, boolean,
date (YYYY-MM-DD), list (comma-separated strings) or json; `KEY=null` is null.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

# Neo4j stores 64-bit signed integers: the driver refuses anything outside them.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
TYPES = ("string", "integer", "float", "boolean", "date", "list", "json")


class ParamError(ValueError):
    """A --param the command cannot read; the message names it and says what it expects."""


def parse_param(item: str, declared: dict[str, str] | None = None) -> tuple[str, Any]:
    """(key, value) of one `KEY=VALUE` or `KEY:TYPE=VALUE`; `declared` maps a named query's
    parameters to their types."""
    head, sep, text = item.partition("=")
    if not sep or not head:
        raise ParamError(f"--param {item!r}: expected KEY=VALUE or KEY:TYPE=VALUE")
    key, colon, kind = head.partition(":")
    key = key.strip()
    if declared is not None and key not in declared:
        known = ", ".join(sorted(declared)) or "none"
        raise ParamError(f"--param {key}: the query has no such parameter (it takes: {known})")
    if not colon:
        kind = (declared or {}).get(key, "string")
    if kind not in TYPES:
        raise ParamError(f"--param {head}: unknown type {kind!r}; use one of {', '.join(TYPES)}")
    if text == "null" and not colon:
        return key, None
    try:
        return key, _typed(text, kind)
    except ParamError as error:
        raise ParamError(f"--param {item}: {error}") from None


def _typed(text: str, kind: str) -> Any:
    if kind == "string":
        return _unquoted(text)
    if kind == "integer":
        try:
            number = int(text)
        except ValueError:
            raise ParamError("not an integer") from None
        return _in_range(number)
    if kind == "float":
        try:
            return float(text)
        except ValueError:
            raise ParamError("not a number") from None
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise ParamError("use true or false")
        return text.lower() == "true"
    if kind == "date":
        try:
            return dt.date.fromisoformat(_unquoted(text))
        except ValueError:
            raise ParamError("not a date; use YYYY-MM-DD") from None
    if kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParamError(f"not JSON ({error.msg})") from None
    _check_integers(value)
    return value


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _in_range(number: int) -> int:
    if not INT64_MIN <= number <= INT64_MAX:
        raise ParamError("the integer is outside the 64-bit range Neo4j stores")
    return number


def _check_integers(value: Any) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        _in_range(value)
    elif isinstance(value, list):
        for item in value:
            _check_integers(item)
    elif isinstance(value, dict):
        for item in value.values():
            _check_integers(item)
