"""`partnergraph serve` in a subprocess on a free local port, for tests over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.helpers import EXE


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(env: dict[str, str], log: Path, *args: str) -> Iterator[httpx.Client]:
    """The API served until the block ends; a client for it once it answers."""
    port = free_port()
    with log.open("w") as sink:
        process = subprocess.Popen(
            [EXE, "serve", "--port", str(port), *args],
            env={**os.environ, **env},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if client.get("/health/live").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the API did not start within 60 s"
            time.sleep(0.2)
        yield client
        client.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
