"""The candidates for the requirements a cluster's work does not meet, gated and ranked.

The gate: an active actor that fills one of the model's requirements' roles and, for a role
exercised abroad, is present in the target market (a foreign actor in a role exercised either
way too). The rank: candidates for an unmet required requirement first, then every other by
its score (which weighs a role the model requires above one it recommends), then the
documented tie-breaks. Scoring in full (the reasons and evidence) is what costs, so every
candidate first gets a cheap upper bound of its score and only those whose bound can still reach
the top are scored in full, and of those tied with the last of the top only those whose facts
and name could still put them ahead: the same ranking as scoring everyone. Those whose one
reason is a single network signal (thousands at scale) are not even bounded unless a top could
be theirs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from graph.facts import ActorFacts, ActorKind, AnalysisFacts
from ontology.models import ModelSpec, Requirement
from ontology.names import Label
from queries.cluster_context import ClusterContext
from queries.findings import Recommendation
from queries.gaps import INACTIVE, GapOptions
from queries.needs import HOME_COUNTRY, NeedStatus
from queries.recommend.candidate import (
    FUNDING,
    REGIONAL,
    CandidateScore,
    evidence_bound,
    is_sourced,
    serves_cluster,
)
from queries.recommend.history import History
from queries.recommend.target import Target
from queries.scoring import COMPONENTS, Weights, adoption, squashed

# How many of each role head the answer, before every other by rank: two of a role the model
# requires ("kræver"), one of a role it recommends ("kan"), so the head shows each kind the model
# names without pushing a better candidate for a required role below the optional ones.
PER_REQUIRED_ROLE = 2
PER_RECOMMENDED_ROLE = 1
HEADQUARTERS = "headquarters"  # the Trade Council's scope at home (ontology: tradeCouncilScope)
# Off: every candidate whose bound reaches the last of a top is scored, even one whose facts
# and name could not put it ahead (tests/integration/test_recommend_search.py compares the two).
TIES_PRUNED = True
# Off: the candidates with one network signal are bounded and ordered with the rest from the
# start (tests/integration/test_recommend_search.py compares the two).
WEAK_HELD_BACK = True


# One for each kind of fill, shared by its candidates: hashed and compared by identity (fast).
@dataclass(frozen=True, eq=False)
class Fill:
    """What a candidate would bring: the requirement (and its role) it meets."""

    need: Requirement
    role: str
    met: bool  # the requirement is met already: the candidate would add to it
    label: str
    exercised_at: str  # where the role is exercised: home, abroad or either

    @property
    def tier(self) -> int:
        """An unmet required requirement is what the model cannot do without: its candidates
        come first; every other candidate is ranked by its score."""
        return 0 if self.need.required and not self.met else 1


def rank_candidates(
    facts: AnalysisFacts,
    ctx: ClusterContext,
    spec: ModelSpec,
    target: Target,
    statuses: list[NeedStatus],
    weights: Weights,
    options: GapOptions,
    top: int,
) -> list[Recommendation]:
    """The top candidates, best first, with ranks that show ties."""
    # The kinds of fill are few and each is shared by many candidates: what depends only on
    # the fill is worked out once for each, not once for each of thousands of candidates.
    by_fill, labels = candidate_fills(facts, ctx, target, statuses)
    candidates = set().union(*by_fill.values())
    network = facts.partner_network(options.as_of)
    common = network.common_partner_counts(ctx.id, candidates)
    peers = network.peers(ctx.id)
    adopters = network.adopter_counts(peers, candidates)
    strengths = sorted({link.end for link in ctx.facts.strengths})
    countries, places = sorted(target.countries), sorted(target.places)
    in_market = facts.actors_near(labels, countries, places, [], among=candidates)
    # In the hotspot asked for counts fully, elsewhere in its country half (CandidateScore
    # _market): a place's own area is who is IN_HOTSPOT there, a presence chain's first step.
    in_area = facts.actors_near(labels, [], places, [], among=candidates) if places else set()
    elsewhere = 0.5 if target.hotspots else 1.0
    sector_hits: Counter[str] = Counter()  # how many of the cluster's strengths each focuses on
    for strength in strengths:
        sector_hits.update(facts.actors_near(labels, [], [], [strength], among=candidates))
    past = History.of(ctx, options)
    funders = facts.funders_by_model().get(spec.id, {})
    # Home fit is for a regional actor (if it serves the cluster's city) or a funder of such work.
    at_home: set[str] = set()
    for fill, ids in by_fill.items():
        if ctx.catalogue.roles[fill.role].exercised_at == "abroad":
            continue
        if fill.label in REGIONAL:
            at_home.update(ids)
        elif fill.label in FUNDING:
            at_home.update(funders.keys() & ids)
    # Each component but the network's and the role's at its best, by candidate (absent: 0);
    # home fit is a superset.
    upper = {
        "market_presence": {i: 1.0 if i in in_area else elsewhere for i in in_market},
        "home_fit": dict.fromkeys(at_home, 1.0),
        "sector_match": {i: hits / len(strengths) for i, hits in sector_hits.items()},
        "trust": past.trust,
        "agreement": past.agreement,
    }
    # A candidate needs a reason beyond its role (see relevant): those with none at best go now.
    hopeful = candidates & set().union(*upper.values(), common, adopters)
    # At scale thousands of them are there only for one partner (often a hub) they share with
    # the cluster, or for one similar cluster partnering with them: held back, bounded and
    # ordered only if the search cannot show that none of them could enter the answer
    # (Search.held_back).
    held_back = _barely_networked(hopeful, upper, common, adopters) if WEAK_HELD_BACK else set()
    hopeful_by_fill = {fill: of_fill for fill, ids in by_fill.items() if (of_fill := ids & hopeful)}
    fills: dict[str, Fill] = {}  # each bounded candidate's fill

    def score(batch: list[str]) -> list[CandidateScore]:
        shared = {i: network.common_partners(ctx.id, i) for i in batch if i in common}
        adopting = {i: network.adopters(peers, i) for i in batch if i in adopters}
        networked = {i: [p.id for p in shared.get(i, [])] + adopting.get(i, []) for i in batch}
        links = facts.partnerships_between({i: ids for i, ids in networked.items() if ids})
        found = []
        for actor in facts.actors(labels, batch):
            actor_id, fill = actor.node.id, fills[actor.node.id]
            scorer = CandidateScore(
                ctx, spec, target, options, actor, fill.need, fill.role, fill.met
            )
            scorer.home(funders.get(actor_id, []))
            scorer.network(
                shared.get(actor_id, []),
                len(peers),
                adopting.get(actor_id, []),
                links.get(actor_id, []),
            )
            scorer.history(past)
            found.append(scorer.ranked(weights))
        return [scored for scored in found if relevant(scored)]

    scored_once = _scored_once(score)  # the same in both searches: none is scored twice
    fallen: dict[str, list[CandidateScore]] = {}
    for need in _unfilled(statuses, by_fill):
        for actor in fallbacks(facts, ctx, need):
            role = fallback_role(ctx, need)
            scorer = CandidateScore(ctx, spec, target, options, actor, need, role)
            scorer.as_fallback(target)
            scorer.history(past)
            fallen.setdefault(role, []).append(scorer.ranked(weights))
    head_sizes = head_sizes_by_role(by_fill)

    # Each candidate's rank_at_best, once: the heads' searches, the rest's and a second search
    # meet the same ties.
    best_ranks: dict[str, tuple[object, ...]] = {}
    # What a second search keeps of the first (each candidate's own): each one's role fit, its
    # network components at best and its bound, and each (role, tier)'s candidates in order.
    role_fit: dict[str, float] = {}
    networked: dict[str, dict[str, float]] = {"network_proximity": {}, "peer_adoption": {}}
    at_most = upper | networked | {"role_fit": role_fit}
    bounds: dict[str, float] = {}
    groups: dict[tuple[str, int], list[str]] = {}

    def answer(among: set[str], added: set[str]) -> list[CandidateScore]:
        """The answer from the candidates `among` the hopeful (`added` to them since the last
        search: all at first): raises HeldBackCouldEnter unless it is the answer from all of
        them."""
        # Each one's fill and its role fit, and each (role, tier)'s candidates, for them only
        # (a group of only those held back is there, empty): a fill's candidates at once, in C.
        holding: dict[tuple[str, int], float] = {}  # the most one held back could score
        grown: set[tuple[str, int]] = set()  # groups with candidates added
        for fill, of_hopeful in hopeful_by_fill.items():
            order = groups.setdefault(group := (fill.role, fill.tier), [])
            if len(of_hopeful & among) < len(of_hopeful):
                at_most_held = _floor(weights, fill.need.required)
                holding[group] = max(at_most_held, holding.get(group, at_most_held))
            if not (new := of_hopeful & added):
                continue
            fills.update(dict.fromkeys(new, fill))
            role_fit.update(dict.fromkeys(new, 1.0 if fill.need.required else 0.5))
            order.extend(new)
            grown.add(group)
        networked["network_proximity"].update(
            {i: squashed(common[i]) for i in added.intersection(common)}
        )
        networked["peer_adoption"].update(
            {i: adoption(adopters[i]) for i in added.intersection(adopters)}
        )
        bounds.update(weights.scores(at_most, added))
        other = other_sector(facts, by_fill, strengths, sector_hits, among)
        # Each (role, tier)'s candidates, in the order the search walks them.
        for group in grown:
            _by_bound(groups[group], bounds, other)

        def could_beat(batch: list[str], last: CandidateScore) -> list[str]:
            """Those of the batch who could still rank above `last`: each at its best, its bound
            for a score and its evidence_bound for the facts it cites (what decides a tie)."""
            if not TIES_PRUNED:
                return batch
            if unknown := [i for i in batch if i not in best_ranks]:
                for actor in facts.actors(labels, unknown):
                    best_ranks[actor.node.id] = rank_at_best(actor)
            beaten = rank_key(last)
            return [i for i in batch if i in best_ranks and best_ranks[i] < beaten]

        def rank_at_best(actor: ActorFacts) -> tuple[object, ...]:
            """rank_key's fields at the actor's best: its bound for a score, the most facts it
            can cite (see CandidateScore.ranked)."""
            i, node = actor.node.id, actor.node
            cited = evidence_bound(
                ctx,
                actor,
                target,
                len(funders.get(i, [])),
                common.get(i, 0),
                adopters.get(i, 0),
                len(past.evidence.get(i, [])),
            )
            best = bounds[i]
            if node.label in REGIONAL and i in at_home and not serves_cluster(ctx, actor):
                # Its bound assumed home fit (any regional actor at home might serve the
                # cluster's city): now it is known not to.
                its = {name: of.get(i, 0.0) for name, of in at_most.items()}
                best = weights.score(its | {"home_fit": 0.0})
            unsourced = not is_sourced(node)
            return (fills[i].tier, False, i in other, -best, unsourced, -cited, node.name, i)

        search = Search(bounds, other, scored_once, could_beat, holding)
        return diversified(groups, fallen, search, top, head_sizes)

    among = added = hopeful - held_back
    while True:
        try:
            return with_ranks(answer(among, added))
        except HeldBackCouldEnter as short:  # the search again, with those of these groups
            raised = [
                ids
                for fill, ids in hopeful_by_fill.items()
                if (fill.role, fill.tier) in short.groups
            ]
            added = set().union(*(ids & held_back for ids in raised)) - among
            among = among | added


def head_sizes_by_role(fills: Iterable[Fill]) -> dict[str, int]:
    """How many of each role head the answer: a role of a required requirement is required."""
    sizes: dict[str, int] = {}
    for fill in fills:
        size = PER_REQUIRED_ROLE if fill.need.required else PER_RECOMMENDED_ROLE
        sizes[fill.role] = max(size, sizes.get(fill.role, 0))
    return sizes


@dataclass(frozen=True)
class Search:
    """What the bounded search (_best_of) needs: each candidate's bound, those of another
    sector, how to score a batch, and which of a batch could still beat the last of a top."""

    bounds: dict[str, float]
    other: set[str]
    score: Callable[[list[str]], list[CandidateScore]]
    could_beat: Callable[[list[str], CandidateScore], list[str]]
    # By (role, tier), the most a candidate of it held back from the search could score.
    held_back: Mapping[tuple[str, int], float] = field(default_factory=dict)


class HeldBackCouldEnter(Exception):
    """A top of the search is not full, or its last does not rank above every candidate held
    back could: the search is run again with those of its (role, tier) groups."""

    def __init__(self, groups: list[tuple[str, int]]) -> None:
        super().__init__(groups)
        self.groups = groups


def diversified(
    groups: dict[tuple[str, int], list[str]],
    fallen: dict[str, list[CandidateScore]],
    search: Search,
    top: int,
    head_sizes: dict[str, int],
) -> list[CandidateScore]:
    """The answer a cluster manager reads: the candidates for unmet required requirements
    first; within them and within the rest, the best of each role first (as many as
    `head_sizes` says, see PER_REQUIRED_ROLE), by rank, so the head shows each kind of partner
    the model names, and after that every other by rank.

    `groups`: each (role, tier)'s candidates in order (see _by_bound); `fallen`: each role's
    fallbacks (for required requirements only), scored. Only what can enter the answer is
    scored: each role's head, then the best of all the roles' other candidates together, as
    many as places are left."""
    answer: list[CandidateScore] = []
    for tier in (0, 1):
        places = top - len(answer)
        if places <= 0:
            break
        orders = {role: ids for (role, of_tier), ids in groups.items() if of_tier == tier}
        spare = {role: [c for c in scored if c.tier == tier] for role, scored in fallen.items()}
        heads: list[CandidateScore] = []
        rest_fallen: list[CandidateScore] = []
        rest_ids: list[str] = []
        for role in sorted(orders.keys() | {role for role, scored in spare.items() if scored}):
            order = orders.get(role, [])
            # Fallbacks rank after every candidate of their tier: the head is the role's best.
            size = head_sizes.get(role, PER_REQUIRED_ROLE)  # a fallback's role is required
            own = _best_of(order, search, size, (role, tier)) + spare.get(role, [])
            head = sorted(own, key=rank_key)[:size]
            heads += head
            taken = {c.actor.node.id for c in head if not c.fallback}
            rest_ids += [i for i in order if i not in taken]
            rest_fallen += [c for c in spare.get(role, []) if all(c is not h for h in head)]
        rest: list[CandidateScore] = []
        if (left := places - len(heads)) > 0:
            _by_bound(rest_ids, search.bounds, search.other)
            rest = _best_of(rest_ids, search, left, *((role, tier) for role in orders))
            rest += rest_fallen
        answer += sorted(heads, key=rank_key) + sorted(rest, key=rank_key)
    return answer[:top]


def _best_of(
    order: list[str], search: Search, top: int, *groups: tuple[str, int]
) -> list[CandidateScore]:
    """The top of the candidates in `order` (of another sector last, then by bound), the same
    as scoring all of them: each later candidate scores at most its bound, so
    once it would rank below the last of the top even at its bound, none can enter it. A batch
    ends there too: the last of the top only gets better as more are scored. Within it, only
    those who could still beat the last are scored: where hundreds tie at the last's score,
    the facts each could cite and its name decide, not a score. A top that a candidate held
    back from the search (Search.held_back) of one of these `groups` could enter raises
    HeldBackCouldEnter."""

    def at_best(actor_id: str) -> tuple[bool, float]:
        return actor_id in search.other, -search.bounds[actor_id]

    scored: list[CandidateScore] = []
    start, step = 0, top  # often the first `top` are the top: nothing else can reach it
    reach = len(order)  # who may still enter the top: everyone, until there is a top
    last: CandidateScore | None = None
    while start < reach:
        end = min(start + step, reach)
        batch = order[start:end]
        scored += search.score(batch if last is None else search.could_beat(batch, last))
        ranked = sorted(scored, key=rank_key)[:top]
        start, step = end, step * 2  # where many tie at the boundary: few batches
        if len(ranked) == top:
            last = ranked[-1]
            reach = bisect_right(order, (last.other_sector, -last.score), start, reach, key=at_best)
    best = sorted(scored, key=rank_key)[:top]
    holding = [group for group in groups if group in search.held_back]
    if holding and not _above_floor(best, top, max(search.held_back[g] for g in holding)):
        raise HeldBackCouldEnter(holding)
    return best


def _above_floor(best: list[CandidateScore], top: int, floor: float) -> bool:
    """Whether no candidate held back (of the same tier, scoring at most `floor`) could enter
    this top: it is full and its last scores above the floor, of the cluster's sectors (one of
    another sector would rank after a held-back one of any score)."""
    return len(best) == top and not best[-1].other_sector and best[-1].score > floor


def _barely_networked(
    hopeful: set[str],
    upper: dict[str, dict[str, float]],
    common: Counter[str],
    adopters: Counter[str],
) -> set[str]:
    """The hopeful whose one reason beyond their role is a single partner shared with the
    cluster or a single similar cluster partnering with them (not both)."""
    shared_once = {i for i, n in common.items() if n == 1}.difference(adopters)
    adopted_once = {i for i, n in adopters.items() if n == 1}.difference(common)
    return (shared_once | adopted_once).intersection(hopeful).difference(*upper.values())


def _floor(weights: Weights, required: bool) -> float:
    """The most a candidate _barely_networked can score: its role (of a requirement the model
    requires or recommends) and one signal."""
    nothing = dict.fromkeys(COMPONENTS, 0.0) | {"role_fit": 1.0 if required else 0.5}
    return max(
        weights.score(nothing | {"network_proximity": squashed(1)}),
        weights.score(nothing | {"peer_adoption": adoption(1)}),
    )


def _by_bound(ids: list[str], bounds: dict[str, float], other: set[str]) -> None:
    """In the order the bounded search walks (see _best_of): of another sector last, then by
    bound, then by id, sorted stably on keys Python compares without calling back into Python."""
    ids.sort()
    ids.sort(key=bounds.__getitem__, reverse=True)  # stable, even reversed
    ids.sort(key=other.__contains__)


def _scored_once(
    score: Callable[[list[str]], list[CandidateScore]],
) -> Callable[[list[str]], list[CandidateScore]]:
    """`score`, remembering each candidate's score (None: not relevant), so the heads' search
    and the rest's never score one twice."""
    known: dict[str, CandidateScore | None] = {}

    def once(batch: list[str]) -> list[CandidateScore]:
        if new := [i for i in batch if i not in known]:
            found = {c.actor.node.id: c for c in score(new)}
            known.update((i, found.get(i)) for i in new)
        return [c for i in batch if (c := known[i]) is not None]

    return once


