"""`partnergraph cypher`: read-only Cypher (or a named query) against Neo4j."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from api.cli.common import (
    TabularFormat,
    TabularFormatOption,
    console,
    errors,
    fail,
    store_errors,
)
from api.cli.params import ParamError, parse_param


def cypher(
    query: Annotated[str | None, typer.Argument(help="A read-only Cypher query.")] = None,
    name: Annotated[str | None, typer.Option(help="A named query from queries/cypher/.")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="KEY=VALUE, repeatable. A plain VALUE is a string; a named query's parameter "
            "takes its declared type; KEY:TYPE=VALUE types it (integer, float, boolean, date, "
            "list, json); KEY=null is null.",
        ),
    ] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds before the server cuts the query.")] = 30,
    limit: Annotated[int, typer.Option(min=1, help="Rows to print at most.")] = 200,
    output_format: TabularFormatOption = TabularFormat.table,
) -> None:
    """Run a read-only Cypher query (or a named one) against Neo4j.

    Runs in a read transaction: the server refuses any write. Needs PARTNERGRAPH_STORE=neo4j.
    """
    from neo4j.exceptions import Neo4jError

    from api.settings import Settings
    from graph.neo4j_store import Neo4jStore
    from queries.named_queries import default_parameters, get_named_query, load_named_queries
    from queries.readonly_cypher import (
        CypherRefused,
        CypherTimedOut,
        CypherTooComplex,
        bounded_read,
        check_read_only,
    )

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
    declared: dict[str, str] | None = None  # a named query's parameters and their types
    if name is not None:
        try:
            named = get_named_query(name)
        except KeyError as error:
            fail(str(error.args[0]), code=2)
        parameters = default_parameters(named)
        declared = {p.name: p.type for p in named.params}
        query = named.text
    for item in param or []:
        try:
            key, value = parse_param(item, declared)
        except ParamError as error:
            fail(str(error), code=1)
        parameters[key] = value
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
    except CypherTooComplex as error:
        fail(str(error), code=1)
    with (
        store_errors(),
        Neo4jStore(
            settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
        ) as store,
    ):
        try:  # at most `limit` rows are fetched, and the timeout holds from this side too
            read = bounded_read(store, query, parameters, timeout, limit, None)
        except Neo4jError as error:
            fail(f"Neo4j refused the query: {error.message}", code=1)
        except CypherTimedOut as error:
            fail(str(error), code=1)
        except (TypeError, ValueError, OverflowError) as error:  # a value the driver cannot send
            fail(f"a parameter Neo4j cannot take: {error}", code=1)
    _print_rows(read.rows, output_format)
    if read.truncated:
        errors.print(f"(more than {limit} rows; the rest not shown: raise --limit)")


def _print_rows(rows: list[dict[str, Any]], output_format: TabularFormat) -> None:
    from api.output.csv_out import write_csv
    from api.output.cypher_values import cell, json_rows

    if output_format == TabularFormat.json:
        console.print_json(json.dumps(json_rows(rows)))
        return
    columns = list(rows[0]) if rows else []
    if output_format == TabularFormat.csv:
        write_csv(columns, ([cell(v) for v in row.values()] for row in rows))
        return
    if not rows:
        console.print("(no rows)")
        return
    if len(columns) > 5:  # too wide for a terminal table: one block per row
        for number, row in enumerate(rows, start=1):
            console.print(f"[bold]row {number}[/bold]")
            for key, value in row.items():
                console.print(f"  {key}: {cell(value)}", highlight=False, markup=False)
        return
    table = Table()
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(cell(v)) for v in row.values()))  # Text: `[:TYPE]` is no markup
    console.print(table)
