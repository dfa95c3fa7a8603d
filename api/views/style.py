"""Colours, shapes and line styles: one look per actor type and per kind of link, and the legend
that explains them. Chosen for a reader who has never seen a graph tool: few shapes, strong
colours for the actors the report is about, grey for context."""

from __future__ import annotations

from dataclasses import dataclass

ILLUSTRATIVE_MARK = " *"  # appended to the canvas label of an illustrative fact


@dataclass(frozen=True)
class NodeStyle:
    caption: str  # what the legend calls the type
    colour: str
    shape: str  # a vis-network shape
    size: int = 14


@dataclass(frozen=True)
class EdgeStyle:
    caption: str
    colour: str
    width: float
    dashes: tuple[int, ...] = ()  # empty: a solid line


NODE_STYLES: dict[str, NodeStyle] = {
    "Cluster": NodeStyle("Danish cluster organisation", "#1f5fbf", "dot", 24),
    "InnovationCentre": NodeStyle("Innovation Centre Denmark", "#d62728", "diamond", 20),
    "TradeCouncil": NodeStyle("Trade Council", "#8c1c13", "square", 16),
    "InvestInDenmark": NodeStyle("Invest in Denmark", "#ff7f0e", "square", 16),
    "EnterpriseEuropeNetwork": NodeStyle("Enterprise Europe Network", "#9467bd", "triangle", 16),
    "RegionalEUOffice": NodeStyle("Regional EU office", "#c5b0d5", "triangle", 16),
    "BusinessHub": NodeStyle("Erhvervshus (business hub)", "#17becf", "square", 16),
    "EUDKSupport": NodeStyle("EU-DK Support", "#7f7fff", "triangle", 14),
    "MarketingOrganisation": NodeStyle("Marketing organisation", "#e377c2", "star", 16),
    "TradeAssociation": NodeStyle("Trade association", "#bcbd22", "square", 14),
    "ForeignCluster": NodeStyle("Foreign cluster", "#6baed6", "dot", 16),
    "KnowledgeInstitution": NodeStyle("Knowledge institution", "#2ca02c", "triangleDown", 16),
    "Company": NodeStyle("Company", "#7f7f7f", "dot", 10),
    "Investor": NodeStyle("Investor", "#c49c10", "diamond", 14),
    "Authority": NodeStyle("Authority", "#444444", "hexagon", 16),
    "Funder": NodeStyle("Funder", "#8c564b", "hexagon", 16),
    "FundingProgramme": NodeStyle("Funding programme", "#c49c94", "hexagon", 12),
    "Agreement": NodeStyle("Agreement", "#2e7d32", "square", 12),
    "Engagement": NodeStyle("Engagement (project, case)", "#f5a623", "dot", 12),
    "Model": NodeStyle("Internationalisation model", "#08306b", "star", 28),
    "Country": NodeStyle("Country", "#005f56", "hexagon", 26),
    "Hotspot": NodeStyle("Innovation hotspot", "#00897b", "hexagon", 18),
    "Market": NodeStyle("Market (sector, value chain)", "#4db6ac", "hexagon", 16),
    "City": NodeStyle("City", "#bdbdbd", "dot", 8),
    "PartnerRole": NodeStyle("Partner role", "#fdae6b", "box", 12),
    "Aggregate": NodeStyle("Group counted, not drawn one by one", "#fff3b0", "box", 16),
    "Missing": NodeStyle("Missing partner (a gap)", "#ffffff", "dot", 18),
}
FALLBACK_NODE = NodeStyle("Other", "#cccccc", "dot", 10)
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


def node_style(node_type: str) -> NodeStyle:
    return NODE_STYLES.get(node_type, FALLBACK_NODE)


def translucent(colour: str, alpha: float) -> str:
    """`#rrggbb` as rgba: illustrative facts are drawn faded."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
