"""The contact persons clusters have named for their partnerships (returned survey workbooks):
whom a route hands a lead to, where the data names someone."""

from __future__ import annotations

from collections import defaultdict

from graph.store import GraphStore
from ontology.names import Label, Rel
from queries.leads.findings import ContactPerson


def contacts_by_partnership(store: GraphStore) -> dict[tuple[str, str], list[ContactPerson]]:
    """(cluster id, partner id) -> the people named for that partnership, by name."""
    people = {node["id"]: node for node in store.nodes(Label.ContactPerson)}
    if not people:
        return {}
    partner_of = {r.start: r.end for r in store.relationships(Rel.CONTACT_FOR)}
    found: dict[tuple[str, str], list[ContactPerson]] = defaultdict(list)
    for r in store.relationships(Rel.HAS_CONTACT):
        person, partner = people.get(r.end), partner_of.get(r.end)
        if person is None or partner is None:
            continue
        found[(r.start, partner)].append(
            ContactPerson(
                id=person["id"],
                name=str(person.get("name", "")),
                job_title=str(person.get("job_title") or ""),
                email=person.get("email") or None,
                source=str(person.get("source", "")),
            )
        )
    return {k: sorted(v, key=lambda p: (p.name, p.id)) for k, v in found.items()}
