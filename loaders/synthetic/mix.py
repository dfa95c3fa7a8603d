"""The proportions of the generated ecosystem: where each kind of actor is, whom a cluster
partners with, which partners are found abroad, how often targets are innovation ones, how many
roles engagements fill and how many clusters a company joins."""

from __future__ import annotations

from ontology.names import Label

# Share of each kind located in Denmark; the rest are abroad, by country weight. The clusters
# and the domestic support system are Danish; cities, knowledge institutions, investors and
# companies are found on both sides (foreign ones for the local networks of the innovation
# centres and EEN partners, and the roles abroad). Kinds not listed are abroad only (the Trade
# Council's posts, EEN partners, innovation centres, foreign clusters, ...) or placed by their
# own rule (authorities: one per country; the Trade Council's headquarters: at home).
HOME_SHARE: dict[str, float] = {
    Label.Cluster: 1.0,
    Label.BusinessHub: 1.0,
    Label.RegionalEUOffice: 1.0,
    Label.EUDKSupport: 1.0,
    Label.TradeAssociation: 0.8,
    Label.Funder: 0.7,
    Label.Company: 0.8,
    Label.Investor: 0.4,
    Label.KnowledgeInstitution: 0.35,
    Label.City: 0.2,
}
# How many partners of each label a cluster has (inclusive range).
CLUSTER_PARTNER_MIX: tuple[tuple[str, int, int], ...] = (
    (Label.InnovationCentre, 1, 3),
    (Label.TradeCouncil, 0, 3),
    (Label.EnterpriseEuropeNetwork, 0, 2),
    (Label.ForeignCluster, 2, 8),
    (Label.KnowledgeInstitution, 2, 8),
    (Label.Company, 2, 10),
    (Label.Cluster, 1, 4),
    (Label.BusinessHub, 0, 1),
    (Label.TradeAssociation, 0, 2),
    (Label.Investor, 0, 2),
    (Label.Authority, 0, 1),
    (Label.Funder, 0, 1),
    (Label.MarketingOrganisation, 0, 1),
    (Label.RegionalEUOffice, 0, 1),
    (Label.InvestInDenmark, 0, 1),
    (Label.EUDKSupport, 0, 1),
)
# Partners of these labels are found in the market a cluster targets; all others at home.
ABROAD_LABELS = frozenset(
    {
        Label.InnovationCentre,
        Label.TradeCouncil,
        Label.ForeignCluster,
        Label.EnterpriseEuropeNetwork,
        Label.InvestInDenmark,
        Label.MarketingOrganisation,
    }
)
# Partners abroad are drawn by a graded affinity plus noise: loaders/synthetic/affinity.py.
# Share of a cluster's target declarations under an innovation model, by kind of target.
INNOVATION_SHARE = {Label.Hotspot: 0.8, Label.Country: 0.5, Label.Market: 0.15}
REQUIRED_ROLE_SHARE = 0.85  # engagements lacking a required partner are the gaps to find
RECOMMENDED_ROLE_SHARE = 0.35
MEMBERSHIPS = (1, 2, 3, 4, 5, 6)  # clusters a company is a member of
MEMBERSHIP_WEIGHTS = (24, 24, 20, 14, 10, 8)
