"""`partnergraph gaps`, `recommend` and `survey`: the analyses, printed or as JSON.

Each command imports the analyses when it runs (see api/cli/common.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from api.cli.common import (
    HORIZON_DAYS,
    AsOfOption,
    HorizonOption,
    IllustrativeOption,
    TabularFormat,
    TabularFormatOption,
    analysis_errors,
    console,
    fail,
    gap_options,
    open_configured,
    store_errors,
)

if TYPE_CHECKING:
    from queries.gap_changes import GapChanges


def gaps(
    cluster: Annotated[str | None, typer.Option(help="Cluster id or slug (default: all).")] = None,
    model: Annotated[str | None, typer.Option(help="Only this model (id or slug).")] = None,
    as_of: AsOfOption = None,
    since: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="List the gaps opened and closed since this day (the graph as it was then, "
            "validity judged then) instead of all gaps.",
        ),
    ] = None,
    horizon_days: HorizonOption = HORIZON_DAYS,
    include_illustrative: IllustrativeOption = True,
    output_format: TabularFormatOption = TabularFormat.table,
) -> None:
    """Find the gaps in a cluster's (or every cluster's) partnerships, per model and market.

    Role, formality, coverage, fragility and network gaps, each with a sentence and the facts
    (with provenance) it rests on; `--format json` shows the facts. With `--as-of DAY` the
    graph as it was loaded by the end of that day answers.
    """
    from api.cli.history import as_of_day
    from api.output.csv_out import write_csv
    from api.output.findings import print_gaps
    from api.output.tables import gap_rows
    from queries.gap_changes import gaps_opened_and_closed
    from queries.gaps import find_gaps

    if since is not None and output_format == TabularFormat.csv:
        fail("--since prints a table or JSON (--format table|json)", code=2)
    with analysis_errors():
        store = open_configured(include_illustrative)
        view = as_of_day(store, as_of)
        analysed = view.store if view else store
        options = gap_options(as_of, horizon_days)
        if since is not None:
            then = as_of_day(store, since)
            assert then is not None
            moved = gaps_opened_and_closed(
                then.store, gap_options(since, horizon_days), analysed, options, cluster, model
            )
            store.close()
            print_gap_changes(moved, since, output_format)
            return
        found = find_gaps(analysed, cluster, model, options)
        store.close()
    if output_format == TabularFormat.json:
        console.print_json(json.dumps([gap.as_dict() for gap in found], default=str))
        return
    if output_format == TabularFormat.csv:
        write_csv(*gap_rows(found))
        return
    print_gaps(console, found, cluster)


def recommend(
    cluster: Annotated[str, typer.Option(help="Cluster id or slug.")],
    model: Annotated[str, typer.Option(help="Model id or slug.")],
    market: Annotated[
        str | None,
        typer.Option(help="Target market: ISO country code, or a hotspot or market id."),
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="How many partners to list.")] = 5,
    weights: Annotated[
        Path | None,
        typer.Option(help="YAML file of component weights (see the README's scoring section)."),
    ] = None,
    as_of: AsOfOption = None,
    horizon_days: HorizonOption = HORIZON_DAYS,
    include_illustrative: IllustrativeOption = True,
    output_format: TabularFormatOption = TabularFormat.table,
) -> None:
    """Recommend partners that fill a model's missing roles, with score components and reasons."""
    from api.cli.history import as_of_day
    from api.output.csv_out import write_csv
    from api.output.findings import print_recommendations
    from api.output.tables import recommendation_rows
    from queries.recommend import recommend_partners
    from queries.scoring import Weights, load_weights

    with analysis_errors():
        chosen = load_weights(weights) if weights else Weights()
        store = open_configured(include_illustrative)
        view = as_of_day(store, as_of)
        result = recommend_partners(
            view.store if view else store,
            cluster,
            model,
            market,
            top,
            chosen,
            gap_options(as_of, horizon_days),
        )
        store.close()
    if output_format == TabularFormat.json:
        console.print_json(json.dumps(result.as_dict(), default=str))
        return
    if output_format == TabularFormat.csv:
        write_csv(*recommendation_rows(result))
        return
    print_recommendations(console, result)


def print_gap_changes(moved: GapChanges, since: dt.datetime, output_format: str) -> None:
    from api.output.findings import gap_lines

    if output_format == TabularFormat.json:
        console.print_json(json.dumps(moved.as_dict(), default=str))
        return
    for title, gaps in (("opened", moved.opened), ("closed", moved.closed)):
        console.print(Text(f"{len(gaps)} gaps {title} since {since:%Y-%m-%d}\n", style="bold"))
        for cluster in sorted({gap.cluster or "" for gap in gaps}):
            console.print(Text(cluster or "the whole network", style="underline"))
            console.print(gap_lines([gap for gap in gaps if (gap.cluster or "") == cluster]))
        console.print()


def survey(
    output_format: TabularFormatOption = TabularFormat.table,
    from_kits: Annotated[
        Path | None,
        typer.Option(
            "--from-kits", help="A folder of returned survey workbooks: their shares instead."
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> None:
    """The graph's shares beside the report's survey of the 14 national clusters.

    Shares are shown from sourced facts only and with the illustrative layer; garbled report
    figures show as "garbled". With --from-kits DIR, the shares of the returned workbooks'
    answers (each workbook one cluster) beside the report's.
    """
    if from_kits is not None:
        from api.cli.kits import survey_from_kits

        survey_from_kits(from_kits, output_format)
        return
    from api.cli.history import as_of_day
    from api.output.csv_out import write_csv
    from api.output.tables import survey_rows
    from queries.survey import compare_survey, report_only_figures

    with store_errors():
        store = open_configured(include_illustrative=True)
        then = as_of_day(store, as_of)  # the graph as loaded by that day
        rows = compare_survey(then.store if then else store)
        others = report_only_figures(store)
        store.close()
    if output_format == TabularFormat.json:
        console.print_json(json.dumps([row.as_dict() for row in rows]))
        return
    if output_format == TabularFormat.csv:
        write_csv(*survey_rows(rows, others))
        return
    table = Table(
        title="Survey of the 14 national clusters: report vs graph (share of 14)",
        caption="The 'with illustrative' column reproduces the report by construction: the "
        "illustrative layer was built to match it. Only the sourced column is evidence.",
    )
    for column in ("option", "report", "graph, sourced", "graph, with illustrative"):
        table.add_column(column, justify="left" if column == "option" else "right")
    for row in rows:
        table.add_row(
            row.option,
            _report_figure(row.report_share, row.report_count),
            f"{row.sourced_share:.1%} ({row.sourced_count})",
            f"{row.with_illustrative_share:.1%} ({row.with_illustrative_count})",
        )
    console.print(table)
    rest = Table(title="The report's other survey figures (nothing in the graph counts them)")
    for column in ("question", "option", "report"):
        rest.add_column(column, justify="right" if column == "report" else "left")
    for figure in others:
        rest.add_row(
            figure.question,
            figure.option,
            _report_figure(figure.report_share, figure.report_count),
        )
    console.print(rest)


def _report_figure(share: float | None, count: int | None) -> str:
    if share is None:
        return "garbled"
    return f"{share:.1%}" + (f" ({count})" if count is not None else "")
