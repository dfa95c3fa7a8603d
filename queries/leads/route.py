"""Route a lead found abroad to the Danish clusters that could be its landing base, best first.

Each active cluster is scored on four components, each in [0, 1] (README, "Leads"):
- `sector_match`: the lead's words against the cluster's strength position and work (profiles.py);
- `market_activity`: the cluster's work in the lead's market (an engagement there under the model
  the lead would start 1, under another model 0.75, a declared target market 0.5, a current
  partner present there 0.25);
- `finder_ties`: the recommender's trust between the cluster and the actor who found the lead
  (queries/recommend/history.py: engagements together, partnerships, agreements), changed by what
  became of that finder's earlier leads to the cluster (outcomes.py);
- `capacity`: the cluster's recorded experience under the model the lead would start (n
  engagements under it, n/(1+n)); the data holds no staff figures.
Clusters some of whose words meet the lead's come first, the more of its words they meet the
earlier (the score decides between equal matches); the others follow, marked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.facts import AnalysisFacts, Evidence
from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.cluster_context import ClusterContext
from queries.findings import ActorRef, FactProvenance
from queries.gaps.options import GapOptions, judging_day
from queries.ids import resolve_id
from queries.leads.contacts import contacts_by_partnership
from queries.leads.findings import (
    ContactPerson,
    LeadOutcome,
    LeadRoute,
    LeadRoutes,
    RouteContact,
)
from queries.leads.model_started import MODEL_FOR_SOUGHT
from queries.leads.outcomes import PastLead, learned_trust, past_leads
from queries.leads.profiles import Profile, lead_words, match, profile_of, word_weights
from queries.leads.services import services_for
from queries.recommend.history import History

WEIGHTS = {"sector_match": 4.0, "market_activity": 2.0, "finder_ties": 2.0, "capacity": 1.0}


def _ref(node_id: str, props: Mapping[str, Any] | None) -> ActorRef:
    name = str(props.get("name", node_id)) if props else node_id
    return ActorRef(id=node_id, name=name, type=load_schema().label_for_id(node_id))


def _ends(store: GraphStore, lead_id: str) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """{relationship type: the ids the lead points to}, and the properties of every node met."""
    sub = store.neighbourhood(lead_id, 1)
    ends: dict[str, list[str]] = {}
    for rel in sub.relationships:
        if rel.start == lead_id:
            ends.setdefault(rel.type, []).append(rel.end)
    return {k: sorted(v) for k, v in ends.items()}, sub.nodes


def route_lead(
    store: GraphStore, lead: str, as_of: dt.date | None = None, top: int | None = None
) -> LeadRoutes:
    """The lead's routes, best first (UnknownIdError for an unknown lead)."""
    lead_id = resolve_id(store, lead, "lead")
    props = store.get_node(lead_id) or {}
    ends, nodes = _ends(store, lead_id)
    finder = next(iter(ends.get(Rel.FOUND_BY, [])), None)
    market = next(iter(ends.get(Rel.FOUND_IN, [])), None)
    routed = next(iter(ends.get(Rel.ROUTED_TO, [])), None)
    started = MODEL_FOR_SOUGHT[str(props["sought"])]
    spec = load_catalogue().models[started.model]
    texts = {
        label: {node["id"]: node for node in store.nodes(label)}
        for label in (Label.Cluster, Label.Sector, Label.Engagement)
    }
    earlier = past_leads(store)
    words = lead_words(str(props.get("technology", "")))
    options = GapOptions(as_of=as_of or judging_day())
    with store.analysis_facts() as facts:
        country, where = _country(facts, market)
        contexts = _active_contexts(facts)
        profiles = {
            cid: profile_of(
                ctx.facts, texts[Label.Cluster][cid], texts[Label.Sector], texts[Label.Engagement]
            )
            for cid, ctx in contexts.items()
        }
        question = Question(
            lead_id,
            words,
            word_weights(words, profiles.values()),
            finder,
            str(nodes.get(finder, {}).get("name", finder)) if finder else "",
            market,
            country,
            where,
            started.model,
            earlier,
            options,
            contacts_by_partnership(store),
        )
        routes = [_route(ctx, profiles[cid], question) for cid, ctx in contexts.items()]
    ranked = _ranked(routes)
    return LeadRoutes(
        lead=lead_id,
        lead_name=str(props.get("name", lead_id)),
        technology=str(props.get("technology", "")),
        sought=str(props["sought"]),
        found_on=str(props.get("found_on", "")),
        found_by=_ref(finder, nodes.get(finder)) if finder else None,
        market=_ref(market, nodes.get(market)) if market else None,
        model=spec.id,
        model_name=spec.name,
        model_reason=f"It seeks {str(props['sought']).replace('-', ' ')}: {started.quote} "
        f"(the report, {started.section})",
        services=tuple(services_for(store, finder, str(props["sought"]))),
        outcome=LeadOutcome(
            cluster=_ref(routed, nodes.get(routed)) if routed else None,
            status=props.get("status") if routed else None,
            result=props.get("result") if routed else None,
        ),
        lead_provenance=FactProvenance(**{k: props.get(k) for k in FactProvenance.model_fields}),
        routes=tuple(ranked[:top] if top else ranked),
    )


