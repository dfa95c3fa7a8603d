"""RDF (Turtle, JSON-LD) -> records, in the ontology's terms.

Reads what graph/rdf_export.py writes, the ontology's own individuals (models.ttl) and Turtle
sources: nodes are subjects typed with a node class; relationships are direct triples of an
object property; a relationship's properties come from its reified rdf:Statement, or, when it
has none, its provenance is the subject node's (so every fact keeps a source).
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef

from graph.records import STORE_MANAGED, NodeRecord, RelationshipRecord
from loaders.batch import SourceBatch
from loaders.problems import SHOWN_CHARS, Problem, cut
from loaders.sources import RawSource, Source, check_size, display
from ontology.schema import ID_BASE, PropertySpec, Schema

# rdflib logs a traceback for each ill-typed literal ("abc"^^xsd:integer) it reads; such a
# literal stays text here and becomes a listed problem, so the log would only be noise.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


class RdfSourceError(ValueError):
    """An RDF source that cannot become records; the message names the subject and property."""


def _python_value(literal: Literal, spec: PropertySpec) -> Any:
    value = literal.toPython()
    if spec.python_type is float and isinstance(value, Decimal | int):
        return float(value)
    if spec.python_type is dt.date and isinstance(value, dt.datetime):
        return value.date()
    return value


def _properties(
    graph: Graph, subject: URIRef | BNode, specs_by_iri: dict[URIRef, PropertySpec], where: str
) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for predicate, obj in graph.predicate_objects(subject):
        spec = specs_by_iri.get(predicate)  # type: ignore[call-overload]
        if spec is None or not isinstance(obj, Literal) or spec.key in STORE_MANAGED:
            continue
        value = _python_value(obj, spec)
        if spec.multi_valued:
            props.setdefault(spec.key, []).append(value)
        elif spec.key in props and props[spec.key] != value:
            raise RdfSourceError(
                f"{where}: {spec.key} has two values ({props[spec.key]!r}, {value!r})"
            )
        else:
            props[spec.key] = value
    for key, value in props.items():
        if isinstance(value, list):
            props[key] = sorted(value)
    return props


def _reified_statements(graph: Graph) -> dict[tuple[Any, Any, Any], Any]:
    """Each reified statement (where a relationship's own properties are) by its triple."""
    return {
        (
            graph.value(statement, RDF.subject),
            graph.value(statement, RDF.predicate),
            graph.value(statement, RDF.object),
        ): statement
        for statement in graph.subjects(RDF.type, RDF.Statement)
    }


def batch_from_rdf(graph: Graph, schema: Schema, source_id: str | None = None) -> SourceBatch:
    """Every typed node and every relationship triple in `graph`, stamped with `source_id`;
    with none given, each fact keeps the source_id it was exported with (see split_by_source)."""
    batch = SourceBatch(source_id or "rdf")
    node_labels: dict[URIRef, tuple[str, str]] = {}  # subject -> (id, label)
    for class_iri, node_type in schema.by_class.items():
        specs = {s.iri: s for s in schema.node_properties(node_type.label).values()}
        for subject in graph.subjects(RDF.type, class_iri):
            if not isinstance(subject, URIRef):
                continue
            props = _properties(graph, subject, specs, str(subject))
            node_id = props.get("id") or schema.id_for_iri(subject)
            props["id"] = node_id
            props["source_id"] = source_id or props.get("source_id", "rdf")
            node_labels[subject] = (node_id, node_type.label)
            batch.nodes.append(NodeRecord(node_id, node_type.label, props))

    node_props = {node.id: node.properties for node in batch.nodes}
    provenance_keys = set(schema.provenance_properties) - STORE_MANAGED
    statements = _reified_statements(graph)
    for rel_type, rel in schema.relationship_types.items():
        specs = {s.iri: s for s in schema.relationship_properties(rel_type).values()}
        for start, end in graph.subject_objects(rel.iri):
            start_node, end_node = node_labels.get(start), node_labels.get(end)  # type: ignore[call-overload]
            if start_node is None or end_node is None:
                continue  # a link to something that is not a node of ours (e.g. a class)
            (start_id, start_label), (end_id, end_label) = start_node, end_node
            reified = statements.get((start, rel.iri, end))
            if isinstance(reified, URIRef | BNode):
                props = _properties(graph, reified, specs, f"{start_id} {rel_type} {end_id}")
            else:
                props = {k: v for k, v in node_props[start_id].items() if k in provenance_keys}
            props["source_id"] = source_id or props.get("source_id", "rdf")
            batch.relationships.append(
                RelationshipRecord(rel_type, start_id, end_id, start_label, end_label, props)
            )
    batch.nodes.sort(key=lambda n: n.id)
    batch.relationships.sort(key=lambda r: r.key)
    return batch


def split_by_source(batch: SourceBatch) -> list[SourceBatch]:
    """One batch per source_id, as an export of several sources re-imports."""
    batches: dict[str, SourceBatch] = {}
    for node in batch.nodes:
        source = node.properties["source_id"]
        batches.setdefault(source, SourceBatch(source)).nodes.append(node)
    for rel in batch.relationships:
        source = rel.properties["source_id"]
        batches.setdefault(source, SourceBatch(source)).relationships.append(rel)
    return [batches[k] for k in sorted(batches)]


_BOOKKEEPING = STORE_MANAGED | {"source_id"}


def _literal_rows(
    graph: Graph,
    subject: URIRef | BNode,
    specs: dict[URIRef, PropertySpec],
    where: str,
    problems: list[Problem],
) -> dict[str, Any]:
    """The subject's literals of the given properties as raw values, for the same typing and
    checks as a YAML row (an ill-typed literal stays text, which the check then refuses)."""
    values: dict[str, list[Any]] = {}
    multi: dict[str, bool] = {}
    for predicate, obj in graph.predicate_objects(subject):
        spec = specs.get(predicate)  # type: ignore[call-overload]
        if spec is None or not isinstance(obj, Literal) or spec.key in _BOOKKEEPING:
            continue
        values.setdefault(spec.key, []).append(obj.toPython())
        multi[spec.key] = spec.multi_valued
    row: dict[str, Any] = {}
    for key, items in values.items():
        if multi[key]:
            row[key] = items
        elif len(set(map(str, items))) > 1:
            problems.append(Problem(where, key, items[0], "stated twice, with different values"))
        else:
            row[key] = items[0]
    return row


def raw_from_rdf(graph: Graph, schema: Schema, source: Source, name: str) -> RawSource:
    """Every typed node and every relationship triple as raw rows, which then pass the same
    checks as every other source's: ids, types, bounds, ends."""
    raw = RawSource(source)
    subjects: dict[URIRef, str] = {}  # subject -> id
    own: dict[str, dict[str, Any]] = {}  # id -> row
    for class_iri, node_type in schema.by_class.items():
        specs = {s.iri: s for s in schema.node_properties(node_type.label).values()}
        for subject in graph.subjects(RDF.type, class_iri):
            where = f"{name} <{cut(str(subject), SHOWN_CHARS)}>"
            if not isinstance(subject, URIRef) or not str(subject).startswith(ID_BASE):
                raw.problems.append(
                    Problem(where, "id", str(subject), f"expected an IRI under {ID_BASE}")
                )
                continue
            row = _literal_rows(graph, subject, specs, where, raw.problems)
            row.setdefault("id", schema.id_for_iri(subject))
            if str(row["id"]).partition(":")[0] != node_type.prefix:
                raw.problems.append(
                    Problem(
                        where,
                        "id",
                        row["id"],
                        f"a {node_type.label} id starts with {node_type.prefix}:",
                    )
                )
                continue
            subjects[subject] = str(row["id"])
            own[str(row["id"])] = row
            raw.nodes.append((where, row))
    statements = _reified_statements(graph)
    provenance = set(schema.provenance_properties) - _BOOKKEEPING
    for rel_type, rel in schema.relationship_types.items():
        specs = {s.iri: s for s in schema.relationship_properties(rel_type).values()}
        for start, end in graph.subject_objects(rel.iri):
            start_id, end_id = subjects.get(start), subjects.get(end)  # type: ignore[call-overload]
            if start_id is None or end_id is None:
                continue  # a link to something that is not a node of ours (e.g. a class)
            where = f"{name} {cut(start_id, SHOWN_CHARS)} {rel_type} {cut(end_id, SHOWN_CHARS)}"
            reified = statements.get((start, rel.iri, end))
            if isinstance(reified, URIRef | BNode):
                row = _literal_rows(graph, reified, specs, where, raw.problems)
            else:  # no statement of its own: the provenance of its subject node
                row = {k: v for k, v in own[start_id].items() if k in provenance}
            raw.relationships.append(
                (where, {**row, "type": rel_type, "from": start_id, "to": end_id})
            )
    return raw


def read_rdf(path: Path, source: Source, schema: Schema, rdf_format: str) -> RawSource:
    """An RDF file as raw rows; a file that cannot be parsed is one problem naming it."""
    name = display(path)
    graph = Graph()
    try:
        check_size(path)
        graph.parse(path, format=rdf_format)
    except Exception as error:
        raw = RawSource(source)
        text = str(error).strip()
        first = text.splitlines()[0] if text else type(error).__name__
        raw.problems.append(Problem(name, "file", None, f"cannot be parsed: {cut(first, 200)}"))
        return raw
    return raw_from_rdf(graph, schema, source, name)
