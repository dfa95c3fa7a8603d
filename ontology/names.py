"""The ontology's names as closed Python names.

GENERATED from ontology/*.ttl by `python -m ontology.generate_names --write` (`make docs`): do not
edit by hand; a test fails when it is stale.

- `PG`: every term of the pg: vocabulary, as a closed rdflib namespace (an unknown term raises).
- `Label`: node labels; `Rel`: relationship types; `RoleId`: partner role ids; `ModelId`: the
  internationalisation models' ids. Each value is the plain string stored in the graph.
"""

from typing import Final

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class PG(DefinedNamespace):
    """The pg: vocabulary (ontology/partnergraph.ttl and its individuals), closed."""

    _fail = True
    _NS = Namespace("https://w3id.org/partnergraph/ontology#")

    ActivityType: URIRef
    Agreement: URIRef
    Authority: URIRef
    BusinessHub: URIRef
    City: URIRef
    ClusterOrganisation: URIRef
    Company: URIRef
    ContactPerson: URIRef
    Country: URIRef
    EUDKSupport: URIRef
    Engagement: URIRef
    EnterpriseEuropeNetwork: URIRef
    ForeignCluster: URIRef
    Funder: URIRef
    FundingProgramme: URIRef
    Hotspot: URIRef
    InnovationCentre: URIRef
    InternationalisationModel: URIRef
    InternationalisationModels: URIRef
    InvestInDenmark: URIRef
    Investor: URIRef
    Involvement: URIRef
    KnowledgeInstitution: URIRef
    Lead: URIRef
    Market: URIRef
    MarketingOrganisation: URIRef
    PartnerRole: URIRef
    PartnerRoles: URIRef
    Partnership: URIRef
    Region: URIRef
    RegionalEUOffice: URIRef
    Requirement: URIRef
    Sector: URIRef
    Service: URIRef
    SurveyFigure: URIRef
    TargetMarketDeclaration: URIRef
    TradeAssociation: URIRef
    TradeCouncil: URIRef
    aboutActivity: URIRef
    aboutRole: URIRef
    agreementKind: URIRef
    agreementNeeded: URIRef
    agreementStatus: URIRef
    allowedValue: URIRef
    anchoredIn: URIRef
    anyOfRole: URIRef
    clusterStatus: URIRef
    companySize: URIRef
    confidence: URIRef
    contactFor: URIRef
    contactPersons: URIRef
    count: URIRef
    description: URIRef
    eenScope: URIRef
    email: URIRef
    end: URIRef
    exercisedAt: URIRef
    filledByLabels: URIRef
    filledBySize: URIRef
    firstSeen: URIRef
    focusesOn: URIRef
    foundBy: URIRef
    foundIn: URIRef
    foundOn: URIRef
    foundedYear: URIRef
    fundedBy: URIRef
    funding: URIRef
    garbled: URIRef
    hasContact: URIRef
    hasRequirement: URIRef
    hasStrength: URIRef
    helpsWith: URIRef
    icdkRole: URIRef
    idPrefix: URIRef
    identifier: URIRef
    inCountry: URIRef
    inHotspot: URIRef
    includesActivity: URIRef
    includesCountry: URIRef
    indexed: URIRef
    innovationCentreStatus: URIRef
    institutionKind: URIRef
    involves: URIRef
    iso2: URIRef
    jobTitle: URIRef
    key: URIRef
    lastUpdated: URIRef
    leadResult: URIRef
    leadStatus: URIRef
    leadsTo: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    minPartners: URIRef
    model: URIRef
    name: URIRef
    nameDa: URIRef
    national: URIRef
    nodeLabel: URIRef
    number: URIRef
    offers: URIRef
    openedYear: URIRef
    option: URIRef
    outcome: URIRef
    outcomeNote: URIRef
    partOf: URIRef
    participants: URIRef
    partnerCount: URIRef
    partnersWith: URIRef
    partnershipComplexity: URIRef
    partnershipKind: URIRef
    partyTo: URIRef
    presentIn: URIRef
    provenanceProperty: URIRef
    purpose: URIRef
    question: URIRef
    quote: URIRef
    reifies: URIRef
    relationshipType: URIRef
    required: URIRef
    resources: URIRef
    respondents: URIRef
    retrieved: URIRef
    role: URIRef
    routedTo: URIRef
    section: URIRef
    serves: URIRef
    share: URIRef
    signed: URIRef
    sought: URIRef
    source: URIRef
    sourceId: URIRef
    start: URIRef
    strength: URIRef
    strengthPosition: URIRef
    targetGroup: URIRef
    targets: URIRef
    targetsMarket: URIRef
    technology: URIRef
    timeHorizon: URIRef
    tradeCouncilScope: URIRef
    underModel: URIRef
    undertakes: URIRef
    url: URIRef
    validFrom: URIRef
    validUntil: URIRef