def other_sector(
    facts: AnalysisFacts,
    by_fill: dict[Fill, AbstractSet[str]],
    strengths: list[str],
    hits: Counter[str],
    among: set[str],
) -> set[str]:
    """The candidates (of those `among`) needs.off_sector rules another sector's, from who
    focuses on what (so the bounded search knows them before scoring): foreign clusters with a
    recorded sector and none of the cluster's strength positions."""
    if not strengths:
        return set()
    foreign = {
        i
        for fill, ids in by_fill.items()
        if fill.label == Label.ForeignCluster
        for i in ids & among
        if not hits[i]
    }
    if not foreign:
        return foreign
    return foreign & facts.derived(("foreign clusters with a sector",), lambda: _with_sector(facts))


def _with_sector(facts: AnalysisFacts) -> frozenset[str]:
    sectors = [actor.node.id for actor in facts.actors([Label.Sector])]
    return frozenset(facts.actors_near([Label.ForeignCluster], [], [], sectors))


def relevant(candidate: CandidateScore) -> bool:
    """Filling a role is not enough: a partner is recommended for something more (its presence
    in the market, its fit at home, its sectors, its network, or past work with the cluster)."""
    return any(v for name, v in candidate.components.items() if name != "role_fit")


def _unfilled(statuses: list[NeedStatus], fills: Iterable[Fill]) -> list[Requirement]:
    """Unmet required requirements no one passing the gate can meet."""
    met = {fill.need.id for fill in fills}
    return [s.need for s in statuses if s.short_by and s.need.required and s.need.id not in met]


