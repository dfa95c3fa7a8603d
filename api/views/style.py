"""Colours, shapes and line styles: one look per actor type and per kind of link, and the legend
that explains them. Chosen for a reader who has never seen a graph tool: few shapes, strong
colours for the actors the report is about, grey for context."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from api.views.lang import Lang, current, speaking, t
from api.views.spec import AGGREGATE, MISSING
from ontology.names import Label
from ontology.schema import load_schema

ILLUSTRATIVE_MARK = " *"  # appended to the canvas label of an illustrative fact


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str  # a vis-network shape
    size: int = 14
    caption: str = ""  # what the legend calls the type; empty: the ontology's name for the label


@dataclass(frozen=True)
class EdgeStyle:
    caption: str
    colour: str
    width: float
    dashes: tuple[int, ...] = ()  # empty: a solid line


# Keyed by node label, plus the two kinds of shape a view adds; in legend order. A caption is
# given only where the board's reader needs more than the ontology's name says.
NODE_LOOKS: dict[str, NodeStyle] = {
    Label.Cluster: NodeStyle("#1f5fbf", "dot", 24, "Danish cluster organisation"),
    Label.InnovationCentre: NodeStyle("#d62728", "diamond", 20, "Innovation Centre Denmark"),
    Label.TradeCouncil: NodeStyle("#8c1c13", "square", 16),
    Label.InvestInDenmark: NodeStyle("#ff7f0e", "square", 16),
    Label.EnterpriseEuropeNetwork: NodeStyle("#9467bd", "triangle", 16),
    Label.RegionalEUOffice: NodeStyle("#c5b0d5", "triangle", 16),
    Label.BusinessHub: NodeStyle("#17becf", "square", 16, "Erhvervshus (business hub)"),
    Label.EUDKSupport: NodeStyle("#7f7fff", "triangle", 14),
    Label.MarketingOrganisation: NodeStyle("#e377c2", "star", 16),
    Label.TradeAssociation: NodeStyle("#bcbd22", "square", 14),
    Label.ForeignCluster: NodeStyle("#6baed6", "dot", 16),
    Label.KnowledgeInstitution: NodeStyle("#2ca02c", "triangleDown", 16),
    Label.Company: NodeStyle("#7f7f7f", "dot", 10),
    Label.Investor: NodeStyle("#c49c10", "diamond", 14),
    Label.Authority: NodeStyle("#444444", "hexagon", 16),
    Label.Funder: NodeStyle("#8c564b", "hexagon", 16),
    Label.FundingProgramme: NodeStyle("#c49c94", "hexagon", 12),
    Label.Agreement: NodeStyle("#2e7d32", "square", 12),
    Label.Engagement: NodeStyle("#f5a623", "dot", 12, "Engagement (project, case)"),
    Label.Lead: NodeStyle("#fb8072", "triangleDown", 12),
    Label.Model: NodeStyle("#08306b", "star", 28),
    Label.Country: NodeStyle("#005f56", "hexagon", 26),
    Label.Hotspot: NodeStyle("#00897b", "hexagon", 18),
    Label.Market: NodeStyle("#4db6ac", "hexagon", 16, "Market (sector, value chain)"),
    Label.City: NodeStyle("#bdbdbd", "dot", 8),
    Label.PartnerRole: NodeStyle("#fdae6b", "box", 12),
    AGGREGATE: NodeStyle("#fff3b0", "box", 16, "Group counted, not drawn one by one"),
    MISSING: NodeStyle("#ffffff", "dot", 18, "Missing partner (a gap)"),
}
FALLBACK_NODE = NodeStyle("#cccccc", "dot", 10, "Other")
INACTIVE_COLOUR = "#9e9e9e"  # an inactive actor (merged, bankrupt, closed) is drawn grey
MISSING_BORDER = "#e6550d"

EDGE_STYLES: dict[str, EdgeStyle] = {
    "informal": EdgeStyle("Informal partnership", "#9e9e9e", 1.0, (2, 4)),
    "project": EdgeStyle("Project partnership", "#1f77b4", 2.0),
    "formal": EdgeStyle("Formal agreement (MoU)", "#2e7d32", 4.0),
    "planned": EdgeStyle("Planned agreement", "#66bb6a", 2.0, (6, 3)),
    "expired": EdgeStyle("Expired or ended agreement", "#b71c1c", 2.0, (10, 6)),
    "partnership": EdgeStyle("Partnership, kind not stated", "#5c6bc0", 1.5),
    "structure": EdgeStyle("Member of / part of / anchored in", "#cfcfcf", 1.0),
    "involves": EdgeStyle("Takes part in an engagement (role on hover)", "#f5a623", 1.5),
    "targets": EdgeStyle("Targets this market", "#00897b", 1.5, (4, 3)),
    "present": EdgeStyle("Present or located here", "#005f56", 1.0),
    "model": EdgeStyle("Under this model", "#08306b", 1.0),
    "gap": EdgeStyle("Missing partner (a gap)", MISSING_BORDER, 2.5, (12, 8)),
    "candidate": EdgeStyle("Recommended candidate to fill it", "#fd8d3c", 1.5, (3, 5)),
    "counted": EdgeStyle("Counted links (number on hover)", "#bdbdbd", 1.5),
}


def node_styles() -> dict[str, NodeStyle]:
    """Every node look with its caption in the page's language: the ontology's name (name_da on
    a Danish page) where the look gives no caption of its own."""
    return _node_styles(current())


@cache
def _node_styles(lang: Lang) -> dict[str, NodeStyle]:
    node_types = load_schema().node_types

    def caption(key: str, style: NodeStyle) -> str:
        if style.caption:
            return t(style.caption)
        names = node_types[key]
        return _sentence(names.name_da if lang == Lang.da and names.name_da else names.name_en)

    with speaking(lang):
        return {
            key: replace(style, caption=caption(key, style)) for key, style in NODE_LOOKS.items()
        }


def edge_caption(key: str) -> str:
    """What the legend and tooltips call a kind of line, in the page's language."""
    return t(EDGE_STYLES[key].caption)


def _sentence(name: str) -> str:
    """`knowledge institution` -> `Knowledge institution` (`EU-DK Support` stays as it is)."""
    return name[:1].upper() + name[1:]


def node_style(node_type: str) -> NodeStyle:
    return node_styles().get(node_type, FALLBACK_NODE)


def translucent(colour: str, alpha: float) -> str:
    """`#rrggbb` as rgba: illustrative facts are drawn faded."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
