"""What became of earlier leads, as the data records it (a lead's ROUTED_TO cluster, its status
and result), and what that teaches: a lead a cluster accepted, started work on or turned into a
success strengthens the trust between that cluster and the actor who found the lead; a declined
or unsuccessful one weakens it. Routing (learned_trust) and the recommender (leads_to, read by
queries/recommend/history.py) show each change in their reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.facts import Evidence, make_link
from graph.store import GraphStore
from ontology.names import Label, Rel

# How much one earlier lead moves the trust (in [0, 1]) between its cluster and its finder.
TRUST_CHANGE = {
    "accepted": 0.15,
    "engagement-started": 0.2,
    "result:successful": 0.25,
    "result:unsuccessful": -0.1,
    "declined": -0.25,
}
SAID = {
    "accepted": "was accepted",
    "engagement-started": "became an engagement",
    "result:successful": "turned into a success",
    "result:unsuccessful": "ended without success",
    "declined": "was declined",
}
# The same, told to the cluster the lead was routed to (the recommender speaks to it).
SAID_TO_YOU = {
    "accepted": "was routed to you and accepted",
    "engagement-started": "was routed to you, accepted, and became an engagement",
    "result:successful": "was routed to you, accepted, and turned into a success",
    "result:unsuccessful": "was routed to you, taken up, and ended without success",
    "declined": "was routed to you and declined",
}


@dataclass(frozen=True)
class PastLead:
    id: str
    name: str
    finder: str
    cluster: str
    found_on: str
    outcome: str  # a key of TRUST_CHANGE
    evidence: Evidence  # the ROUTED_TO fact
    finder_name: str = ""


def outcome_key(status: str | None, result: str | None) -> str | None:
    """The TRUST_CHANGE key of a lead's status and result; None when it teaches nothing yet."""
    key = f"result:{result}" if status == "result" and result else status
    return key if key in TRUST_CHANGE else None


def past_leads(store: GraphStore) -> list[PastLead]:
    """Every routed lead with an outcome that teaches something, oldest first."""
    leads = {node["id"]: node for node in store.nodes(Label.Lead)}
    finders: dict[str, list[str]] = {}
    for rel in store.relationships(Rel.FOUND_BY):
        finders.setdefault(rel.start, []).append(rel.end)
    found = []
    for rel in store.relationships(Rel.ROUTED_TO):
        lead = leads.get(rel.start)
        key = outcome_key(lead.get("status"), lead.get("result")) if lead else None
        if lead is None or key is None:
            continue
        for finder in sorted(finders.get(rel.start, [])):
            evidence = make_link(rel.start, Rel.ROUTED_TO, rel.end, rel.properties).evidence
            found.append(
                PastLead(
                    rel.start,
                    str(lead.get("name", rel.start)),
                    finder,
                    rel.end,
                    str(lead.get("found_on", "")),
                    key,
                    evidence,
                )
            )
    return sorted(found, key=lambda p: (p.found_on, p.id, p.finder, p.cluster))


def learned_trust(
    trust: float, cluster: str, finder: str, finder_name: str, earlier: list[PastLead], lead: str
) -> tuple[float, list[str], list[Evidence]]:
    """The trust after the earlier leads from this finder to this cluster, with a reason per
    change (never the lead being routed itself)."""
    reasons, evidence = [], []
    for past in earlier:
        if past.cluster != cluster or past.finder != finder or past.id == lead:
            continue
        before = trust
        trust = min(1.0, max(0.0, trust + TRUST_CHANGE[past.outcome]))
        reasons.append(
            f"An earlier lead from {finder_name} to it, «{past.name}», {SAID[past.outcome]}: "
            f"trust with the finder {before:.2f} -> {trust:.2f}."
        )
        evidence.append(past.evidence)
    return trust, reasons, evidence


def leads_to(store: GraphStore, cluster: str, as_of: dt.date) -> tuple[PastLead, ...]:
    """The leads routed to `cluster` whose outcome teaches something, found by `as_of`, oldest
    first, with their finders' names. An outcome recorded after the day is not in the graph
    as loaded by then (graph/as_of.py), which callers asking about a past day read; a lead found
    after the day cannot have had an outcome by then either. One read of the routings to the
    cluster, then one of each lead's neighbourhood: most clusters have none, and this runs per
    recommendation."""
    day, found = as_of.isoformat(), []
    for rel in store.relationships_to(cluster, Rel.ROUTED_TO):
        around = store.neighbourhood(rel.start, 1)
        lead = around.nodes.get(rel.start) or {}
        key = outcome_key(lead.get("status"), lead.get("result"))
        found_on = str(lead.get("found_on", ""))
        if key is None or found_on[:10] > day:
            continue
        evidence = make_link(rel.start, Rel.ROUTED_TO, rel.end, rel.properties).evidence
        finders = sorted(
            r.end for r in around.relationships if r.start == rel.start and r.type == Rel.FOUND_BY
        )
        for finder in finders:
            name = str((around.nodes.get(finder) or {}).get("name", finder))
            found.append(
                PastLead(
                    rel.start,
                    str(lead.get("name", rel.start)),
                    finder,
                    rel.end,
                    found_on,
                    key,
                    evidence,
                    name,
                )
            )
    return tuple(sorted(found, key=lambda p: (p.found_on, p.id, p.finder, p.cluster)))


def trust_from_lead(trust: float, past: PastLead) -> tuple[float, str]:
    """The recommender's trust in the finder after one of its leads to the cluster, and the
    reason the cluster reads ("Innovation Centre Denmark Munich's lead «...», found on
    2025-04-14, was routed to you, accepted, and turned into a success: trust 0.50 -> 0.75.")."""
    after = min(1.0, max(0.0, trust + TRUST_CHANGE[past.outcome]))
    found = f", found on {past.found_on[:10]}," if past.found_on else ""
    change = f"trust {trust:.2f} -> {after:.2f}" if after or trust else "no trust to lower"
    return after, (
        f"{past.finder_name or past.finder}'s lead «{past.name}»{found} "
        f"{SAID_TO_YOU[past.outcome]}: {change}."
    )