def fallbacks(facts: AnalysisFacts, ctx: ClusterContext, need: Requirement) -> list[ActorFacts]:
    """What the report offers where no partner is present: the Trade Council, whose
    headquarters route a cluster to the representation covering a market (103 representations
    in more than 70 countries, section "Sammenhængskraft mellem internationaliseringsaktørerne")."""
    if not any(Label.TradeCouncil in ctx.catalogue.roles[r].labels for r in need.roles):
        return []
    return [
        actor
        for actor in facts.actors([Label.TradeCouncil])
        if actor.node.props.get("scope") == HEADQUARTERS
        and actor.node.props.get("status") not in INACTIVE
    ]


def fallback_role(ctx: ClusterContext, need: Requirement) -> str:
    return next(r for r in need.roles if Label.TradeCouncil in ctx.catalogue.roles[r].labels)


def candidate_fills(
    facts: AnalysisFacts, ctx: ClusterContext, target: Target, statuses: list[NeedStatus]
) -> tuple[dict[Fill, AbstractSet[str]], list[str]]:
    """Every active actor that passes the gate for a requirement (unmet required ones first, met
    ones last), by the requirement and role it meets; and the labels they have."""
    roles = ctx.catalogue.roles
    short = {s.need.id: bool(s.short_by) for s in statuses}
    wanted = [
        (s.need, roles[r]) for s in statuses for r in s.need.roles if not roles[r].target_group
    ]
    labels = sorted({label for _, role in wanted for label in role.labels} - {Label.Company})
    kinds = list(facts.actor_kinds(labels).items())
    for size in sorted({r.filled_by_size for _, r in wanted if r.filled_by_size}):
        kinds += facts.actor_kinds([Label.Company], size=size).items()
    all_labels = sorted({kind.label for kind, _ in kinds})
    markets, hotspots = sorted(target.countries), sorted(target.places)
    area: set[str] = set()  # of the candidates, those in the hotspot asked for, if one is
    already = {p for s in statuses for p in s.partners} | {ctx.id}
    wanted.sort(key=lambda p: (not short[p[0].id], not p[0].required, p[0].id))
    # Each fill's candidates in the parts the gate split them into (see Part), not yet joined:
    # at scale a part is tens of thousands, and the area rule below keeps few of some.
    passes: dict[Fill, list[Part]] = {}
    for kind, ids in kinds:
        # Each actor meets the first requirement (in that order) whose role its kind fills and
        # whose gate it passes: one Fill for all of a kind who pass the same way.
        options = [
            Fill(need, role.id, not short[need.id], kind.label, role.exercised_at)
            for need, role in wanted
            if role.filled_by(kind.label, kind.size)
        ]
        if kind.status in INACTIVE or not options:
            continue
        # A hotspot asked for is its own area first: its country only for the roles no one
        # there fills.
        if hotspots:
            area |= facts.actors_near([kind.label], [], hotspots, [], among=ids)
        if not markets:
            passes[options[0]] = [Part(ids, frozenset())]
            continue
        # Those present in the market pass every gate, those at home the gates of roles
        # exercised at home or either way, everyone else only those exercised at home.
        in_denmark, abroad = _in_and_out_of_denmark(facts, kind, ids)
        if options[0].exercised_at == "home":  # every one of the kind passes its gate
            passes[options[0]] = [Part(ids, in_denmark)]
            continue
        there = _of_kind_in(facts, kind, ids, markets)
        at_home = in_denmark if there.isdisjoint(in_denmark) else in_denmark - there
        for fill, part in (
            (options[0], Part(there, in_denmark)),
            (_first(options, ("home", "either")), Part(at_home, at_home)),
            (_first(options, ("home",)), Part(abroad - there, frozenset())),
        ):
            if fill and part.ids:
                passes.setdefault(fill, []).append(part)
    if area:  # before the cluster's partners leave: one of them in the area serves it too
        home_roles = {r.id for _, r in wanted if r.exercised_at == "home"}
        passes = _area_first(passes, area, home_roles)
    by_fill = {
        fill: parts[0].ids if len(parts) == 1 else frozenset().union(*(p.ids for p in parts))
        for fill, parts in passes.items()
    }
    return _without(by_fill, already), all_labels


