"""The four internationalisation models and the partner roles each requires or recommends."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.routes.common import NOT_FOUND, provenance_of
from api.schemas import ModelSummary, RequirementSummary, RoleRef
from graph.store import GraphStore
from ontology.names import Label, ModelId, Rel
from queries.ids import resolve_id

router = APIRouter(prefix="/models", tags=["models"])
ModelPath = Annotated[
    str,
    Path(
        description="Model id or bare slug.",
        examples=[ModelId.market_test, "key-market-partnership"],
    ),
]


@router.get("", response_model=list[ModelSummary])
def list_models(store: StoreDep) -> list[ModelSummary]:
    """The four models (report order), each with its required and recommended partner roles."""
    return _models(store)


@router.get("/{model_id}", response_model=ModelSummary, responses=NOT_FOUND)
def get_model(model_id: ModelPath, store: StoreDep) -> ModelSummary:
    """One model by id or slug; an unknown one is a 404 naming the closest model ids."""
    wanted = resolve_id(store, model_id, "model")
    return next(m for m in _models(store) if m.id == wanted)


def _models(store: GraphStore) -> list[ModelSummary]:
    roles = {
        r["id"]: RoleRef(id=r["id"], name=r["name"], filled_by=r.get("filled_by_labels") or [])
        for r in store.nodes(Label.PartnerRole)
    }
    needs = {q["id"]: q for q in store.nodes(Label.Requirement)}
    any_of: dict[str, list[str]] = {}
    for r in store.relationships(Rel.ANY_OF_ROLE):
        any_of.setdefault(r.start, []).append(r.end)
    of_model: dict[str, list[RequirementSummary]] = {}
    for r in store.relationships(Rel.HAS_REQUIREMENT):
        need = needs[r.end]
        of_model.setdefault(r.start, []).append(
            RequirementSummary(
                id=need["id"],
                name=need["name"],
                strength=need["strength"],
                min_partners=need["min_partners"],
                any_of_roles=[roles[i] for i in sorted(any_of.get(need["id"], [])) if i in roles],
                quote=need.get("quote"),
                provenance=provenance_of(need),
            )
        )
    models = sorted(store.nodes(Label.Model), key=lambda m: (m.get("number") or 99, m["id"]))
    return [_summary(m, of_model.get(m["id"], [])) for m in models]


def _summary(model: dict[str, Any], requirements: list[RequirementSummary]) -> ModelSummary:
    """A model with its requirements, required first, and the roles each kind names."""
    requirements.sort(key=lambda q: (q.strength != "required", q.id))
    required = {r.id: r for q in requirements if q.strength == "required" for r in q.any_of_roles}
    recommended = {
        r.id: r for q in requirements if q.strength != "required" for r in q.any_of_roles
    }
    derived = {"required_roles", "recommended_roles", "requirements", "provenance"}
    return ModelSummary.model_validate(
        {
            **{k: model.get(k) for k in set(ModelSummary.model_fields) - derived},
            "requirements": requirements,
            "required_roles": [required[i] for i in sorted(required)],
            "recommended_roles": [recommended[i] for i in sorted(set(recommended) - set(required))],
            "provenance": provenance_of(model),
        }
    )
