"""The graph as RDF in the ontology's terms, and its check against the SHACL shapes.

Nodes become typed resources; each relationship becomes a direct triple plus a reified
rdf:Statement that carries its properties (provenance, partnership kind, period...), typed with
the ontology's relationship class where there is one (pg:Partnership for PARTNERS_WITH).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

import pyshacl
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD

from graph.records import SOURCE_ID, source_name
from graph.store import GraphStore
from ontology.schema import ID_BASE, PG, PropertySpec, Schema, load_schema, shapes_graph

FACT = Namespace(f"{ID_BASE}fact/")


def _literal(value: Any, spec: PropertySpec) -> Literal:
    if spec.datatype == XSD.decimal:
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if spec.datatype == XSD.dateTime and isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if spec.datatype == XSD.string:
        return Literal(str(value))
    return Literal(value, datatype=spec.datatype)


def _add_properties(
    graph: Graph, subject: URIRef, props: dict[str, Any], specs: dict[str, PropertySpec]
) -> None:
    for key, value in props.items():
        spec = specs.get(key)
        if spec is None or value is None:
            continue  # store bookkeeping (the fingerprint) is not a fact
        if key == SOURCE_ID:
            value = source_name(value)  # a name, never a path of the loading machine
        for item in value if isinstance(value, list) else [value]:
            graph.add((subject, spec.iri, _literal(item, spec)))


def _add_labels(graph: Graph, subject: URIRef, node: dict[str, Any]) -> None:
    """skos:prefLabel with language tags, as RDF tools show names, beside the ontology's own
    pg:name and pg:nameDa: the Danish name @da and the name @en where the data gives both (a
    translated name); a proper name with no Danish form carries no language."""
    name, danish = node.get("name"), node.get("name_da")
    if danish:
        graph.add((subject, SKOS.prefLabel, Literal(str(danish), lang="da")))
    if name:
        graph.add((subject, SKOS.prefLabel, Literal(str(name), lang="en" if danish else None)))


def fact_iri(start: str, rel_type: str, end: str, source_id: str) -> URIRef:
    """A stable name for one relationship, so exports can be diffed and facts cited."""
    digest = hashlib.blake2b(f"{start}|{rel_type}|{end}|{source_id}".encode(), digest_size=10)
    return FACT[digest.hexdigest()]


def store_to_rdf(store: GraphStore, schema: Schema | None = None) -> Graph:
    schema = schema or load_schema()
    graph = Graph()
    graph.bind("pg", PG)
    graph.bind("skos", SKOS)
    graph.bind("fact", FACT)
    for prefix in schema.by_prefix:
        graph.bind(prefix, Namespace(f"{ID_BASE}{prefix}/"))
    for node in store.nodes():
        node_type = schema.node_type_for_id(node["id"])
        subject = schema.node_iri(node["id"])
        graph.add((subject, RDF.type, node_type.iri))
        _add_properties(graph, subject, node, schema.node_properties(node_type.label))
        _add_labels(graph, subject, node)
    for rel in store.relationships():
        rel_type = schema.relationship_types[rel.type]
        start, end = schema.node_iri(rel.start), schema.node_iri(rel.end)
        graph.add((start, rel_type.iri, end))
        statement = fact_iri(rel.start, rel.type, rel.end, rel.properties.get("source_id", ""))
        graph.add((statement, RDF.type, RDF.Statement))
        if rel_type.reified_as is not None:
            graph.add((statement, RDF.type, rel_type.reified_as))
        graph.add((statement, RDF.subject, start))
        graph.add((statement, RDF.predicate, rel_type.iri))
        graph.add((statement, RDF.object, end))
        _add_properties(graph, statement, rel.properties, schema.relationship_properties(rel.type))
    return graph


def validate_rdf(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) of the data against ontology/shapes.ttl."""
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none")
    return bool(conforms), str(text)
