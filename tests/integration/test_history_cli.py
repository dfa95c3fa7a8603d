"""`partnergraph changes`, `gaps --as-of` and `gaps --since` as a user runs them on Neo4j, where
history persists: a source loaded, changed and reloaded (dated loads), then asked about."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from api.views.gaps import missing_partners
from api.views.pages import ViewKind, view_page
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_sources
from loaders.sources import DENMARK_DIR, ILLUSTRATIVE_DIR
from queries.gap_changes import gap_identity
from queries.gaps import GapOptions, find_gaps
from queries.recommend import recommend_partners
from queries.survey import compare_survey
from tests.helpers import EXE, run
from tests.integration.test_history import FIRST, SECOND, change_the_source, sources

pytestmark = pytest.mark.neo4j
BETWEEN = "2026-10-01"  # a board meeting between the two loads


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    """A fresh load of the source as it was before the change."""
    store = MemoryStore()
    load_sources(store, sources(ILLUSTRATIVE_DIR))
    return store


@pytest.fixture
def reloaded(neo4j_store: Neo4jStore, tmp_path: Path) -> Iterator[Neo4jStore]:
    folder = tmp_path / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, folder)
    load_sources(neo4j_store, sources(folder), at=FIRST)
    change_the_source(folder)
    load_sources(neo4j_store, sources(folder), at=SECOND)
    yield neo4j_store


def test_changes_since_a_meeting_are_told_in_words_per_cluster(reloaded: Neo4jStore) -> None:
    table = run("changes", "--since", BETWEEN, store="neo4j")
    assert table.returncode == 0, table.stderr
    assert "Odense Robotics and Innovation Centre Denmark Munich signed an MoU, valid to " in (
        table.stdout
    )
    assert "the partnership between CLEAN and Innovation Centre Denmark India ended" in (
        table.stdout
    )
    assert "now runs to 2026-12-31 (was 2027-03-31)" in table.stdout
    assert "(agreements.yaml, illustrative)" in table.stdout
    answer = json.loads(
        run("changes", "--since", BETWEEN, "--format", "json", store="neo4j").stdout
    )
    assert [group["name"] for group in answer["clusters"]] == ["CLEAN", "Odense Robotics"]
    assert answer["counts"] == {
        "created Agreement": 1,
        "created PARTY_TO": 2,
        "created UNDER_MODEL": 1,
        "removed PARTNERS_WITH": 1,
        "updated Agreement": 1,
    }
    only = json.loads(
        run(
            "changes", "--since", BETWEEN, "--cluster", "clean", "--format", "json", store="neo4j"
        ).stdout
    )
    assert [group["cluster"] for group in only["clusters"]] == ["cluster:clean"]
    nothing = run("changes", "--since", "2026-11-21", store="neo4j")
    assert nothing.returncode == 0 and "No load changed the graph" in nothing.stdout
    bad = run("changes", "--since", "last spring", store="neo4j")
    assert bad.returncode == 1 and "--since" in bad.stderr and "Traceback" not in bad.stderr


def test_gaps_and_recommend_as_of_a_meeting_equal_a_fresh_load_of_the_earlier_source(
    reloaded: Neo4jStore, earlier: MemoryStore
) -> None:
    day = GapOptions(as_of=dt.date.fromisoformat(BETWEEN))
    gaps = run("gaps", "--as-of", BETWEEN, "--format", "json", store="neo4j")
    assert gaps.returncode == 0, gaps.stderr
    assert "(1 later load undone)" in gaps.stderr
    expected = [g.as_dict() for g in find_gaps(earlier, options=day)]
    assert json.loads(gaps.stdout) == json.loads(json.dumps(expected, default=str))
    args = ("--cluster", "clean", "--model", "innovation-platform", "--top", "50")
    recommended = run("recommend", *args, "--as-of", BETWEEN, "--format", "json", store="neo4j")
    assert recommended.returncode == 0, recommended.stderr
    fresh = recommend_partners(earlier, "clean", "innovation-platform", top=50, options=day)
    assert json.loads(recommended.stdout) == json.loads(json.dumps(fresh.as_dict(), default=str))


def test_gaps_since_a_meeting_lists_the_gaps_opened_and_closed(
    reloaded: Neo4jStore, earlier: MemoryStore
) -> None:
    result = run("gaps", "--since", BETWEEN, "--format", "json", store="neo4j")
    assert result.returncode == 0, result.stderr
    moved = json.loads(result.stdout)
    then = {
        gap_identity(g) for g in find_gaps(earlier, options=GapOptions(as_of=dt.date(2026, 10, 1)))
    }
    now = {gap_identity(g) for g in find_gaps(reloaded, options=GapOptions())}
    key = ("type", "kind", "cluster", "model", "market", "missing_role", "subject")
    assert {tuple(g[k] for k in key) for g in moved["opened"]} == now - then
    assert {tuple(g[k] for k in key) for g in moved["closed"]} == then - now
    assert moved["opened"] or moved["closed"]
    table = run("gaps", "--since", BETWEEN, store="neo4j")
    assert f"gaps opened since {BETWEEN}" in table.stdout


def test_survey_and_a_view_as_of_a_meeting_equal_a_fresh_load_of_the_earlier_source(
    reloaded: Neo4jStore, earlier: MemoryStore, tmp_path: Path
) -> None:
    survey = run("survey", "--as-of", BETWEEN, "--format", "json", store="neo4j")
    assert survey.returncode == 0, survey.stderr
    assert json.loads(survey.stdout) == [row.as_dict() for row in compare_survey(earlier)]
    page = tmp_path / "clean.html"
    args = ("view", "cluster", "clean", "--lang", "en", "--out", str(page))
    shown = run(*args, "--as-of", BETWEEN, store="neo4j")
    assert shown.returncode == 0, shown.stderr
    missing = partial(missing_partners, options=GapOptions(as_of=dt.date.fromisoformat(BETWEEN)))
    fresh = view_page(earlier, ViewKind.cluster, "clean", missing, "en")
    assert page.read_text(encoding="utf-8") == fresh
    assert run(*args, store="neo4j").returncode == 0  # the view now differs: a partnership ended
    assert page.read_text(encoding="utf-8") != fresh


def test_a_load_keeps_history_for_the_days_the_setting_names(
    reloaded: Neo4jStore, tmp_path: Path
) -> None:
    """PARTNERGRAPH_HISTORY_DAYS=30: a load today (of the same sources: it changes nothing)
    keeps the change sets of the last 30 days (2026-11-20), forgets the 2026-09-01 one, and
    leaves the graph as it was."""
    before = reloaded.counts()
    env = {**os.environ, "PARTNERGRAPH_STORE": "neo4j", "PARTNERGRAPH_HISTORY_DAYS": "30"}
    paths = [str(DENMARK_DIR), str(tmp_path / "illustrative")]
    loaded = subprocess.run(
        [EXE, "load", *paths, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert [c.at for c in reloaded.change_sets()] == [SECOND]
    assert reloaded.counts() == before
    counts = json.loads(loaded.stdout)["graph"]
    assert (counts["nodes"], counts["relationships"]) == (
        reloaded.counts().node_total,
        reloaded.counts().relationship_total,
    )
