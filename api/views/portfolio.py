"""A cluster's portfolio as the report draws the four models (proposal 1): a square of four, short
to long term (and simple to complex partnership) across, innovation- to market-driven down; each
engagement or agreement in its model's square, with the next step the report's logic supports."""

from __future__ import annotations

from api.views.lang import named, t
from api.views.spec import PortfolioCell, PortfolioEntry
from graph.store import GraphStore
from ontology.models import load_catalogue
from queries.strategy import PortfolioItem, cluster_portfolio


def portfolio_cells(store: GraphStore, cluster_id: str) -> dict[tuple[str, bool], PortfolioCell]:
    """{(purpose, long term): the model there and the cluster's work under it}."""
    items = cluster_portfolio(store, cluster_id)
    cells = {}
    for spec in load_catalogue().models.values():
        under = [i for i in items if i.model == spec.id]
        cells[(spec.purpose, spec.long_term)] = PortfolioCell(
            f"{spec.number}. {named(store.get_node(spec.id), spec.name)}",
            tuple(_entry(store, item) for item in under),
        )
    return cells


def _entry(store: GraphStore, item: PortfolioItem) -> PortfolioEntry:
    return PortfolioEntry(
        named({"name": item.name}),
        named(store.get_node(item.market), item.market or "") if item.market else "",
        next_step(store, item),
        item.illustrative,
    )


def next_step(store: GraphStore, item: PortfolioItem) -> str:
    """A progression the analysis finds; else what the model leads to once the test succeeds;
    else, for a long-term model, that it rests on a formal agreement."""
    if item.progression:
        return t("build on it: {model}", model=named(store.get_node(item.progression)))
    if item.leads_to:
        return t("if it succeeds: {model}", model=named(store.get_node(item.leads_to)))
    return t("keep it formalised in an agreement")
