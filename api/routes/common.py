"""What several routers share: response documentation for errors, and small converters."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from api.schemas import ActorRef, InactiveMessage, Provenance, UnknownIdMessage
from ontology.schema import load_schema

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": UnknownIdMessage, "description": "No node has the id; the closest ids."}
}
INACTIVE: dict[int | str, dict[str, Any]] = {
    409: {"model": InactiveMessage, "description": "The cluster is not active (bankrupt, merged)."}
}


def iso_date_only(value: object) -> object:
    """YYYY-MM-DD only: pydantic would also read `0` as a Unix time (1970-01-01)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("use YYYY-MM-DD")
    return value


# An optional day parameter; each route adds its own Query(description=...).
AsOfDay = Annotated[dt.date | None, BeforeValidator(iso_date_only)]


def provenance_of(properties: dict[str, Any]) -> Provenance:
    return Provenance(**{k: properties.get(k) for k in Provenance.model_fields})


def actor_ref(properties: dict[str, Any]) -> ActorRef:
    node_id = properties["id"]
    return ActorRef(
        id=node_id, name=properties.get("name", node_id), type=load_schema().label_for_id(node_id)
    )


def actor_labels() -> list[str]:
    """The node labels of actors (whatever may partner with another actor), sorted."""
    return sorted(load_schema().actor_labels)
