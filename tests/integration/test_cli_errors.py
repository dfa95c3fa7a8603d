"""The command's answer when its output cannot be written or the store's address is wrong: one
line and the documented exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import EXE, run


def _one_error_line(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error:"), result.stderr
    assert words in " ".join(lines), result.stderr


def test_export_makes_missing_folders(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "deeper" / "graph.ttl"
    result = run("export", "--format", "turtle", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_export_over_a_folder_is_refused(tmp_path: Path) -> None:
    _one_error_line(run("export", "--format", "turtle", "--out", str(tmp_path)), 1, "is a folder")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_device_says_so() -> None:
    _one_error_line(run("export", "--format", "graphml", "--out", "/dev/full"), 1, "No space left")


def test_view_and_board_under_or_over_a_file_are_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    _one_error_line(
        run("view", "ecosystem", "--out", str(a_file / "v.html")), 1, "is a file, not a folder"
    )
    _one_error_line(run("board", "--out", str(a_file)), 1, "is a file; name a folder")


def test_a_neo4j_uri_that_is_no_address_is_one_line_exit_3() -> None:
    env = {**os.environ, "PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": "notaurl"}
    result = subprocess.run([EXE, "gaps"], env=env, capture_output=True, text=True, timeout=120)
    _one_error_line(result, 3, "not a Neo4j address")


def test_an_unreachable_server_is_one_message_without_the_driver_s_noise() -> None:
    env = {**os.environ, "PARTNERGRAPH_STORE": "neo4j", "NEO4J_URI": "bolt://127.0.0.1:9"}
    result = subprocess.run([EXE, "load"], env=env, capture_output=True, text=True, timeout=120)
    _one_error_line(result, 3, "not reachable")
    assert len(result.stderr.splitlines()) <= 3, result.stderr
