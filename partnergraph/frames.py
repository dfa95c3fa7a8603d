"""The analyses as pandas DataFrames, for a notebook or a script (`pip install
'partnergraph[frames]'`; docs/analysts.ipynb shows each).

    from partnergraph import frames
    store = frames.open_store()       # as the command line: PARTNERGRAPH_STORE, NEO4J_URI, ...
    frames.named_query("partners_of_cluster", store, cluster="cluster:odense-robotics")
    frames.gaps(store, cluster="odense-robotics", as_of="2026-12-01")
    frames.recommendations(store, cluster="odense-robotics", model="market-test", market="DE")
    frames.survey(store)
    store.close()

Named queries and `cypher` run on Neo4j; gaps, recommendations and the survey on either store.
The columns are those of `--format csv`; in Cypher results nodes, relationships and paths are
dicts as `POST /cypher` gives them, dates and times Python ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from api.output.tables import gap_rows, recommendation_rows, survey_rows
from api.settings import Settings
from api.store_access import configured_store
from graph.store import GraphStore
from queries.gaps import GapOptions, find_gaps
from queries.named_queries import default_parameters, get_named_query
from queries.readonly_cypher import check_read_only, plain
from queries.recommend import recommend_partners
from queries.scoring import Weights
from queries.survey import compare_survey, report_only_figures

if TYPE_CHECKING:
    import pandas as pd

NEEDS_NEO4J = (
    "named queries and Cypher run on Neo4j: set PARTNERGRAPH_STORE=neo4j and NEO4J_URI "
    "(see the README, 'For analysts')"
)


def open_store(include_illustrative: bool = True) -> GraphStore:
    """The store the command line would use (the environment's settings); close it when done."""
    return configured_store(Settings(), include_illustrative)


def named_query(name: str, store: GraphStore, **params: Any) -> pd.DataFrame:
    """A named query's rows (`partnergraph cypher --list` lists them); parameters by keyword."""
    query = get_named_query(name)
    return cypher(query.text, store, **(default_parameters(query) | params))


def cypher(text: str, store: GraphStore, **params: Any) -> pd.DataFrame:
    """A read-only Cypher query's rows, checked as `partnergraph cypher` checks it."""
    if not store.traits.runs_cypher:
        raise ValueError(NEEDS_NEO4J)
    check_read_only(text)
    read = store.read_rows(text, params, timeout=60, max_rows=None)
    rows = [[_value(row[column]) for column in read.columns] for row in read.rows]
    return _frame(read.columns, rows)


def gaps(
    store: GraphStore,
    cluster: str | None = None,
    model: str | None = None,
    as_of: str | dt.date | None = None,
    horizon_days: int = 180,
) -> pd.DataFrame:
    """One row per gap, most urgent first (`partnergraph gaps --format csv`)."""
    found = find_gaps(store, cluster, model, _options(as_of, horizon_days))
    return _frame(*gap_rows(found))


def recommendations(
    store: GraphStore,
    cluster: str,
    model: str,
    market: str | None = None,
    top: int = 5,
    as_of: str | dt.date | None = None,
    horizon_days: int = 180,
) -> pd.DataFrame:
    """One row per recommended partner, by rank, with each score component."""
    result = recommend_partners(
        store, cluster, model, market, top, Weights(), _options(as_of, horizon_days)
    )
    return _frame(*recommendation_rows(result))


def survey(store: GraphStore) -> pd.DataFrame:
    """Every figure of the report's survey beside the graph's shares (blank where not counted)."""
    return _frame(*survey_rows(compare_survey(store), report_only_figures(store)))


def _options(as_of: str | dt.date | None, horizon_days: int) -> GapOptions:
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of or dt.date.today()
    return GapOptions(as_of=day, expiry_horizon_days=horizon_days)


def _value(value: Any) -> Any:
    native = getattr(value, "to_native", None)
    if native is not None and hasattr(value, "iso_format"):  # neo4j.time dates and times
        try:
            return native()
        except ValueError:  # beyond what Python's datetime holds: the ISO text instead
            return value.iso_format()
    return plain(value)


def _frame(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            "partnergraph.frames needs pandas: pip install 'partnergraph[frames]'"
        ) from None
    return pd.DataFrame(list(rows), columns=list(columns))
