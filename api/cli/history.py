"""`partnergraph changes`: what the loads changed since a day, in words, grouped by cluster;
and the graph as of a day for the analyses' `--as-of` (api/cli/analysis.py)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from api.cli.common import (
    OutputFormat,
    analysis_errors,
    console,
    errors,
    fail,
    open_configured,
)

if TYPE_CHECKING:
    from graph.as_of import AsOf
    from graph.store import GraphStore
    from queries.changes import ChangesReport


def moment(text: str | None, option: str) -> dt.datetime | None:
    """A day means its end (what had been loaded by then); bad input is one line, exit 1."""
    from graph.history import parse_moment

    if text is None:
        return None
    try:
        return parse_moment(text)
    except ValueError as error:
        fail(f"{option}: {error}")


def as_of_day(store: GraphStore, day: dt.datetime | None) -> AsOf | None:
    """The graph as it was at the end of `day` (None: the graph now), with a note on stderr."""
    from graph.as_of import graph_as_of

    if day is None:
        return None
    found = graph_as_of(store, dt.datetime.combine(day.date(), dt.time.max, tzinfo=dt.UTC))
    if found.before_history and found.history_begins:
        errors.print(
            f"note: the graph's history begins {found.history_begins:%Y-%m-%d %H:%M} UTC; "
            f"{day:%Y-%m-%d} is earlier, so the graph as first loaded answers",
            highlight=False,
        )
    elif found.undone:
        errors.print(
            f"note: the graph as it was on {day:%Y-%m-%d} ({found.undone} later "
            f"load{'s' * (found.undone != 1)} undone)",
            highlight=False,
        )
    return found


def changes(
    since: Annotated[
        str, typer.Option(help="Changes made after this day (YYYY-MM-DD) or moment (ISO 8601).")
    ],
    until: Annotated[
        str | None, typer.Option(help="Up to the end of this day or moment (default: now).")
    ] = None,
    cluster: Annotated[str | None, typer.Option(help="Only this cluster (id or slug).")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="How to print results.")
    ] = OutputFormat.table,
) -> None:
    """What the loads changed since a day: new and ended partnerships and agreements, clusters'
    changes, per cluster, each with its day, load and source.

    History: on Neo4j kept in the database; on the embedded store, this process's loads only.
    """
    from queries.changes import changes_since

    start, end = moment(since, "--since"), moment(until, "--until")
    assert start is not None
    with analysis_errors():
        store = open_configured()
        report = changes_since(store, start, end, cluster)
        store.close()
    if output_format == OutputFormat.json:
        console.print_json(json.dumps(report.as_dict(), default=str))
        return
    print_changes(report)


def print_changes(report: ChangesReport) -> None:
    window = f"after {report.since:%Y-%m-%d %H:%M}" + (
        f" up to {report.until:%Y-%m-%d %H:%M}" if report.until else ""
    )
    if not report.loads:
        console.print(f"No load changed the graph {window} UTC.", highlight=False)
        return
    loads = len(report.loads)
    console.print(Text(f"Changes {window} UTC ({loads} load{'s' * (loads != 1)})\n", style="bold"))
    for group in report.clusters:
        console.print(Text(group.name, style="bold"))
        for change in group.changes:
            where = ", ".join(str(v) for v in (change.source, change.provenance.confidence) if v)
            console.print(f"  {change.at:%Y-%m-%d}  {change.sentence}  ({where})", highlight=False)
        console.print()
    told = sum(report.counts.values()) - report.untold
    console.print(
        f"{told} changes told; {report.untold} other facts changed "
        "(places, activities, links; --format json counts them per type).",
        highlight=False,
    )
