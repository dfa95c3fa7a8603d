"""The whole graph as a file: RDF in the ontology's terms, or GraphML for Gephi."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from graph.graphml_export import store_to_networkx
from graph.rdf_export import store_to_rdf

router = APIRouter(prefix="/export", tags=["export"])


class ExportFormat(StrEnum):
    turtle = "turtle"
    jsonld = "jsonld"
    graphml = "graphml"


MEDIA_TYPES = {
    ExportFormat.turtle: "text/turtle",
    ExportFormat.jsonld: "application/ld+json",
    ExportFormat.graphml: "application/graphml+xml",
}
SUFFIXES = {
    ExportFormat.turtle: "ttl",
    ExportFormat.jsonld: "jsonld",
    ExportFormat.graphml: "graphml",
}


@router.get(
    "",
    response_class=Response,
    responses={
        200: {
            "description": "The graph as a file (attachment).",
            "content": {
                MEDIA_TYPES[ExportFormat.turtle]: {"schema": {"type": "string"}},
                MEDIA_TYPES[ExportFormat.jsonld]: {"schema": {"type": ["object", "array"]}},
                MEDIA_TYPES[ExportFormat.graphml]: {"schema": {"type": "string"}},
            },
        }
    },
)
def export(
    store: StoreDep,
    format: Annotated[
        ExportFormat, Query(description="File format.", examples=["graphml"])
    ] = ExportFormat.turtle,
) -> Response:
    """The graph as Turtle or JSON-LD (in the ontology's terms) or GraphML (Gephi)."""
    if format == ExportFormat.graphml:
        body = "\n".join(nx.generate_graphml(store_to_networkx(store)))
    else:
        rdf_format = "json-ld" if format == ExportFormat.jsonld else "turtle"
        body = store_to_rdf(store).serialize(format=rdf_format)
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="partnergraph.{SUFFIXES[format]}"'},
    )
