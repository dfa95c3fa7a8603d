"""Formality gaps: long-term work without a valid agreement behind it, and agreements that have
ended or are about to."""

from __future__ import annotations

from graph.facts import AgreementFacts
from queries.cluster_context import ClusterContext
from queries.findings import Gap
from queries.gaps.evidence import cite
from queries.gaps.long_term import long_term_work
from queries.gaps.options import GapOptions
from queries.validity import HISTORY, AgreementState, agreement_state, is_in_force


def formality_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    return [*_unbacked_work_gaps(ctx, options), *_agreement_gaps(ctx, options)]


def _unbacked_work_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    """Long-term work with no agreement that covers it valid on the day."""
    gaps = []
    for work in long_term_work(ctx):
        model = ctx.catalogue.models[work.model]
        covering = [
            a
            for a in ctx.facts.agreements
            if ctx.agreement_covers(a, work.model, work.country, work.partners)
        ]
        if any(is_in_force(a.node.props, options.as_of) for a in covering):
            continue
        # An agreement of unknown status is not valid, but no source says it has lapsed either.
        unknown = [a.node.name for a in covering if a.node.props.get("status") == "unknown"]
        lapsed = [a.node.name for a in covering if a.node.name not in unknown]
        history = f" (the agreement «{'», «'.join(lapsed)}» is no longer valid)" if lapsed else ""
        if unknown:
            history += f" (the status of «{'», «'.join(unknown)}» is unknown)"
        gaps.append(
            Gap(
                type="formality",
                kind="no-valid-agreement",
                severity="high",
                cluster=ctx.id,
                model=work.model,
                market=work.market,
                missing_role=None,
                subject=None,
                sentence=f"Your work under {model.name} in {ctx.name(work.market)} has no formal, "
                f"currently valid agreement{history}; the model rests on formal agreements (MoUs).",
                evidence=cite(work.facts + [p for a in covering for p in a.parties], []),
                suggestions=(),
            )
        )
    return gaps


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
