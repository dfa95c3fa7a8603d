"""`partnergraph --help` and `--version` start quickly because the command line imports what a
command needs only when the command runs: listing the commands must not pull in the stores,
the analyses, the loaders or the HTTP app (bench/cli_start.py times the result)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Each of these takes a large share of a second to import; none is needed to list commands.
HEAVY = (
    "api.main",
    "fastapi",
    "graph.factory",
    "graph.memory_store",
    "graph.neo4j_store",
    "loaders.pipeline",
    "neo4j",
    "networkx",
    "pyshacl",
    "queries.recommend",
    "rdflib",
)


def imported_after(code: str) -> set[str]:
    shown = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return set(shown.stdout.split())


@pytest.mark.parametrize("argument", ["--help", "--version"])
def test_listing_the_commands_imports_none_of_the_heavy_modules(argument: str) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['partnergraph', '{argument}']\n"
        "from api.cli import app\n"
        "try:\n"
        "    app()\n"
        "except SystemExit:\n"
        "    pass"
    )
    assert not imported_after(code) & set(HEAVY)


def test_a_command_still_finds_what_it_imports_when_it_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "recommend", "--cluster", "odense-robotics",
         "--model", "market-test", "--market", "DE", "--top", "1", "--format", "csv"],
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("rank")
