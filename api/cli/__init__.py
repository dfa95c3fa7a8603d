"""The `partnergraph` command line: one module per command group, assembled here."""

import logging
from typing import Annotated

import typer

from api.cli import analysis, cypher, export, history, kits, leads, load, serve, views

# The driver logs each failed connection attempt and retry; the command says once, in one line,
# what failed and what to do (graph/neo4j_errors.py), so the driver's own lines are noise here.
logging.getLogger("neo4j").setLevel(logging.CRITICAL)

app = typer.Typer(
    name="partnergraph",
    help="Map the partnerships through which Danish clusters internationalise: "
    "load the graph, find gaps, recommend partners per internationalisation model.",
    no_args_is_help=True,
    add_completion=False,
    # Plain help (click's): rich's boxed help imports a markdown parser and more on every
    # start, which took `--help` past 0.3 s (bench/cli_start.py).
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version  # reads the installed metadata: only here

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


for command in (
    load.load,
    analysis.gaps,
    analysis.recommend,
    analysis.survey,
    history.changes,
    leads.route,
    views.view,
    views.board,
    cypher.cypher,
    export.export,
    kits.survey_kit,
    serve.serve,
):
    app.command()(command)
