"""`partnergraph route`: the Danish clusters that could be a lead's landing base."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from api.cli.common import (
    AsOfOption,
    FormatOption,
    IllustrativeOption,
    OutputFormat,
    analysis_errors,
    console,
    open_configured,
)


def route(
    lead: Annotated[str, typer.Argument(help="Lead id or slug (lead:... or its slug).")],
    top: Annotated[int, typer.Option(min=1, help="How many clusters to list.")] = 5,
    as_of: AsOfOption = None,
    include_illustrative: IllustrativeOption = True,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Rank the Danish clusters as landing bases for a lead found abroad, with the reasons.

    Each route: the lead's words met in the cluster's strength position or work, its work in the
    lead's market, its ties with the actor who found the lead (and what became of that actor's
    earlier leads to it), its experience under the model the lead would start, and whom to hand
    the lead to.
    """
    from api.cli.history import as_of_day
    from api.output.leads import print_routes
    from queries.leads.route import route_lead

    with analysis_errors():
        store = open_configured(include_illustrative)
        view = as_of_day(store, as_of)  # the graph as loaded by that day, as gaps and recommend
        result = route_lead(
            view.store if view else store, lead, as_of.date() if as_of else None, top
        )
        store.close()
    if output_format == OutputFormat.json:
        console.print_json(json.dumps(result.as_dict(), default=str))
        return
    print_routes(console, result)
