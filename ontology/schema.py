"""The project's one view of the ontology: node labels, id prefixes, properties, relationship types.

The Turtle files beside this module are read once with rdflib. Code names labels, relationship
types, roles and models through ontology.names (`Label.Cluster`, `Rel.PARTNERS_WITH`), generated
from the same Turtle, never as free strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SH, SKOS, XSD

from ontology.names import PG, Rel

ONTOLOGY_DIR = Path(__file__).parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "partnergraph.ttl"
MODELS_FILE = ONTOLOGY_DIR / "models.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

ID_BASE = "https://w3id.org/partnergraph/id/"
SCHEMA_ORG = Namespace("https://schema.org/")

# xsd datatype -> the Python type a value of that property has in a store.
PYTHON_TYPES: dict[URIRef, type] = {
    XSD.string: str,
    XSD.anyURI: str,
    XSD.integer: int,
    XSD.nonNegativeInteger: int,
    XSD.gYear: int,
    XSD.decimal: float,
    XSD.double: float,
    XSD.boolean: bool,
    XSD.date: dt.date,
    XSD.dateTime: dt.datetime,
}


@dataclass(frozen=True)
class PropertySpec:
    """A datatype property as a graph property key."""

    key: str
    iri: URIRef
    datatype: URIRef
    required: bool = False
    multi_valued: bool = False
    allowed: tuple[str, ...] = ()
    indexed: bool = False  # Neo4j keeps an index on it (queries select nodes by it)
    name_en: str = ""  # skos:prefLabel: the column headers of the survey workbooks
    name_da: str = ""

    @property
    def python_type(self) -> type:
        return PYTHON_TYPES.get(self.datatype, str)


@dataclass(frozen=True)
class NodeType:
    """An ontology class that is stored as nodes with one label."""

    label: str
    prefix: str
    iri: URIRef
    properties: dict[str, PropertySpec] = field(default_factory=dict)
    name_en: str = ""
    name_da: str = ""


@dataclass(frozen=True)
class RelationshipType:
    """An object property stored as relationships of one type."""

    type: str
    iri: URIRef
    domain: frozenset[str]
    range: frozenset[str]
    properties: dict[str, PropertySpec] = field(default_factory=dict)
    reified_as: URIRef | None = None
    name_en: str = ""
    name_da: str = ""


@dataclass(frozen=True)
class Ordering:
    """From the shapes: `lower` must come before `upper` (or equal them when not strict)."""

    lower: str
    upper: str
    strict: bool


class Schema:
    """What the ontology says, in the shapes the stores, loaders and queries need."""

    def __init__(self, graph: Graph, shapes: Graph | None = None) -> None:
        self.graph = graph
        self.shapes = shapes if shapes is not None else Graph()
        self.provenance_properties = self._provenance_properties()
        self.node_types = self._node_types()
        self.by_prefix = {t.prefix: t for t in self.node_types.values()}
        self.by_class = {t.iri: t for t in self.node_types.values()}
        self.relationship_types = self._relationship_types()
        self.bounds, self.orderings = self._constraints_from_shapes()
        self.patterns = self._patterns_from_shapes()

    @property
    def actor_labels(self) -> frozenset[str]:
        """The labels of organisations that can be partners: the domain of PARTNERS_WITH."""
        return self.relationship_types[Rel.PARTNERS_WITH].domain

    # --- ids -------------------------------------------------------------------------------
    def node_type_for_id(self, node_id: str) -> NodeType:
        """The node type an id `kind:slug` belongs to; KeyError naming the known prefixes."""
        prefix, sep, slug = node_id.partition(":")
        if not sep or not slug or prefix not in self.by_prefix:
            raise KeyError(
                f"{node_id!r} is not an id of the form kind:slug with a known kind "
                f"({', '.join(sorted(self.by_prefix))})"
            )
        return self.by_prefix[prefix]

    def label_for_id(self, node_id: str) -> str:
        return self.node_type_for_id(node_id).label

    def node_iri(self, node_id: str) -> URIRef:
        prefix, _, slug = node_id.partition(":")
        return URIRef(f"{ID_BASE}{prefix}/{slug}")

    def id_for_iri(self, iri: URIRef) -> str:
        prefix, _, slug = str(iri).removeprefix(ID_BASE).partition("/")
        return f"{prefix}:{slug}"

    # --- properties --------------------------------------------------------------------------
    def node_properties(self, label: str) -> dict[str, PropertySpec]:
        return {**self.provenance_properties, **self.node_types[label].properties}

    def relationship_properties(self, rel_type: str) -> dict[str, PropertySpec]:
        return {**self.provenance_properties, **self.relationship_types[rel_type].properties}

    # --- reading the Turtle --------------------------------------------------------------------
    def _constraints_from_shapes(self) -> tuple[dict[str, tuple[Any, Any]], list[Ordering]]:
        """Numeric bounds ({key: (min, max)}) and date orderings the SHACL shapes declare."""
        key_of = {iri: self._literal(iri, PG.key) for iri in self._datatype_properties()}
        bounds: dict[str, tuple[Any, Any]] = {}
        orderings: set[Ordering] = set()
        for shape, path in self.shapes.subject_objects(SH.path):
            key = key_of.get(path)  # type: ignore[call-overload]
            if key is None:
                continue
            low = self.shapes.value(shape, SH.minInclusive)
            high = self.shapes.value(shape, SH.maxInclusive)
            if low is not None or high is not None:
                old_low, old_high = bounds.get(key, (None, None))
                bounds[key] = (
                    low.toPython() if isinstance(low, Literal) else old_low,
                    high.toPython() if isinstance(high, Literal) else old_high,
                )
            for predicate, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
                for other in self.shapes.objects(shape, predicate):
                    if other in key_of:
                        orderings.add(Ordering(key, key_of[other], strict))  # type: ignore[index]
        # One pair can be strict on one class and not on another (an engagement may last a day):
        # the loader applies the lenient form, the shapes the exact one on export.
        lenient = {(o.lower, o.upper): o for o in sorted(orderings, key=lambda o: not o.strict)}
        return bounds, [lenient[k] for k in sorted(lenient)]

    def _patterns_from_shapes(self) -> dict[str, str]:
        """{key: regular expression} the shapes give a property (an e-mail's form); ids are
        checked by their prefix instead."""
        key_of = {iri: self._literal(iri, PG.key) for iri in self._datatype_properties()}
        patterns = {}
        for shape, path in self.shapes.subject_objects(SH.path):
            key = key_of.get(path)  # type: ignore[call-overload]
            pattern = self.shapes.value(shape, SH.pattern)
            if key and key != "id" and isinstance(pattern, Literal):
                patterns[key] = str(pattern)
        return patterns

    def _literal(self, subject: URIRef, predicate: URIRef) -> str:
        value = self.graph.value(subject, predicate)
        return str(value) if value is not None else ""

    def _pref_label(self, subject: URIRef, lang: str) -> str:
        for label in self.graph.objects(subject, SKOS.prefLabel):
            if isinstance(label, Literal) and label.language == lang:
                return str(label)
        return ""

    def _property_spec(self, iri: URIRef) -> PropertySpec:
        allowed = sorted(str(v) for v in self.graph.objects(iri, PG.allowedValue))
        datatype = self.graph.value(iri, RDFS.range)
        return PropertySpec(
            key=self._literal(iri, PG.key),
            iri=iri,
            datatype=datatype if isinstance(datatype, URIRef) else XSD.string,
            required=self.graph.value(iri, PG.required) == Literal(True),
            multi_valued=(iri, RDF.type, OWL.FunctionalProperty) not in self.graph,
            allowed=tuple(allowed),
            indexed=self.graph.value(iri, PG.indexed) == Literal(True),
            name_en=self._pref_label(iri, "en"),
            name_da=self._pref_label(iri, "da"),
        )

    def _datatype_properties(self) -> list[URIRef]:
        return sorted(
            s for s in self.graph.subjects(RDF.type, OWL.DatatypeProperty) if isinstance(s, URIRef)
        )

    def _provenance_properties(self) -> dict[str, PropertySpec]:
        specs = {}
        for iri in self._datatype_properties():
            if self.graph.value(iri, PG.provenanceProperty) == Literal(True):
                spec = self._property_spec(iri)
                specs[spec.key] = spec
        return specs

    def _properties_of(self, class_iri: URIRef) -> dict[str, PropertySpec]:
        specs = {}
        for iri in self._datatype_properties():
            if (iri, SCHEMA_ORG.domainIncludes, class_iri) in self.graph:
                spec = self._property_spec(iri)
                specs[spec.key] = spec
        return specs

    def _node_types(self) -> dict[str, NodeType]:
        types = {}
        for cls in sorted(
            c for c in self.graph.subjects(PG.nodeLabel, None) if isinstance(c, URIRef)
        ):
            label = self._literal(cls, PG.nodeLabel)
            types[label] = NodeType(
                label=label,
                prefix=self._literal(cls, PG.idPrefix),
                iri=cls,
                properties=self._properties_of(cls),
                name_en=self._pref_label(cls, "en"),
                name_da=self._pref_label(cls, "da"),
            )
        return types

    def _labels_of(self, prop: URIRef, predicate: URIRef) -> frozenset[str]:
        return frozenset(
            self.by_class[c].label
            for c in self.graph.objects(prop, predicate)
            if isinstance(c, URIRef) and c in self.by_class
        )

    def _relationship_types(self) -> dict[str, RelationshipType]:
        reified = {
            self.graph.value(cls, PG.reifies): cls
            for cls in self.graph.subjects(PG.reifies, None)
            if isinstance(cls, URIRef)
        }
        properties = (p for p in self.graph.subjects(PG.relationshipType, None))
        types = {}
        for prop in sorted(p for p in properties if isinstance(p, URIRef)):
            rel_type = self._literal(prop, PG.relationshipType)
            reification = reified.get(prop)
            types[rel_type] = RelationshipType(
                type=rel_type,
                iri=prop,
                domain=self._labels_of(prop, SCHEMA_ORG.domainIncludes),
                range=self._labels_of(prop, SCHEMA_ORG.rangeIncludes),
                properties=self._properties_of(reification) if reification is not None else {},
                reified_as=reification,
                name_en=self._pref_label(prop, "en"),
                name_da=self._pref_label(prop, "da"),
            )
        return types


@cache
def load_schema() -> Schema:
    """Parse the ontology (and its shapes) once per process."""
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    return Schema(graph, shapes_graph())


@cache
def models_graph() -> Graph:
    """The four models and the partner roles (individuals), for loading into the graph."""
    graph = Graph()
    graph.parse(MODELS_FILE, format="turtle")
    return graph


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(SHAPES_FILE, format="turtle")
    return graph
