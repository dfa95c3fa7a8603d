"""The four internationalisation models and the partner roles each requires or recommends."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.routes.common import NOT_FOUND, provenance_of
from api.schemas import ModelSummary, RoleRef
from graph.store import GraphStore
from ontology.names import Label, ModelId, Rel
from ontology.schema import load_schema
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
    load_schema()
    roles = {
        r["id"]: RoleRef(id=r["id"], name=r["name"], filled_by=r.get("filled_by_labels") or [])
        for r in store.nodes(Label.PartnerRole)
    }
    required: dict[str, list[RoleRef]] = {}
    recommended: dict[str, list[RoleRef]] = {}
    for rel_type, into in ((Rel.REQUIRES_ROLE, required), (Rel.RECOMMENDS_ROLE, recommended)):
        for r in store.relationships(rel_type):
            if r.end in roles:
                into.setdefault(r.start, []).append(roles[r.end])
    models = sorted(store.nodes(Label.Model), key=lambda m: (m.get("number") or 99, m["id"]))
    return [_summary(m, required.get(m["id"], []), recommended.get(m["id"], [])) for m in models]


def _summary(
    model: dict[str, Any], required: list[RoleRef], recommended: list[RoleRef]
) -> ModelSummary:
    fields = set(ModelSummary.model_fields) - {"required_roles", "recommended_roles", "provenance"}
    return ModelSummary.model_validate(
        {
            **{k: model.get(k) for k in fields},
            "required_roles": sorted(required, key=lambda r: r.id),
            "recommended_roles": sorted(recommended, key=lambda r: r.id),
            "provenance": provenance_of(model),
        }
    )