class Label:
    """Node labels (pg:nodeLabel)."""

    ActivityType: Final = "ActivityType"
    Agreement: Final = "Agreement"
    Authority: Final = "Authority"
    BusinessHub: Final = "BusinessHub"
    City: Final = "City"
    Cluster: Final = "Cluster"
    Company: Final = "Company"
    ContactPerson: Final = "ContactPerson"
    Country: Final = "Country"
    EUDKSupport: Final = "EUDKSupport"
    Engagement: Final = "Engagement"
    EnterpriseEuropeNetwork: Final = "EnterpriseEuropeNetwork"
    ForeignCluster: Final = "ForeignCluster"
    Funder: Final = "Funder"
    FundingProgramme: Final = "FundingProgramme"
    Hotspot: Final = "Hotspot"
    InnovationCentre: Final = "InnovationCentre"
    InvestInDenmark: Final = "InvestInDenmark"
    Investor: Final = "Investor"
    KnowledgeInstitution: Final = "KnowledgeInstitution"
    Lead: Final = "Lead"
    Market: Final = "Market"
    MarketingOrganisation: Final = "MarketingOrganisation"
    Model: Final = "Model"
    PartnerRole: Final = "PartnerRole"
    Region: Final = "Region"
    RegionalEUOffice: Final = "RegionalEUOffice"
    Requirement: Final = "Requirement"
    Sector: Final = "Sector"
    Service: Final = "Service"
    SurveyFigure: Final = "SurveyFigure"
    TradeAssociation: Final = "TradeAssociation"
    TradeCouncil: Final = "TradeCouncil"

    ALL: Final = frozenset(
        {
            ActivityType,
            Agreement,
            Authority,
            BusinessHub,
            City,
            Cluster,
            Company,
            ContactPerson,
            Country,
            EUDKSupport,
            Engagement,
            EnterpriseEuropeNetwork,
            ForeignCluster,
            Funder,
            FundingProgramme,
            Hotspot,
            InnovationCentre,
            InvestInDenmark,
            Investor,
            KnowledgeInstitution,
            Lead,
            Market,
            MarketingOrganisation,
            Model,
            PartnerRole,
            Region,
            RegionalEUOffice,
            Requirement,
            Sector,
            Service,
            SurveyFigure,
            TradeAssociation,
            TradeCouncil,
        }
    )


