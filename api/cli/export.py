"""`partnergraph export`: the graph as RDF or GraphML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import (
    IllustrativeOption,
    check_out_file,
    console,
    open_configured,
    store_errors,
    writing,
)


class ExportFormat(StrEnum):
    turtle = "turtle"
    jsonld = "jsonld"
    graphml = "graphml"


def export(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="File format.")],
    out: Annotated[Path, typer.Option(help="File to write.")],
    include_illustrative: IllustrativeOption = True,
) -> None:
    """Export the graph as RDF (Turtle, JSON-LD, in the ontology's terms) or GraphML (Gephi).
    Missing folders of --out are made."""
    from graph.graphml_export import write_graphml
    from graph.rdf_export import store_to_rdf

    check_out_file(out)
    with store_errors(), writing(out):
        store = open_configured(include_illustrative)
        out.parent.mkdir(parents=True, exist_ok=True)
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
