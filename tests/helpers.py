"""Small record builders shared by the tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from graph.records import STORE_MANAGED, NodeRecord, RelationshipRecord
from graph.store import GraphStore
from loaders.batch import SourceBatch
from ontology.names import ModelId, Rel
from ontology.schema import load_schema

PROVENANCE = {"source": "test fixture", "confidence": "illustrative"}

ROOT = Path(__file__).resolve().parents[1]  # the project's folder
EXE = shutil.which("partnergraph") or str(ROOT / ".venv/bin/partnergraph")


def run(*args: str, store: str = "memory") -> subprocess.CompletedProcess[str]:
    """The installed `partnergraph` command, as a user runs it (in a wide terminal)."""
    env = {**os.environ, "PARTNERGRAPH_STORE": store, "COLUMNS": "200"}
    return subprocess.run([EXE, *args], env=env, capture_output=True, text=True, timeout=300)


def node(node_id: str, source_id: str, /, **props: Any) -> NodeRecord:
    label = load_schema().label_for_id(node_id)
    return NodeRecord(
        node_id,
        label,
        {"id": node_id, "name": node_id, **PROVENANCE, **props, "source_id": source_id},
    )


def rel(start: str, rel_type: str, end: str, source_id: str, /, **props: Any) -> RelationshipRecord:
    schema = load_schema()
    return RelationshipRecord(
        rel_type,
        start,
        end,
        schema.label_for_id(start),
        schema.label_for_id(end),
        {**PROVENANCE, **props, "source_id": source_id},
    )


def sample_batch(source_id: str = "test/sample") -> SourceBatch:
    """Two clusters, an ICDK, a foreign cluster, an agreement: enough to exercise every rule."""
    s = source_id
    return SourceBatch(
        s,
        nodes=[
            node("cluster:odense-robotics", s, name="Odense Robotics", national=True),
            node("cluster:clean", s, name="CLEAN", status="active"),
            node("icdk:munich", s, name="ICDK Munich", opened_year=2013),
            node("fcluster:bavaria-robotics", s, name="Bavarian robotics <b>cluster</b>"),
            node("country:DE", s, name="Germany", iso2="DE"),
            node(
                "agreement:or-munich",
                s,
                name="Odense Robotics - ICDK Munich MoU",
                agreement_kind="mou",
                valid_from=dt.date(2020, 1, 1),
                valid_until=dt.date(2023, 12, 31),
            ),
            node("sector:robotics", s, name="Robotics"),
        ],
        relationships=[
            rel(
                "cluster:odense-robotics",
                Rel.PARTNERS_WITH,
                "icdk:munich",
                s,
                kind="formal",
                start=dt.date(2019, 3, 1),
                contact_persons=1,
            ),
            rel("cluster:odense-robotics", Rel.PARTY_TO, "agreement:or-munich", s),
            rel("icdk:munich", Rel.PARTY_TO, "agreement:or-munich", s),
            rel("cluster:odense-robotics", Rel.HAS_STRENGTH, "sector:robotics", s),
            rel("icdk:munich", Rel.PRESENT_IN, "country:DE", s),
            rel(
                "cluster:clean", Rel.PARTNERS_WITH, "fcluster:bavaria-robotics", s, kind="informal"
            ),
            rel(
                "cluster:odense-robotics",
                Rel.TARGETS_MARKET,
                "country:DE",
                s,
                model=ModelId.market_test,
            ),
        ],
    )


def snapshot(store: GraphStore, keep_timestamps: bool = False) -> dict[str, Any]:
    """Everything a user could read from a store, as plain comparable data."""
    drop = set() if keep_timestamps else STORE_MANAGED

    def clean(props: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in props.items() if k not in drop}

    return {
        "nodes": {n["id"]: clean(n) for n in store.nodes()},
        "relationships": sorted(
            (r.start, r.type, r.end, sorted(clean(r.properties).items()))
            for r in store.relationships()
        ),
    }
