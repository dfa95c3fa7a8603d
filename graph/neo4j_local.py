"""The local Neo4j server that deploy/neo4j/neo4j.sh runs: where its files are, and stopping and
starting it (the offline import of `load --bulk` needs it stopped)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from graph.store import StoreError

SCRIPT = Path(__file__).resolve().parents[1] / "deploy" / "neo4j" / "neo4j.sh"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class LocalServer:
    run_dir: Path
    lib_dir: Path
    bolt_port: int

    @classmethod
    def from_environment(cls) -> LocalServer:
        """As neo4j.sh reads its settings: NEO4J_RUN_DIR, NEO4J_LIB_DIR, NEO4J_BOLT_PORT."""
        run_dir = Path(os.environ.get("NEO4J_RUN_DIR", SCRIPT.parent / ".run"))
        lib_dir = Path(os.environ.get("NEO4J_LIB_DIR", run_dir / "lib"))
        return cls(run_dir, lib_dir, int(os.environ.get("NEO4J_BOLT_PORT", "7687")))

    @property
    def conf_dir(self) -> Path:
        return self.run_dir / "conf"

    def serves(self, uri: str) -> bool:
        """Whether NEO4J_URI points at this server (and not at Aura, a cluster or another host)."""
        parts = urlsplit(uri)
        return parts.hostname in LOOPBACK and (parts.port or 7687) == self.bolt_port

    def running(self) -> bool:
        return self._script("status").returncode == 0

    def stop(self) -> None:
        self._checked("stop")

    def start(self) -> None:
        self._checked("start")

    def remove_database_files(self, database: str) -> None:
        """Only with the server stopped: the server creates the default database afresh."""
        for folder in ("databases", "transactions"):
            shutil.rmtree(self.run_dir / "data" / folder / database, ignore_errors=True)

    def _checked(self, command: str) -> None:
        done = self._script(command)
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise StoreError(f"deploy/neo4j/neo4j.sh {command} failed: {last[0]}")

    def _script(self, command: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NEO4J_RUN_DIR": str(self.run_dir), "NEO4J_LIB_DIR": str(self.lib_dir)}
        return subprocess.run(
            [str(SCRIPT), command], env=env, capture_output=True, text=True, check=False
        )
