"""The HTTP API's response (and request) models, named for what they hold."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from api import examples
from api.examples import example
from graph.records import source_name
from ontology.names import Label, ModelId, Rel, RoleId
from queries.findings import ActorRef, Gap


class Message(BaseModel):
    """An error: what went wrong and what to do."""

    detail: str


class Problem(BaseModel):
    """One thing wrong with a request: where (`["query", "limit"]`, `["body", "query"]`), what,
    and its kind."""

    loc: list[str | int] = Field(examples=[["query", "limit"]])
    msg: str = Field(examples=["Input should be greater than or equal to 1"])
    type: str = Field(examples=["greater_than_equal"])


class ValidationMessage(BaseModel):
    """Every 422: `detail` says it in one line, `problems` one by one."""

    detail: str = Field(examples=["query limit: Input should be greater than or equal to 1"])
    problems: list[Problem]


class UnknownIdMessage(BaseModel):
    """No node has the id; `closest` holds the ids most likely meant."""

    detail: str = Field(examples=["no Cluster 'odense-robotic'; closest: cluster:odense-robotics"])
    closest: list[str] = Field(examples=[["cluster:odense-robotics"]])


class InactiveMessage(BaseModel):
    """The cluster is not active: no partners are recommended to it."""

    detail: str = Field(examples=["MARLOG (cluster:marlog) is bankrupt: no partners are ..."])
    status: str = Field(examples=["bankrupt"])


# --- health -------------------------------------------------------------------------------------
class Health(BaseModel):
    model_config = example(examples.HEALTH)

    status: Literal["ok", "degraded"]
    store: Literal["memory", "neo4j"]
    reachable: bool
    detail: str | None = None  # why the store cannot be reached, with a hint


class Liveness(BaseModel):
    model_config = example(examples.LIVENESS)

    status: Literal["alive"] = "alive"


class Readiness(BaseModel):
    model_config = example(examples.READINESS)

    ready: Literal[True] = True
    store: Literal["memory", "neo4j"]


# --- actors and models --------------------------------------------------------------------------
class ActorPage(BaseModel):
    model_config = example(examples.ACTOR_PAGE)

    total: int = Field(description="Actors matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[ActorRef]


class Provenance(BaseModel):
    """Where a fact comes from."""

    source: str | None = None
    section: str | None = None
    url: str | None = None
    confidence: str | None = Field(None, examples=["reported"])
    retrieved: dt.date | None = None
    source_id: str | None = Field(
        None, description="The loaded source that states the fact (by name, never a path)."
    )

    @field_validator("source_id")
    @classmethod
    def _by_name(cls, value: str | None) -> str | None:
        return None if value is None else source_name(value)


class Partnership(BaseModel):
    partner: ActorRef
    direction: Literal["outgoing", "incoming"]
    kind: str | None = Field(None, examples=["formal"])
    start: dt.date | None = None
    end: dt.date | None = None
    provenance: Provenance


class AgreementSummary(BaseModel):
    id: str
    name: str
    agreement_kind: str | None = None
    status: str | None = None
    signed: dt.date | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    parties: list[ActorRef]
    provenance: Provenance


class ActorDetail(BaseModel):
    model_config = example(examples.ACTOR)

    id: str
    name: str
    type: str
    properties: dict[str, Any] = Field(description="Every property the graph holds on the actor.")
    provenance: Provenance
    partnerships: list[Partnership]
    agreements: list[AgreementSummary]


class RoleRef(BaseModel):
    id: str = Field(examples=[RoleId.icdk])
    name: str
    filled_by: list[str] = Field(description="Node labels of actors that can fill the role.")


class RequirementSummary(BaseModel):
    """What a model's partnership needs: at least `min_partners` partners in any of the roles."""

    id: str = Field(examples=["requirement:market-test-support"])
    name: str
    strength: Literal["required", "recommended"]
    min_partners: int = Field(ge=1)
    any_of_roles: list[RoleRef] = Field(description="The alternatives: any of them meets it.")
    quote: str | None = Field(None, description="The report's own words (Danish).")
    provenance: Provenance


class ModelSummary(BaseModel):
    model_config = example(examples.MODEL)

    id: str = Field(examples=[ModelId.market_test])
    name: str
    name_da: str | None = None
    number: int | None = None
    purpose: str | None = None
    time_horizon: str | None = None
    partnership_complexity: str | None = None
    resources: str | None = None
    description: str | None = None
    icdk_role: str | None = None
    agreement_needed: str | None = Field(
        None, description="The formal agreement the model rests on; null: none is needed."
    )
    requirements: list[RequirementSummary]
    required_roles: list[RoleRef] = Field(description="The roles the required requirements name.")
    recommended_roles: list[RoleRef]
    provenance: Provenance


# --- findings: gaps and recommendations (the shapes are queries/findings.py's) -----------------
class ClusterGaps(BaseModel):
    model_config = example(examples.CLUSTER_GAPS)

    cluster: str = Field(examples=["cluster:odense-robotics"])
    model: str | None = Field(None, examples=[ModelId.market_test])
    gaps: list[Gap]


# --- survey, Cypher -----------------------------------------------------------------------------
class SurveyRow(BaseModel):
    model_config = example(examples.SURVEY_ROW)

    figure: str = Field(examples=["survey:partners-icdk"])
    question: str
    option: str
    report_share: float | None = Field(description="None where the report's figure is garbled.")
    report_count: int | None
    sourced_count: int
    sourced_share: float
    with_illustrative_count: int
    with_illustrative_share: float


class CypherQuery(BaseModel):
    query: str = Field(
        min_length=1,
        max_length=20_000,
        description="One read-only Cypher statement; values go in `parameters` as $names.",
        examples=[
            f"MATCH (c:{Label.Cluster} {{id: $id}})-[:{Rel.PARTNERS_WITH}]-(p) "
            "RETURN p.id AS partner"
        ],
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict, examples=[{"id": "cluster:odense-robotics"}]
    )


class CypherRows(BaseModel):
    model_config = example(examples.CYPHER_ROWS)

    columns: list[str] = Field(examples=[["partner"]])
    rows: list[list[Any]] = Field(
        description="Each row's values in the order of `columns`; nodes, relationships and "
        "paths as maps, dates as ISO text.",
        examples=[[["icdk:munich"]]],
    )
    truncated: bool = Field(
        description="True when the answer was cut: more rows than `row_limit`, or more than "
        "about `byte_limit` bytes of values (`cut_by` says which)."
    )
    row_limit: int
    byte_limit: int | None = None
    cut_by: Literal["rows", "bytes"] | None = None