def _country(facts: AnalysisFacts, market: str | None) -> tuple[str | None, str]:
    """The country the market lies in, and the market's name."""
    if market is None:
        return None, ""
    places = facts.places([market])
    place = places.get(market)
    country = place.country if place else None
    if country and country != market:
        places |= facts.places([country])
    name = (
        places[country].node.name if country in places else (place.node.name if place else market)
    )
    return country, name


def _active_contexts(facts: AnalysisFacts) -> dict[str, ClusterContext]:
    contexts = {}
    for node in facts.clusters():
        if node.props.get("status", "active") != "active":
            continue
        cluster = facts.cluster(node.id)
        if cluster is not None:
            contexts[node.id] = ClusterContext.build(facts, cluster)
    return contexts


@dataclass(frozen=True)
class Question:
    """What every cluster's route is scored against."""

    lead: str
    words: list[str]
    weights: Mapping[str, float]
    finder: str | None
    finder_name: str
    market: str | None
    country: str | None
    where: str  # the market's name
    model: str  # the model the lead would start
    earlier: list[PastLead]
    options: GapOptions
    contacts: Mapping[tuple[str, str], list[ContactPerson]]  # (cluster, partner) -> people


def _route(ctx: ClusterContext, profile: Profile, q: Question) -> LeadRoute:
    name = ctx.facts.node.name
    reasons: list[str] = []
    evidence: list[Evidence] = []
    # sector
    words_met = match(q.words, q.weights, profile)
    if words_met.in_strength:
        reasons.append(
            f"The lead's words {', '.join(words_met.in_strength)} meet its strength position."
        )
        evidence += profile.strength_evidence
    if words_met.in_work:
        named = ", ".join(f"«{ctx.name(e)}»" for e in words_met.work_met) or "its description"
        reasons.append(f"The lead's words {', '.join(words_met.in_work)} meet its work: {named}.")
        evidence += [profile.work_evidence[e] for e in words_met.work_met]
    if not words_met.in_strength and not words_met.in_work:
        reasons.append("None of the lead's words meet its strength position or its work.")
    # market
    market_value, market_reasons, market_evidence = _market_activity(ctx, q)
    reasons += market_reasons
    evidence += market_evidence
    # the finder
    ties, tie_reasons, tie_evidence = _finder_ties(ctx, q)
    reasons += tie_reasons
    evidence += tie_evidence
    # capacity
    under_model = ctx.engagements_under(q.model)
    capacity = len(under_model) / (1 + len(under_model))
    if under_model:
        reasons.append(
            f"It has {len(under_model)} engagement(s) under "
            f"{ctx.name(q.model)}, the model the lead would start."
        )
        evidence += [e.undertakes.evidence for e in under_model]
    components = {
        "sector_match": words_met.score,
        "market_activity": market_value,
        "finder_ties": ties,
        "capacity": capacity,
    }
    score = sum(WEIGHTS[k] * v for k, v in components.items()) / sum(WEIGHTS.values())
    return LeadRoute(
        cluster=ActorRef(id=ctx.id, name=name, type=Label.Cluster),
        rank=0,
        sector_match=words_met.score > 0,
        score=score,
        components=components,
        matched_words=words_met.in_strength + words_met.in_work,
        reasons=tuple(reasons),
        evidence=tuple(dict.fromkeys(sorted(evidence, key=lambda e: e.sort_key))),
        contact=_contact(ctx, q),
    )


def _market_activity(ctx: ClusterContext, q: Question) -> tuple[float, list[str], list[Evidence]]:
    market, country, model, where = q.market, q.country, q.model, q.where
    if market is None:
        return 0.0, [], []

    def there(place: str) -> bool:
        return place == market or (country is not None and ctx.country(place) == country)

    for wanted in (True, False):  # under the model first
        found = [
            e
            for e in ctx.facts.engagements
            if any(there(t.end) for t in e.targets) and (model in ctx.models_of(e)) == wanted
        ]
        if found:
            names = ", ".join(f"«{e.node.name}»" for e in found)
            how = "under the model the lead would start" if wanted else "under another model"
            return (
                1.0 if wanted else 0.75,
                [f"It works in {where} {how}: {names}."],
                [e.undertakes.evidence for e in found]
                + [t.evidence for e in found for t in e.targets if there(t.end)],
            )
    declared = [d for d in ctx.facts.declarations if there(d.end)]
    if declared:
        return 0.5, [f"It has declared {where} a target market."], [d.evidence for d in declared]
    present = [
        link
        for link in ctx.partnerships_on(q.options.as_of)
        if country in (ctx.partners[link.end].countries if link.end in ctx.partners else set())
    ]
    if present:
        names = ", ".join(ctx.name(link.end) for link in present[:3])
        return (
            0.25,
            [f"Its partners {names} are present in {where}."],
            [p.evidence for p in present],
        )
    return 0.0, [f"No work of it in {where} is recorded."], []


