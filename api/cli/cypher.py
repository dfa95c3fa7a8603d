"""`partnergraph cypher`: read-only Cypher (or a named query) against Neo4j."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from neo4j.exceptions import Neo4jError
from rich.table import Table

from api.cli.common import FormatOption, OutputFormat, console, errors, fail, store_errors
from api.settings import Settings
from graph.neo4j_store import Neo4jStore
from queries.named_queries import (
    default_parameters,
    get_named_query,
    load_named_queries,
    parse_default,
)
from queries.readonly_cypher import (
    CypherRefused,
    CypherTimedOut,
    CypherTooComplex,
    bounded_read,
    check_read_only,
)


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
    _print_rows(read.rows, output_format)
    if read.truncated:
        errors.print(f"(more than {limit} rows; the rest not shown: raise --limit)")


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