class Rel:
    """Relationship types (pg:relationshipType)."""

    ABOUT_ACTIVITY: Final = "ABOUT_ACTIVITY"
    ABOUT_ROLE: Final = "ABOUT_ROLE"
    ANCHORED_IN: Final = "ANCHORED_IN"
    ANY_OF_ROLE: Final = "ANY_OF_ROLE"
    CONTACT_FOR: Final = "CONTACT_FOR"
    FOCUSES_ON: Final = "FOCUSES_ON"
    FOUND_BY: Final = "FOUND_BY"
    FOUND_IN: Final = "FOUND_IN"
    FUNDED_BY: Final = "FUNDED_BY"
    HAS_CONTACT: Final = "HAS_CONTACT"
    HAS_REQUIREMENT: Final = "HAS_REQUIREMENT"
    HAS_STRENGTH: Final = "HAS_STRENGTH"
    INCLUDES_ACTIVITY: Final = "INCLUDES_ACTIVITY"
    INCLUDES_COUNTRY: Final = "INCLUDES_COUNTRY"
    INVOLVES: Final = "INVOLVES"
    IN_COUNTRY: Final = "IN_COUNTRY"
    IN_HOTSPOT: Final = "IN_HOTSPOT"
    LEADS_TO: Final = "LEADS_TO"
    LOCATED_IN: Final = "LOCATED_IN"
    MEMBER_OF: Final = "MEMBER_OF"
    OFFERS: Final = "OFFERS"
    PARTNERS_WITH: Final = "PARTNERS_WITH"
    PARTY_TO: Final = "PARTY_TO"
    PART_OF: Final = "PART_OF"
    PRESENT_IN: Final = "PRESENT_IN"
    ROUTED_TO: Final = "ROUTED_TO"
    SERVES: Final = "SERVES"
    TARGETS: Final = "TARGETS"
    TARGETS_MARKET: Final = "TARGETS_MARKET"
    UNDERTAKES: Final = "UNDERTAKES"
    UNDER_MODEL: Final = "UNDER_MODEL"

    ALL: Final = frozenset(
        {
            ABOUT_ACTIVITY,
            ABOUT_ROLE,
            ANCHORED_IN,
            ANY_OF_ROLE,
            CONTACT_FOR,
            FOCUSES_ON,
            FOUND_BY,
            FOUND_IN,
            FUNDED_BY,
            HAS_CONTACT,
            HAS_REQUIREMENT,
            HAS_STRENGTH,
            INCLUDES_ACTIVITY,
            INCLUDES_COUNTRY,
            INVOLVES,
            IN_COUNTRY,
            IN_HOTSPOT,
            LEADS_TO,
            LOCATED_IN,
            MEMBER_OF,
            OFFERS,
            PARTNERS_WITH,
            PARTY_TO,
            PART_OF,
            PRESENT_IN,
            ROUTED_TO,
            SERVES,
            TARGETS,
            TARGETS_MARKET,
            UNDERTAKES,
            UNDER_MODEL,
        }
    )


class RoleId:
    """Partner role ids (ontology/models.ttl)."""

    authority: Final = "role:authority"
    business_hub: Final = "role:business-hub"
    company: Final = "role:company"
    danish_cluster: Final = "role:danish-cluster"
    een: Final = "role:een"
    eu_office: Final = "role:eu-office"
    foreign_cluster: Final = "role:foreign-cluster"
    funder: Final = "role:funder"
    icdk: Final = "role:icdk"
    invest_in_denmark: Final = "role:invest-in-denmark"
    investor: Final = "role:investor"
    knowledge_institution: Final = "role:knowledge-institution"
    marketing_organisation: Final = "role:marketing-organisation"
    multinational: Final = "role:multinational"
    trade_association: Final = "role:trade-association"
    trade_council: Final = "role:trade-council"

    ALL: Final = frozenset(
        {
            authority,
            business_hub,
            company,
            danish_cluster,
            een,
            eu_office,
            foreign_cluster,
            funder,
            icdk,
            invest_in_denmark,
            investor,
            knowledge_institution,
            marketing_organisation,
            multinational,
            trade_association,
            trade_council,
        }
    )


class ModelId:
    """The internationalisation models' ids (ontology/models.ttl)."""

    innovation_platform: Final = "model:innovation-platform"
    innovation_test: Final = "model:innovation-test"
    key_market_partnership: Final = "model:key-market-partnership"
    market_test: Final = "model:market-test"

    ALL: Final = frozenset(
        {
            innovation_platform,
            innovation_test,
            key_market_partnership,
            market_test,
        }
    )
