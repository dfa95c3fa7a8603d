"""The report's strategy pictures for the whole country, as the index and the meeting report show
them: the market coverage matrix (proposal 5) and who offers what (proposal 3), in the page's
language, read from queries.strategy."""

from __future__ import annotations

from dataclasses import dataclass

from api.views.facts import node_name
from api.views.lang import named, t
from api.views.style import node_style
from graph.store import GraphStore
from ontology.names import Label
from queries.strategy import coverage_matrix, who_offers_what
from queries.strategy.coverage import SUPPORT

ACTIVE, TARGET = "●", "○"  # work aimed at the market; the market declared a target only


@dataclass(frozen=True)
class MatrixRow:
    country: str
    name: str
    cells: tuple[str, ...]  # per cluster column: ACTIVE, TARGET or ""
    support: tuple[str, ...]  # per support type: the names present, or ""
    flag: str  # markets with clusters but no support; support with no cluster
    flag_kind: str  # unsupported | unused | ""
    illustrative: bool


@dataclass(frozen=True)
class Matrix:
    clusters: tuple[tuple[str, str], ...]  # (id, name) per column
    support: tuple[str, ...]  # the support types' captions
    rows: tuple[MatrixRow, ...]

    def flagged(self, kind: str) -> list[str]:
        return [row.name for row in self.rows if row.flag_kind == kind]


def matrix(store: GraphStore) -> Matrix:
    found = coverage_matrix(store)
    rows = []
    for row in found.rows:
        kind = "unsupported" if row.unsupported else "unused" if row.unused else ""
        rows.append(
            MatrixRow(
                row.country,
                named(store.get_node(row.country), row.country),
                tuple(
                    ACTIVE if c in row.active else TARGET if c in row.targets else ""
                    for c in found.clusters
                ),
                tuple(
                    ", ".join(node_name(store, a) for a in sorted(row.support.get(label, [])))
                    for label in SUPPORT
                ),
                t(f"flag {kind}") if kind else "",
                kind,
                row.illustrative,
            )
        )
    return Matrix(
        tuple((c, node_name(store, c)) for c in found.clusters),
        tuple(_short_type(label) for label in SUPPORT),
        tuple(rows),
    )


def _short_type(label: str) -> str:
    return {
        Label.InnovationCentre: "ICDK",
        Label.TradeCouncil: "Trade Council",
        Label.EnterpriseEuropeNetwork: "EEN",
    }.get(label, node_style(label).caption)


@dataclass(frozen=True)
class OfferRow:
    role: str
    who: str
    actors: int
    clusters: int
    engagements: int
    required_by: str
    recommended_by: str


def offers(store: GraphStore) -> list[OfferRow]:
    def models(ids: tuple[str, ...]) -> str:
        return ", ".join(str((store.get_node(m) or {}).get("number", m)) for m in ids)

    return [
        OfferRow(
            node_name(store, offer.role),
            ", ".join(node_style(label).caption for label in offer.labels),
            offer.actors,
            offer.clusters,
            offer.engagements,
            models(offer.required_by),
            models(offer.recommended_by),
        )
        for offer in who_offers_what(store)
    ]
