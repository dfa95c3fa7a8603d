"""What every gap family cites: the facts a gap rests on, once each in a stable order, and the
report's passages that make it a gap."""

from __future__ import annotations

from graph.facts import ActorFacts, Evidence, Link
from queries.findings import ActorRef

# The report's sections the gaps cite.
BARRIERS = "Barrierer for samarbejdet mellem klynger og ICDK'er"
COHESION = "Sammenhængskraft mellem internationaliseringsaktørerne"
LANDING_BASE = "2. Øget integration mellem ICDK og klyngerne"


def cite(links: list[Link], report: list[Evidence]) -> tuple[Evidence, ...]:
    """The evidence of some links and report passages, once each, in a stable order."""
    unique = {fact.sort_key: fact for fact in [*(link.evidence for link in links), *report]}
    return tuple(unique[key] for key in sorted(unique))


def report_passage(subject: str, section: str) -> Evidence:
    """The report's word on a subject (a node id or a label), in one of its sections."""
    return Evidence(path=(subject,), source="report", section=section, confidence="reported")


def actor_ref(actor: ActorFacts) -> ActorRef:
    return ActorRef(id=actor.node.id, name=actor.node.name, type=actor.node.label)
