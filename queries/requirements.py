"""What the models ask for, as facts the findings can cite: each rests on the report's section."""

from __future__ import annotations

from graph.facts import Evidence
from ontology.models import ModelSpec, Requirement
from ontology.names import Rel

# The report's logic of progression (ontology/models.ttl, pg:leadsTo) is stated in this section:
# "en vellykket test af innovationspotentialet kan føre til videreudvikling af samarbejdet".
PROGRESSION_SECTION = "Model: Test af innovationspotentiale"


def requirement(model: ModelSpec, need: Requirement, role: str | None = None) -> Evidence:
    """The model's requirement (and the role in it that a finding is about), with the report's
    section."""
    path: tuple[str, ...] = (model.id, Rel.HAS_REQUIREMENT, need.id)
    if role is not None:
        path += (Rel.ANY_OF_ROLE, role)
    return Evidence(path=path, source="report", section=need.section, confidence="reported")


def progression(from_model: str, to_model: str) -> Evidence:
    """A short test's growth into the long-term model, with the report's section."""
    return Evidence(
        path=(from_model, Rel.LEADS_TO, to_model),
        source="report",
        section=PROGRESSION_SECTION,
        confidence="reported",
    )
