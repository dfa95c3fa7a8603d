"""The `partnergraph` command line."""

import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from neo4j.exceptions import Neo4jError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.output.findings import print_gaps, print_recommendations
from api.settings import Settings
from api.store_access import configured_store, empty_or_persistent_store
from graph.graphml_export import write_graphml
from graph.neo4j_store import Neo4jStore
from graph.rdf_export import store_to_rdf
from graph.records import WriteCounts
from graph.store import GraphStore, StoreError
from loaders.batch import write_batches
from loaders.pipeline import load_bundled, prepare
from loaders.problems import LoadError
from loaders.sources import bundled_sources, discover
from ontology.schema import load_schema
from queries.gaps import GapOptions, find_gaps
from queries.ids import UnknownIdError
from queries.named_queries import (
    default_parameters,
    get_named_query,
    load_named_queries,
    parse_default,
)
from queries.readonly_cypher import CypherRefused, check_read_only
from queries.recommend import recommend_partners
from queries.scoring import Weights, load_weights
from queries.survey import compare_survey

console = Console()
errors = Console(stderr=True)

app = typer.Typer(
    name="partnergraph",
    help="Map the partnerships through which Danish clusters internationalise: "
    "load the graph, find gaps, recommend partners per internationalisation model.",
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="How to print results.")]
IllustrativeOption = Annotated[
    bool,
    typer.Option(
        "--include-illustrative/--no-include-illustrative",
        help="Include the illustrative (not sourced) layer of the bundled data.",
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def store_errors() -> Iterator[None]:
    """A store that cannot be used is a one-line message and exit code 3, never a traceback."""
    try:
        yield
    except StoreError as error:
        fail(str(error), code=3)


def open_configured(include_illustrative: bool = True) -> GraphStore:
    return configured_store(Settings(), include_illustrative)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partnergraph {version('partnergraph')}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Store: PARTNERGRAPH_STORE=memory (default, bundled data) or neo4j (NEO4J_URI, ...)."""


@app.command()
def load(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="YAML/JSON/Turtle files or CSV folders (default: bundled data)."),
    ] = None,
    include_illustrative: IllustrativeOption = True,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Validate sources and load them into the store; loading twice changes nothing.

    Every problem found is listed with its file, row and field, and then nothing is loaded.
    The memory store keeps nothing between commands: there `load` checks the sources on top of
    the bundled data and reports what the graph would hold.
    """
    settings = Settings()
    started = time.perf_counter()
    with store_errors():
        store = empty_or_persistent_store(settings)
        try:
            sources = discover(paths) if paths else bundled_sources(include_illustrative)
        except (FileNotFoundError, ValueError) as error:
            fail(str(error))
        if store.kind == "memory" and paths:
            load_bundled(store, include_illustrative)
        try:
            batches = prepare(sources, store, load_schema())
        except LoadError as error:
            for line in error.listing():
                errors.print(line, highlight=False, markup=False, soft_wrap=True)
            fail(f"{len(error.problems)} problem(s) found; nothing was loaded")
        total = sum(batch.size for batch in batches)
        with Progress(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=errors,
            disable=not sys.stderr.isatty() or total < 10_000,
            transient=True,
        ) as bar:
            task = bar.add_task("load", total=total)
            counts = write_batches(store, batches, lambda n: bar.advance(task, n))
        graph_counts = store.counts()
        store.close()
    seconds = time.perf_counter() - started
    summary = _load_summary(counts)
    if output_format == OutputFormat.json:
        console.print_json(
            json.dumps(
                {
                    "store": store.kind,
                    "sources": [b.source_id for b in batches],
                    "seconds": round(seconds, 3),
                    "by_type": summary,
                    "graph": {
                        "nodes": graph_counts.node_total,
                        "relationships": graph_counts.relationship_total,
                    },
                }
            )
        )
        return
    table = Table(
        title=f"Loaded {len(batches)} source(s) into the {store.kind} store in {seconds:.2f} s"
    )
    for column in ("type", "created", "updated", "unchanged", "removed"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for name, row in summary.items():
        table.add_row(name, *(str(row[c]) for c in ("created", "updated", "unchanged", "removed")))
    console.print(table)
    console.print(
        f"The graph holds {graph_counts.node_total} nodes and "
        f"{graph_counts.relationship_total} relationships."
    )


def _load_summary(counts: WriteCounts) -> dict[str, dict[str, int]]:
    names = sorted(
        set(counts.created) | set(counts.updated) | set(counts.unchanged) | set(counts.removed)
    )
    return {
        name: {c: getattr(counts, c)[name] for c in ("created", "updated", "unchanged", "removed")}
        for name in names
    }


AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help="The day agreements' validity is judged on (default: today).",
    ),
]
HorizonOption = Annotated[
    int,
    typer.Option(min=0, help="Days ahead within which an agreement counts as about to expire."),
]


def _gap_options(as_of: dt.datetime | None, horizon_days: int) -> GapOptions:
    day = as_of.date() if as_of else dt.date.today()
    return GapOptions(as_of=day, expiry_horizon_days=horizon_days)


@contextmanager
def analysis_errors() -> Iterator[None]:
    """Unknown ids and bad weights are usage errors (exit 2) with the closest ids named."""
    with store_errors():
        try:
            yield
        except (UnknownIdError, ValueError) as error:
            fail(str(error), code=2)


@app.command()
def gaps(
    cluster: Annotated[str | None, typer.Option(help="Cluster id or slug (default: all).")] = None,
    model: Annotated[str | None, typer.Option(help="Only this model (id or slug).")] = None,
    as_of: AsOfOption = None,
    horizon_days: HorizonOption = 180,
    include_illustrative: IllustrativeOption = True,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Find the gaps in a cluster's (or every cluster's) partnerships, per model and market.

    Role, formality, coverage, fragility and network gaps, each with a sentence and the facts
    (with provenance) it rests on; `--format json` shows the facts.
    """
    with analysis_errors():
        store = open_configured(include_illustrative)
        found = find_gaps(store, cluster, model, _gap_options(as_of, horizon_days))
        store.close()
    if output_format == OutputFormat.json:
        console.print_json(json.dumps([gap.as_dict() for gap in found], default=str))
        return
    print_gaps(console, found, cluster)


@app.command()
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
    horizon_days: HorizonOption = 180,
    include_illustrative: IllustrativeOption = True,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Recommend partners that fill a model's missing roles, with score components and reasons."""
    with analysis_errors():
        chosen = load_weights(weights) if weights else Weights()
        store = open_configured(include_illustrative)
        result = recommend_partners(
            store, cluster, model, market, top, chosen, _gap_options(as_of, horizon_days)
        )
        store.close()
    if output_format == OutputFormat.json:
        console.print_json(json.dumps(result.as_dict(), default=str))
        return
    print_recommendations(console, result)


@app.command()
def survey(output_format: FormatOption = OutputFormat.table) -> None:
    """The graph's shares beside the report's survey of the 14 national clusters.

    Shares are shown from sourced facts only and with the illustrative layer; garbled report
    figures show as "garbled".
    """
    with store_errors():
        store = open_configured(include_illustrative=True)
        rows = compare_survey(store)
        store.close()
    if output_format == OutputFormat.json:
        console.print_json(json.dumps([row.as_dict() for row in rows]))
        return
    table = Table(title="Survey of the 14 national clusters: report vs graph (share of 14)")
    for column in ("option", "report", "graph, sourced", "graph, with illustrative"):
        table.add_column(column, justify="left" if column == "option" else "right")
    for row in rows:
        report = (
            f"{row.report_share:.1%} ({row.report_count})"
            if row.report_share is not None
            else "garbled"
        )
        table.add_row(
            row.option,
            report,
            f"{row.sourced_share:.1%} ({row.sourced_count})",
            f"{row.with_illustrative_share:.1%} ({row.with_illustrative_count})",
        )
    console.print(table)


@app.command()
def view(
    kind: Annotated[str, typer.Argument(help="ecosystem | cluster | model | market")],
    target: Annotated[str | None, typer.Argument(help="Id for cluster/model/market.")] = None,
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("view.html"),
) -> None:
    """Write one interactive graph view as a self-contained HTML page.

    KIND is ecosystem, cluster ID, model ID or market CC (a country code, or a hotspot:/market:
    id). The page works offline; a cluster's gaps are drawn as dashed missing partners.
    """
    # Imported here: the view stack (pyvis, jinja) is only needed by the view commands.
    from api.views.gaps import missing_partners
    from api.views.pages import MissingTarget, ViewKind, view_page
    from queries.ids import UnknownIdError

    try:
        view_kind = ViewKind(kind)
    except ValueError:
        fail(f"unknown view {kind!r}: choose ecosystem, cluster, model or market", code=2)
    if view_kind != ViewKind.ecosystem and not target:  # before the store is loaded
        fail(f"a {view_kind.value} view needs an id (see --help)", code=2)
    with store_errors():
        store = open_configured()
        try:
            html = view_page(store, view_kind, target, missing_partners)
        except MissingTarget as error:
            fail(str(error), code=2)
        except UnknownIdError as error:
            fail(str(error))
        finally:
            store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    console.print(
        f"Wrote the {view_kind.value} view to {out} (open it in a browser; works offline).",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def board(out: Annotated[Path, typer.Option(help="Folder to write.")] = Path("board")) -> None:
    """Write the static, offline board pack: every view plus an index page."""
    from api.board import write_board  # the view stack is only needed here

    with store_errors():
        store = open_configured()
        try:
            pack = write_board(store, out)
        finally:
            store.close()
    console.print(
        f"Wrote the board pack: {len(pack.pages)} views and an index to {out}/. "
        f"Open {pack.index.resolve().as_uri()} in a browser (works offline).",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def cypher(
    query: Annotated[str | None, typer.Argument(help="A read-only Cypher query.")] = None,
    name: Annotated[str | None, typer.Option(help="A named query from queries/cypher/.")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="KEY=VALUE, repeatable (VALUE as in the headers)."),
    ] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds before the server cuts the query.")] = 30,
    limit: Annotated[int, typer.Option(min=1, help="Rows to print at most.")] = 200,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Run a read-only Cypher query (or a named one) against Neo4j.

    Runs in a read transaction: the server refuses any write. Needs PARTNERGRAPH_STORE=neo4j.
    """
    if list_queries:
        for named in load_named_queries().values():
            console.print(f"[bold]{named.name}[/bold]: {named.answers}", highlight=False)
            for p in named.params:
                default = "required" if p.required else f"default {p.default}"
                console.print(f"    {p.name} ({p.type}, {default}): {p.meaning}", highlight=False)
        return
    if (query is None) == (name is None):
        fail("give a QUERY or --name NAME (see --list), not both", code=2)
    parameters: dict[str, object] = {}
    if name is not None:
        try:
            named = get_named_query(name)
        except KeyError as error:
            fail(str(error.args[0]), code=2)
        parameters = default_parameters(named)
        query = named.text
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            fail(f"--param {item!r}: expected KEY=VALUE", code=2)
        parameters[key] = parse_default(value)
    settings = Settings()
    if settings.partnergraph_store != "neo4j":
        fail(
            "Cypher runs on the Neo4j store: start it (deploy/neo4j/neo4j.sh start), "
            "load the data (PARTNERGRAPH_STORE=neo4j partnergraph load) and set "
            "PARTNERGRAPH_STORE=neo4j. See the README, 'Using Neo4j'.",
            code=2,
        )
    assert query is not None
    try:  # the same check as POST /cypher, so a write is refused before it is sent
        check_read_only(query)
    except CypherRefused as error:
        fail(f"refused: {error}", code=2)
    with (
        store_errors(),
        Neo4jStore(
            settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
        ) as store,
    ):
        try:
            rows = store.run_read(query, parameters, timeout=timeout)
        except Neo4jError as error:
            fail(f"Neo4j refused the query: {error.message}", code=1)
    _print_rows(rows[:limit], output_format)
    if len(rows) > limit:
        errors.print(f"({len(rows) - limit} more rows not shown; raise --limit)")


def _print_rows(rows: list[dict[str, Any]], output_format: OutputFormat) -> None:
    if output_format == OutputFormat.json:
        console.print_json(json.dumps(rows, default=str))
        return
    if not rows:
        console.print("(no rows)")
        return

    def text(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value, default=str)

    if len(rows[0]) > 5:  # too wide for a terminal table: one block per row
        for number, row in enumerate(rows, start=1):
            console.print(f"[bold]row {number}[/bold]")
            for key, value in row.items():
                console.print(f"  {key}: {text(value)}", highlight=False, markup=False)
        return
    table = Table()
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*(text(v) for v in row.values()))
    console.print(table)


class ExportFormat(StrEnum):
    turtle = "turtle"
    jsonld = "jsonld"
    graphml = "graphml"


@app.command()
def export(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="File format.")],
    out: Annotated[Path, typer.Option(help="File to write.")],
    include_illustrative: IllustrativeOption = True,
) -> None:
    """Export the graph as RDF (Turtle, JSON-LD, in the ontology's terms) or GraphML (Gephi)."""
    with store_errors():
        store = open_configured(include_illustrative)
        if export_format == ExportFormat.graphml:
            write_graphml(store, out)
        else:
            rdf_format = "json-ld" if export_format == ExportFormat.jsonld else "turtle"
            store_to_rdf(store).serialize(out, format=rdf_format)
        counts = store.counts()
        store.close()
    console.print(
        f"Wrote {counts.node_total} nodes and {counts.relationship_total} relationships "
        f"to {out} ({export_format.value})."
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI reference at /docs); store and API key from the environment."""
    import uvicorn  # only this command needs the server

    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the app logs each request itself, with its request id
        log_level=log_level,
        # A worker loads the bundled data as it starts; on a busy machine that can outlast
        # uvicorn's 5 s health check, which would then kill and restart it over and over.
        timeout_worker_healthcheck=60,
    )


if __name__ == "__main__":
    app()
