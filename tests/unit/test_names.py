"""ontology/names.py is what the Turtle says, and its names are closed."""

from __future__ import annotations

import pytest

from ontology.generate_names import NAMES_FILE, module_text
from ontology.models import load_catalogue
from ontology.names import PG, Label, ModelId, Rel, RoleId
from ontology.schema import load_schema


def test_the_generated_names_are_up_to_date_with_the_turtle() -> None:
    assert NAMES_FILE.read_text(encoding="utf-8") == module_text(), (
        "ontology/names.py is stale: run `python -m ontology.generate_names --write`"
    )


def test_the_names_are_the_schemas_and_the_catalogues() -> None:
    schema, catalogue = load_schema(), load_catalogue()
    assert set(schema.node_types) == Label.ALL
    assert set(schema.relationship_types) == Rel.ALL
    assert set(catalogue.roles) == RoleId.ALL
    assert set(catalogue.models) == ModelId.ALL


def test_a_typo_in_a_name_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = Label.Clusters  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = RoleId.icdks  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = PG.partnerWith
    assert PG.partnersWith.endswith("#partnersWith")
