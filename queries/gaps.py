"""Gap analysis: where a cluster's partnerships fall short of what its models need.

Five kinds of gap, each from the report (section cited in the facts each gap rests on):
role (a partner role the model requires is missing), formality (no valid agreement behind
long-term work; agreements expired or about to), coverage (no ICDK in a target market; an ICDK
matching the cluster's strength position it has no partnership with: the report's "landing
base"), fragility (a long-term partnership carried by one person or funded ad hoc) and network
(clusters without Danish cluster partners, actor types few clusters use, single brokers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph.facts import ActorFacts, AnalysisFacts, Link
from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.schema import load_schema
from queries.cluster_context import ClusterContext
from queries.findings import GAP_TYPES, SEVERITIES, ActorRef, Evidence, Gap
from queries.ids import qualified, resolve_model, unknown_id
from queries.requirements import requirement
from queries.validity import (
    DEFAULT_HORIZON_DAYS,
    HISTORY,
    AgreementState,
    agreement_state,
    is_in_force,
)

BARRIERS = "Barrierer for samarbejdet mellem klynger og ICDK'er"
COHESION = "Sammenhængskraft mellem internationaliseringsaktørerne"
LANDING_BASE = "2. Øget integration mellem ICDK og klyngerne"
# The national support system whose use across clusters the network gaps watch.
SUPPORT_LABELS = (
    "InnovationCentre",
    "TradeCouncil",
    "InvestInDenmark",
    "EnterpriseEuropeNetwork",
    "RegionalEUOffice",
    "BusinessHub",
    "EUDKSupport",
)
INACTIVE = {"bankrupt", "merged"}
FRAGILE_CONTACT = "carried by one contact person: staff turnover would break it"
FRAGILE_FUNDING = (
    "funded ad hoc: the report names unclear funding the largest barrier to long-term collaboration"
)


@dataclass(frozen=True)
class GapOptions:
    as_of: dt.date = field(default_factory=dt.date.today)  # the day validity is judged on
    expiry_horizon_days: int = DEFAULT_HORIZON_DAYS  # ending within this: "about to expire"
    underused_share: float = 0.25  # an actor type fewer clusters than this share use


def find_gaps(
    store: GraphStore,
    cluster: str | None = None,
    model: str | None = None,
    options: GapOptions | None = None,
) -> list[Gap]:
    """The gaps of one cluster (or of every active cluster and of the network), optionally for
    one model only; most urgent first."""
    options = options or GapOptions()
    model_id = resolve_model(store, model) if model else None
    with store.analysis_facts() as facts:
        if cluster:
            # Looked up with the rest of its facts: an id check of its own cost a round trip.
            found = cluster_gaps(facts, qualified(cluster, "cluster"), options)
            if found is None:
                raise unknown_id(store, cluster, "cluster")
            gaps = found
        else:
            gaps = SupportUsage.read(facts).network_gaps(options)
            for each in facts.clusters():
                if each.props.get("status") not in INACTIVE:
                    gaps += cluster_gaps(facts, each.id, options) or []
    return sort_gaps(g for g in gaps if model_id is None or g.model == model_id)


def cluster_gaps(facts: AnalysisFacts, cluster_id: str, options: GapOptions) -> list[Gap] | None:
    """The cluster's gaps, or None if there is no such cluster."""
    cluster = facts.cluster(cluster_id)
    if cluster is None:
        return None
    ctx = ClusterContext.build(facts, cluster)
    return [
        *model_gaps(facts, ctx, options),
        *isolation_gaps(ctx),
        *broker_gaps(ctx, facts.partner_network().shared_partners(cluster_id)),
    ]


def model_gaps(
    facts: AnalysisFacts, ctx: ClusterContext, options: GapOptions, model_id: str | None = None
) -> list[Gap]:
    """The gaps in a cluster's work under its models (or under one) and in its markets."""
    # Every ICDK, but only the Trade Council posts and EEN partners in declared markets (for
    # one model, in its markets) that no ICDK covers: where they are the alternative. The lists
    # of every one of them derive from the whole graph, so stores keep them between analyses.
    declared = [d for d in ctx.facts.declarations if model_id in (None, d.get("model"))]
    icdks = facts.actors(["InnovationCentre"])
    covered = set().union(*(icdk.countries for icdk in icdks))
    uncovered = sorted({c for d in declared if (c := ctx.country(d.end)) and c not in covered})
    instead = ["TradeCouncil", "EnterpriseEuropeNetwork"]
    near = facts.actors_near(instead, uncovered, [], []) if uncovered else set()
    abroad = [*icdks, *(a for a in facts.actors(instead) if a.node.id in near)] if near else icdks
    gaps = [
        *role_gaps(ctx),
        *formality_gaps(ctx, options),
        *coverage_gaps(ctx, abroad),
        *fragility_gaps(ctx),
    ]
    return [gap for gap in gaps if model_id in (None, gap.model)]


