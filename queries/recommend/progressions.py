"""Model progressions: a successful short test the report's logic would grow into a long-term
model ("en vellykket test af innovationspotentialet kan føre til videreudvikling af
samarbejdet")."""

from __future__ import annotations

from queries.cluster_context import ClusterContext
from queries.findings import ActorRef, Progression
from queries.gaps import GapOptions
from queries.requirements import progression
from queries.validity import is_in_force
from queries.wording import listing


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
            carried = [
                ActorRef(id=i, name=ctx.name(i), type=ctx.facts.nodes[i].label)
                for i in sorted(partners)
            ]
            roles = listing([ctx.name(role) for role in to_spec.required])
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
                        f"{listing([p.name for p in carried]) or 'its partners'} and "
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
