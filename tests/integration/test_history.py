"""History on both stores: load a source, change it (add, alter and remove facts), reload it.
The second load's change set holds exactly those changes, a third load of the same source
records none, and the graph as of a moment between the loads answers gaps and recommendations
exactly as a fresh load of the earlier source does (on Neo4j too: the parity of `--as-of`)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from graph.as_of import graph_as_of
from graph.memory_store import MemoryStore
from graph.records import SOURCE_ID
from graph.store import GraphStore
from loaders.pipeline import load_sources
from loaders.reference import reference_sources
from loaders.sources import DENMARK_DIR, ILLUSTRATIVE_DIR, Source, discover
from ontology.models import load_catalogue
from ontology.names import ModelId, Rel
from queries.gaps import GapOptions, find_gaps
from queries.recommend import recommend_partners

TODAY = GapOptions(as_of=dt.date(2026, 11, 27))
FIRST = dt.datetime(2026, 9, 1, 12, tzinfo=dt.UTC)  # the earlier board meeting's load
SECOND = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)  # the source changed and reloaded
NEW_AGREEMENT = "agreement:odense-robotics-icdk-munich-2026"
ALTERED = "agreement:clean-icdk-silicon-valley-2019"
NEW_AGREEMENT_YAML = f"""  - id: {NEW_AGREEMENT}
    name: "MoU Odense Robotics - ICDK Munich (illustrative, a test's change)"
    agreement_kind: mou
    signed: 2026-10-01
    valid_from: 2026-10-01
    valid_until: 2027-08-31
    status: active
"""
NEW_PARTIES = f"""  - {{type: PARTY_TO, from: cluster:odense-robotics, to: {NEW_AGREEMENT}}}
  - {{type: PARTY_TO, from: icdk:munich, to: {NEW_AGREEMENT}}}
  - {{type: UNDER_MODEL, from: {NEW_AGREEMENT}, to: {ModelId.key_market_partnership}}}
"""
REMOVED_LINE = "  - {type: PARTNERS_WITH, from: cluster:clean, to: icdk:india,"


def sources(illustrative: Path) -> list[Source]:
    return [*reference_sources(), *discover([DENMARK_DIR, illustrative])]


def change_the_source(illustrative: Path) -> None:
    """Add an agreement with its parties, move another's end, end a partnership."""
    agreements = illustrative / "agreements.yaml"
    text = agreements.read_text()
    block_start = text.index(f"id: {ALTERED}")
    block_end = text.index("valid_until: 2027-03-31", block_start)
    text = text[:block_end] + "valid_until: 2026-12-31" + text[block_end + 23 :]
    text = text.replace("\nrelationships:\n", "\n" + NEW_AGREEMENT_YAML + "\nrelationships:\n")
    text = text.replace("  # -------------------------------------------------------------"
                        "--- parties\n", "  # parties\n" + NEW_PARTIES, 1)  # fmt: skip
    agreements.write_text(text)
    partnerships = illustrative / "partnerships.yaml"
    lines = partnerships.read_text().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(REMOVED_LINE)]
    assert len(kept) == len(lines) - 1
    partnerships.write_text("".join(kept))


@pytest.fixture
def illustrative(tmp_path: Path) -> Path:
    folder = tmp_path / "illustrative"
    shutil.copytree(ILLUSTRATIVE_DIR, folder)
    return folder


def answers(store: GraphStore) -> list[object]:
    """Every gap, and the recommendations under every model for the clusters the change
    touches and one it does not."""
    found: list[object] = [[gap.as_dict() for gap in find_gaps(store, options=TODAY)]]
    for cluster in ("cluster:clean", "cluster:odense-robotics", "cluster:danish-sound-cluster"):
        for model in load_catalogue().models:
            result = recommend_partners(store, cluster, model, top=1000, options=TODAY)
            found.append(result.as_dict())
    return found


