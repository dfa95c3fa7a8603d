"""The survey comparison: the illustrative layer reproduces every legible figure of the report."""

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled
from queries.survey import compare_survey


def test_every_legible_report_figure_is_reproduced_with_the_illustrative_layer() -> None:
    store = MemoryStore()
    load_bundled(store)
    rows = compare_survey(store)
    legible = [r for r in rows if r.report_count is not None]
    assert len(legible) >= 15
    for row in legible:
        assert row.with_illustrative_count == row.report_count, row
        assert row.sourced_count <= row.with_illustrative_count, row
    garbled = {r.figure for r in rows if r.report_share is None}
    assert "survey:partners-eu-offices" in garbled


def test_without_the_illustrative_layer_only_sourced_partnerships_count() -> None:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    by_figure = {r.figure: r for r in compare_survey(store)}
    icdk = by_figure["survey:partners-icdk"]
    # Sourced: Danish Sound Cluster with ICDK Shanghai and Odense Robotics with ICDK Munich.
    assert icdk.sourced_count == icdk.with_illustrative_count == 2
