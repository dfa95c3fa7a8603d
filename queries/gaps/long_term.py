"""The cluster's long-term work: each market it works on or aims at under a model whose
partnership rests on a formal agreement (the long-term models), which both the formality and the
fragility gaps look behind."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.facts import EngagementFacts, Link
from queries.cluster_context import ClusterContext


@dataclass
class LongTermWork:
    model: str
    market: str | None  # as the engagement or declaration names it
    country: str | None  # the market's country
    partners: set[str] = field(default_factory=set)  # involved in the work
    facts: list[Link] = field(default_factory=list)  # the engagements and declarations
    engagements: list[EngagementFacts] = field(default_factory=list)


def long_term_work(ctx: ClusterContext) -> list[LongTermWork]:
    """Once per model and market (by country where there is one), in the order of both."""
    work: dict[tuple[str, str | None], LongTermWork] = {}
    for engagement in ctx.facts.engagements:
        market = ctx.primary_market(engagement)
        for model_id in ctx.models_of(engagement):
            if ctx.catalogue.models[model_id].agreement_needed is None:
                continue
            country = ctx.country(market) if market else None
            key = (model_id, country or market)
            partners = {link.end for link in engagement.involves}
            if key in work:
                work[key].partners.update(partners)
                work[key].facts.append(engagement.undertakes)
                work[key].engagements.append(engagement)
            else:
                facts = [engagement.undertakes, *engagement.models]
                work[key] = LongTermWork(model_id, market, country, partners, facts, [engagement])
    for declaration in ctx.facts.declarations:
        model_id, target = declaration.get("model"), declaration.end
        model = ctx.catalogue.models.get(model_id or "")
        if model is None or model.agreement_needed is None:
            continue
        country = ctx.country(target)
        key = (model_id, country or target)
        if key in work:
            work[key].facts.append(declaration)
        else:
            work[key] = LongTermWork(model.id, target, country, set(), [declaration])
    return [work[key] for key in sorted(work, key=lambda k: (k[0], k[1] or ""))]
