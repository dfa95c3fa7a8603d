"""Network gaps: actor types of the national support system few clusters use, clusters without
Danish cluster partners, and partners that are a cluster's only tie to other clusters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from graph.facts import AnalysisFacts, Link
from ontology.models import load_catalogue
from ontology.names import Label, RoleId
from ontology.schema import load_schema
from queries.cluster_context import ClusterContext
from queries.findings import Gap
from queries.gaps.evidence import COHESION, cite, report_passage
from queries.gaps.options import INACTIVE, GapOptions
from queries.wording import listing

# The national support system whose use across clusters the network gaps watch.
SUPPORT_LABELS = (
    Label.InnovationCentre,
    Label.TradeCouncil,
    Label.InvestInDenmark,
    Label.EnterpriseEuropeNetwork,
    Label.RegionalEUOffice,
    Label.BusinessHub,
    Label.EUDKSupport,
)


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

    def network_gaps(self, options: GapOptions) -> list[Gap]:
        """The gaps of the whole network: each underused type of the support system."""
        return [
            Gap(
                type="network",
                kind="underused-actor",
                severity="low",
                cluster=None,
                model=None,
                market=None,
                missing_role=_role_for(label),
                subject=None,
                sentence=f"Only {len(self.users[label])} of {len(self.clusters)} active clusters "
                f"have a partnership with {_type_name(label)}: an offer most clusters do not use.",
                evidence=cite(  # one partnership per cluster that does use it
                    [links[0] for links in self.users[label].values()],
                    [report_passage(label, COHESION)],
                ),
                suggestions=(),
            )
            for label in self.underused(options)
        ]


def isolation_gaps(ctx: ClusterContext, day: dt.date) -> list[Gap]:
    """No partnership (on `day`) or joint engagement with another Danish cluster."""
    partners = [ctx.facts.nodes[p.end] for p in ctx.partnerships_on(day)]
    danish = [partner for partner in partners if partner.label == Label.Cluster]
    if danish or RoleId.danish_cluster in ctx.involved_roles(ctx.facts.engagements):
        return []
    return [
        Gap(
            type="network",
            kind="isolated-cluster",
            severity="medium",
            cluster=ctx.id,
            model=None,
            market=None,
            missing_role=RoleId.danish_cluster,
            subject=None,
            sentence="You have no partnership or joint engagement with another Danish cluster: "
            "the report asks for more cohesion between the actors.",
            evidence=(report_passage(ctx.id, COHESION),),
            suggestions=(),
        )
    ]


def broker_gaps(
    ctx: ClusterContext, brokers: dict[str, list[str]], active: Mapping[str, str], day: dt.date
) -> list[Gap]:
    """Partners that are the only tie between this cluster and other clusters (`brokers`:
    PartnerNetwork.single_brokers on `day`) it does not partner with directly, of those still
    active (`active`: their names by id): a closed cluster is no tie to build."""
    partnerships = ctx.partnerships_on(day)
    direct = {link.end for link in partnerships}
    gaps = []
    for broker, reached in sorted(brokers.items()):
        if not (others := [o for o in reached if o in active and o not in direct]):
            continue
        links = [link for link in partnerships if link.end == broker]
        named = sorted(active[other] for other in others)
        clusters = "cluster" if len(others) == 1 else "clusters"
        gaps.append(
            Gap(
                type="network",
                kind="single-broker",
                severity="low",
                cluster=ctx.id,
                model=None,
                market=None,
                missing_role=None,
                subject=broker,
                sentence=f"{ctx.name(broker)} is your only shared partner with {len(others)} "
                f"other {clusters} ({listing(named)}): those ties hang on one broker.",
                evidence=cite(links, []),
                suggestions=(),
            )
        )
    return gaps


def _role_for(label: str) -> str | None:
    """The partner role an actor type fills alone (EU-DK Support has none)."""
    return next((r.id for r in load_catalogue().roles.values() if r.labels == (label,)), None)


def _type_name(label: str) -> str:
    """`an Innovation Centre Denmark centre`, from the ontology's English class label."""
    name = load_schema().node_types[label].name_en
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
