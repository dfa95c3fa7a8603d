"""Exports: RDF that passes the shapes and re-imports to the same graph; GraphML for Gephi."""

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from graph.graphml_export import write_graphml
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.rdf_export import store_to_rdf, validate_rdf
from graph.store import GraphStore
from loaders.batch import write_batch
from loaders.pipeline import load_bundled
from loaders.rdf_source import batch_from_rdf, split_by_source
from ontology.names import Label
from ontology.schema import PG, load_schema, models_graph
from tests.helpers import sample_batch, snapshot


def loaded(store: GraphStore) -> GraphStore:
    write_batch(store, batch_from_rdf(models_graph(), load_schema(), "ontology/models"))
    write_batch(store, sample_batch())
    return store


@pytest.mark.parametrize("rdf_format", ["turtle", "json-ld"])
def test_rdf_round_trip_passes_shacl_and_gives_the_same_graph(
    rdf_format: str, tmp_path: Path
) -> None:
    original = loaded(MemoryStore())
    path = tmp_path / f"graph.{rdf_format}"
    store_to_rdf(original).serialize(path, format=rdf_format)

    parsed = Graph().parse(path, format=rdf_format)
    conforms, report = validate_rdf(parsed)
    assert conforms, report

    copy = MemoryStore()
    batches = split_by_source(batch_from_rdf(parsed, load_schema()))
    assert [b.source_id for b in batches] == ["ontology/models", "test/sample"]
    for batch in batches:
        write_batch(copy, batch)
    assert snapshot(copy) == snapshot(original)


def test_partnership_properties_survive_as_a_reified_statement() -> None:
    turtle = store_to_rdf(loaded(MemoryStore())).serialize(format="turtle")
    assert "pg:Partnership" in turtle
    assert 'pg:partnershipKind "formal"' in turtle


@pytest.mark.neo4j
def test_neo4j_export_equals_memory_export(neo4j_store: Neo4jStore) -> None:
    memory_rdf = store_to_rdf(loaded(MemoryStore()))
    neo4j_rdf = store_to_rdf(loaded(neo4j_store))

    def facts(g: Graph) -> set[tuple[Any, ...]]:
        timestamps = {PG.firstSeen, PG.lastUpdated}
        return {t for t in g if t[1] not in timestamps}

    assert facts(memory_rdf) - facts(neo4j_rdf) == set()
    assert facts(neo4j_rdf) - facts(memory_rdf) == set()


def test_graphml_opens_in_networkx_with_every_node_and_edge(tmp_path: Path) -> None:
    store = loaded(MemoryStore())
    path = tmp_path / "graph.graphml"
    write_graphml(store, path)
    graph = nx.read_graphml(path)
    counts = store.counts()
    assert graph.number_of_nodes() == counts.node_total
    assert graph.number_of_edges() == counts.relationship_total
    assert graph.nodes["icdk:munich"]["label"] == Label.InnovationCentre
    assert graph.nodes["agreement:or-munich"]["valid_until"] == "2023-12-31"


def test_names_are_language_tagged_labels_beside_the_ontology_terms() -> None:
    store = MemoryStore()
    load_bundled(store)
    graph = store_to_rdf(store)
    germany = load_schema().node_iri("country:DE")
    labels = {(str(x), getattr(x, "language", "?")) for x in graph.objects(germany, SKOS.prefLabel)}
    assert labels == {("Germany", "en"), ("Tyskland", "da")}
    assert str(graph.value(germany, PG.nameDa)) == "Tyskland"  # the ontology's term, kept
    # A proper name with no Danish form is a label in no particular language.
    robotics = load_schema().node_iri("cluster:odense-robotics")
    assert [
        (str(x), getattr(x, "language", "?")) for x in graph.objects(robotics, SKOS.prefLabel)
    ] == [("Odense Robotics", None)]
    conforms, report = validate_rdf(graph)
    assert conforms, report
