"""One cluster's facts, with the questions both the gap analysis and the recommender ask of them:
which markets (by country) its engagements and declarations aim at, which roles its work under
a model already has, which agreements are valid on a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from graph.facts import (
    ActorFacts,
    AgreementFacts,
    AnalysisFacts,
    ClusterFacts,
    EngagementFacts,
    Link,
    Place,
)
from ontology.models import Catalogue, load_catalogue
from ontology.names import Label
from ontology.schema import load_schema
from queries.leads.outcomes import PastLead
from queries.validity import partnership_ended


def with_countries(facts: AnalysisFacts, place_ids: Iterable[str]) -> dict[str, Place]:
    """The places, and the countries they lie in (for their names)."""
    places = facts.places(sorted(set(place_ids)))
    countries = {p.country for p in places.values() if p.country and p.country not in places}
    return {**places, **facts.places(sorted(countries))} if countries else places


@dataclass
class ClusterContext:
    facts: ClusterFacts
    places: dict[str, Place]
    partners: dict[str, ActorFacts]  # the cluster's partners, with where they are present
    catalogue: Catalogue
    sectors: dict[str, str]  # every sector's name by id (a candidate's may be none of its own)
    # Leads routed to the cluster with an outcome (queries/leads/outcomes.py leads_to): the
    # recommender's trust learns from them; empty unless the caller reads them.
    leads: tuple[PastLead, ...] = ()

    @classmethod
    def build(cls, facts: AnalysisFacts, cluster: ClusterFacts) -> ClusterContext:
        place_ids = {link.end for link in cluster.declarations}
        for engagement in cluster.engagements:
            place_ids |= {link.end for link in engagement.targets}
        for agreement in cluster.agreements:
            place_ids |= {link.end for link in agreement.targets}
        partner_ids = sorted({link.end for link in cluster.partnerships})
        labels = sorted({cluster.nodes[i].label for i in partner_ids})
        partners = {actor.node.id: actor for actor in facts.actors(labels, partner_ids)}
        sectors = {actor.node.id: actor.node.name for actor in facts.actors([Label.Sector])}
        return cls(cluster, with_countries(facts, place_ids), partners, load_catalogue(), sectors)

    @property
    def id(self) -> str:
        return self.facts.node.id

    def name(self, node_id: str | None) -> str:
        """A readable name for an id the cluster's facts mention."""
        if node_id is None:
            return "-"
        if node_id in self.catalogue.models:
            return self.catalogue.models[node_id].name
        if node_id in self.catalogue.roles:
            return self.catalogue.roles[node_id].name
        if node_id in self.sectors:
            return self.sectors[node_id]
        node = self.facts.nodes.get(node_id) or (
            self.places[node_id].node if node_id in self.places else None
        )
        return node.name if node else node_id

    # --- markets -------------------------------------------------------------------------------
    def country(self, place_id: str) -> str | None:
        place = self.places.get(place_id)
        return place.country if place else None

    def countries(self, links: Iterable[Link]) -> set[str]:
        return {c for link in links if (c := self.country(link.end)) is not None}

    def primary_market(self, engagement: EngagementFacts) -> str | None:
        """The engagement's market for reporting: its country, else its first target."""
        countries = sorted(self.countries(engagement.targets))
        if countries:
            return countries[0]
        return engagement.targets[0].end if engagement.targets else None

    # --- engagements under a model ---------------------------------------------------------------
    @staticmethod
    def models_of(engagement: EngagementFacts) -> list[str]:
        return sorted({link.end for link in engagement.models})

    def engagements_under(self, model: str, country: str | None = None) -> list[EngagementFacts]:
        """Engagements under the model, aimed at the country if one is given."""
        return [
            engagement
            for engagement in self.facts.engagements
            if model in self.models_of(engagement)
            and (country is None or country in self.countries(engagement.targets))
        ]

    @staticmethod
    def involved_roles(engagements: Iterable[EngagementFacts]) -> dict[str, list[Link]]:
        roles: dict[str, list[Link]] = {}
        for engagement in engagements:
            for link in engagement.involves:
                if link.get("role"):
                    roles.setdefault(link.get("role"), []).append(link)
        return roles

    def partnerships_on(self, day: dt.date) -> list[Link]:
        """The cluster's partnerships on `day`: one ended before it is history, not a tie."""
        return [link for link in self.facts.partnerships if not partnership_ended(link.props, day)]

    # --- agreements ----------------------------------------------------------------------------
    def agreement_covers(
        self, agreement: AgreementFacts, model: str, country: str | None, partners: set[str]
    ) -> bool:
        """An agreement backs work under a model in a market if it names the model, aims at the
        market, or binds a partner of that work."""
        return (
            model in {link.end for link in agreement.models}
            or (country is not None and country in self.countries(agreement.targets))
            or bool(partners & {link.start for link in agreement.parties})
        )


def hotspots_among(places: Iterable[str]) -> list[str]:
    """The hotspots among these places (they have an area of their own: who is IN_HOTSPOT
    there; a market is a sector or value chain in its country, with none)."""
    schema = load_schema()
    return sorted(p for p in places if schema.label_for_id(p) == Label.Hotspot)
