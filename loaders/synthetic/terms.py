"""The ontology's enumerated values the generated rows use, each checked against the ontology
when the module loads, with the weights the generator draws them by."""

from __future__ import annotations

from ontology.names import Label, Rel
from ontology.schema import load_schema

SCHEMA = load_schema()


def allowed(owner: str, key: str, *values: str) -> tuple[str, ...]:
    """`values`, after checking that the ontology allows each for `key` on a label or relationship
    type: like Label.X, a typo fails at import instead of producing invalid rows."""
    if owner in SCHEMA.node_types:
        spec = SCHEMA.node_properties(owner)[key]
    else:
        spec = SCHEMA.relationship_properties(owner)[key]
    unknown = [value for value in values if value not in spec.allowed]
    if unknown:
        raise ValueError(f"{owner}.{key}: {unknown} not among {spec.allowed}")
    return values


(CONFIDENCE,) = allowed(Label.Cluster, "confidence", "synthetic")
CLUSTER_STATUSES = allowed(Label.Cluster, "status", "active", "merged", "bankrupt")
CLUSTER_STATUS_WEIGHTS = (94, 4, 2)
HEADQUARTERS, REPRESENTATION = allowed(
    Label.TradeCouncil, "scope", "headquarters", "representation"
)
NETWORK, PARTNER = allowed(Label.EnterpriseEuropeNetwork, "scope", "network", "partner")
UNIVERSITY, GTS, RESEARCH_INSTITUTE = allowed(
    Label.KnowledgeInstitution, "kind", "university", "gts", "research-institute"
)
INSTITUTION_KINDS = (UNIVERSITY, GTS, RESEARCH_INSTITUTE)
INSTITUTION_KIND_WEIGHTS = (45, 15, 40)
SME, LARGE, MULTINATIONAL = allowed(Label.Company, "size", "sme", "large", "multinational")
COMPANY_SIZES = (SME, LARGE, MULTINATIONAL)
COMPANY_SIZE_WEIGHTS = (85, 12, 3)
AGREEMENT_KINDS = allowed(
    Label.Agreement,
    "agreement_kind",
    "mou",
    "cooperation-agreement",
    "framework-agreement",
    "strategic-agreement",
)
AGREEMENT_KIND_WEIGHTS = (45, 30, 10, 15)
AGREEMENT_TITLES = dict(
    zip(
        AGREEMENT_KINDS,
        ("MoU", "Cooperation agreement", "Framework agreement", "Strategic agreement"),
        strict=True,
    )
)
ACTIVE, EXPIRED = allowed(Label.Agreement, "status", "active", "expired")
ONGOING, *CLOSED_OUTCOMES = allowed(
    Label.Engagement, "outcome", "ongoing", "successful", "discontinued", "unknown"
)
CLOSED_OUTCOME_WEIGHTS = (60, 25, 15)
INFORMAL, PROJECT, FORMAL = allowed(Rel.PARTNERS_WITH, "kind", "informal", "project", "formal")
PARTNERSHIP_KINDS = (INFORMAL, PROJECT, FORMAL)
PARTNERSHIP_KIND_WEIGHTS = (45, 35, 20)
AD_HOC, PROJECT_FUNDED, RECURRING, CORE = allowed(
    Rel.PARTNERS_WITH, "funding", "ad-hoc", "project", "recurring", "core"
)
INNOVATION, MARKET = allowed(Label.Model, "purpose", "innovation", "market")
FALSE = "false"  # booleans are true/false in the CSV layout; synthetic clusters are not national
