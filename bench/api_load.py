"""Requests per second and p50/p99 latency of `GET /recommendations` over HTTP, beside a trivial
endpoint (`GET /health/live`) of the same app in the same run, on each store.

    python -m bench.api_load --store memory --store neo4j --seconds 15

The API runs as `partnergraph serve --workers 2` on a free local port; the load generator is
this process: asyncio, keep-alive HTTP/1.1 connections on 127.0.0.1, each sending its next
request as soon as the previous answer is read. Recommendations cycle through every active
cluster with each of the four models. For Neo4j it needs the server at NEO4J_URI holding the
bundled data (loaded here when the graph is not exactly that: the database is then CLEARED).
`/recommendations` is measured twice: on repeated questions (the cycle above, answered from
the API's memory after the first round) and on distinct ones (each cluster and model with every
`limit` from 1 to 50, each asked once, with no warm-up). The first answer after start is timed
too: from the server saying ready to the first recommendation answered. Prints the figures and
appends them to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import math
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from api.settings import Settings
from bench.analysis_latency import percentile
from bench.load_neo4j import RESULTS, machine
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.names import Label
from queries.gaps import INACTIVE

TRIVIAL = "/health/live"
DISTINCT = "/recommendations (distinct)"
MODELS = ["innovation-test", "innovation-platform", "market-test", "key-market-partnership"]


@dataclass(frozen=True)
class Measurement:
    store: str
    endpoint: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def recommendation_paths() -> list[str]:
    store = MemoryStore()
    load_bundled(store, True)
    clusters = sorted(
        c["id"] for c in store.nodes(Label.Cluster) if c.get("status") not in INACTIVE
    )
    return [
        "/recommendations?" + urlencode({"cluster": cluster, "model": model})
        for cluster in clusters
        for model in MODELS
    ]


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")
    )
    await reader.readexactly(length)
    return status


def distinct_paths(paths: list[str]) -> list[str]:
    """Every question with every limit: 50 times as many questions, each a new answer."""
    return [f"{path}&limit={limit}" for limit in range(1, 51) for path in paths]


async def _connection(
    port: int,
    requests: list[bytes],
    start: int,
    until: float,
    latencies: list[float],
    shared: Iterator[int] | None = None,
    most: float = math.inf,
) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    errors, index = 0, start
    try:
        while time.perf_counter() < until and len(latencies) < most:
            if shared is not None:  # each request the next unasked question
                index = next(shared)
            request = requests[index % len(requests)]
            index += 1
            sent = time.perf_counter()
            writer.write(request)
            if await _read_response(reader) != 200:
                errors += 1
            latencies.append(time.perf_counter() - sent)
    finally:
        writer.close()
    return errors


async def _load(
    port: int,
    paths: list[str],
    seconds: float,
    connections: int,
    distinct: bool = False,
    each_once: bool = False,
) -> tuple:
    """`each_once`: every connection asks every question once, however long that takes."""
    shared = itertools.count() if distinct else None
    requests = [
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
        for path in paths
    ]
    started = time.perf_counter()
    until = math.inf if each_once else started + seconds
    most = len(requests) if each_once else math.inf
    series: list[list[float]] = [[] for _ in range(connections)]
    errors = await asyncio.gather(
        *(
            _connection(port, requests, i, until, series[i], shared, most)
            for i in range(connections)
        )
    )
    latencies = [latency for one in series for latency in one]
    return latencies, sum(errors), time.perf_counter() - started


def measure(
    store: str,
    endpoint: str,
    port: int,
    paths: list[str],
    seconds: float,
    connections: int,
    distinct: bool = False,
) -> Measurement:
    if not distinct:  # warm-up, not counted: each question reaches each worker (a connection
        # keeps to one worker, and the 32 connections are spread over both)
        asyncio.run(_load(port, paths, seconds, connections, each_once=True))
    latencies, errors, elapsed = asyncio.run(_load(port, paths, seconds, connections, distinct))
    ms = [s * 1000 for s in latencies]
    return Measurement(
        store, endpoint, len(ms), errors, elapsed, percentile(ms, 0.5), percentile(ms, 0.99)
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(store: str, workers: int) -> Iterator[int]:
    """`partnergraph serve` with `workers` processes; its port once it answers."""
    port = _free_port()
    exe = shutil.which("partnergraph") or str(Path(sys.executable).parent / "partnergraph")
    env = {**os.environ, "PARTNERGRAPH_STORE": store}
    env.pop("PARTNERGRAPH_API_KEY", None)
    command = [exe, "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # the access log: written by both endpoints alike
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health/ready").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"`partnergraph serve` did not start for the {store} store")
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=60)


def ensure_bundled_in_neo4j() -> None:
    settings = Settings()
    with Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database) as store:
        counts, bundled = store.counts(), MemoryStore()
        load_bundled(bundled, True)  # what the bundled data gives, to tell if it is loaded
        expected = bundled.counts()
        if (counts.node_total, counts.relationship_total) != (
            expected.node_total,
            expected.relationship_total,
        ):
            print(f"loading the bundled data into {settings.neo4j_uri} (cleared first)")
            store.clear()
            store.ensure_schema()
            load_bundled(store, True)


def record(results: list[Measurement], args: argparse.Namespace, note: str) -> None:
    lines = [
        f"\n## HTTP API: GET /recommendations under load ({dt.date.today()}; {machine()})\n",
        f"`python -m bench.api_load`: `partnergraph serve --workers {args.workers}` on "
        f"127.0.0.1, {args.connections} keep-alive connections from one asyncio load "
        f"generator on the same machine, {args.seconds:g} s per endpoint after a warm-up in "
        "which each connection asks each question once; recommendations cycle through every "
        "active cluster with each model (repeated questions); distinct: each cluster, model "
        "and limit asked once, no warm-up.\n",
        "| store | endpoint | requests | errors | req/s | p50 ms | p99 ms | rate / trivial |",
        "|---|---|---|---|---|---|---|---|",
    ]
    trivial = {m.store: m.rate for m in results if m.endpoint == TRIVIAL}
    for m in results:
        lines.append(
            f"| {m.store} | `{m.endpoint}` | {m.requests:,} | {m.errors} | {m.rate:,.0f} | "
            f"{m.p50_ms:.1f} | {m.p99_ms:.1f} | {m.rate / trivial[m.store]:.2f} |"
        )
    if note:
        lines += ["", note]
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", action="append", choices=["memory", "neo4j"], default=[])
    parser.add_argument("--seconds", type=float, default=15.0, help="per endpoint")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--note", default="", help="a line to record under the table")
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    paths = recommendation_paths()
    results = []
    first_seconds: dict[str, float] = {}
    for store in args.store or ["memory"]:
        if store == "neo4j":
            ensure_bundled_in_neo4j()
        with served(store, args.workers) as port:
            first = time.perf_counter()
            answered = httpx.get(f"http://127.0.0.1:{port}{paths[0]}", timeout=120)
            first_seconds[store] = time.perf_counter() - first
            print(f"{store:6} first answer after start {first_seconds[store]:.2f} s "
                  f"({answered.status_code})")  # fmt: skip
            runs = (
                (TRIVIAL, [TRIVIAL], False),
                ("/recommendations", paths, False),
                (DISTINCT, distinct_paths(paths), True),
            )
            for endpoint, endpoint_paths, distinct in runs:
                m = measure(
                    store, endpoint, port, endpoint_paths, args.seconds, args.connections, distinct
                )
                print(
                    f"{store:6} {endpoint:18} {m.rate:8.0f} req/s  p50 {m.p50_ms:6.1f} ms  "
                    f"p99 {m.p99_ms:6.1f} ms  errors {m.errors}"
                )
                results.append(m)
    if not args.no_record:
        firsts = ", ".join(f"{store} {s:.2f} s" for store, s in first_seconds.items())
        note = f"First recommendation answered after the server said ready: {firsts}."
        record(results, args, "\n\n".join(n for n in (note, args.note) if n))


if __name__ == "__main__":
    main()