def test_a_reload_records_exactly_what_changed_and_as_of_gives_the_earlier_answers(
    store: GraphStore, illustrative: Path
) -> None:
    load_sources(store, sources(illustrative), at=FIRST)
    first = store.change_sets()
    assert len(first) == 1 and first[0].at == FIRST and NEW_AGREEMENT not in first[0].created_nodes

    change_the_source(illustrative)
    agreements_id = str((illustrative / "agreements.yaml").resolve())
    partnerships_id = str((illustrative / "partnerships.yaml").resolve())
    load_sources(store, sources(illustrative), at=SECOND)
    load_sources(store, sources(illustrative))  # the same source again: no change, no change set

    sets = store.change_sets()
    assert [c.at for c in sets] == [FIRST, SECOND]
    changes = store.change_sets(since=FIRST)[0]
    assert {agreements_id, partnerships_id} <= set(changes.sources)
    assert changes.created_nodes == {NEW_AGREEMENT}
    assert changes.created_relationships == {
        ("cluster:odense-robotics", Rel.PARTY_TO, NEW_AGREEMENT, agreements_id),
        ("icdk:munich", Rel.PARTY_TO, NEW_AGREEMENT, agreements_id),
        (NEW_AGREEMENT, Rel.UNDER_MODEL, ModelId.key_market_partnership, agreements_id),
    }
    assert changes.updated_nodes.keys() == {ALTERED}
    old, new = changes.updated_nodes[ALTERED]
    assert {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)} == {"valid_until"}
    assert (old["valid_until"], new["valid_until"]) == (dt.date(2027, 3, 31), dt.date(2026, 12, 31))
    assert changes.removed_relationships.keys() == {
        ("cluster:clean", Rel.PARTNERS_WITH, "icdk:india", partnerships_id)
    }
    assert changes.removed_relationships[next(iter(changes.removed_relationships))]["kind"] == (
        "informal"
    )
    assert not changes.removed_nodes and not changes.updated_relationships

    # The graph between the two loads answers as a fresh load of the earlier source does.
    shutil.rmtree(illustrative)
    shutil.copytree(ILLUSTRATIVE_DIR, illustrative)
    fresh = MemoryStore()
    load_sources(fresh, sources(illustrative))
    between = graph_as_of(store, dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    assert between.undone == 1 and between.store is not store
    earlier = answers(fresh)
    assert answers(between.store) == earlier
    assert answers(store) != earlier  # the change is one the answers notice
    now = graph_as_of(store, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert now.store is store and now.undone == 0
    before = graph_as_of(store, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert before.before_history and answers(before.store) == earlier


def test_pruning_history_keeps_the_graph_exact_and_as_of_reaches_back_as_far_as_kept(
    store: GraphStore, illustrative: Path
) -> None:
    load_sources(store, sources(illustrative), at=FIRST)
    change_the_source(illustrative)
    load_sources(store, sources(illustrative), at=SECOND)
    graph_before = (sorted(map(str, store.nodes())), sorted(map(str, store.relationships())))
    answers_before = answers(store)

    assert store.prune_history(SECOND - dt.timedelta(days=1)) == 1
    assert [c.at for c in store.change_sets()] == [SECOND]
    assert store.history_begins() == SECOND
    assert (sorted(map(str, store.nodes())), sorted(map(str, store.relationships()))) == (
        graph_before
    )
    assert answers(store) == answers_before
    between = graph_as_of(store, dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    assert between.before_history and between.store is store  # history no longer reaches it


REMOVED_NODE = "association:danish-sector-association"  # actors.yaml; partnerships.yaml links it


def test_a_removed_node_takes_other_sources_relationships_and_the_change_set_keeps_them(
    store: GraphStore, illustrative: Path
) -> None:
    load_sources(store, sources(illustrative), at=FIRST)
    actors = (illustrative / "actors.yaml").resolve()
    before = answers(store)
    ids_before = {props["id"] for props in store.nodes()}
    attached = {
        (r.start, r.type, r.end, r.properties[SOURCE_ID])
        for r in store.relationships()
        if REMOVED_NODE in (r.start, r.end)
    }
    assert {key[3] for key in attached} == {str((illustrative / "partnerships.yaml").resolve())}

    lines = actors.read_text().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"  - {{id: {REMOVED_NODE},")]
    assert len(kept) == len(lines) - 1
    actors.write_text("".join(kept))
    load_sources(store, [s for s in sources(illustrative) if s.path == actors], at=SECOND)

    assert not [r for r in store.relationships() if REMOVED_NODE in (r.start, r.end)]
    changes = store.change_sets(since=FIRST)[0]
    assert changes.removed_nodes.keys() == {REMOVED_NODE}
    assert changes.removed_relationships.keys() == attached  # another source's, gone with it
    assert changes.removed_relationships[min(attached)]["kind"]  # with their old values
    between = graph_as_of(store, dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    assert {props["id"] for props in between.store.nodes()} == ids_before
    assert attached <= {
        (r.start, r.type, r.end, r.properties[SOURCE_ID]) for r in between.store.relationships()
    }
    assert answers(between.store) == before
