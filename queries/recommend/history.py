"""What a cluster has done with each actor: the trust its engagements and partnerships built (and
what became of the leads each found for it), the value of its agreements, and why, read once for
all candidates."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.facts import Evidence, Link
from queries.cluster_context import ClusterContext
from queries.gaps import GapOptions
from queries.leads.outcomes import trust_from_lead
from queries.scoring import AGREEMENT_VALUE, OUTCOME_TRUST, PARTNERSHIP_TRUST
from queries.validity import AgreementState, agreement_state, partnership_ended


@dataclass
class History:
    """What the cluster has done with each actor, read once for all candidates: the trust its
    engagements and partnerships built, the value of its agreements, and why."""

    trust: dict[str, float] = field(default_factory=dict)
    agreement: dict[str, float] = field(default_factory=dict)
    engagements: Counter[str] = field(default_factory=Counter)
    reasons: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: defaultdict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, ctx: ClusterContext, options: GapOptions) -> History:
        past = cls()
        for engagement in ctx.facts.engagements:
            outcome = engagement.node.props.get("outcome") or "unknown"
            first: dict[str, Link] = {}
            for link in engagement.involves:
                first.setdefault(link.end, link)
            for actor_id, involves in first.items():
                past._raise(past.trust, actor_id, OUTCOME_TRUST.get(outcome, 0.5))
                past.engagements[actor_id] += 1
                past.reasons[actor_id].append(
                    f"You worked with it in «{engagement.node.name}» ({outcome})."
                )
                past.evidence[actor_id] += [engagement.undertakes.evidence, involves.evidence]
        for link in ctx.facts.partnerships:
            kind = link.get("kind") or "informal"
            if partnership_ended(link.props, options.as_of):  # history, not present trust
                ended = link.get("end")
                past.reasons[link.end].append(
                    f"You had a {kind} partnership with it, which ended on {ended.isoformat()}."
                )
            else:
                past._raise(past.trust, link.end, PARTNERSHIP_TRUST.get(kind, 0.25))
                past.reasons[link.end].append(f"You have a {kind} partnership with it.")
            past.evidence[link.end].append(link.evidence)
        for agreement in ctx.facts.agreements:
            first = {}
            for link in agreement.parties:
                first.setdefault(link.start, link)
            state = agreement_state(
                agreement.node.props, options.as_of, options.expiry_horizon_days
            )
            sentence = _agreement_sentence(state, agreement.node.props.get("valid_until"))
            for actor_id, party in first.items():
                past._raise(past.agreement, actor_id, AGREEMENT_VALUE[state])
                past.reasons[actor_id].append(
                    f"Your agreement «{agreement.node.name}» with it {sentence}."
                )
                past.evidence[actor_id].append(party.evidence)
        past._learn_from_leads(ctx)
        return past

    def _learn_from_leads(self, ctx: ClusterContext) -> None:
        """Each lead an actor found and the cluster took up (accepted, started work on, turned
        into a success) raises the trust in that actor; one it declined, or that ended without
        success, lowers it (outcomes.TRUST_CHANGE), oldest first, each change a reason."""
        for lead in ctx.leads:
            before = self.trust.get(lead.finder, 0.0)
            after, reason = trust_from_lead(before, lead)
            if after or lead.finder in self.trust:  # no 0.0 entry for someone never trusted
                self.trust[lead.finder] = after
            self.reasons[lead.finder].append(reason)
            if after or before:  # a decline with no trust to lower backs nothing (ties go by
                self.evidence[lead.finder].append(lead.evidence)  # the evidence count)

    @staticmethod
    def _raise(values: dict[str, float], actor_id: str, value: float) -> None:
        values[actor_id] = max(values.get(actor_id, 0.0), value)


def _agreement_sentence(state: AgreementState, ends: dt.date | None) -> str:
    """How an agreement in this state reads in a reason."""
    if state == AgreementState.VALID:
        return "is valid" + (f" until {ends.isoformat()}" if ends else "")
    if state == AgreementState.EXPIRING and ends is not None:
        return f"is valid until {ends.isoformat()}, which is soon"
    if state in (AgreementState.EXPIRED, AgreementState.ENDED) and ends is not None:
        return f"ended on {ends.isoformat()} (history: it backs no work now)"
    return {
        AgreementState.PLANNED: "is planned",
        AgreementState.UNKNOWN: "has a status our sources do not give",
    }.get(state, "has ended (history: it backs no work now)")
