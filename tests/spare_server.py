"""A second local Neo4j for tests that must stop a server or turn authentication on, so the
suite's shared server is never disturbed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "deploy" / "neo4j" / "neo4j.sh"
LIB = ROOT / "deploy" / "neo4j" / ".run" / "lib"


class SpareServer:
    def __init__(self, run_dir: Path, bolt_port: int, http_port: int, password: str | None = None):
        if not LIB.is_dir():
            pytest.fail("the Neo4j jars are not fetched: run deploy/neo4j/neo4j.sh fetch")
        self.uri = f"bolt://127.0.0.1:{bolt_port}"
        self.env = {
            **os.environ,
            "NEO4J_RUN_DIR": str(run_dir),
            "NEO4J_LIB_DIR": str(LIB),
            "NEO4J_BOLT_PORT": str(bolt_port),
            "NEO4J_HTTP_PORT": str(http_port),
            "NEO4J_HEAP": "768m",
            "NEO4J_PAGECACHE": "128m",
        }
        self.env.pop("NEO4J_PASSWORD", None)
        if password:
            self.env["NEO4J_PASSWORD"] = password

    def _script(self, command: str) -> None:
        subprocess.run([str(SCRIPT), command], env=self.env, check=True, capture_output=True)

    def start(self) -> None:
        self._script("start")

    def stop(self) -> None:
        self._script("stop")
