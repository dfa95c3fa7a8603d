"""Recommend partners: who could fill the roles a cluster's work under a model still lacks,
ranked by a score whose components, reasons and evidence come with every candidate."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.facts import ActorFacts, AnalysisFacts, CommonPartner, Link
from graph.store import GraphStore
from ontology.models import ModelSpec
from queries.cluster_context import ClusterContext, with_countries
from queries.findings import ActorRef, Evidence, Progression, Recommendation, RecommendationResult
from queries.gaps import INACTIVE, GapOptions, model_gaps, sort_gaps
from queries.ids import qualified, resolve_id, resolve_model, unknown_id
from queries.requirements import progression, requirement
from queries.scoring import (
    AGREEMENT_VALUE,
    COMPONENTS,
    OUTCOME_TRUST,
    PARTNERSHIP_TRUST,
    Weights,
    proximity,
)
from queries.validity import AgreementState, agreement_state, is_in_force

DEFAULT_WEIGHTS = Weights()  # one instance, so its derived values are worked out once


def recommend_partners(
    store: GraphStore,
    cluster: str,
    model: str,
    market: str | None = None,
    top: int = 10,
    weights: Weights | None = None,
    options: GapOptions | None = None,
) -> RecommendationResult:
    """The top candidates for the roles missing from the cluster's work under the model (in the
    market, if given), with the gaps found there and the model progressions the report supports.
    Unknown ids raise queries.ids.UnknownIdError."""
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    weights, options = weights or DEFAULT_WEIGHTS, options or GapOptions()
    model_id = resolve_model(store, model)
    market_id = resolve_id(store, market, "country", "hotspot", "market") if market else None
    with store.analysis_facts() as facts:
        # Looked up with the rest of the cluster's facts: an id check of its own cost a round trip.
        cluster_facts = facts.cluster(qualified(cluster, "cluster"))
        if cluster_facts is None:
            raise unknown_id(store, cluster, "cluster")
        ctx = ClusterContext.build(facts, cluster_facts)
        if market_id:
            ctx.places.update(with_countries(facts, [market_id]))
        spec = ctx.catalogue.models[model_id]
        target = Target.of(ctx, model_id, market_id)
        missing = missing_roles(ctx, spec, target)
        ranked = rank_candidates(facts, ctx, spec, target, missing, weights, options, top)
        gaps = [
            gap
            for gap in model_gaps(facts, ctx, options, model_id)
            if target.includes(ctx, gap.market)
        ]
    return RecommendationResult(
        cluster=ActorRef(ctx.id, ctx.facts.node.name, "Cluster"),
        model=model_id,
        market=market_id,
        missing_roles=tuple(missing),
        gaps=tuple(sort_gaps(gaps)),
        recommendations=tuple(ranked),
        progressions=tuple(
            p
            for p in progressions(ctx, options)
            if model_id in (p.from_model, p.to_model) and target.includes(ctx, p.market)
        ),
    )


@dataclass(frozen=True)
class Target:
    """The markets the recommendation is for: the one asked for, else those the cluster aims at
    or works in under the model."""

    market: str | None
    countries: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)  # hotspots and markets by id

    @classmethod
    def of(cls, ctx: ClusterContext, model_id: str, market_id: str | None) -> Target:
        if market_id:
            places = {market_id}
        else:
            places = {d.end for d in ctx.facts.declarations if d.get("model") == model_id}
            for engagement in ctx.engagements_under(model_id):
                places |= {link.end for link in engagement.targets}
        countries = {c for p in places if (c := ctx.country(p)) is not None}
        return cls(market_id, frozenset(countries), frozenset(places))

    def includes(self, ctx: ClusterContext, place: str | None) -> bool:
        """Whether a finding about `place` concerns this target (all do when none was asked)."""
        if self.market is None:
            return True
        return place == self.market or (place is not None and ctx.country(place) in self.countries)


def missing_roles(ctx: ClusterContext, spec: ModelSpec, target: Target) -> list[str]:
    """The model's roles (required first) that the cluster's engagements under it in the target
    market do not involve; with no such engagement, those no partner of the cluster fills there."""
    country = next(iter(sorted(target.countries)), None) if target.market else None
    engagements = ctx.engagements_under(spec.id, country)
    covered = ctx.involved_roles(engagements) if engagements else ctx.partner_roles(country)
    return [
        role
        for role in (*spec.required, *spec.recommended)
        if role not in covered and not ctx.catalogue.roles[role].target_group
    ]


def rank_candidates(
    facts: AnalysisFacts,
    ctx: ClusterContext,
    spec: ModelSpec,
    target: Target,
    missing: list[str],
    weights: Weights,
    options: GapOptions,
    top: int,
) -> list[Recommendation]:
    """The top candidates, best first (ties by id), with the same result as scoring everyone.

    Scoring a candidate in full (where it is present, what it focuses on, the reasons and the
    evidence) is what costs, so candidates are first given a cheap upper bound of their score
    and scored in full in order of it, stopping once no bound left can reach the top.
    """
    fills, labels = candidate_roles(facts, ctx, spec, missing)
    candidates = set(fills)
    network = facts.partner_network()
    common = network.common_partners(ctx.id, list(fills))
    peers, adopters = network.peer_partnerships(ctx.id, list(fills))
    strengths = sorted({link.end for link in ctx.facts.strengths})
    countries, places = sorted(target.countries), sorted(target.places)
    in_market = facts.actors_near(labels, countries, places, []) & candidates
    # How many of the cluster's strengths each candidate focuses on: its exact sector match.
    sector_hits: Counter[str] = Counter()
    for strength in strengths:
        sector_hits.update(facts.actors_near(labels, [], [], [strength]) & candidates)
    past = History.of(ctx, options)
    fit = {role: spec.role_fit(role) for role in set(fills.values())}
    # Each component at its best, by candidate (absent: 0). All are exact but the market,
    # which is a superset.
    upper = {
        "role_fit": {actor_id: fit[role] for actor_id, role in fills.items()},
        "market_presence": dict.fromkeys(in_market, 1.0),
        "sector_match": {i: hits / len(strengths) for i, hits in sector_hits.items()},
        "network_proximity": {i: network_proximity(shared) for i, shared in common.items()},
        "peer_adoption": {i: len(adopting) / len(peers) for i, adopting in adopters.items()},
        "trust": past.trust,
        "agreement": past.agreement,
    }
    bounds = weights.scores(upper, fills)
    order = sorted(sorted(bounds), key=bounds.__getitem__, reverse=True)  # ties stay by id
    ranked: list[Recommendation] = []
    for start in range(0, len(order), max(top, FULL_SCORING_BATCH)):
        batch = order[start : start + max(top, FULL_SCORING_BATCH)]
        networked = {i: [p.id for p in common.get(i, [])] + adopters.get(i, []) for i in batch}
        links = facts.partnerships_between({i: ids for i, ids in networked.items() if ids})
        for actor in facts.actors(labels, batch):
            actor_id = actor.node.id
            scorer = CandidateScore(ctx, spec, target, options, actor, fills[actor_id])
            scorer.network(
                common.get(actor_id, []), peers, adopters.get(actor_id, []), links.get(actor_id, [])
            )
            scorer.history(past)
            ranked.append(scorer.recommendation(weights))
        ranked = sorted(ranked, key=_rank)[:top]
        following = start + len(batch)
        if following < len(order) and len(ranked) == top:
            # Every later candidate ranks at best as its bound: stop if that is below the last.
            best_left = (-bounds[order[following]], order[following])
            if best_left > _rank(ranked[-1]):
                break
    return ranked


# Candidates scored in full at a time: big enough to rarely need a second round trip.
FULL_SCORING_BATCH = 25


def network_proximity(common: list[CommonPartner]) -> float:
    """The network component: resource allocation over the shared partners, squashed."""
    return proximity([partner.degree for partner in common])[2]


def _rank(recommendation: Recommendation) -> tuple[float, str]:
    return (-recommendation.score, recommendation.actor.id)


def candidate_roles(
    facts: AnalysisFacts, ctx: ClusterContext, spec: ModelSpec, missing: list[str]
) -> tuple[dict[str, str], list[str]]:
    """Every active actor that could fill a missing role, with the role it fits best (required
    before recommended, then by id); and the labels they have."""
    roles = ctx.catalogue.roles
    # Companies come in only as multinationals (role:company is never recommended): list just
    # those, not every member company.
    labels = sorted({label for role in missing for label in roles[role].labels} - {"Company"})
    kinds = list(facts.actor_kinds(labels).items())
    if "role:multinational" in missing:
        kinds += facts.actor_kinds(["Company"], size="multinational").items()
    fills: dict[str, str] = {}
    for kind, ids in kinds:  # the fit depends on the kind only
        fitting = [r for r in missing if roles[r].filled_by(kind.label, kind.size)]
        if fitting and kind.status not in INACTIVE:
            fills.update(dict.fromkeys(ids, min(fitting, key=lambda r: (-spec.role_fit(r), r))))
    fills.pop(ctx.id, None)
    return fills, sorted({kind.label for kind, _ in kinds})


class CandidateScore:
    """The components of one candidate's score, with a reason and the evidence for each."""

    def __init__(
        self,
        ctx: ClusterContext,
        spec: ModelSpec,
        target: Target,
        options: GapOptions,
        actor: ActorFacts,
        role: str,
    ) -> None:
        self.ctx, self.options, self.actor, self.role = ctx, options, actor, role
        self.components = dict.fromkeys(COMPONENTS, 0.0)
        self.components["role_fit"] = spec.role_fit(role)
        self.signals: dict[str, float] = {}
        need = "requires" if role in spec.required else "recommends"
        self.reasons = [f"Fills the role {ctx.name(role)}, which {spec.name} {need}."]
        self.evidence: list[Evidence] = [requirement(spec, role)]
        self._market(target)
        self._sectors()

    def _market(self, target: Target) -> None:
        chains = [
            chain
            for chain in self.actor.presence
            if chain[-1].end in target.countries or chain[0].end in target.places
        ]
        if chains:
            self.components["market_presence"] = 1.0
            where = sorted({self.ctx.name(chain[-1].end) for chain in chains})
            self.reasons.append(f"Present in {', '.join(where)}, your target market.")
            self.evidence += [link.evidence for link in chains[0]]

    def _sectors(self) -> None:
        strengths = {link.end: link for link in self.ctx.facts.strengths}
        matching = [link for link in self.actor.focus if link.end in strengths]
        if strengths and matching:
            self.components["sector_match"] = len({link.end for link in matching}) / len(strengths)
            sectors = ", ".join(sorted(self.ctx.name(link.end) for link in matching))
            self.reasons.append(f"Its focus includes {sectors}, your strength position.")
            self.evidence += [strengths[link.end].evidence for link in matching]
            self.evidence += [link.evidence for link in matching]

    def network(
        self, common: list[CommonPartner], peers: list[str], adopters: list[str], links: list[Link]
    ) -> None:
        """Shared partners and similar clusters partnering with it; `links` are its
        partnerships with both, the evidence."""
        ra, aa, squashed = proximity([partner.degree for partner in common])
        self.signals.update(common_partners=len(common), resource_allocation=ra, adamic_adar=aa)
        self.components["network_proximity"] = squashed
        if common:
            names = _listing([self.ctx.name(partner.id) for partner in common])
            verb = "works" if len(common) == 1 else "work"
            self.reasons.append(f"{len(common)} of your partners already {verb} with it ({names}).")
            for partner in common:
                own = [link for link in self.ctx.facts.partnerships if link.end == partner.id]
                theirs = [link for link in links if link.end == partner.id]
                self.evidence += [link.evidence for link in own[:1] + theirs[:1]]
        self.signals.update(similar_clusters=len(peers), similar_clusters_partnering=len(adopters))
        if peers and adopters:
            self.components["peer_adoption"] = len(adopters) / len(peers)
            self.reasons.append(
                f"{len(adopters)} of {len(peers)} clusters with your strength position "
                f"already partner with it."
            )
            self.evidence += [link.evidence for link in links if link.end in adopters]

    def history(self, past: History) -> None:
        """Trust from engagements and partnerships with the cluster; the agreements it has."""
        actor_id = self.actor.node.id
        self.components["trust"] = past.trust.get(actor_id, 0.0)
        self.components["agreement"] = past.agreement.get(actor_id, 0.0)
        self.signals["past_engagements"] = past.engagements[actor_id]
        self.reasons += past.reasons.get(actor_id, [])
        self.evidence += past.evidence.get(actor_id, [])

    def recommendation(self, weights: Weights) -> Recommendation:
        unique = {fact.sort_key: fact for fact in self.evidence}
        node = self.actor.node
        return Recommendation(
            actor=ActorRef(node.id, node.name, node.label),
            fills_role=self.role,
            score=weights.score(self.components),
            components=dict(sorted(self.components.items())),
            reasons=tuple(self.reasons),
            evidence=tuple(unique.values()),
            signals=dict(sorted(self.signals.items())),
        )


