"""One candidate's score: its components, each with the reason and the evidence behind it."""

from __future__ import annotations

import math
from typing import cast

from graph.facts import ActorFacts, CommonPartner, Evidence, Link, Node
from ontology.models import ModelSpec, Requirement
from ontology.names import Label
from queries.cluster_context import ClusterContext
from queries.findings import ActorRef, Recommendation
from queries.gaps import GapOptions
from queries.needs import off_sector
from queries.recommend.history import History
from queries.recommend.target import Target
from queries.requirements import requirement
from queries.scoring import COMPONENTS, ScoreComponents, Weights, adoption, proximity
from queries.validity import partnership_ended
from queries.wording import alternatives, listing

# Facts of these confidences are not from a source: they rank after sourced ones in a tie.
UNSOURCED = frozenset({"illustrative", "inferred"})
REGIONAL = (Label.BusinessHub, Label.RegionalEUOffice)  # serve the businesses of some cities
FUNDING = (Label.Funder, Label.FundingProgramme, Label.Authority)


class CandidateScore:
    """The components of one candidate's score, with a reason and the evidence for each."""

    def __init__(
        self,
        ctx: ClusterContext,
        spec: ModelSpec,
        target: Target,
        options: GapOptions,
        actor: ActorFacts,
        need: Requirement,
        role: str,
        adds_to_met: bool = False,
    ) -> None:
        self.ctx, self.spec, self.options = ctx, spec, options
        self.actor, self.need, self.role = actor, need, role
        self.components = dict.fromkeys(COMPONENTS, 0.0)
        self.components["role_fit"] = 1.0 if need.required else 0.5
        self.signals: dict[str, float] = {}
        # Set by `ranked`: the score, whether its own record is sourced, its evidence once each.
        self.score, self.sourced = 0.0, True
        self.facts: dict[tuple[object, ...], Evidence] = {}
        self.fallback, self.adds_to_met, self.other_sector = False, adds_to_met, False
        kind = "requires" if need.required else "recommends"
        verb = "Adds to" if adds_to_met else "Meets"
        done = ", which your work there meets already" if adds_to_met else ""
        self.reasons = [f"{verb} «{need.name}», which {spec.name} {kind}{done}."]
        self.evidence: list[Evidence] = [requirement(spec, need, role)]
        self._market(target)
        self._sectors()

    def _market(self, target: Target) -> None:
        """Present in the market: in the hotspot asked for counts fully, elsewhere in its
        country half; a country or a market (which has no area of its own) counts fully
        anywhere in its country."""
        chains, in_area = market_chains(self.actor, target)
        if not chains:
            return
        self.components["market_presence"] = 1.0 if in_area or not target.hotspots else 0.5
        where = sorted(
            {self.ctx.name(chain[0].end if in_area else chain[-1].end) for chain in chains}
        )
        self.reasons.append(f"Present in {', '.join(where)}, your target market.")
        self.evidence += [link.evidence for link in chains[0]]

    def _sectors(self) -> None:
        strengths = {link.end: link for link in self.ctx.facts.strengths}
        matching = [link for link in self.actor.focus if link.end in strengths]
        if off_sector(self.ctx, self.actor):
            self.other_sector = True
            sectors = ", ".join(sorted(self.ctx.name(link.end) for link in self.actor.focus))
            self.reasons.append(f"It focuses on {sectors}, none of your strength positions.")
        if strengths and matching:
            self.components["sector_match"] = len({link.end for link in matching}) / len(strengths)
            sectors = ", ".join(sorted(self.ctx.name(link.end) for link in matching))
            verb = "shares" if self.actor.node.label == Label.Cluster else "focuses on"
            self.reasons.append(f"It {verb} {sectors}, your strength position.")
            self.evidence += [strengths[link.end].evidence for link in matching]
            self.evidence += [link.evidence for link in matching]

    def home(self, funded: list[Link]) -> None:
        """For a partner at home: it serves the city the cluster works from (an Erhvervshus or
        a regional EU office), or it has funded work under this model before."""
        label = self.actor.node.label
        if label in REGIONAL:
            mine = {link.end: link for link in self.ctx.facts.locations}
            if serving := serves_cluster(self.ctx, self.actor):
                self.components["home_fit"] = 1.0
                cities = listing(sorted(self.ctx.name(link.end) for link in serving))
                self.reasons.append(f"It serves {cities}, where you are.")
                self.evidence += [link.evidence for link in serving]
                self.evidence += [mine[link.end].evidence for link in serving]
        elif label in FUNDING and funded:
            self.components["home_fit"] = 1.0
            works = len({link.start for link in funded})
            what = "a piece of work" if works == 1 else f"{works} pieces of work"
            self.reasons.append(f"It has funded {what} under {self.spec.name} before.")
            self.evidence += [link.evidence for link in funded[:3]]

    def as_fallback(self, target: Target) -> None:
        """What the report offers where no partner is present in the market."""
        self.fallback = True
        where = listing(sorted(self.ctx.name(c) for c in target.countries)) or "your markets"
        choice = alternatives([self.ctx.name(r) for r in self.need.roles])
        self.reasons.insert(
            1,
            f"No {choice} is recorded in {where}: the Trade Council's headquarters can route you "
            "to the representation that covers it (a fallback, not a partner there).",
        )

    def network(
        self, common: list[CommonPartner], peers: int, adopters: list[str], links: list[Link]
    ) -> None:
        """Shared partners and similar clusters partnering with it (on the day asked about);
        `links` are its partnerships with both, the evidence: those not ended are cited."""
        day = self.options.as_of
        links = [link for link in links if not partnership_ended(link.props, day)]
        current = self.ctx.partnerships_on(day) if common else []
        ra, aa, squashed = proximity([partner.degree for partner in common])
        self.signals.update(common_partners=len(common), resource_allocation=ra, adamic_adar=aa)
        self.components["network_proximity"] = squashed
        if common:
            names = listing([self.ctx.name(partner.id) for partner in common])
            verb = "works" if len(common) == 1 else "work"
            self.reasons.append(f"{len(common)} of your partners already {verb} with it ({names}).")
            for partner in common:
                own = [link for link in current if link.end == partner.id]
                theirs = [link for link in links if link.end == partner.id]
                self.evidence += [link.evidence for link in own[:1] + theirs[:1]]
        self.signals.update(similar_clusters=peers, similar_clusters_partnering=len(adopters))
        if peers and adopters:
            self.components["peer_adoption"] = adoption(len(adopters))
            self.reasons.append(
                f"{len(adopters)} of {peers} clusters with your strength position "
                f"already partner with it."
            )
            self.evidence += [link.evidence for link in links if link.end in adopters]

    def history(self, past: History) -> None:
        """Trust from engagements and current partnerships with the cluster; its agreements."""
        actor_id = self.actor.node.id
        self.components["trust"] = past.trust.get(actor_id, 0.0)
        self.components["agreement"] = past.agreement.get(actor_id, 0.0)
        self.signals["past_engagements"] = past.engagements[actor_id]
        self.reasons += past.reasons.get(actor_id, [])
        self.evidence += past.evidence.get(actor_id, [])

    def ranked(self, weights: Weights) -> CandidateScore:
        """Its score and what ranks it (queries/recommend/ranking.py rank_key): all a search
        needs, before any answer is made of it (few candidates scored make the answer)."""
        self.score = weights.score(self.components)
        self.sourced = is_sourced(self.actor.node)
        self.facts = {fact.sort_key: fact for fact in self.evidence}  # the evidence, once each
        return self

    @property
    def tier(self) -> int:
        """An unmet required requirement first (queries/recommend/ranking.py Fill.tier)."""
        return 0 if self.need.required and not self.adds_to_met else 1

    def recommendation(self, rank: int, tied: bool) -> Recommendation:
        """The answer, at its rank (after `ranked`)."""
        node = self.actor.node
        reasons = self.reasons
        if not self.sourced:
            confidence = node.props.get("confidence")
            reasons = [*reasons, f"Its own record is {confidence}, not from a source."]
        return Recommendation(
            actor=ActorRef(id=node.id, name=node.name, type=node.label),
            fills_role=self.role,
            requirement=self.need.id,
            requirement_strength="required" if self.need.required else "recommended",
            rank=rank,
            tied=tied,
            score=self.score,
            components=cast(ScoreComponents, dict(sorted(self.components.items()))),
            reasons=tuple(reasons),
            evidence=tuple(self.facts.values()),
            signals=dict(sorted(self.signals.items())),
            sourced=self.sourced,
            adds_to_met=self.adds_to_met,
            fallback=self.fallback,
            other_sector=self.other_sector,
        )


