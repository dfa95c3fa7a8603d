"""The `partnergraph` command line."""

from enum import StrEnum
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, NoReturn

import typer

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


def _not_built(command: str, issue: int) -> NoReturn:
    typer.secho(
        f"`partnergraph {command}` is not built yet (planned in issue {issue}).",
        err=True,
        fg=typer.colors.YELLOW,
    )
    raise typer.Exit(code=2)


@app.command()
def load(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Sources (default: bundled data).")
    ] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Load sources into the store."""
    _not_built("load", 4)


@app.command()
def gaps(
    cluster: Annotated[str | None, typer.Option(help="Cluster id or slug.")] = None,
    model: Annotated[str | None, typer.Option(help="Model id or slug.")] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Find the gaps in a cluster's (or every cluster's) partnerships."""
    _not_built("gaps", 5)


@app.command()
def recommend(
    cluster: Annotated[str, typer.Option(help="Cluster id or slug.")],
    model: Annotated[str, typer.Option(help="Model id or slug.")],
    market: Annotated[str | None, typer.Option(help="Target market, ISO country code.")] = None,
    top: Annotated[int, typer.Option(min=1, help="How many partners to list.")] = 5,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Recommend partners that fill a model's missing roles, with reasons."""
    _not_built("recommend", 5)


@app.command()
def survey(output_format: FormatOption = OutputFormat.table) -> None:
    """The graph's shares beside the report's survey figures."""
    _not_built("survey", 4)


@app.command()
def view(
    kind: Annotated[str, typer.Argument(help="ecosystem | cluster | model | market")],
    target: Annotated[str | None, typer.Argument(help="Id for cluster/model/market.")] = None,
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("view.html"),
) -> None:
    """Write one interactive graph view as a self-contained HTML page."""
    _not_built("view", 7)


@app.command()
def board(out: Annotated[Path, typer.Option(help="Folder to write.")] = Path("board")) -> None:
    """Write the static, offline board pack: every view plus an index page."""
    _not_built("board", 7)


@app.command()
def cypher(
    query: Annotated[str | None, typer.Argument(help="A read-only Cypher query.")] = None,
    name: Annotated[str | None, typer.Option(help="A named query from queries/cypher/.")] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Run a read-only Cypher query against Neo4j."""
    _not_built("cypher", 5)


@app.command()
def export(
    export_format: Annotated[str, typer.Option("--format", help="turtle | jsonld | graphml")],
    out: Annotated[Path, typer.Option(help="File to write.")],
) -> None:
    """Export the graph as RDF (Turtle, JSON-LD) or GraphML."""
    _not_built("export", 3)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API."""
    _not_built("serve", 6)
