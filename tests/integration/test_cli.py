"""The command line as a user runs it: the installed `partnergraph` script, in a subprocess."""

import json
from pathlib import Path

import pytest
from rdflib import Graph

from graph.rdf_export import validate_rdf
from ontology.names import Label
from tests.helpers import run

CONTRACT_COMMANDS = [
    "load",
    "gaps",
    "recommend",
    "survey",
    "view",
    "board",
    "cypher",
    "export",
    "serve",
]


def test_help_lists_every_contract_command_and_version_prints() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in CONTRACT_COMMANDS:
        assert command in result.stdout
    assert run("--version").stdout.startswith("partnergraph 0.1.0")


def test_load_reports_counts_per_type_as_json() -> None:
    result = run("load", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["store"] == "memory"
    assert report["by_type"][Label.Cluster]["created"] == 15
    assert "illustrative/partnerships" in report["sources"]
    sourced = json.loads(run("load", "--no-include-illustrative", "--format", "json").stdout)
    assert not any(s.startswith("illustrative/") for s in sourced["sources"])


def test_load_of_a_broken_file_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "provenance: {source: notes, confidence: reported}\n"
        "nodes:\n  - {id: 'cluster:x'}\n"
        "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:x', to: 'icdk:munic'}\n"
    )
    result = run("load", str(broken))
    assert result.returncode == 1
    assert "broken.yaml:3: name = None: required for a Cluster" in result.stderr
    assert "broken.yaml:5: to = 'icdk:munic': unknown id; closest: icdk:munich" in result.stderr
    assert "2 problem(s) found; nothing was loaded" in result.stderr
    assert "Traceback" not in result.stderr


def test_load_of_a_missing_path_is_a_clear_error() -> None:
    result = run("load", "no/such/file.yaml")
    assert result.returncode == 1
    assert "no/such/file.yaml: no such file or folder" in result.stderr


def test_gaps_of_a_cluster_read_as_sentences_and_as_json() -> None:
    result = run("gaps", "--cluster", "vision-denmark", "--as-of", "2026-11-27")
    assert result.returncode == 0, result.stderr
    assert "HIGH" in result.stdout and "support organisation" in result.stdout
    assert "Innovation Centre Denmark Seoul" in result.stdout  # present in Korea, to meet it
    gaps = json.loads(run("gaps", "--cluster", "vision-denmark", "--format", "json").stdout)
    assert {"type", "kind", "severity", "model", "market", "sentence", "evidence"} <= set(gaps[0])
    assert all(fact["source"] for gap in gaps for fact in gap["evidence"])


def test_gaps_of_all_clusters_summarise_per_cluster_and_model() -> None:
    result = run("gaps", "--as-of", "2026-11-27")
    assert result.returncode == 0, result.stderr
    assert "Gaps per cluster and model" in result.stdout
    assert "odense-robotics" in result.stdout and "M4 Strategic partnerships" in result.stdout


def test_recommend_answers_in_the_contract_shape() -> None:
    args = ("recommend", "--cluster", "vision-denmark", "--model", "market-test", "--market", "kr")
    table = run(*args)
    assert table.returncode == 0, table.stderr
    assert "Innovation Centre Denmark Seoul" in table.stdout
    assert "Present in South Korea" in table.stdout and "needs 1 more" in table.stdout
    answer = json.loads(run(*args, "--top", "3", "--format", "json").stdout)
    assert answer["cluster"] == "cluster:vision-denmark" and answer["market"] == "country:KR"
    assert len(answer["recommendations"]) == 3
    first = answer["recommendations"][0]
    assert set(first["actor"]) == {"id", "name", "type"}
    assert {"fills_role", "score", "components", "reasons", "evidence", "provenance"} <= set(first)


def test_recommend_with_unknown_ids_or_bad_weights_is_bad_input(tmp_path: Path) -> None:
    result = run("recommend", "--cluster", "odense-robotic", "--model", "market-test")
    assert result.returncode == 1
    assert "closest: cluster:odense-robotics" in result.stderr
    weights = tmp_path / "w.yaml"
    weights.write_text("markt_presence: 2\n")
    result = run(
        "recommend", "--cluster", "made", "--model", "market-test", "--weights", str(weights)
    )
    assert result.returncode == 1
    assert "w.yaml: unknown weights ['markt_presence']" in result.stderr


def test_survey_prints_the_report_and_the_graph_side_by_side() -> None:
    rows = json.loads(run("survey", "--format", "json").stdout)
    icdk = next(r for r in rows if r["figure"] == "survey:partners-icdk")
    assert icdk["report_count"] == icdk["with_illustrative_count"] == 10
    assert icdk["sourced_count"] < 10
    table = run("survey").stdout
    assert "Invest in Denmark" in table and "garbled" in table


def test_export_writes_rdf_that_passes_the_shapes(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    result = run("export", "--format", "turtle", "--out", str(out))
    assert result.returncode == 0, result.stderr
    conforms, report = validate_rdf(Graph().parse(out))
    assert conforms, report
    assert (
        run("export", "--format", "graphml", "--out", str(tmp_path / "g.graphml")).returncode == 0
    )


def test_cypher_in_memory_mode_points_to_the_neo4j_setup() -> None:
    result = run("cypher", "MATCH (n) RETURN count(n)")
    assert result.returncode == 2
    assert "Cypher runs on the Neo4j store" in result.stderr


def test_cypher_lists_the_named_queries() -> None:
    result = run("cypher", "--list")
    assert result.returncode == 0
    assert "partners_of_cluster" in result.stdout and "cluster (string, required)" in result.stdout


@pytest.mark.neo4j
def test_cypher_on_neo4j_runs_named_queries_and_refuses_writes(neo4j_store: object) -> None:
    assert run("load", store="neo4j").returncode == 0
    named = run(
        "cypher",
        "--name",
        "partners_of_cluster",
        "-p",
        'cluster="cluster:danish-sound-cluster"',
        "--format",
        "json",
        "--limit",
        "500",
        store="neo4j",
    )
    assert named.returncode == 0, named.stderr
    assert "icdk:shanghai" in {row["partner_id"] for row in json.loads(named.stdout)}
    # spelled: Cypher as a user types it
    write = run("cypher", "CREATE (n:Cluster {id: 'cluster:intruder'}) RETURN n", store="neo4j")
    assert write.returncode == 2
    assert "refused: CREATE" in write.stderr, write.stderr
    count = run(
        "cypher",
        "MATCH (n:Cluster {id: 'cluster:intruder'}) RETURN count(n) AS n",
        "--format",
        "json",
        store="neo4j",
    )
    assert json.loads(count.stdout) == [{"n": 0}]
