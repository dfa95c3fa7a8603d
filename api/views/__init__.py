"""Graph views for the InternationaliseringsBoard, in the faces layer because they draw what the
analysis finds: builders read the store into plain View data, gaps.py turns a cluster's gaps into
missing partners, render.py draws a View as one offline HTML page (pyvis + vis-network, positions
precomputed), pages.py makes one page from user input for the command line and HTTP."""

from api.views.aggregate import NODE_CAP, cap_view
from api.views.cluster import cluster_view
from api.views.ecosystem import ecosystem_view
from api.views.market import market_view
from api.views.model import model_view
from api.views.render import render_html, write_assets
from api.views.spec import (
    Candidate,
    MissingPartner,
    Table,
    UnknownNode,
    View,
    ViewEdge,
    ViewNode,
)

__all__ = [
    "NODE_CAP",
    "Candidate",
    "MissingPartner",
    "Table",
    "UnknownNode",
    "View",
    "ViewEdge",
    "ViewNode",
    "cap_view",
    "cluster_view",
    "ecosystem_view",
    "market_view",
    "model_view",
    "render_html",
    "write_assets",
]
