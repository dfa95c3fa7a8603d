"""How far a cluster's work under a model meets each of the model's requirements (ontology/
models.ttl): at least `min_partners` distinct partners in any of the requirement's roles, counted
over its engagements in the market, or, where it has none there yet, over its current partners
who can serve that market."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from graph.facts import ActorFacts, EngagementFacts
from ontology.models import ModelSpec, Requirement, RoleSpec
from ontology.names import Label
from queries.cluster_context import ClusterContext

HOME_COUNTRY = "country:DK"
# Where the facts of a piece of work come from a public description (a case in the report, a
# news item), they name the partners that matter to the story, not every partner: a partner they
# do not name is "not recorded", not missing.
DESCRIBED = frozenset({"reported", "public-source"})


@dataclass(frozen=True)
class NeedStatus:
    need: Requirement
    partners: tuple[str, ...]  # the distinct partners that meet it

    @property
    def short_by(self) -> int:
        return max(0, self.need.min_partners - len(self.partners))


def serves_market(role: RoleSpec, countries: set[str], market: Iterable[str]) -> bool:
    """Whether an actor present in `countries` can fill `role` for work in the market: a role
    exercised abroad only where it is present; one exercised either way from Denmark or there
    (an actor of unknown whereabouts from neither); a role at home always. With no market asked
    for, anyone can."""
    wanted = set(market)
    if not wanted or role.exercised_at == "home":
        return True
    if role.exercised_at == "either" and HOME_COUNTRY in countries:
        return True
    return bool(countries & wanted)


def described_only(engagements: Iterable[EngagementFacts]) -> bool:
    """Work we know only from public descriptions (see DESCRIBED)."""
    found = list(engagements)
    return bool(found) and all(e.undertakes.evidence.confidence in DESCRIBED for e in found)


def of_engagements(model: ModelSpec, engagements: list[EngagementFacts]) -> list[NeedStatus]:
    """Each requirement of the model, with the partners the engagements involve in its roles."""
    return [
        NeedStatus(
            need,
            tuple(
                sorted(
                    {
                        link.end
                        for engagement in engagements
                        for link in engagement.involves
                        if link.get("role") in need.roles
                    }
                )
            ),
        )
        for need in model.requirements
    ]


def of_partners(
    ctx: ClusterContext, model: ModelSpec, countries: set[str], day: dt.date
) -> list[NeedStatus]:
    """Each requirement of the model, with the cluster's current partners that fill one of its
    roles and can serve the market."""
    met: dict[str, set[str]] = {need.id: set() for need in model.requirements}
    for link in ctx.partnerships_on(day):
        actor = ctx.partners.get(link.end)
        label = ctx.facts.nodes[link.end].label
        size = actor.node.props.get("size") if actor else None
        present = actor.countries if actor else set()
        for need in model.requirements:
            for role_id in need.roles:
                role = ctx.catalogue.roles[role_id]
                if role.filled_by(label, size) and serves_market(role, present, countries):
                    met[need.id].add(link.end)
    return [NeedStatus(need, tuple(sorted(met[need.id]))) for need in model.requirements]


def fitting_role(need: Requirement, ctx: ClusterContext, actor: ActorFacts) -> RoleSpec | None:
    """The first of the requirement's roles (in the report's order of alternatives) the actor
    fills, if any."""
    size = actor.node.props.get("size")
    for role_id in need.roles:
        role = ctx.catalogue.roles[role_id]
        if role.filled_by(actor.node.label, size) and not role.target_group:
            return role
    return None


def off_sector(ctx: ClusterContext, actor: ActorFacts) -> bool:
    """A foreign cluster whose recorded focus shares none of the cluster's strength positions:
    a cluster is defined by its sector, so a fintech cluster is not sent to an offshore wind
    cluster. Where either side's sectors are not recorded, nothing is ruled out."""
    if actor.node.label != Label.ForeignCluster or not actor.focus:
        return False
    strengths = {link.end for link in ctx.facts.strengths}
    return bool(strengths) and not strengths & {link.end for link in actor.focus}
