"""The candidates for a cluster's missing roles, ranked: each first gets a cheap upper bound of its
score, and only those whose bound can still reach the top are scored in full (CandidateScore)."""

from __future__ import annotations

from collections import Counter

from graph.facts import AnalysisFacts, CommonPartner
from ontology.models import ModelSpec
from ontology.names import Label, RoleId
from queries.cluster_context import ClusterContext
from queries.findings import Recommendation
from queries.gaps import INACTIVE, GapOptions
from queries.recommend.candidate import CandidateScore
from queries.recommend.history import History
from queries.recommend.target import Target
from queries.scoring import Weights, proximity

# Candidates scored in full at a time: big enough to rarely need a second round trip.
FULL_SCORING_BATCH = 25


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
    labels = sorted({label for role in missing for label in roles[role].labels} - {Label.Company})
    kinds = list(facts.actor_kinds(labels).items())
    if RoleId.multinational in missing:
        multinational = roles[RoleId.multinational].filled_by_size
        kinds += facts.actor_kinds([Label.Company], size=multinational).items()
    fills: dict[str, str] = {}
    for kind, ids in kinds:  # the fit depends on the kind only
        fitting = [r for r in missing if roles[r].filled_by(kind.label, kind.size)]
        if fitting and kind.status not in INACTIVE:
            fills.update(dict.fromkeys(ids, min(fitting, key=lambda r: (-spec.role_fit(r), r))))
    fills.pop(ctx.id, None)
    return fills, sorted({kind.label for kind, _ in kinds})
