"""The ontology is the one schema: every class and property maps to exactly one graph name."""

from collections import Counter

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import OWL, SKOS

from ontology.document import END, README, START, refreshed
from ontology.names import RoleId
from ontology.schema import MODELS_FILE, ONTOLOGY_FILE, PG, load_schema, models_graph

# spelled: the public contract's ids, as the contract spells them
CONTRACT_MODELS = {
    "model:innovation-test": (
        1,
        "innovation",
        "short",
        "simple",
        "few",
    ),
    "model:innovation-platform": (
        2,
        "innovation",
        "long",
        "complex",
        "many",
    ),
    "model:market-test": (
        3,
        "market",
        "short",
        "simple",
        "few",
    ),
    "model:key-market-partnership": (
        4,
        "market",
        "long",
        "complex",
        "many",
    ),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(ONTOLOGY_FILE)
    return graph


def test_every_class_maps_to_one_label_or_one_relationship_type(ontology: Graph) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    assert len(classes) >= 28
    for cls in classes:
        labels = list(ontology.objects(cls, PG.nodeLabel))
        prefixes = list(ontology.objects(cls, PG.idPrefix))
        reifies = list(ontology.objects(cls, PG.reifies))
        if reifies:  # a relationship class: the reified form of exactly one object property
            assert (len(reifies), labels, prefixes) == (1, [], []), cls
            assert (cls, RDFS.subClassOf, RDF.Statement) in ontology
            assert len(list(ontology.objects(reifies[0], PG.relationshipType))) == 1
        else:
            assert (len(labels), len(prefixes)) == (1, 1), cls
        languages = {
            lit.language
            for lit in ontology.objects(cls, SKOS.prefLabel)
            if isinstance(lit, Literal)
        }
        assert languages >= {"en", "da"}, cls


def test_names_are_unique_and_map_back(ontology: Graph) -> None:
    schema = load_schema()
    labels = Counter(str(o) for o in ontology.objects(None, PG.nodeLabel))
    prefixes = Counter(str(o) for o in ontology.objects(None, PG.idPrefix))
    rel_types = Counter(str(o) for o in ontology.objects(None, PG.relationshipType))
    assert max(labels.values()) == max(prefixes.values()) == max(rel_types.values()) == 1
    assert set(schema.node_types) == set(labels)
    assert set(schema.relationship_types) == set(rel_types)
    for label, node_type in schema.node_types.items():
        assert ontology.value(node_type.iri, PG.nodeLabel) == Literal(label)
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        (rel_type,) = ontology.objects(prop, PG.relationshipType)
        assert schema.relationship_types[str(rel_type)].iri == prop
        assert schema.relationship_types[str(rel_type)].domain, f"{rel_type} has no domain"
        assert schema.relationship_types[str(rel_type)].range, f"{rel_type} has no range"
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert len(list(ontology.objects(prop, PG.key))) == 1, prop


def test_reused_vocabularies() -> None:
    schema = load_schema()
    parents = {
        str(p)
        for t in schema.node_types.values()
        for p in schema.graph.objects(t.iri, RDFS.subClassOf)
    }
    assert any(p.startswith("http://www.w3.org/ns/org#") for p in parents)
    assert any(p.startswith("http://www.w3.org/ns/prov#") for p in parents)
    assert any(p.startswith("http://www.w3.org/2004/02/skos/core#") for p in parents)


def test_the_four_models_carry_their_dimensions_and_roles_from_the_report() -> None:
    graph = models_graph()
    schema = load_schema()
    for model_id, (number, purpose, horizon, partnership, resources) in CONTRACT_MODELS.items():
        (model,) = graph.subjects(PG.identifier, Literal(model_id))
        assert graph.value(model, PG.number) == Literal(number)
        assert str(graph.value(model, PG.purpose)) == purpose
        assert str(graph.value(model, PG.timeHorizon)) == horizon
        assert str(graph.value(model, PG.partnershipComplexity)) == partnership
        assert str(graph.value(model, PG.resources)) == resources
        assert str(graph.value(model, PG.source)) == "report"
        assert str(graph.value(model, PG.section)).startswith("Model:")
        assert graph.value(model, PG.icdkRole)
        # The report gives ICDK a role in every model: a required requirement names it.
        required = [
            q
            for q in graph.objects(model, PG.hasRequirement)
            if str(graph.value(q, PG.strength)) == "required"
        ]
        named = {
            str(graph.value(r, PG.identifier))
            for q in required
            for r in graph.objects(q, PG.anyOfRole)
        }
        assert required and RoleId.icdk in named
        for q in graph.objects(model, PG.hasRequirement):
            assert str(graph.value(q, PG.quote)).startswith("»"), "each quotes the report"
    for role in graph.subjects(RDF.type, PG.PartnerRole):
        for label in graph.objects(role, PG.filledByLabels):
            assert str(label) in schema.node_types
    assert MODELS_FILE.is_file()


def test_the_readme_tables_are_generated_from_the_turtle() -> None:
    readme = README.read_text(encoding="utf-8")
    assert START in readme and END in readme
    assert refreshed(readme) == readme, "run: python -m ontology.document --write"
