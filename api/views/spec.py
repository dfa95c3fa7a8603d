"""What a view draws, as plain data: the builders fill it from the store, the renderer draws it.

Text here is plain text straight from the data; escaping is the renderer's job, done once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AGGREGATE = "Aggregate"  # the type of a box that counts nodes instead of drawing them
MISSING = "Missing"  # the type of a partner a gap says is not there


class UnknownNode(LookupError):
    """The view's subject is not in the store."""


@dataclass(frozen=True)
class ViewNode:
    id: str
    label: str  # drawn on the canvas (canvas text is never parsed as HTML)
    type: str  # a node label (Cluster, InnovationCentre, ...), AGGREGATE or MISSING
    tooltip: tuple[str, ...] = ()  # lines of plain text
    illustrative: bool = False
    group: str = ""  # layout group; the type's caption when empty
    size: int | None = None  # drawn size; the type's default when None
    inactive: bool = False  # merged, bankrupt or closed: drawn grey and marked

    @property
    def group_key(self) -> str:
        return self.group or self.type


@dataclass(frozen=True)
class ViewEdge:
    start: str
    end: str
    style: str  # a key of style.EDGE_STYLES
    tooltip: tuple[str, ...] = ()
    illustrative: bool = False
    label: str = ""


@dataclass
class View:
    kind: str  # ecosystem | cluster | model | market
    title: str
    subtitle: str
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    centre: str | None = None  # the node the view is about, drawn in the middle
    notes: list[str] = field(default_factory=list)  # plain sentences shown above the graph
    aggregation: str | None = None  # set when the view counts nodes instead of drawing them
    tables: list[Table] = field(default_factory=list)  # shown below the graph
    # A cluster page's gaps (api.views.gap_items.GapItem), and why there are none when the
    # analysis leaves the cluster out; gap_state None: the page has no gap list at all.
    gap_items: list[Any] = field(default_factory=list)
    gap_state: str | None = None
    portfolio: dict[tuple[str, bool], PortfolioCell] | None = None  # by (purpose, long term)

    def node_ids(self) -> set[str]:
        return {node.id for node in self.nodes}


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Candidate:
    """An actor that could fill a missing role, as the recommender or gap analysis names it."""

    id: str
    name: str
    type: str
    reason: str = ""


@dataclass(frozen=True)
class MissingPartner:
    """A gap drawn as a partner that is not there: the role it lacks and who could fill it."""

    role: str  # role id, e.g. role:icdk
    role_name: str
    model: str | None
    severity: str
    sentence: str
    candidates: tuple[Candidate, ...] = ()
    market: str | None = None  # the country, hotspot or market where the partner is missing
    market_name: str | None = None


@dataclass(frozen=True)
class PortfolioEntry:
    name: str
    market: str = ""
    next_step: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class PortfolioCell:
    """One quadrant of the report's picture: a model and the cluster's work under it."""

    model: str
    items: tuple[PortfolioEntry, ...] = ()
