"""The benchmarks' smoke mode: the smallest scale runs in the suite so the scripts cannot rot.
(The figures themselves are recorded by `python -m bench.load_neo4j`, not asserted here.)"""

import pytest

from bench.load_neo4j import run
from graph.neo4j_store import Neo4jStore

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_the_load_benchmark_runs_with_its_baselines(neo4j_store: Neo4jStore) -> None:
    figures = run(0.001, neo4j_store)
    assert figures["nodes"] > 0 and figures["relationships"] > 0
    assert figures["created"] == figures["nodes"] + figures["relationships"]
    for rate in ("facts_per_s", "plain_create_facts_per_s", "per_row_facts_per_s"):
        assert figures[rate] > 0