def sort_gaps(gaps: object) -> list[Gap]:
    def key(gap: Gap) -> tuple[object, ...]:
        return (
            gap.cluster or "",
            SEVERITIES.index(gap.severity),
            GAP_TYPES.index(gap.type),
            gap.kind,
            gap.model or "",
            gap.market or "",
            gap.missing_role or "",
            gap.subject or "",
        )

    return sorted(gaps, key=key)  # type: ignore[call-overload]


# --- role gaps ----------------------------------------------------------------------------------
def role_gaps(ctx: ClusterContext) -> list[Gap]:
    """Each engagement lacking a role its model requires; each declared target market with no
    engagement under its model, for each required role no partner fills there."""
    gaps = []
    for engagement in ctx.facts.engagements:
        roles = ctx.involved_roles([engagement])
        market = ctx.primary_market(engagement)
        for model_id in ctx.models_of(engagement):
            model = ctx.catalogue.models[model_id]
            for role in model.required:
                if role in roles:
                    continue
                gaps.append(
                    Gap(
                        "role",
                        "missing-required-role",
                        "high",
                        ctx.id,
                        model_id,
                        market,
                        role,
                        engagement.node.id,
                        f"«{engagement.node.name}» runs under {model.name} without a partner in "
                        f"the role {ctx.name(role)}, which the model requires.",
                        _facts(
                            [engagement.undertakes, *engagement.models, *engagement.targets],
                            [requirement(model, role)],
                        ),
                    )
                )
    for declaration in ctx.facts.declarations:
        model_id, target = declaration.get("model"), declaration.end
        if model_id not in ctx.catalogue.models:
            continue
        country = ctx.country(target)
        if ctx.engagements_under(model_id, country) if country else _aimed_at(ctx, target):
            continue
        model = ctx.catalogue.models[model_id]
        roles = ctx.partner_roles(country)
        for role in model.required:
            if role in roles:
                continue
            gaps.append(
                Gap(
                    "role",
                    "missing-required-role",
                    "high",
                    ctx.id,
                    model_id,
                    target,
                    role,
                    None,
                    f"You aim at {ctx.name(target)} under {model.name}, but no engagement there "
                    f"and no partner of yours present there fills the role {ctx.name(role)}, "
                    "which the model requires.",
                    _facts([declaration], [requirement(model, role)]),
                )
            )
    return gaps


def _aimed_at(ctx: ClusterContext, target: str) -> bool:
    return any(target in {link.end for link in e.targets} for e in ctx.facts.engagements)


# --- formality gaps -----------------------------------------------------------------------------
def formality_gaps(ctx: ClusterContext, options: GapOptions) -> list[Gap]:
    gaps = []
    day = options.as_of
    for model_id, market, country, partners, basis in _long_term_work(ctx):
        model = ctx.catalogue.models[model_id]
        covering = [
            a for a in ctx.facts.agreements if ctx.agreement_covers(a, model_id, country, partners)
        ]
        if any(is_in_force(a.node.props, day) for a in covering):
            continue
        lapsed = [a.node.name for a in covering]
        history = f" (the agreement «{'», «'.join(lapsed)}» is no longer valid)" if lapsed else ""
        gaps.append(
            Gap(
                "formality",
                "no-valid-agreement",
                "high",
                ctx.id,
                model_id,
                market,
                None,
                None,
                f"Your work under {model.name} in {ctx.name(market)} has no formal, currently "
                f"valid agreement{history}; the model rests on formal agreements (MoUs).",
                _facts(basis + [p for a in covering for p in a.parties], []),
            )
        )
    for agreement in ctx.facts.agreements:
        ends = agreement.node.props.get("valid_until")
        state = agreement_state(agreement.node.props, day, options.expiry_horizon_days)
        models = sorted(link.end for link in agreement.models)
        targets = sorted(link.end for link in agreement.targets)
        common = (
            ctx.id,
            models[0] if models else None,
            targets[0] if targets else None,
            None,
            agreement.node.id,
        )
        if state in HISTORY:
            when = f" on {ends.isoformat()}" if ends else ""
            gaps.append(
                Gap(
                    "formality",
                    "agreement-expired",
                    "medium",
                    *common,
                    f"The agreement «{agreement.node.name}» has ended{when}: renew it or "
                    "replace it if the partnership is to last.",
                    _facts(agreement.parties, []),
                )
            )
        elif state == AgreementState.EXPIRING and ends is not None:
            gaps.append(
                Gap(
                    "formality",
                    "agreement-expiring",
                    "medium",
                    *common,
                    f"The agreement «{agreement.node.name}» ends on {ends.isoformat()}, within "
                    f"{options.expiry_horizon_days} days: plan its renewal now.",
                    _facts(agreement.parties, []),
                )
            )
    return gaps


