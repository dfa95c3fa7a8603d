"""One view page from user input: resolve the id, read the view, add the cluster's gaps, render.

Shared by `partnergraph view`, the board pack and the HTTP routes, so all three show the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from api.views import (
    MissingPartner,
    View,
    cluster_view,
    ecosystem_view,
    market_view,
    model_view,
    render_html,
)
from api.views.lang import DEFAULT_LANG, Lang, speaking
from graph.store import GraphStore
from queries.ids import resolve_id

MissingFor = Callable[[GraphStore, str], Sequence[MissingPartner]]


class ViewKind(StrEnum):
    ecosystem = "ecosystem"
    cluster = "cluster"
    model = "model"
    market = "market"


# For a market, a bare code is a country (`DE`, `de`), else a hotspot or market slug.
PREFIXES = {
    ViewKind.cluster: ("cluster",),
    ViewKind.model: ("model",),
    ViewKind.market: ("country", "hotspot", "market"),
}


class MissingTarget(ValueError):
    """A cluster, model or market view was asked for without its id."""


def resolve_target(store: GraphStore, kind: ViewKind, target: str | None) -> str | None:
    """The full id of the view's subject (UnknownIdError with the closest ids if there is none)."""
    if kind == ViewKind.ecosystem:
        return None
    if not target:
        raise MissingTarget(f"a {kind.value} view needs an id, e.g. `{_example(kind)}`")
    if kind == ViewKind.market and ":" not in target:  # `de` is Germany, `munich` a hotspot
        country = f"country:{target.upper()}"
        if store.get_node(country) is not None:
            return country
    return resolve_id(store, target, *PREFIXES[kind])


def _example(kind: ViewKind) -> str:
    return {"cluster": "odense-robotics", "model": "market-test", "market": "DE"}[kind.value]


def build_view(
    store: GraphStore, kind: ViewKind, node_id: str | None, missing_for: MissingFor | None = None
) -> View:
    """The view of a resolved id; a cluster view draws the gaps `missing_for` finds."""
    if kind == ViewKind.ecosystem:
        return ecosystem_view(store)
    assert node_id is not None
    if kind == ViewKind.cluster:
        missing = missing_for(store, node_id) if missing_for else ()
        return cluster_view(store, node_id, missing)
    if kind == ViewKind.model:
        return model_view(store, node_id)
    return market_view(store, node_id)


def view_page(
    store: GraphStore,
    kind: ViewKind,
    target: str | None,
    missing_for: MissingFor | None = None,
    lang: Lang | str = DEFAULT_LANG,
) -> str:
    """The self-contained page (vis-network inlined) for user input such as (cluster, `clean`),
    in Danish unless asked otherwise."""
    node_id = resolve_target(store, kind, target)
    with speaking(lang):
        return render_html(build_view(store, kind, node_id, missing_for))
