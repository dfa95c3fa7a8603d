"""The four models and the partner roles as the analysis needs them (from ontology/models.ttl)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.term import Node

from ontology.schema import PG, models_graph
from queries.findings import Evidence

# The report's logic of progression: a successful short test grows into the long-term model with
# the same purpose ("en vellykket test af innovationspotentialet kan føre til videreudvikling af
# samarbejdet", section "Model: Test af innovationspotentiale").
PROGRESSION = {
    "model:innovation-test": "model:innovation-platform",
    "model:market-test": "model:key-market-partnership",
}
PROGRESSION_SECTION = "Model: Test af innovationspotentiale"

# Roles filled from Denmark: a partner in such a role need not be present in the target market.
DOMESTIC_ROLES = frozenset(
    {
        "role:business-hub",
        "role:danish-cluster",
        "role:eu-office",
        "role:invest-in-denmark",
        "role:authority",
        "role:funder",
        "role:trade-association",
    }
)
# Companies are the models' target group (the cluster's members), not partners to recruit.
NOT_RECOMMENDED_ROLES = frozenset({"role:company"})


@dataclass(frozen=True)
class RoleSpec:
    id: str
    name: str
    labels: tuple[str, ...]  # node labels that can fill the role
    section: str

    def filled_by(self, label: str, size: str | None = None) -> bool:
        """Whether a node of `label` (a company of `size`) fills the role."""
        if label not in self.labels:
            return False
        return self.id != "role:multinational" or size == "multinational"


@dataclass(frozen=True)
class ModelSpec:
    id: str
    name: str
    number: int
    long_term: bool
    required: tuple[str, ...]
    recommended: tuple[str, ...]
    section: str

    def role_fit(self, role: str) -> float:
        """1 for a role the model requires, 0.5 for one it recommends, else 0."""
        return 1.0 if role in self.required else 0.5 if role in self.recommended else 0.0

    def requirement(self, role: str) -> Evidence:
        """The model's requirement of a role, as a fact with the report's section."""
        relation = "REQUIRES_ROLE" if role in self.required else "RECOMMENDS_ROLE"
        return Evidence((self.id, relation, role), "report", self.section, None, "reported")


@dataclass(frozen=True)
class Catalogue:
    models: dict[str, ModelSpec]
    roles: dict[str, RoleSpec]

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
            role_id, _text(graph, role, PG.name), tuple(labels), _text(graph, role, PG.section)
        )
    models = {}
    for model in set(graph.subjects(predicate=PG.requiresRole)):
        model_id = _text(graph, model, PG.identifier)
        models[model_id] = ModelSpec(
            id=model_id,
            name=_text(graph, model, PG.name),
            number=int(_text(graph, model, PG.number)),
            long_term=_text(graph, model, PG.timeHorizon) == "long",
            required=_role_ids(graph, model, PG.requiresRole),
            recommended=_role_ids(graph, model, PG.recommendsRole),
            section=_text(graph, model, PG.section),
        )
    return Catalogue(
        dict(sorted(models.items(), key=lambda item: item[1].number)), dict(sorted(roles.items()))
    )


def _text(graph: Graph, subject: Node, predicate: URIRef) -> str:
    value = graph.value(subject, predicate)
    return "" if value is None else str(value)


def _role_ids(graph: Graph, model: Node, predicate: URIRef) -> tuple[str, ...]:
    return tuple(
        sorted(_text(graph, role, PG.identifier) for role in graph.objects(model, predicate))
    )
