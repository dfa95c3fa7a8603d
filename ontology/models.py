"""The four internationalisation models, their requirements and the partner roles, as code reads
them: the one reader of ontology/models.ttl (the loaders put the same file into the graph)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ontology.names import PG
from ontology.schema import models_graph


@dataclass(frozen=True)
class RoleSpec:
    id: str
    name: str
    labels: tuple[str, ...]  # node labels that can fill the role
    section: str  # the report's section that names the role
    exercised_at: str = "abroad"  # abroad | home | either (see models.ttl)
    target_group: bool = False  # the models' target group, never recommended as a partner
    filled_by_size: str | None = None  # only companies of this size fill it

    @property
    def domestic(self) -> bool:
        """Filled from Denmark: its partner need not be present in the target market."""
        return self.exercised_at == "home"

    def filled_by(self, label: str, size: str | None = None) -> bool:
        """Whether a node of `label` (a company of `size`) fills the role."""
        if label not in self.labels:
            return False
        return self.filled_by_size is None or size == self.filled_by_size


@dataclass(frozen=True)
class Requirement:
    """At least `min_partners` distinct partners in any of `roles` (the alternatives)."""

    id: str
    name: str
    strength: str  # required | recommended
    min_partners: int
    roles: tuple[str, ...]
    quote: str  # the report's words (Danish)
    section: str

    @property
    def required(self) -> bool:
        return self.strength == "required"


@dataclass(frozen=True)
class ModelSpec:
    id: str
    name: str
    number: int
    purpose: str  # innovation | market
    time_horizon: str  # short | long
    requirements: tuple[Requirement, ...]  # required ones first
    section: str
    leads_to: str | None = None  # the long-term model a successful test grows into
    agreement_needed: str | None = None  # the agreement kind its partnership rests on
    agreement_quote: str = ""

    @property
    def long_term(self) -> bool:
        return self.time_horizon == "long"

    @property
    def required(self) -> tuple[str, ...]:
        """The roles of the required requirements (each one of alternatives)."""
        return tuple(sorted({r for q in self.requirements if q.required for r in q.roles}))

    @property
    def recommended(self) -> tuple[str, ...]:
        """The roles only recommended requirements name."""
        named = {r for q in self.requirements if not q.required for r in q.roles}
        return tuple(sorted(named - set(self.required)))

    def role_fit(self, role: str) -> float:
        """1 for a role a required requirement names, 0.5 for a recommended one's, else 0."""
        return 1.0 if role in self.required else 0.5 if role in self.recommended else 0.0


@dataclass(frozen=True)
class Catalogue:
    models: dict[str, ModelSpec]  # by number
    roles: dict[str, RoleSpec]  # by id

    def roles_filled_by(self, label: str, size: str | None = None) -> list[str]:
        return [r.id for r in self.roles.values() if r.filled_by(label, size)]


@cache
def load_catalogue() -> Catalogue:
    graph = models_graph()
    roles = {}
    for role in graph.subjects(predicate=PG.filledByLabels):
        role_id = _text(graph, role, PG.identifier)
        labels = sorted(str(label) for label in graph.objects(role, PG.filledByLabels))
        roles[role_id] = RoleSpec(
            id=role_id,
            name=_text(graph, role, PG.name),
            labels=tuple(labels),
            section=_text(graph, role, PG.section),
            exercised_at=_text(graph, role, PG.exercisedAt) or "abroad",
            target_group=graph.value(role, PG.targetGroup) == Literal(True),
            filled_by_size=_text(graph, role, PG.filledBySize) or None,
        )
    models = {}
    for model in set(graph.subjects(predicate=PG.hasRequirement)):
        model_id = _text(graph, model, PG.identifier)
        leads_to = graph.value(model, PG.leadsTo)
        requirements = [_requirement(graph, q) for q in graph.objects(model, PG.hasRequirement)]
        models[model_id] = ModelSpec(
            id=model_id,
            name=_text(graph, model, PG.name),
            number=int(_text(graph, model, PG.number)),
            purpose=_text(graph, model, PG.purpose),
            time_horizon=_text(graph, model, PG.timeHorizon),
            requirements=tuple(sorted(requirements, key=lambda q: (not q.required, q.id))),
            section=_text(graph, model, PG.section),
            leads_to=_text(graph, leads_to, PG.identifier) if leads_to is not None else None,
            agreement_needed=_text(graph, model, PG.agreementNeeded) or None,
            agreement_quote=_text(graph, model, PG.quote),
        )
    return Catalogue(
        dict(sorted(models.items(), key=lambda item: item[1].number)), dict(sorted(roles.items()))
    )


def _text(graph: Graph, subject: Node, predicate: URIRef) -> str:
    value = graph.value(subject, predicate)
    return "" if value is None else str(value)


def _requirement(graph: Graph, requirement: Node) -> Requirement:
    roles = (_text(graph, role, PG.identifier) for role in graph.objects(requirement, PG.anyOfRole))
    return Requirement(
        id=_text(graph, requirement, PG.identifier),
        name=_text(graph, requirement, PG.name),
        strength=_text(graph, requirement, PG.strength),
        min_partners=int(_text(graph, requirement, PG.minPartners)),
        roles=tuple(sorted(roles)),
        quote=_text(graph, requirement, PG.quote),
        section=_text(graph, requirement, PG.section),
    )
