"""How many nodes of each label the generator writes: counts at scale 1, scaled linearly."""

from __future__ import annotations

from loaders.synthetic.vocabulary import ACTIVITY_NAMES, COUNTRIES
from ontology.names import Label

# Node counts at scale 1. TradeCouncil counts the representations and EnterpriseEuropeNetwork the
# partners: each also has one headquarters / network node at every scale.
BASE_COUNTS: dict[str, int] = {
    Label.Country: len(COUNTRIES),
    Label.Sector: 30,
    Label.City: 300,
    Label.Hotspot: 40,
    Label.Market: 60,
    Label.ActivityType: len(ACTIVITY_NAMES),
    Label.Authority: 60,
    Label.Funder: 150,
    Label.FundingProgramme: 40,
    Label.TradeCouncil: 300,
    Label.EnterpriseEuropeNetwork: 600,
    Label.InnovationCentre: 50,
    Label.InvestInDenmark: 20,
    Label.RegionalEUOffice: 30,
    Label.BusinessHub: 40,
    Label.EUDKSupport: 5,
    Label.MarketingOrganisation: 60,
    Label.TradeAssociation: 200,
    Label.Cluster: 1_500,
    Label.ForeignCluster: 1_000,
    Label.KnowledgeInstitution: 3_000,
    Label.Investor: 500,
    Label.Company: 100_000,
    Label.Agreement: 20_000,
    Label.Engagement: 30_000,
}


def scaled_counts(scale: float) -> dict[str, int]:
    """Linear in `scale`, at least one of each kind; countries cannot exceed 30."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, not {scale}")
    counts = {label: max(1, round(base * scale)) for label, base in BASE_COUNTS.items()}
    counts[Label.Country] = min(counts[Label.Country], len(COUNTRIES))
    return counts
