"""The report's strategy pictures, drawn from the graph: each cluster's portfolio of engagements on
the models' two axes (proposal 1), the country's market coverage (proposal 5: which markets
matter, and who supports the clusters there), and who offers what (proposal 3)."""

from queries.strategy.coverage import CoverageMatrix, MarketRow, coverage_matrix
from queries.strategy.offers import RoleOffer, who_offers_what
from queries.strategy.portfolio import PortfolioItem, cluster_portfolio

__all__ = [
    "CoverageMatrix",
    "MarketRow",
    "PortfolioItem",
    "RoleOffer",
    "cluster_portfolio",
    "coverage_matrix",
    "who_offers_what",
]
