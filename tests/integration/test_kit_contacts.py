"""Contact persons named in a returned survey workbook: loaded with the cluster's provenance,
shown again in its next kit, refused row by row when wrong, and named by a lead's route."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.problems import LoadError
from loaders.sources import discover
from ontology.names import Label, Rel
from queries.leads.route import route_lead
from tests.helpers import run
from tests.integration.test_survey_kits import CLUSTER, first_empty_row, header_index, make_kit

SHEET = "kontaktpersoner"
MUNICH = "Innovation Centre Denmark München [icdk:munich]"
SEOUL = "Innovation Centre Denmark Seoul [icdk:seoul]"
SOURCE = "reported by Odense Robotics, 2026-12-03"


def name_contacts(path: Path, *people: tuple[str, str | None, str | None, str | None]) -> list[int]:
    """Rows (partner, name, job title, e-mail) typed at the bottom of the contacts sheet."""
    book = load_workbook(path)
    ws = book[SHEET]
    first = row = first_empty_row(ws)
    for partner, name, title, email in people:
        ws.cell(row=row, column=header_index(ws, "partner"), value=partner)
        ws.cell(row=row, column=header_index(ws, "name"), value=name)
        ws.cell(row=row, column=header_index(ws, "job_title"), value=title)
        ws.cell(row=row, column=header_index(ws, "email"), value=email)
        row += 1
    book.save(path)
    return list(range(first, row))


def test_named_contacts_round_trip_on_both_stores(store: GraphStore, tmp_path: Path) -> None:
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    assert SHEET in load_workbook(kit).sheetnames
    book = load_workbook(kit)
    partnerships = book["partnerskaber"]
    partnerships.cell(row=first_empty_row(partnerships), column=1, value=SEOUL)
    book.save(kit)
    name_contacts(
        kit,
        (MUNICH, "Anna Jensen", "international manager, Odense Robotics", "aj@example.org"),
        ("Innovation Centre Denmark München", "Ben Olsen", "innovation attaché", None),
        (SEOUL, "Cai Lund", "innovation attaché, ICDK Seoul", None),
    )
    counts = load_sources(store, discover([kit]))
    assert counts.created[Label.ContactPerson] == 3
    people = {p["name"]: p for p in store.nodes(Label.ContactPerson)}
    assert set(people) == {"Anna Jensen", "Ben Olsen", "Cai Lund"}
    assert people["Anna Jensen"]["email"] == "aj@example.org"
    assert "email" not in people["Ben Olsen"]
    for person in people.values():
        assert person["source"] == SOURCE and person["confidence"] == "reported"
    partner_of = {r.start: r.end for r in store.relationships(Rel.CONTACT_FOR)}
    named_by = {r.end: r.start for r in store.relationships(Rel.HAS_CONTACT)}
    assert {(named_by[p["id"]], partner_of[p["id"]]) for p in people.values()} == {
        (CLUSTER, "icdk:munich"),
        (CLUSTER, "icdk:seoul"),
    }
    # The named contacts win: the cluster's new partnership, its number left blank, counts them.
    reported = [
        r
        for r in store.relationships(Rel.PARTNERS_WITH)
        if r.properties.get("source_id") == "survey-kit/odense-robotics"
    ]
    assert [(r.end, r.properties.get("contact_persons")) for r in reported] == [("icdk:seoul", 1)]
    # The next kit shows them, locked to their partner, and loads back changing nothing.
    again = make_kit(store, tmp_path / "again")
    ws = load_workbook(again)[SHEET]
    shown = {ws.cell(row=r, column=header_index(ws, "name")).value for r in (2, 3, 4)}
    assert shown == {"Anna Jensen", "Ben Olsen", "Cai Lund"}
    assert ws.cell(row=2, column=header_index(ws, "partner")).value == MUNICH
    assert ws.cell(row=2, column=header_index(ws, "partner")).protection.locked
    assert SOURCE in str(ws.cell(row=2, column=header_index(ws, "source")).value)
    counts = load_sources(store, discover([again]))
    assert not counts.created and not counts.updated and not counts.removed


def test_the_route_names_the_clusters_contact_for_the_finder(
    store: GraphStore, tmp_path: Path
) -> None:
    load_bundled(store)
    lead = "lead:munich-assembly-automation"
    before = next(r for r in route_lead(store, lead).routes if r.cluster.id == CLUSTER)
    assert not before.contact.persons and "names are not in the data" in before.contact.sentence
    kit = make_kit(store, tmp_path)
    name_contacts(kit, (MUNICH, "Anna Jensen", "international manager", "aj@example.org"))
    load_sources(store, discover([kit]))
    route = next(r for r in route_lead(store, lead).routes if r.cluster.id == CLUSTER)
    assert [p.name for p in route.contact.persons] == ["Anna Jensen"]
    assert route.contact.sentence == (
        "Hand it to Anna Jensen, international manager <aj@example.org>: the contact at "
        f"Odense Robotics for Innovation Centre Denmark Munich ({SOURCE})."
    )
    assert route.contact.contact_persons == 1


def test_broken_contact_rows_are_listed_and_nothing_is_loaded(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    rows = name_contacts(
        kit,
        ("Nobody [icdk:atlantis]", "Anna Jensen", "manager", None),
        (MUNICH, None, "manager", None),
        (MUNICH, "Ben Olsen", "attaché", "ben.olsen(at)example.org"),
        (MUNICH, "Carl Holm", None, None),
        ("Danish Sound Cluster", "Dora Berg", "manager", None),
    )
    before = store.counts()
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([kit]))
    text = "\n".join(caught.value.listing())
    where = f"sheet '{SHEET}' row"
    assert f"{where} {rows[0]} column A (partner)" in text and "icdk:atlantis" in text
    assert f"{where} {rows[1]} column B (navn): name = None: required: the person's name" in text
    assert f"{where} {rows[2]} column D (e-mail)" in text and "not an e-mail address" in text
    assert f"{where} {rows[3]} column C (stilling)" in text and "job title" in text
    assert f"{where} {rows[4]} column A (partner)" in text
    assert "no partnership with this partner" in text
    after = store.counts()
    assert (after.node_total, after.relationship_total) == (
        before.node_total,
        before.relationship_total,
    )
    assert not list(store.nodes(Label.ContactPerson))


def test_a_number_of_contacts_that_disagrees_with_the_named_ones_is_refused(
    tmp_path: Path,
) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    book = load_workbook(kit)
    ws = book["partnerskaber"]
    munich = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == MUNICH)
    ws.cell(row=munich, column=header_index(ws, "contact_persons"), value=3)
    book.save(kit)
    name_contacts(kit, (MUNICH, "Anna Jensen", "manager", None))
    result = run("load", str(kit))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"sheet 'partnerskaber' row {munich} column" in result.stderr
    assert "the contact persons sheet names 1 for this partner" in result.stderr


def test_contacts_reach_the_exports_and_conform_to_the_shapes(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore
    from graph.rdf_export import store_to_rdf, validate_rdf

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    name_contacts(kit, (MUNICH, "Anna <b>Jensen</b>", "manager", "aj@example.org"))
    load_sources(store, discover([kit]))
    graph = store_to_rdf(store)
    conforms, report = validate_rdf(graph)
    assert conforms, report
    from rdflib import RDF

    from ontology.names import PG
    from ontology.schema import load_schema

    person = next(iter(graph.subjects(RDF.type, PG.ContactPerson)))
    assert graph.value(person, PG.contactFor) == load_schema().node_iri("icdk:munich")
    turtle = graph.serialize(format="turtle")
    assert "aj@example.org" in turtle
    from graph.graphml_export import write_graphml

    write_graphml(store, tmp_path / "graph.graphml")
    graphml = (tmp_path / "graph.graphml").read_text(encoding="utf-8")
    assert Rel.CONTACT_FOR in graphml and "aj@example.org" in graphml
    assert "Anna <b>Jensen</b>" in turtle and dt.date(2026, 12, 3).isoformat() in turtle


def test_routes_over_http_name_the_contact_and_no_page_draws_people(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore
    from tests.integration.api.conftest import client_for

    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    hostile = "<script>alert('zqxj')</script>"
    name_contacts(kit, (MUNICH, hostile, "manager <b>", None))
    load_sources(store, discover([kit]))
    with client_for(store) as client:
        answer = client.get("/leads/munich-assembly-automation/routes")
        assert answer.status_code == 200
        route = next(r for r in answer.json()["routes"] if r["cluster"]["id"] == CLUSTER)
        assert [p["name"] for p in route["contact"]["persons"]] == [hostile]
        assert route["contact"]["persons"][0]["source"] == SOURCE
        for page in ("/views/clusters/odense-robotics", "/views/ecosystem"):
            html = client.get(page)
            assert html.status_code == 200
            assert "zqxj" not in html.text  # people are not drawn, escaped or not


LOADER_FILE = """\
provenance: {{source: "Odense Robotics' partner list (test)", confidence: reported}}
nodes:
  - {{id: contact:or-munich-anna, name: Anna Jensen, job_title: international manager}}
relationships:
  - {{type: PARTNERS_WITH, from: cluster:odense-robotics, to: icdk:seoul, contact_persons: {n}}}
  - {{type: HAS_CONTACT, from: cluster:odense-robotics, to: contact:or-munich-anna}}
  - {{type: CONTACT_FOR, from: contact:or-munich-anna, to: icdk:seoul}}
"""


def test_a_loader_file_names_contacts_and_its_number_must_agree(tmp_path: Path) -> None:
    from graph.memory_store import MemoryStore

    store = MemoryStore()
    load_bundled(store)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(LOADER_FILE.format(n=2), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([wrong]))
    text = "\n".join(caught.value.listing())
    assert "wrong.yaml" in text and "contact_persons = 2" in text
    assert "names 1 contact person(s) for this partnership" in text
    assert not list(store.nodes(Label.ContactPerson))
    right = tmp_path / "right.yaml"
    right.write_text(LOADER_FILE.format(n=1), encoding="utf-8")
    load_sources(store, discover([right]))
    (person,) = store.nodes(Label.ContactPerson)
    assert person["source"] == "Odense Robotics' partner list (test)"