@dataclass(frozen=True)
class Part:
    """Some of a fill's candidates, as the gate split a kind: those in the market, those at
    home, the rest (or all of a kind, with no market); `at_home`: those of the kind present in
    Denmark, as far as the area rule needs them (all of this part's, or none, or the kind's)."""

    ids: AbstractSet[str]
    at_home: AbstractSet[str]


def _in_and_out_of_denmark(
    facts: AnalysisFacts, kind: ActorKind, ids: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Of a kind's actors, those present in Denmark and the others: the gate's split at home,
    the same for every question (kept with the graph: at scale a kind is tens of thousands)."""

    def split() -> tuple[frozenset[str], frozenset[str]]:
        in_denmark = frozenset(facts.actors_near([kind.label], [HOME_COUNTRY], [], [], among=ids))
        return in_denmark, ids - in_denmark

    return facts.derived(("in and out of Denmark", kind), split)


def _of_kind_in(
    facts: AnalysisFacts, kind: ActorKind, ids: frozenset[str], markets: list[str]
) -> frozenset[str]:
    """Of a kind's actors, those present in the markets (kept with the graph, as a market is
    asked about again and again)."""
    return facts.derived(
        ("of kind in", kind, *markets),
        lambda: frozenset(facts.actors_near([kind.label], markets, [], [], among=ids)),
    )


def _without(by_fill: dict[Fill, AbstractSet[str]], ids: set[str]) -> dict[Fill, AbstractSet[str]]:
    """The fills of everyone but `ids`, and only those someone still has (a fill's set is
    copied only if it holds one of them: most hold thousands)."""
    left = {
        fill: of_fill if of_fill.isdisjoint(ids) else of_fill - ids
        for fill, of_fill in by_fill.items()
    }
    return {fill: of_fill for fill, of_fill in left.items() if of_fill}


def _first(options: list[Fill], where: tuple[str, ...]) -> Fill | None:
    """The first requirement whose role is exercised in one of `where`: the gate (see the
    module docstring) an actor passes there."""
    return next((fill for fill in options if fill.exercised_at in where), None)


def _area_first(
    passes: dict[Fill, list[Part]], area: set[str], home_roles: set[str]
) -> dict[Fill, list[Part]]:
    """For each role someone in the hotspot's area fills, only those there (and those at
    home); the rest of the country for the others (a foreign cluster in Boston keeps out those
    elsewhere in the US, not the innovation centre in Silicon Valley when Boston has none)."""
    served = {
        fill.role
        for fill, parts in passes.items()
        if any(not part.ids.isdisjoint(area) for part in parts)
    }

    def nearby(part: Part) -> Part:
        if part.at_home is part.ids:  # all of them at home
            return part
        return Part((part.ids & area) | (part.ids & part.at_home), part.at_home)

    kept = {
        fill: parts
        if fill.role not in served or fill.role in home_roles
        else [near for part in parts if (near := nearby(part)).ids]
        for fill, parts in passes.items()
    }
    return {fill: parts for fill, parts in kept.items() if parts}


def rank_key(candidate: CandidateScore) -> tuple[object, ...]:
    """Unmet required requirements first, then the score (a foreign cluster in another sector
    than the cluster's after the rest); ties by the documented signals: facts
    from sources before inferred and illustrative ones, more evidence, then the name."""
    node = candidate.actor.node
    return (
        candidate.tier,
        candidate.fallback,
        candidate.other_sector,
        -candidate.score,
        not candidate.sourced,
        -len(candidate.facts),
        node.name,
        node.id,
    )


def with_ranks(ranked: list[CandidateScore]) -> list[Recommendation]:
    """The answer, each at its position; `tied` where another of the answer has the same tier
    and score (the order between them is by the documented tie-breaks, not a difference in
    score)."""
    counts = Counter((c.tier, c.fallback, c.other_sector, c.score) for c in ranked)
    return [
        c.recommendation(position, counts[(c.tier, c.fallback, c.other_sector, c.score)] > 1)
        for position, c in enumerate(ranked, start=1)
    ]
