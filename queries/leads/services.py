"""Which service takes a lead further (the report's proposal 3): the services that help with what
the lead seeks, offered by the actor who found it or by the organisation it is part of (an
embassy's Trade Council, a centre's Invest in Denmark, an EEN partner's network); or, when those
offer none, by anyone else."""

from __future__ import annotations

from graph.facts import make_link
from graph.store import GraphStore
from ontology.names import Label, Rel
from queries.leads.findings import ServiceOffer


def services_for(store: GraphStore, finder: str | None, sought: str) -> list[ServiceOffer]:
    services = {node["id"]: node for node in store.nodes(Label.Service)}
    helping = {sid for sid, node in services.items() if node.get("helps_with") == sought}
    parents = sorted(
        rel.end for rel in store.relationships(Rel.PART_OF) if finder and rel.start == finder
    )
    own = {finder, *parents} if finder else set()
    offers = [rel for rel in store.relationships(Rel.OFFERS) if rel.end in helping]
    chosen = [rel for rel in offers if rel.start in own] or offers
    found = []
    for rel in sorted(chosen, key=lambda r: (r.end, r.start)):
        service = services[rel.end]
        offerer = store.get_node(rel.start) or {}
        found.append(
            ServiceOffer(
                service=rel.end,
                name=str(service.get("name", rel.end)),
                offered_by=rel.start,
                offered_by_name=str(offerer.get("name", rel.start)),
                by_the_finder=rel.start in own,
                confidence=str(service.get("confidence", "unknown")),
                evidence=(make_link(rel.start, Rel.OFFERS, rel.end, rel.properties).evidence,),
            )
        )
    return found
