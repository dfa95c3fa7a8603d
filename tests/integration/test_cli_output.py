"""Output an analyst takes into a report, from the installed command in a subprocess: Cypher
values as labels, properties and ISO dates (never the driver's objects), `-p` values as typed,
CSV for cypher, gaps, recommend and survey, and tables that keep every column when piped."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from typing import Any

import pytest

from ontology.names import Label, Rel
from tests.helpers import EXE, run

DRIVER_INTERNALS = ("<Node", "<Relationship", "<Path", "frozenset", "neo4j.time", "element_id")


def piped(*args: str, store: str = "memory") -> subprocess.CompletedProcess[str]:
    """The command with its output going to a pipe, as into a file or a CI log (no COLUMNS)."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PARTNERGRAPH_STORE"] = store
    return subprocess.run([EXE, *args], env=env, capture_output=True, text=True, timeout=300)


def rows_of(text: str) -> list[dict[str, Any]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_gaps_recommend_and_survey_as_csv() -> None:
    gaps = piped("gaps", "--cluster", "odense-robotics", "--as-of", "2026-12-01", "--format", "csv")
    assert gaps.returncode == 0, gaps.stderr
    found = rows_of(gaps.stdout)
    as_json = json.loads(
        run(
            "gaps", "--cluster", "odense-robotics", "--as-of", "2026-12-01", "--format", "json"
        ).stdout
    )
    assert [r["sentence"] for r in found] == [g["sentence"] for g in as_json]
    assert {r["severity"] for r in found} <= {"high", "medium", "low"}

    recs = piped(
        "recommend", "--cluster", "odense-robotics", "--model", "market-test", "--market", "DE",
        "--top", "3", "--format", "csv",
    )  # fmt: skip
    assert recs.returncode == 0, recs.stderr
    partners = rows_of(recs.stdout)
    assert [int(r["rank"]) for r in partners] == sorted(int(r["rank"]) for r in partners)
    assert all(0 <= float(r["score"]) <= 1 and r["partner_id"] for r in partners)
    assert {"role_fit", "market_presence", "reasons"} <= set(partners[0])

    survey = piped("survey", "--format", "csv")
    assert survey.returncode == 0, survey.stderr
    figures = rows_of(survey.stdout)
    assert len(figures) == 45  # every figure of the report's survey (data/denmark/survey.yaml)
    assert any(f["sourced_share"] == "" for f in figures)  # figures the graph does not count


def test_tables_piped_keep_every_column_and_the_key() -> None:
    # Before: cut at 80 columns, the gap summary lost its `high` column and the model key.
    result = piped("gaps")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("┃ cluster"))
    for column in ("model", "role", "formal", "cover", "fragile", "network", "high"):
        assert column in header
    flat = " ".join(result.stdout.split())
    assert "M3 Test of market-driven innovation; M4 Strategic partnerships for key markets" in flat
    survey = piped("survey")
    assert "graph, with illustrative" in survey.stdout


@pytest.mark.neo4j
def test_cypher_values_params_and_csv_on_neo4j(neo4j_store: object) -> None:
    assert run("load", store="neo4j").returncode == 0
    # Plain values are strings, as analysts type them.
    named = run(
        "cypher", "--name", "partners_of_cluster", "-p", "cluster=cluster:odense-robotics",
        "-p", "today=2026-12-01", "--format", "csv", "--limit", "500", store="neo4j",
    )  # fmt: skip
    assert named.returncode == 0, named.stderr
    partners = rows_of(named.stdout)
    assert "icdk:munich" in {r["partner_id"] for r in partners}
    assert {r["current"] for r in partners} <= {"true", "false"}

    # spelled: Cypher as a user types it
    query = (
        "MATCH path = (c:Cluster {id: $id})-[r:PARTNERS_WITH]->(p) "
        "RETURN c, r, path, date('2026-12-01') AS day, point({x: 1, y: 2}) AS place LIMIT 1"
    )
    table = piped("cypher", query, "-p", "id=cluster:odense-robotics", store="neo4j")
    assert table.returncode == 0, table.stderr
    assert not any(internal in table.stdout for internal in DRIVER_INTERNALS), table.stdout
    flat = " ".join(table.stdout.split())
    assert f"(:{Label.Cluster} {{" in flat and 'id: "cluster:odense-robotics"' in flat
    assert f"[:{Rel.PARTNERS_WITH} {{" in flat and "2026-12-01" in flat

    as_json = run("cypher", query, "-p", "id=cluster:odense-robotics", "--format", "json",
                  store="neo4j")  # fmt: skip
    row = json.loads(as_json.stdout)[0]
    assert row["c"]["labels"] == [Label.Cluster]
    assert row["c"]["properties"]["id"] == "cluster:odense-robotics"
    assert row["r"]["type"] == Rel.PARTNERS_WITH and row["r"]["start"] == "cluster:odense-robotics"
    assert len(row["path"]["nodes"]) == 2 and row["day"] == "2026-12-01"
    assert row["place"] == {"srid": 7203, "coordinates": [1.0, 2.0]}

    schema = piped("cypher", "CALL db.schema.visualization()", store="neo4j")
    assert schema.returncode == 0, schema.stderr
    assert not any(internal in schema.stdout for internal in DRIVER_INTERNALS)
    assert f"(:{Label.Cluster} {{" in " ".join(schema.stdout.split())

    typed = run("cypher", "RETURN $n + 1 AS n", "-p", "n:integer=41", "--format", "json",
                store="neo4j")  # fmt: skip
    assert json.loads(typed.stdout) == [{"n": 42}]
    huge = run("cypher", "RETURN $n AS n", "-p", "n:integer=99999999999999999999", store="neo4j")
    assert huge.returncode == 1
    assert (
        huge.stderr.count("\n") == 1 and "64-bit" in huge.stderr and "Traceback" not in huge.stderr
    )
