"""One candidate's score: its components, each with the reason and the evidence behind it."""

from __future__ import annotations

from graph.facts import ActorFacts, CommonPartner, Evidence, Link
from ontology.models import ModelSpec
from queries.cluster_context import ClusterContext
from queries.findings import ActorRef, Recommendation
from queries.gaps import GapOptions
from queries.recommend.history import History
from queries.recommend.target import Target
from queries.recommend.wording import listing
from queries.requirements import requirement
from queries.scoring import COMPONENTS, Weights, proximity


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
            names = listing([self.ctx.name(partner.id) for partner in common])
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
            actor=ActorRef(id=node.id, name=node.name, type=node.label),
            fills_role=self.role,
            score=weights.score(self.components),
            components=dict(sorted(self.components.items())),
            reasons=tuple(self.reasons),
            evidence=tuple(unique.values()),
            signals=dict(sorted(self.signals.items())),
        )
