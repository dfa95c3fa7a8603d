"""Cypher results as an analyst reads them. JSON holds the values `POST /cypher` gives (nodes as
labels and properties, relationships as type, ends and properties, paths as both lists, temporal
values as ISO text, points as SRID and coordinates); a table or CSV cell holds them as text in
Cypher's own notation: `(:Label {id: "…", name: "…"})`, `[:TYPE {kind: "…"}]`, paths as the
chain of both, dates as `2026-12-01`."""

from __future__ import annotations

import json
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Duration

from queries.readonly_cypher import plain


def json_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{column: plain(value) for column, value in row.items()} for row in rows]


def cell(value: Any) -> str:
    """One value as text for a table or CSV cell (strings as they are, null as empty)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return f"[:{value.type}{_props(dict(value))}]"
    if isinstance(value, Path):
        return _path(value)
    if isinstance(value, Duration):
        return value.iso_format()
    if isinstance(value, Point):
        return f"point({json.dumps(plain(value))})"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_text(v)}" for k, v in value.items()) + "}"
    if hasattr(value, "iso_format"):
        return str(value.iso_format())
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(plain(value))


def _node(node: Node) -> str:
    labels = "".join(f":{label}" for label in sorted(node.labels))
    return f"({labels}{_props(dict(node))})"


def _props(props: dict[str, Any]) -> str:
    if not props:
        return ""
    return " {" + ", ".join(f"{k}: {_text(v)}" for k, v in sorted(props.items())) + "}"


def _path(path: Path) -> str:
    parts = [_node(path.start_node)]
    current: Node | None = path.start_node
    for rel in path.relationships:
        forward = (
            rel.start_node is not None
            and current is not None
            and rel.start_node.element_id == current.element_id
        )
        link = f"[:{rel.type}{_props(dict(rel))}]"
        arrow = f"-{link}->" if forward else f"<-{link}-"
        current = rel.end_node if forward else rel.start_node
        parts.append(arrow + (_node(current) if current is not None else "()"))
    return "".join(parts)