@dataclass
class History:
    """What the cluster has done with each actor, read once for all candidates: the trust its
    engagements and partnerships built, the value of its agreements, and why."""

    trust: dict[str, float] = field(default_factory=dict)
    agreement: dict[str, float] = field(default_factory=dict)
    engagements: Counter[str] = field(default_factory=Counter)
    reasons: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: defaultdict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, ctx: ClusterContext, options: GapOptions) -> History:
        past = cls()
        for engagement in ctx.facts.engagements:
            outcome = engagement.node.props.get("outcome") or "unknown"
            first: dict[str, Link] = {}
            for link in engagement.involves:
                first.setdefault(link.end, link)
            for actor_id, involves in first.items():
                past._raise(past.trust, actor_id, OUTCOME_TRUST.get(outcome, 0.5))
                past.engagements[actor_id] += 1
                past.reasons[actor_id].append(
                    f"You worked with it in «{engagement.node.name}» ({outcome})."
                )
                past.evidence[actor_id] += [engagement.undertakes.evidence, involves.evidence]
        for link in ctx.facts.partnerships:
            kind = link.get("kind") or "informal"
            past._raise(past.trust, link.end, PARTNERSHIP_TRUST.get(kind, 0.25))
            past.reasons[link.end].append(f"You already have a {kind} partnership with it.")
            past.evidence[link.end].append(link.evidence)
        for agreement in ctx.facts.agreements:
            first = {}
            for link in agreement.parties:
                first.setdefault(link.start, link)
            state = agreement_state(
                agreement.node.props, options.as_of, options.expiry_horizon_days
            )
            sentence = _agreement_sentence(state, agreement.node.props.get("valid_until"))
            for actor_id, party in first.items():
                past._raise(past.agreement, actor_id, AGREEMENT_VALUE[state])
                past.reasons[actor_id].append(
                    f"Your agreement «{agreement.node.name}» with it {sentence}."
                )
                past.evidence[actor_id].append(party.evidence)
        return past

    @staticmethod
    def _raise(values: dict[str, float], actor_id: str, value: float) -> None:
        values[actor_id] = max(values.get(actor_id, 0.0), value)