def is_sourced(node: Node) -> bool:
    """Its own record is from a source (not illustrative nor inferred): first of the tie-breaks."""
    return str(node.props.get("confidence") or "") not in UNSOURCED


def serves_cluster(ctx: ClusterContext, actor: ActorFacts) -> list[Link]:
    """Its SERVES links to a city the cluster is located in (a regional actor's home fit)."""
    locations = {link.end for link in ctx.facts.locations}
    return [link for link in actor.serves if link.end in locations]


def market_chains(actor: ActorFacts, target: Target) -> tuple[list[list[Link]], bool]:
    """The actor's presence chains into the target: those in the hotspot's area asked for, if
    any (True), else those in its countries (False)."""
    if in_area := [chain for chain in actor.presence if chain[0].end in target.places]:
        return in_area, True
    return [chain for chain in actor.presence if chain[-1].end in target.countries], False


def evidence_bound(
    ctx: ClusterContext,
    actor: ActorFacts,
    target: Target,
    funded: int,
    shared: int,
    adopters: int,
    past: int,
) -> float:
    """The most facts CandidateScore can cite for the actor (len(facts) at most), from what is
    known before scoring it: its presence in the target, the works under the
    model it has funded, the partners it shares with the cluster, the similar clusters
    partnering with it, the facts of its history with the cluster. It counts each piece of
    evidence the methods above add, at its most; the bounded search compares it in a tie
    (queries/recommend/ranking.py), so a method that cites more must count it here too
    (tests/integration/test_recommend_search.py compares the search with and without it)."""
    if adopters:  # their partnerships with it are read only when it is scored
        return math.inf
    strengths = {link.end for link in ctx.facts.strengths}
    label = actor.node.label
    home = 0
    if label in REGIONAL:  # a city it serves and the cluster's location there
        home = 2 * len(serves_cluster(ctx, actor))
    elif label in FUNDING:
        home = min(3, funded)
    chains, _ = market_chains(actor, target)
    return (
        1  # the requirement it meets
        + (len(chains[0]) if chains else 0)  # where it is present in the market
        + 2 * sum(link.end in strengths for link in actor.focus)  # strength and focus
        + home
        + 2 * shared  # the cluster's partnership and its own with each
        + past
    )
