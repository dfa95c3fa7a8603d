"""The SHACL shapes accept the exported sample and reject broken records, each for its reason."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from graph.memory_store import MemoryStore
from graph.rdf_export import store_to_rdf
from loaders.batch import write_batch
from ontology.names import Rel
from ontology.schema import PG, load_schema, shapes_graph
from tests.helpers import sample_batch

SCHEMA = load_schema()
AGREEMENT = SCHEMA.node_iri("agreement:or-munich")
MUNICH = SCHEMA.node_iri("icdk:munich")
ROBOTICS = SCHEMA.node_iri("cluster:odense-robotics")


def valid_graph() -> Graph:
    store = MemoryStore()
    write_batch(store, sample_batch())
    return store_to_rdf(store)


def violations(graph: Graph) -> set[tuple[str, str]]:
    """(focus node, message) of every violation."""
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none")
    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = str(results.value(result, SH.focusNode))
        message = str(results.value(result, SH.resultMessage))
        found.add((focus, message))
    return found


def _set(graph: Graph, subject: URIRef, predicate: URIRef, value: Literal) -> None:
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, value))


def one_party(g: Graph) -> None:
    g.remove((MUNICH, PG.partyTo, AGREEMENT))


def ends_before_start(g: Graph) -> None:
    _set(g, AGREEMENT, PG.validUntil, Literal(dt.date(2019, 1, 1)))


def no_name(g: Graph) -> None:
    g.remove((ROBOTICS, PG.name, None))


def unknown_confidence(g: Graph) -> None:
    _set(g, MUNICH, PG.confidence, Literal("rumour"))


def share_above_one(g: Graph) -> None:
    survey = SCHEMA.node_iri("survey:partners-icdk")
    g.add((survey, RDF.type, PG.SurveyFigure))
    for prop, value in [
        (PG.identifier, "survey:partners-icdk"),
        (PG.name, "ICDK"),
        (PG.source, "report"),
        (PG.confidence, "reported"),
    ]:
        g.add((survey, prop, Literal(value)))
    g.add((survey, PG.share, Literal(Decimal("1.2"), datatype=XSD.decimal)))


def date_as_text(g: Graph) -> None:
    _set(g, AGREEMENT, PG.validFrom, Literal("first of January"))


def bad_country_id(g: Graph) -> None:
    _set(g, SCHEMA.node_iri("country:DE"), PG.identifier, Literal("country:Germany"))


def strength_on_wrong_type(g: Graph) -> None:
    g.add((MUNICH, PG.hasStrength, SCHEMA.node_iri("sector:robotics")))


BROKEN: list[tuple[Callable[[Graph], None], URIRef, str]] = [
    (one_party, AGREEMENT, "at least two parties"),
    (ends_before_start, AGREEMENT, "valid_until"),
    (no_name, ROBOTICS, "name"),
    (unknown_confidence, MUNICH, "confidence"),
    (share_above_one, SCHEMA.node_iri("survey:partners-icdk"), "share"),
    (date_as_text, AGREEMENT, "valid_from"),
    (bad_country_id, SCHEMA.node_iri("country:DE"), "id"),
    (strength_on_wrong_type, MUNICH, Rel.HAS_STRENGTH),
]


def test_the_exported_sample_conforms() -> None:
    assert violations(valid_graph()) == set()


@pytest.mark.parametrize(
    ("breakage", "focus", "reason"), BROKEN, ids=[b[0].__name__ for b in BROKEN]
)
def test_a_broken_record_is_rejected_for_the_right_reason(
    breakage: Callable[[Graph], None], focus: URIRef, reason: str
) -> None:
    graph = valid_graph()
    breakage(graph)
    found = violations(graph)
    assert found, "the shapes accepted a broken record"
    assert {f for f, _ in found} == {str(focus)}, found
    assert any(reason.lower() in message.lower() for _, message in found), found
