"""The API load benchmark's smoke run, so the script cannot rot (its figures are recorded by
`python -m bench.api_load`, not asserted here)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_the_api_load_benchmark_runs_on_the_memory_store() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.api_load", "--seconds", "1", "--no-record"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("/health/live" in line and "errors 0" in line for line in lines), result.stdout
    assert any("/recommendations" in line and "errors 0" in line for line in lines), result.stdout
