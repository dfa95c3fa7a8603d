"""What a recommendation is for: the markets it concerns, and the roles the cluster's work under
the model still lacks there."""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology.models import ModelSpec
from queries.cluster_context import ClusterContext


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
