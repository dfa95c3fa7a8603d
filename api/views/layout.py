"""Positions computed before the page opens, so the browser draws once and never simulates.

Each group (an actor type) is a disc of nodes packed on a sunflower spiral, best-connected
first at its centre; the discs sit on a ring around the view's centre node. Linear in the number
of nodes, deterministic, and the groups stay visibly apart, which is what a reader looks for.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from api.views.spec import ViewEdge, ViewNode

SPACING = 70.0  # pixels between neighbouring nodes in a disc (more in small views: labels)
ROOMY = 150  # views up to this many nodes get twice the spacing, so labels do not overlap
GROUP_GAP = 90.0  # pixels between discs
KEY_ROOM = 3.0  # a large view's key groups (clusters, ICDKs) get this much more room: labels
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Caption:
    text: str
    x: float
    y: float
    count: int = 0  # the shapes in its group
    key: str = ""  # the group's key (a node type unless the view names its groups)


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]]
    captions: list[Caption]
    spacing: float = SPACING


def disc_radius(count: int, spacing: float = SPACING) -> float:
    return spacing * math.sqrt(max(count, 1))


def sunflower(
    count: int, cx: float, cy: float, spacing: float = SPACING
) -> list[tuple[float, float]]:
    """`count` evenly spread points in a disc of radius disc_radius(count, spacing)."""
    points = []
    for i in range(count):
        radius = spacing * math.sqrt(i + 0.5) * 0.95
        angle = i * GOLDEN_ANGLE
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def grouped_layout(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    captions: dict[str, str],
    centre: str | None = None,
    key_groups: frozenset[str] = frozenset(),
) -> Layout:
    """Discs per group on a ring; `centre` (if given) alone in the middle. In a large view the
    `key_groups` get KEY_ROOM times the spacing: their labels are drawn at the default zoom."""
    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge.start] += 1
        degree[edge.end] += 1
    groups: dict[str, list[ViewNode]] = {}
    for node in nodes:
        if node.id != centre:
            groups.setdefault(node.group_key, []).append(node)
    for members in groups.values():
        members.sort(key=lambda n: (-degree[n.id], n.label, n.id))
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))

    positions: dict[str, tuple[float, float]] = {}
    result = Layout(positions, [], SPACING * 2 if len(nodes) <= ROOMY else SPACING)
    if centre is not None:
        positions[centre] = (0.0, 0.0)
    if not ordered:
        return result
    if len(ordered) == 1 and centre is None:
        key, members = ordered[0]
        _place_disc(result, members, 0.0, 0.0, captions.get(key, key), None, key)
        return result

    def spacing(key: str) -> float:
        big = len(nodes) > ROOMY
        return result.spacing * (KEY_ROOM if big and key in key_groups else 1)

    widths = [2 * disc_radius(len(m), spacing(k)) + GROUP_GAP for k, m in ordered]
    ring = max(sum(widths) / (2 * math.pi), max(widths) / 2 + GROUP_GAP, 220.0)
    angle = -math.pi / 2
    for (key, members), width in zip(ordered, widths, strict=True):
        share = width / sum(widths) * 2 * math.pi
        angle += share / 2
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        _place_disc(result, members, cx, cy, captions.get(key, key), spacing(key), key)
        angle += share / 2
    return result


def _place_disc(
    result: Layout,
    members: list[ViewNode],
    cx: float,
    cy: float,
    text: str,
    spacing: float | None = None,
    key: str = "",
) -> None:
    spacing = spacing or result.spacing
    points = sunflower(len(members), cx, cy, spacing)
    for node, point in zip(members, points, strict=True):
        result.positions[node.id] = point
    top = cy - disc_radius(len(members), spacing) - 30
    result.captions.append(Caption(f"{text} ({len(members)})", cx, top, len(members), key))
