"""`partnergraph load --bulk`: the offline import gives the graph an ordinary load gives, and
refuses a database that already holds data. It stops and restarts its server, so it runs on a
spare server of its own (tests/spare_server.py), never on the suite's."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.settings import Settings
from bench import load_bulk
from graph import cypher
from graph.neo4j_store import Neo4jStore
from graph.records import STORE_MANAGED
from loaders.synthetic import generate
from ontology.schema import load_schema
from tests.helpers import EXE
from tests.spare_server import LIB, SpareServer

pytestmark = pytest.mark.neo4j
BOLT, HTTP = 7787, 7788


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpareServer]:
    spare = SpareServer(tmp_path_factory.mktemp("neo4j-bulk"), BOLT, HTTP)
    spare.start()
    yield spare
    spare.stop()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bulk-data") / "synthetic"
    generate(out, scale=0.01, seed=7)
    return out


def load(server: SpareServer, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **server.env,
        "PARTNERGRAPH_STORE": "neo4j",
        "NEO4J_URI": server.uri,
        "NEO4J_LIB_DIR": str(LIB),
        "COLUMNS": "200",
        # small chunks: the generated source (9,750 relationships) is validated and written in
        # ten, as a large one is
        "PARTNERGRAPH_BULK_CHUNK_ROWS": "1000",
    }
    return subprocess.run(
        [EXE, "load", *args, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def snapshot(store: Neo4jStore) -> tuple[object, list[dict[str, object]], list[dict[str, object]]]:
    """Counts by label and type, and every fact's own properties (what the store stamps aside)."""
    # The graph's nodes: both loads also record their change set; that bookkeeping is not the
    # graph (the bulk load's is checked on its own).
    nodes = store.read_rows(
        f"MATCH (n) WHERE {cypher.NOT_HISTORY} RETURN properties(n) AS n ORDER BY n.id"
    )
    rels = store.read_rows(
        "MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS r "
        "ORDER BY start, type, end, r.source_id"
    )

    def own(props: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in props.items() if k not in STORE_MANAGED}

    return (
        store.counts(),
        [own(row["n"]) for row in nodes.rows],
        [{**own(row["r"]), "ends": (row["start"], row["type"], row["end"])} for row in rels.rows],
    )


@pytest.mark.timeout(1200)  # the server is stopped and started again: minutes on a busy machine
def test_bulk_gives_the_graph_an_ordinary_load_gives_and_refuses_a_loaded_database(
    server: SpareServer, synthetic: Path
) -> None:
    store = Neo4jStore(server.uri)
    try:
        store.clear()
        ordinary = load(server, str(synthetic))
        assert ordinary.returncode == 0, ordinary.stderr
        expected = snapshot(store)
        store.clear()
    finally:
        store.close()

    bulk = load(server, "--bulk", str(synthetic))
    assert bulk.returncode == 0, bulk.stderr
    report = json.loads(bulk.stdout)
    store = Neo4jStore(server.uri)  # the server was restarted
    try:
        assert snapshot(store) == expected
        assert report["graph"]["nodes"] == expected[0].node_total  # type: ignore[attr-defined]
        names = {r["name"] for r in store.read_rows("SHOW INDEXES YIELD name").rows}
        assert set(cypher.schema_statements(load_schema())) <= names  # created afterwards
        # History begins with the bulk load: one change set, every fact created by it.
        (bulk_set,) = store.change_sets()
        assert bulk_set.load_id.startswith("bulk-")
        assert len(bulk_set.created_nodes) == expected[0].node_total  # type: ignore[attr-defined]
        assert len(bulk_set.created_relationships) == expected[0].relationship_total  # type: ignore[attr-defined]
        assert store.history_begins() == bulk_set.at
        # Stamped as a load of ours stamps: an ordinary load of the same sources changes nothing.
        again = load(server, str(synthetic))
        assert again.returncode == 0, again.stderr
        by_type = json.loads(again.stdout)["by_type"]
        assert all(
            row["created"] == row["updated"] == row["removed"] == 0 for row in by_type.values()
        )
        assert [c.load_id for c in store.change_sets()] == [bulk_set.load_id]  # none recorded

        refused = load(server, "--bulk", str(synthetic))
        assert refused.returncode == 1
        assert "is not empty" in refused.stderr and "nothing was loaded" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert store.counts() == expected[0]
    finally:
        store.close()


def test_bad_input_in_a_later_source_imports_nothing_and_leaves_no_csv(
    server: SpareServer, synthetic: Path, tmp_path: Path
) -> None:
    """The generated source is valid and its CSV files are written first; a partnership to an
    unknown id in the source after it refuses the whole load."""
    later = tmp_path / "later"
    (later / "relationships").mkdir(parents=True)
    (later / "source.yaml").write_text((synthetic / "source.yaml").read_text())
    header, row = (synthetic / "relationships" / "PARTNERS_WITH.csv").read_text().splitlines()[:2]
    start, _, rest = row.split(",", 2)
    (later / "relationships" / "PARTNERS_WITH.csv").write_text(
        f"{header}\n{start},cluster:nowhere,{rest}\n"
    )
    store = Neo4jStore(server.uri)
    try:
        store.clear()
        refused = load(server, "--bulk", str(synthetic), str(later))
        assert refused.returncode == 1
        assert "cluster:nowhere" in refused.stderr and "unknown id" in refused.stderr
        assert "nothing was loaded" in refused.stderr and "Traceback" not in refused.stderr
        assert store.counts().node_total == 0
        assert store.change_sets() == []
    finally:
        store.close()
    scratch = Path(server.env["NEO4J_RUN_DIR"]) / "import"
    assert not list(scratch.glob("**/*.csv"))


def test_bulk_refuses_a_server_it_does_not_run() -> None:
    """Aura, a cluster or another host cannot be imported into offline: one clear line."""
    env = {
        **os.environ,
        "PARTNERGRAPH_STORE": "neo4j",
        "NEO4J_URI": "neo4j+s://example.databases.neo4j.io",
    }
    result = subprocess.run(
        [EXE, "load", "--bulk"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "on Aura or a cluster use `partnergraph load`" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_bulk_benchmark_times_each_step_and_can_leave_the_graph_for_analyses(
    server: SpareServer, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bench.load_bulk --keep` (what `make bench BENCH_ARGS=--scale10` runs before timing the
    analyses on the loaded graph): the steps are timed and the graph stays."""
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    for name, value in server.env.items():
        if name.startswith("NEO4J_"):
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("NEO4J_URI", server.uri)
    monkeypatch.setenv("NEO4J_LIB_DIR", str(LIB))
    monkeypatch.setenv("PARTNERGRAPH_STORE", "neo4j")
    figures = load_bulk.run(0.01, Settings(), with_fair=False, data=synthetic, keep=True)
    assert all(float(str(figures[step])) > 0 for step in ("import_s", "start_s", "schema_s"))
    store = Neo4jStore(server.uri)
    try:
        held = store.counts()
        assert (held.node_total, held.relationship_total) == (
            figures["nodes"],
            figures["relationships"],
        )
        assert held.node_total > 1000
    finally:
        store.clear()
        store.close()