def _finder_ties(ctx: ClusterContext, q: Question) -> tuple[float, list[str], list[Evidence]]:
    finder, finder_name = q.finder, q.finder_name
    if finder is None:
        return 0.0, [], []
    past = History.of(ctx, q.options)
    trust = max(past.trust.get(finder, 0.0), past.agreement.get(finder, 0.0))
    reasons = [_about_the_cluster(r, finder_name) for r in past.reasons.get(finder, [])]
    trust, learned, evidence = learned_trust(trust, ctx.id, finder, finder_name, q.earlier, q.lead)
    if not reasons and not learned:
        reasons.append(f"No tie with {finder_name}, who found the lead, is recorded.")
    return trust, reasons + learned, list(past.evidence.get(finder, [])) + evidence


# The recommender's sentences speak to the cluster ("You worked with it ..."); a route is read by
# whoever holds the lead, so they are told of the cluster and name the finder.
_THIRD_PERSON = (
    ("You worked", "It worked"),
    ("You have", "It has"),
    ("You had", "It had"),
    ("Your agreement", "Its agreement"),
)


def _about_the_cluster(sentence: str, finder_name: str) -> str:
    for second, third in _THIRD_PERSON:
        if sentence.startswith(second):
            sentence = third + sentence[len(second) :]
    return sentence.replace(" with it", f" with {finder_name} (who found the lead)", 1)


def _contact(ctx: ClusterContext, q: Question) -> RouteContact:
    finder, finder_name = q.finder, q.finder_name
    cluster = ActorRef(id=ctx.id, name=ctx.facts.node.name, type=Label.Cluster)
    persons = tuple(q.contacts.get((ctx.id, finder), [])) if finder else ()
    tie = next(
        (link for link in ctx.partnerships_on(q.options.as_of) if link.end == finder),
        None,
    )
    via = (
        ActorRef(id=finder, name=finder_name, type=load_schema().label_for_id(finder))
        if finder
        else None
    )
    if persons:
        named = "; ".join(_person(p) for p in persons)
        return RouteContact(
            actor=cluster,
            via=via,
            contact_persons=len(persons),  # the named contacts win over a recorded number
            persons=persons,
            sentence=f"Hand it to {named}: the contact at {cluster.name} for {finder_name} "
            f"({persons[0].source}).",
        )
    if tie is None or finder is None:
        return RouteContact(
            actor=cluster,
            sentence=f"Hand it to {cluster.name}: the data names no contact person there for "
            f"{finder_name or 'the finder'}.",
        )
    count = tie.get("contact_persons")
    counted = f", which records {count} contact person(s)" if count else ""
    return RouteContact(
        actor=cluster,
        via=via,
        contact_persons=count,
        sentence=f"Hand it to the contact at {cluster.name} for {finder_name}, through their "
        f"{tie.get('kind') or 'informal'} partnership{counted} (names are not in the data).",
    )


def _person(person: ContactPerson) -> str:
    title = f", {person.job_title}" if person.job_title else ""
    email = f" <{person.email}>" if person.email else ""
    return f"{person.name}{title}{email}"


def _order(route: LeadRoute) -> tuple[bool, float, float]:
    """The lead's words decide: routes meeting them first, the more they meet the earlier; where
    they meet as much, the score (the cluster's market activity, ties to the finder, capacity)
    decides. bench/leads.py measured it (bench/RESULTS.md): ranked by the score alone, a
    cluster's recorded experience could put a cluster meeting the words only in its work before
    the one whose strength position they name."""
    return (not route.sector_match, -route.components["sector_match"], -route.score)


def _ranked(routes: list[LeadRoute]) -> list[LeadRoute]:
    """Routes in _order; equal ones share a rank, listed by name."""
    ordered = sorted(routes, key=lambda r: (*_order(r), r.cluster.name))
    ranked: list[LeadRoute] = []
    for position, route in enumerate(ordered, start=1):
        key = _order(route)
        previous = ranked[-1] if ranked else None
        same = previous is not None and _order(previous) == key
        rank = previous.rank if same and previous else position
        ranked.append(route.model_copy(update={"rank": rank, "tied": same}))
        if same and previous is not None and not previous.tied:
            ranked[-2] = previous.model_copy(update={"tied": True})
    return ranked
