"""The corpus of broken survey workbooks (tests/hostile/kits.py): each a listed problem with its
sheet, row or column, and nothing loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.problems import LoadError
from loaders.sources import discover
from tests.helpers import run
from tests.hostile.kits import CASES, build

NAMES = [*CASES, "csv-saved-as.xlsx", "empty.xlsx"]
Corpus = tuple[GraphStore, Path, dict[str, str]]


@pytest.fixture(scope="module", params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Corpus]:
    """The bundled data in each store once; the broken kits built from a good one."""
    store: GraphStore = MemoryStore()
    if request.param == "neo4j":
        settings = request.getfixturevalue("settings")
        store = Neo4jStore(
            settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
        )
        store.clear()
    load_bundled(store)
    folder = tmp_path_factory.mktemp("broken-kits")
    yield store, folder, build(store, folder)
    store.close()


def test_the_corpus_holds_at_least_15_broken_workbooks(corpus: Corpus) -> None:
    _, folder, expected = corpus
    assert len(expected) >= 15 and sorted(expected) == sorted(NAMES)
    assert all((folder / name).is_file() for name in expected)


@pytest.mark.parametrize("name", NAMES)
def test_a_broken_workbook_is_a_listed_problem_and_nothing_is_loaded(
    corpus: Corpus, name: str
) -> None:
    store, folder, expected = corpus
    before = store.counts()
    with pytest.raises(LoadError) as caught:
        load_sources(store, discover([folder / name]))
    listing = "\n".join(caught.value.listing())
    assert expected[name] in listing
    assert name in listing  # every problem names the file
    after = store.counts()
    assert (after.node_total, after.relationship_total) == (
        before.node_total,
        before.relationship_total,
    )


def test_the_command_line_lists_the_problem_without_a_traceback(tmp_path: Path) -> None:
    """On the memory store (the command line's default): the same code path as on Neo4j."""
    store = MemoryStore()
    load_bundled(store)
    expected = build(store, tmp_path)
    result = run("load", str(tmp_path / "date-as-text.xlsx"))
    assert result.returncode == 1
    assert expected["date-as-text.xlsx"] in result.stderr
    assert "nothing was loaded" in result.stderr and "Traceback" not in result.stderr