def _long_term_work(
    ctx: ClusterContext,
) -> list[tuple[str, str | None, str | None, set[str], list[Link]]]:
    """(model, market, country, partners, facts) of each market the cluster works on or aims at
    under a long-term model, once per model and market."""
    work: dict[tuple[str, str | None], tuple[str, str | None, str | None, set[str], list[Link]]]
    work = {}
    for engagement in ctx.facts.engagements:
        market = ctx.primary_market(engagement)
        for model_id in ctx.models_of(engagement):
            if not ctx.catalogue.models[model_id].long_term:
                continue
            country = ctx.country(market) if market else None
            key = (model_id, country or market)
            partners = {link.end for link in engagement.involves}
            if key in work:
                work[key][3].update(partners)
                work[key][4].append(engagement.undertakes)
            else:
                facts = [engagement.undertakes, *engagement.models]
                work[key] = (model_id, market, country, partners, facts)
    for declaration in ctx.facts.declarations:
        model_id, target = declaration.get("model"), declaration.end
        if model_id not in ctx.catalogue.models or not ctx.catalogue.models[model_id].long_term:
            continue
        country = ctx.country(target)
        key = (model_id, country or target)
        if key in work:
            work[key][4].append(declaration)
        else:
            work[key] = (model_id, target, country, set(), [declaration])
    return [work[key] for key in sorted(work, key=lambda k: (k[0], k[1] or ""))]


# --- coverage gaps ------------------------------------------------------------------------------
def coverage_gaps(ctx: ClusterContext, abroad: list[ActorFacts]) -> list[Gap]:
    gaps = []
    icdks = [a for a in abroad if a.node.label == "InnovationCentre"]
    for declaration in ctx.facts.declarations:
        target, model_id = declaration.end, declaration.get("model")
        country = ctx.country(target)
        if country is None or any(country in icdk.countries for icdk in icdks):
            continue
        instead = [
            a for a in abroad if a.node.label != "InnovationCentre" and country in a.countries
        ]
        names = ", ".join(a.node.name for a in instead) or "no Trade Council or EEN partner either"
        gaps.append(
            Gap(
                "coverage",
                "no-icdk-in-market",
                "medium",
                ctx.id,
                model_id,
                target,
                "role:icdk",
                None,
                f"No Innovation Centre Denmark is present in {ctx.name(country)}, your target "
                f"market under {ctx.name(model_id)}; turn to the Trade Council representation or "
                f"the Enterprise Europe Network there instead ({names}).",
                _facts(
                    [
                        declaration,
                        *(
                            chain[-1]
                            for a in instead
                            for chain in a.presence
                            if chain[-1].end == country
                        ),
                    ],
                    [Evidence((country,), "report", BARRIERS, None, "reported")],
                ),
                tuple(_ref(a) for a in instead),
            )
        )
    strengths = {link.end: link for link in ctx.facts.strengths}
    partner_ids = {link.end for link in ctx.facts.partnerships}
    for icdk in icdks:
        matching = [link for link in icdk.focus if link.end in strengths]
        if not matching or icdk.node.id in partner_ids:
            continue
        sectors = ", ".join(sorted(ctx.name(link.end) for link in matching))
        gaps.append(
            Gap(
                "coverage",
                "landing-base",
                "low",
                ctx.id,
                None,
                icdk.hotspots[0].end if icdk.hotspots else None,
                "role:icdk",
                icdk.node.id,
                f"{icdk.node.name} focuses on {sectors}, your strength position, but you have "
                "no partnership with it: the report proposes clusters as the landing base for "
                "the opportunities the centres find abroad.",
                _facts(
                    [*(strengths[link.end] for link in matching), *matching],
                    [Evidence((icdk.node.id,), "report", LANDING_BASE, None, "reported")],
                ),
                (_ref(icdk),),
            )
        )
    return gaps


# --- fragility gaps -----------------------------------------------------------------------------
def fragility_gaps(ctx: ClusterContext) -> list[Gap]:
    """A partnership behind long-term work that rests on one contact person or ad hoc money."""
    gaps = []
    long_term = _long_term_work(ctx)
    for link in ctx.facts.partnerships:
        actor = ctx.partners.get(link.end)
        countries = actor.countries if actor else set()
        behind = [
            (model_id, market)
            for model_id, market, country, partners, _ in long_term
            if link.end in partners or (country is not None and country in countries)
        ]
        if not behind:
            continue
        model_id, market = behind[0]
        weaknesses = [
            (kind, why)
            for kind, why, present in (
                ("single-contact", FRAGILE_CONTACT, link.get("contact_persons") == 1),
                ("ad-hoc-funding", FRAGILE_FUNDING, link.get("funding") == "ad-hoc"),
            )
            if present
        ]
        for kind, why in weaknesses:
            gaps.append(
                Gap(
                    "fragility",
                    kind,
                    "medium",
                    ctx.id,
                    model_id,
                    market,
                    None,
                    link.end,
                    f"Your partnership with {ctx.name(link.end)}, which your work under "
                    f"{ctx.name(model_id)} relies on, is {why}.",
                    _facts([link], [Evidence((link.end,), "report", BARRIERS, None, "reported")]),
                )
            )
    return gaps


