"""Formality gaps: long-term work without a valid agreement behind it, and agreements that have
ended or are about to."""

from __future__ import annotations

import datetime as dt
from typing import cast

from graph.facts import AgreementFacts
from ontology.names import Label
from queries.cluster_context import ClusterContext
from queries.findings import ActorRef, Gap, Severity
from queries.gaps.evidence import cite
from queries.gaps.long_term import LongTermWork, long_term_work
from queries.gaps.options import GapOptions
from queries.needs import described_only
from queries.validity import HISTORY, IN_FORCE, AgreementState, agreement_state
from queries.wording import listing

# How the agreement a model needs (ontology/models.ttl, agreementNeeded) reads in a sentence.
AGREEMENT_NAMES = {
    "mou": "mutual formal cooperation agreements (MoUs)",
    "strategic-agreement": "a strategic cooperation agreement",
    "cooperation-agreement": "a cooperation agreement",
    "framework-agreement": "a framework agreement",
}


def formality_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    return [*_unbacked_work_gaps(ctx, options), *_agreement_gaps(ctx, options)]


def _unbacked_work_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    """Work under a model that rests on a formal agreement, with none covering it valid on the
    day; the remedy names the partners of that work to formalise it with."""
    gaps = []
    for work in long_term_work(ctx):
        model = ctx.catalogue.models[work.model]
        covering = [
            a
            for a in ctx.facts.agreements
            if ctx.agreement_covers(a, work.model, work.country, work.partners)
        ]
        states = {a.node.id: agreement_state(a.node.props, options.as_of) for a in covering}
        if any(state in IN_FORCE for state in states.values()):
            continue
        unknown = [a for a in covering if states[a.node.id] == AgreementState.UNKNOWN]
        kind, severity = "no-valid-agreement", cast(Severity, "high")
        needed = AGREEMENT_NAMES.get(model.agreement_needed or "", "a formal agreement")
        if unknown:
            kind, severity = "agreement-status-unknown", "medium"
            sentence = (
                f"Your work under {model.name} in {ctx.name(work.market)} rests on «"
                + "», «".join(a.node.name for a in unknown)
                + f"», whose status our sources do not give: confirm it is still in force "
                f"(the model needs {needed})."
            )
        elif work.engagements and described_only(work.engagements):
            kind, severity = "not-recorded", "low"
            sentence = (
                f"Our sources record no agreement behind your work under {model.name} in "
                f"{ctx.name(work.market)}; the model rests on {needed}. If there is one, add it "
                "to the data."
            )
        else:
            lapsed = [a.node.name for a in covering]
            history = f" (the agreement «{'», «'.join(lapsed)}» has ended)" if lapsed else ""
            sentence = (
                f"Your work under {model.name} in {ctx.name(work.market)} has no formal agreement "
                f"in force{history}; the model rests on {needed}: {model.agreement_quote}"
            )
        partners = _to_formalise(ctx, work, options.as_of)
        if kind == "no-valid-agreement" and partners:
            sentence += (
                f" Formalise the partnership with {listing([p.name for p in partners], 4)}, "
                f"whom you already work with there, in {needed}."
            )
        gaps.append(
            Gap(
                type="formality",
                kind=kind,
                severity=severity,
                cluster=ctx.id,
                model=work.model,
                market=work.market,
                missing_role=None,
                subject=work.engagements[0].node.id if work.engagements else None,
                sentence=sentence,
                evidence=cite(work.facts + [p for a in covering for p in a.parties], []),
                suggestions=tuple(partners),
            )
        )
    return gaps


def _to_formalise(ctx: ClusterContext, work: LongTermWork, day: dt.date) -> list[ActorRef]:
    """The partners of the work (or the cluster's current partners in its country) whom an
    agreement would bind: those abroad in the market first."""
    ids = set(work.partners)
    if not ids and work.country:
        ids = {
            link.end
            for link in ctx.partnerships_on(day)
            if link.end in ctx.partners and work.country in ctx.partners[link.end].countries
        }
    in_market = {i for i in ids if i in ctx.partners and work.country in ctx.partners[i].countries}
    ordered = sorted(ids, key=lambda i: (i not in in_market, ctx.name(i), i))
    return [
        ActorRef(id=i, name=ctx.name(i), type=ctx.facts.nodes[i].label)
        for i in ordered
        if i in ctx.facts.nodes and ctx.facts.nodes[i].label not in (Label.Company,)
    ]


def _agreement_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    """Agreements that have ended, or end within the horizon."""
    gaps = []
    for agreement in ctx.facts.agreements:
        ends = agreement.node.props.get("valid_until")
        state = agreement_state(agreement.node.props, options.as_of, options.expiry_horizon_days)
        if state in HISTORY:
            when = f" on {ends.isoformat()}" if ends else ""
            kind = "agreement-expired"
            sentence = (
                f"The agreement «{agreement.node.name}» has ended{when}: renew it or "
                "replace it if the partnership is to last."
            )
        elif state == AgreementState.EXPIRING and ends is not None:
            kind = "agreement-expiring"
            sentence = (
                f"The agreement «{agreement.node.name}» ends on {ends.isoformat()}, within "
                f"{options.expiry_horizon_days} days: plan its renewal now."
            )
        else:
            continue
        gaps.append(_agreement_gap(ctx, agreement, kind, sentence))
    return gaps


def _agreement_gap(ctx: ClusterContext, agreement: AgreementFacts, kind: str, sentence: str) -> Gap:
    """A gap about the agreement itself, under its first model and in its first target."""
    models = sorted(link.end for link in agreement.models)
    targets = sorted(link.end for link in agreement.targets)
    return Gap(
        type="formality",
        kind=kind,
        severity="medium",
        cluster=ctx.id,
        model=models[0] if models else None,
        market=targets[0] if targets else None,
        missing_role=None,
        subject=agreement.node.id,
        sentence=sentence,
        evidence=cite(agreement.parties, []),
        suggestions=(),
    )
