"""The benchmarks mark each goal their figures decide, met or not, and explain a miss with the
figures behind it (bench/RESULTS.md is where the people steering read them)."""

from bench.goals import LATENCY_AT_10, MEMORY_VS_BARE
from bench.load_bulk import bulk_goal
from bench.load_neo4j import goal_lines


def test_a_goal_met_is_marked_met_without_excuses() -> None:
    line = MEMORY_VS_BARE.line(1.23, "not shown when met")
    assert "**met** (1.23x)" in line and "not shown" not in line
    assert "**met**" in LATENCY_AT_10.line(50.0, of="gaps")  # at most 50 ms: 50 is met


def test_a_goal_missed_is_marked_with_the_figure_and_why() -> None:
    line = LATENCY_AT_10.line(52.8, "7 of 100 calls took longer", of="recommend")
    assert line.startswith("- Goal: p95 on Neo4j at scale 10 (recommend) at most 50 ms")
    assert "**not met** (52.8 ms); 7 of 100 calls took longer." in line


def test_the_load_goals_tell_a_per_row_miss_against_the_plain_create() -> None:
    fair, per_row = goal_lines(
        {
            "facts_per_s": 30_000.0,
            "fair_create_facts_per_s": 20_000.0,
            "plain_create_facts_per_s": 50_000.0,
            "per_row_facts_per_s": 400.0,
        }
    )
    assert "**met** (1.50x)" in fair
    assert "**not met** (75.00x)" in per_row
    assert "0.60x the plain ids-only CREATE" in per_row and "40,000 facts/s, 0.80x" in per_row


def test_the_bulk_goal_tells_where_the_time_went() -> None:
    steps = {"validate_and_csv_s": 60.0, "stop_s": 5.0, "import_s": 20.0}
    line = bulk_goal({"bulk_s": 100.0, **steps, "start_s": 5.0}, fair_s=50.0)
    assert "**not met** (0.50x)" in line
    assert "validating the rows and writing the CSV files took 60 s (60%)" in line
    assert "history 20 s, and the import tool 20 s" in line and "took 2.5x that" in line
