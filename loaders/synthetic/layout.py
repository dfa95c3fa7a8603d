"""The CSV layout the generator writes: which file holds a label or relationship type, and its
columns, each checked against the property keys the ontology allows there."""

from __future__ import annotations

from loaders.synthetic.terms import SCHEMA
from ontology.names import Label, Rel

# Columns after id/name (nodes) or from/to (relationships); the provenance columns come last.
PROVENANCE_COLUMNS = ("source", "confidence")
NODE_COLUMNS: dict[str, tuple[str, ...]] = {
    Label.Country: ("iso2",),
    Label.Sector: (),
    Label.City: (),
    Label.Hotspot: (),
    Label.Market: ("description",),
    Label.ActivityType: (),
    Label.Authority: ("founded_year",),
    Label.Funder: ("founded_year",),
    Label.FundingProgramme: (),
    Label.TradeCouncil: ("scope",),
    Label.EnterpriseEuropeNetwork: ("scope",),
    Label.InnovationCentre: ("opened_year",),
    Label.InvestInDenmark: (),
    Label.RegionalEUOffice: ("founded_year",),
    Label.BusinessHub: ("founded_year",),
    Label.EUDKSupport: (),
    Label.MarketingOrganisation: ("founded_year",),
    Label.TradeAssociation: ("founded_year",),
    Label.Cluster: ("national", "status", "founded_year", "strength_position"),
    Label.ForeignCluster: ("founded_year",),
    Label.KnowledgeInstitution: ("kind", "founded_year"),
    Label.Investor: ("founded_year",),
    Label.Company: ("size", "founded_year"),
    Label.Agreement: ("agreement_kind", "signed", "valid_from", "valid_until", "status"),
    Label.Engagement: ("start", "end", "outcome", "participants"),
}
RELATIONSHIP_COLUMNS: dict[str, tuple[str, ...]] = {
    Rel.PARTNERS_WITH: ("kind", "start", "end", "contact_persons", "funding"),
    Rel.INVOLVES: ("role",),
    Rel.TARGETS_MARKET: ("model",),
}


def check_layout() -> None:
    """Every column must be a property key the ontology allows where it is written."""
    for label, columns in NODE_COLUMNS.items():
        unknown = set(columns + PROVENANCE_COLUMNS) - set(SCHEMA.node_properties(label))
        if unknown:
            raise ValueError(f"{label}: columns {sorted(unknown)} are not in the ontology")
    for rel_type in sorted(Rel.ALL):
        columns = RELATIONSHIP_COLUMNS.get(rel_type, ()) + PROVENANCE_COLUMNS
        unknown = set(columns) - set(SCHEMA.relationship_properties(rel_type))
        if unknown:
            raise ValueError(f"{rel_type}: columns {sorted(unknown)} are not in the ontology")


def file_path(key: str) -> str:
    """The CSV file, relative to the source folder, of a node label or relationship type."""
    if key in SCHEMA.node_types:
        return f"nodes/{SCHEMA.node_types[key].prefix}.csv"
    return f"relationships/{SCHEMA.relationship_types[key].type}.csv"


def header(key: str) -> tuple[str, ...]:
    if key in SCHEMA.node_types:
        return ("id", "name", *NODE_COLUMNS[key], *PROVENANCE_COLUMNS)
    return ("from", "to", *RELATIONSHIP_COLUMNS.get(key, ()), *PROVENANCE_COLUMNS)