# --- network gaps -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SupportUsage:
    """Which clusters partner with each type of the national support system."""

    clusters: list[str]
    users: dict[str, dict[str, list[Link]]]  # label: {cluster: its partnerships of that type}

    @classmethod
    def read(cls, facts: AnalysisFacts) -> SupportUsage:
        active = [c.id for c in facts.clusters() if c.props.get("status") not in INACTIVE]
        users: dict[str, dict[str, list[Link]]] = {}
        for label, links in facts.cluster_partnerships(SUPPORT_LABELS).items():
            users[label] = {}
            for link in links:
                if link.start in active:
                    users[label].setdefault(link.start, []).append(link)
        return cls(active, users)

    def underused(self, options: GapOptions) -> list[str]:
        total = len(self.clusters) or 1
        return [
            label
            for label in SUPPORT_LABELS
            if len(self.users[label]) / total < options.underused_share
        ]

    def _sentence(self, label: str) -> str:
        return (
            f"Only {len(self.users[label])} of {len(self.clusters)} active clusters have a "
            f"partnership with {_type_name(label)}"
        )

    def network_gaps(self, options: GapOptions) -> list[Gap]:
        gaps = []
        for label in self.underused(options):
            role = _role_for(label)
            gaps.append(
                Gap(
                    "network",
                    "underused-actor",
                    "low",
                    None,
                    None,
                    None,
                    role,
                    None,
                    f"{self._sentence(label)}: an offer most clusters do not use.",
                    _facts(  # one partnership per cluster that does use it
                        [links[0] for links in self.users[label].values()],
                        [Evidence((label,), "report", COHESION, None, "reported")],
                    ),
                )
            )
        return gaps


def isolation_gaps(ctx: ClusterContext) -> list[Gap]:
    """No partnership or joint engagement with another Danish cluster."""
    danish = [p for p in ctx.facts.partnerships if ctx.facts.nodes[p.end].label == "Cluster"]
    if danish or "role:danish-cluster" in ctx.involved_roles(ctx.facts.engagements):
        return []
    return [
        Gap(
            "network",
            "isolated-cluster",
            "medium",
            ctx.id,
            None,
            None,
            "role:danish-cluster",
            None,
            "You have no partnership or joint engagement with another Danish cluster: "
            "the report asks for more cohesion between the actors.",
            (Evidence((ctx.id,), "report", COHESION, None, "reported"),),
        )
    ]


def broker_gaps(ctx: ClusterContext, shared: dict[str, list[str]]) -> list[Gap]:
    """Partners that are the only tie between this cluster and other clusters."""
    direct = {link.end for link in ctx.facts.partnerships}
    only_through: dict[str, list[str]] = {}
    for other, commons in shared.items():
        if other not in direct and len(commons) == 1:
            only_through.setdefault(commons[0], []).append(other)
    gaps = []
    for broker, others in sorted(only_through.items()):
        links = [link for link in ctx.facts.partnerships if link.end == broker]
        gaps.append(
            Gap(
                "network",
                "single-broker",
                "low",
                ctx.id,
                None,
                None,
                None,
                broker,
                f"{ctx.name(broker)} is your only shared partner with {len(others)} other "
                f"cluster(s) ({', '.join(others[:3])}{', …' if len(others) > 3 else ''}): "
                "those ties hang on one broker.",
                _facts(links, []),
            )
        )
    return gaps


# --- helpers ------------------------------------------------------------------------------------
def _role_for(label: str) -> str | None:
    """The partner role an actor type fills alone (EU-DK Support has none)."""
    return next((r.id for r in load_catalogue().roles.values() if r.labels == (label,)), None)


def _type_name(label: str) -> str:
    """`an Innovation Centre Denmark centre`, from the ontology's English class label."""
    name = load_schema().node_types[label].name_en
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _ref(actor: ActorFacts) -> ActorRef:
    return ActorRef(actor.node.id, actor.node.name, actor.node.label)


def _facts(links: list[Link], report: list[Evidence]) -> tuple[Evidence, ...]:
    """The evidence of some links and report passages, once each, in a stable order."""
    unique = {fact.sort_key: fact for fact in [*(link.evidence for link in links), *report]}
    return tuple(unique[key] for key in sorted(unique))
