"""What a recommendation is for: the markets it concerns (a hotspot's own area first, then its
country), and the requirements the cluster's work under the model does not meet there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ontology.models import ModelSpec
from queries.cluster_context import ClusterContext, hotspots_among
from queries.needs import NeedStatus, of_engagements, of_partners


@dataclass(frozen=True)
class Target:
    """The markets the recommendation is for: the one asked for, else those the cluster aims at
    or works in under the model."""

    market: str | None
    countries: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)  # hotspots and markets by id

    @property
    def hotspots(self) -> frozenset[str]:
        """The places that have an area of their own (see hotspots_among)."""
        return frozenset(hotspots_among(self.places))

    @classmethod
    def of(cls, ctx: ClusterContext, model_id: str, market_id: str | None) -> Target:
        if market_id:
            places = {market_id}
        else:
            places = {d.end for d in ctx.facts.declarations if d.get("model") == model_id}
            for engagement in ctx.engagements_under(model_id):
                places |= {link.end for link in engagement.targets}
        countries = {c for p in places if (c := ctx.country(p)) is not None}
        return cls(market_id, frozenset(countries), frozenset(places - countries))

    def includes(self, ctx: ClusterContext, place: str | None) -> bool:
        """Whether a finding about `place` concerns this target (all do when none was asked)."""
        if self.market is None:
            return True
        return place == self.market or (place is not None and ctx.country(place) in self.countries)


def need_statuses(
    ctx: ClusterContext, spec: ModelSpec, target: Target, day: dt.date
) -> list[NeedStatus]:
    """Each of the model's requirements (required first), with the partners that meet it: from
    the cluster's engagements under the model in the target market, or, with no such engagement,
    from its current partners who can serve the market."""
    country = next(iter(sorted(target.countries)), None) if target.market else None
    engagements = ctx.engagements_under(spec.id, country)
    met = of_engagements(spec, engagements) if engagements else None
    statuses = met or of_partners(ctx, spec, set(target.countries), day)
    return statuses
