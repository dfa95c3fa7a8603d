"""The models and roles as the generator uses them, taken from the one reader of models.ttl:
models in the order of their ids, roles with the labels an INVOLVES relationship may end at."""

from __future__ import annotations

from loaders.synthetic.terms import INNOVATION, MARKET, SCHEMA
from ontology.models import ModelSpec, load_catalogue
from ontology.names import Rel


def models_by_id() -> list[ModelSpec]:
    """The models ordered by id; the generator needs both innovation and market ones to give each
    kind of target a model that suits it."""
    models = sorted(load_catalogue().models.values(), key=lambda model: model.id)
    if {model.purpose for model in models} != {INNOVATION, MARKET}:
        raise ValueError("ontology/models.ttl must hold both innovation and market models")
    return models


def involvable_roles() -> dict[str, tuple[str, ...]]:
    """Role id -> the labels that fill it and can be INVOLVES' end; roles no such label fills
    are left out, so an engagement never draws for a role it cannot fill."""
    involvable = SCHEMA.relationship_types[Rel.INVOLVES].range
    roles = {}
    for role in load_catalogue().roles.values():
        labels = tuple(label for label in role.labels if label in involvable)
        if labels:
            roles[role.id] = labels
    return roles