def _agreement_sentence(state: AgreementState, ends: dt.date | None) -> str:
    """How an agreement in this state reads in a reason."""
    if state == AgreementState.VALID:
        return "is valid" + (f" until {ends.isoformat()}" if ends else "")
    if state == AgreementState.EXPIRING and ends is not None:
        return f"is valid until {ends.isoformat()}, which is soon"
    return {
        AgreementState.PLANNED: "is planned",
        AgreementState.UNKNOWN: "has no recorded status",
    }.get(state, "has ended")


def progressions(ctx: ClusterContext, options: GapOptions) -> list[Progression]:
    """Successful short tests that the report's logic would grow into a long-term model, where
    the cluster has no such work or valid agreement in that market yet."""
    found = []
    for engagement in ctx.facts.engagements:
        if engagement.node.props.get("outcome") != "successful":
            continue
        market = ctx.primary_market(engagement)
        country = ctx.country(market) if market else None
        partners = {link.end for link in engagement.involves}
        for from_model in ctx.models_of(engagement):
            to_model = ctx.catalogue.models[from_model].leads_to
            if to_model is None or market is None or ctx.engagements_under(to_model, country):
                continue
            if any(
                is_in_force(a.node.props, options.as_of)
                and ctx.agreement_covers(a, to_model, country, set())
                for a in ctx.facts.agreements
            ):
                continue
            to_spec = ctx.catalogue.models[to_model]
            carried = [ActorRef(i, ctx.name(i), ctx.facts.nodes[i].label) for i in sorted(partners)]
            roles = _listing([ctx.name(role) for role in to_spec.required])
            found.append(
                Progression(
                    from_model=from_model,
                    to_model=to_model,
                    market=market,
                    engagement=engagement.node.id,
                    partners=tuple(carried),
                    needs_agreement=(
                        f"a formal agreement (MoU or strategic agreement) binding you and "
                        f"partners in the roles {roles}"
                    ),
                    sentence=(
                        f"«{engagement.node.name}» succeeded under {ctx.name(from_model)} in "
                        f"{ctx.name(market)}: build on it with {to_spec.name}, carrying over "
                        f"{_listing([p.name for p in carried]) or 'its partners'} and "
                        "formalising it in an agreement."
                    ),
                    evidence=(
                        engagement.undertakes.evidence,
                        *(link.evidence for link in engagement.models),
                        progression(from_model, to_model),
                    ),
                )
            )
    return found


def _listing(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")
