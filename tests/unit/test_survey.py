"""The survey comparison: the illustrative layer reproduces every legible figure of the report (by
construction); the sourced column counts only what the sources support."""

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled
from queries.survey import compare_survey, report_only_figures


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


def test_the_sourced_column_counts_what_the_sources_support() -> None:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    sourced = {r.figure: r.sourced_count for r in compare_survey(store)}
    # Food & Bio Cluster Denmark with the Trade Council (Biogas Go Global, the report).
    assert sourced["survey:partners-trade-council"] == 1
    # The only sourced association partner is CAIA, a Chinese body: not a Danish trade association.
    assert sourced["survey:partners-trade-associations"] == 0
    # No source names a cluster's partnership with EEN, Invest in Denmark or a foreign cluster.
    assert sourced["survey:partners-een"] == 0
    assert sourced["survey:partners-invest-in-denmark"] == 0


def test_the_strategy_funding_and_barrier_figures_are_listed_as_the_report_gives_them() -> None:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    figures = {f.figure: f for f in report_only_figures(store)}
    assert figures["survey:strategy-integrated"].report_share == 0.786
    assert figures["survey:icdk-agreements"].report_share == 0.333
    assert figures["survey:barrier-icdk-absent"].report_share == 0.2
    assert figures["survey:funding-cluster-grants"].report_share == 0.75
    assert figures["survey:funding-eu"].report_share is None  # garbled in the extraction
