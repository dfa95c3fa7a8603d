"""One load at a time, no duplicates, and no half-written load: against the real Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.batch import LoadUndone, write_batches
from loaders.pipeline import load_sources, prepare
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.names import Rel
from ontology.schema import load_schema
from tests.helpers import snapshot

pytestmark = pytest.mark.neo4j
CLI = [sys.executable, "-m", "api.cli"]
DUPLICATE_KEYS = (
    "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, r.source_id AS s, count(*) AS n "
    "WHERE n > 1 RETURN count(*) AS keys, coalesce(sum(n - 1), 0) AS extra"
)


def _env(store: Neo4jStore) -> dict[str, str]:
    return {**os.environ, "PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": store.uri}


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


SOURCE_V1 = """provenance: {source: test, confidence: illustrative}
nodes:
  - {id: 'cluster:undo-a', name: A, founded_year: 2001}
  - {id: 'cluster:undo-b', name: B}
  - {id: 'cluster:undo-gone', name: Gone}
relationships:
  - {type: PARTNERS_WITH, from: 'cluster:undo-a', to: 'cluster:undo-b', kind: informal}
  - {type: PARTNERS_WITH, from: 'cluster:undo-a', to: 'cluster:undo-gone', kind: informal}
"""
# Changes A, adds C and two links, drops Gone (and its link): every kind of write a load does.
SOURCE_V2 = """provenance: {source: test, confidence: illustrative}
nodes:
  - {id: 'cluster:undo-a', name: A renamed, founded_year: 2002}
  - {id: 'cluster:undo-b', name: B}
  - {id: 'cluster:undo-c', name: C}
  - {id: 'icdk:undo-d', name: D}
relationships:
  - {type: PARTNERS_WITH, from: 'cluster:undo-a', to: 'cluster:undo-b', kind: formal}
  - {type: PARTNERS_WITH, from: 'cluster:undo-c', to: 'cluster:undo-b', kind: informal}
  - {type: PARTNERS_WITH, from: 'icdk:undo-d', to: 'cluster:undo-b', kind: informal}
"""


class Interrupted(Exception):
    """What a failure after the first written batch looks like to the loader."""


@pytest.mark.parametrize("fail_after", [1, 2, 4])
def test_a_load_that_fails_after_writing_undoes_everything_it_wrote(
    neo4j_store: Neo4jStore, tmp_path: Path, fail_after: int
) -> None:
    path = _write(tmp_path, "undo.yaml", SOURCE_V1)
    load_sources(neo4j_store, discover([path]))
    before = snapshot(neo4j_store, keep_timestamps=True)
    _write(tmp_path, "undo.yaml", SOURCE_V2)
    batches = prepare(discover([path]), neo4j_store, load_schema())
    calls = []

    def progress(done: int) -> None:  # called after each batch is committed
        calls.append(done)
        if len(calls) == fail_after:
            raise Interrupted("cut after a committed batch")

    with pytest.raises(LoadUndone, match="everything it wrote was undone"):
        write_batches(neo4j_store, batches, progress)
    assert snapshot(neo4j_store, keep_timestamps=True) == before
    # and the same load, not cut, then does all of it
    counts = write_batches(neo4j_store, batches)
    assert counts.total("created") == 4 and counts.total("removed") == 2
    assert neo4j_store.get_node("cluster:undo-a")["name"] == "A renamed"  # type: ignore[index]


def test_a_reload_removes_duplicate_relationships(neo4j_store: Neo4jStore, tmp_path: Path) -> None:
    path = _write(tmp_path, "dupes.yaml", SOURCE_V1)
    load_sources(neo4j_store, discover([path]))
    # What a crash between two unlocked loads left: each relationship twice.
    neo4j_store.driver.execute_query(
        f"MATCH (a)-[r:{Rel.PARTNERS_WITH}]->(b) CREATE (a)-[c:{Rel.PARTNERS_WITH}]->(b) "
        "SET c = properties(r)"
    )
    assert neo4j_store.run_read(DUPLICATE_KEYS)[0]["extra"] == 2
    counts = load_sources(neo4j_store, discover([path]))
    assert counts.total("removed") == 2
    assert neo4j_store.run_read(DUPLICATE_KEYS)[0]["keys"] == 0
    assert neo4j_store.counts().relationships[Rel.PARTNERS_WITH] == 2


def test_a_load_while_another_runs_is_refused_with_exit_code_4(
    neo4j_store: Neo4jStore, tmp_path: Path
) -> None:
    path = _write(tmp_path, "locked.yaml", SOURCE_V1)
    with neo4j_store.exclusive_load():  # another load, as far as the command can tell
        refused = subprocess.run(
            [*CLI, "load", str(path)], env=_env(neo4j_store), capture_output=True, text=True
        )
    assert refused.returncode == 4, refused.stderr
    assert "another load is running" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert neo4j_store.counts().node_total == 0  # nothing written
    after = subprocess.run(
        [*CLI, "load", str(path)], env=_env(neo4j_store), capture_output=True, text=True
    )
    assert after.returncode == 0, after.stderr


@pytest.mark.slow
def test_two_loads_at_once_leave_no_duplicate(neo4j_store: Neo4jStore, tmp_path: Path) -> None:
    """The state a crash leaves (nodes there, relationships not), then two loads at once: one
    loads, the other is told another load is running (or runs after it); never a duplicate."""
    data = tmp_path / "synthetic"
    generate(data, scale=0.02, seed=5)
    sources = discover([data])
    load_sources(neo4j_store, sources)
    with neo4j_store.driver.session() as session:  # IN TRANSACTIONS: an implicit transaction
        session.run(
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
    loads = [
        subprocess.Popen(
            [*CLI, "load", str(data)],
            env=_env(neo4j_store),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(load.wait(timeout=600), load.stderr.read()) for load in loads]  # type: ignore[union-attr]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 4]), results
    for code, stderr in results:
        assert "Traceback" not in stderr
        if code == 4:
            assert "another load is running" in stderr
    assert neo4j_store.run_read(DUPLICATE_KEYS)[0]["keys"] == 0
    expected = MemoryStore()
    load_sources(expected, sources)
    assert neo4j_store.counts() == expected.counts()
