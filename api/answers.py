"""The API's answers to the analysis questions, from one store, remembered while they hold.

The API never writes to its store. An answer depends only on the graph and the day, so it is
remembered per question and day, keyed by the ids the question resolves to (`DE`, `de` and
`Germany` are one question), and served from memory until the graph changes: never, for the
memory store loaded at start-up; on Neo4j, until the database commits another transaction from
any process (a load), which an empty read transaction tells. That check is made at most every
VERSION_CHECK_SECONDS, shared by the requests meanwhile: a load shows in the answers within that
time. Each answer carries an ETag, so a client that has it gets 304 Not Modified.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from starlette.concurrency import run_in_threadpool

from api.schemas import ClusterGaps
from graph.as_of import graph_as_of
from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.names import Label
from queries.gaps import GapOptions, find_gaps
from queries.ids import qualified, resolve_model
from queries.markets import resolve_market
from queries.recommend import recommend_partners

REMEMBERED_PER_STORE = 10_000  # answers; past it, new questions are answered but not kept
VERSION_CHECK_SECONDS = 0.25  # how stale an answer on Neo4j may be after a load, at most
SCORE_DIGITS = 3  # scores and components as shown; `score_exact` keeps the full value


@dataclass(frozen=True)
class Answer:
    body: bytes  # JSON
    etag: str  # a strong validator of the body


def answer(body: bytes) -> Answer:
    return Answer(body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"')


class Answers:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._version: str | None = None  # the graph's version the kept answers were read at
        self._kept: dict[Hashable, Answer] = {}
        self._resolved: dict[Hashable, Hashable] = {}  # a question as asked -> its ids
        self._lock = threading.Lock()
        self._checked_at = -float("inf")  # time.monotonic() of the last version check

    async def recommendations(
        self,
        cluster: str,
        model: str,
        market: str | None,
        limit: int,
        offset: int = 0,
        as_of: dt.date | None = None,
    ) -> Answer:
        """Ranked partners `offset` to `offset + limit`, as JSON."""
        day = as_of or dt.date.today()
        asked = ("recommendations", cluster, model, market, limit, offset, day)
        return await self._answer(asked, self._recommendations)

    async def cluster_gaps(
        self, cluster: str, model: str | None, as_of: dt.date | None, horizon_days: int
    ) -> Answer:
        """The cluster's gaps (under one model, if given), most urgent first, as JSON."""
        asked = ("gaps", cluster, model, as_of or dt.date.today(), horizon_days)
        return await self._answer(asked, self._gaps)

    def warm(self, cluster: str, model: str) -> None:
        """One answer, so what the analyses keep of the whole graph is read before the first
        request (13.9 s for the first recommendation on Neo4j otherwise)."""
        self._sync_answer(
            ("recommendations", cluster, model, None, 10, 0, dt.date.today()),
            self._recommendations,
        )

    # --- remembering ---------------------------------------------------------------------------
    async def _answer(
        self, asked: tuple[Any, ...], compute: Callable[[tuple[Any, ...]], bytes]
    ) -> Answer:
        if self._holds():  # no I/O to know the kept answers hold: no thread hop
            key = self._resolved.get(asked)
            known = self._kept.get(key) if key is not None else None
            if known is not None:
                return known
        return await run_in_threadpool(self._sync_answer, asked, compute)

    def _sync_answer(
        self, asked: tuple[Any, ...], compute: Callable[[tuple[Any, ...]], bytes]
    ) -> Answer:
        if not self._holds():
            self._checked_at = time.monotonic()  # requests meanwhile use the kept answers
            self._forget_if_changed(self.store.version())  # type: ignore[attr-defined]
        key = self._resolved.get(asked)
        if key is None:
            key = self._resolve(asked)
        known = self._kept.get(key)
        if known is not None:
            return known
        made = answer(compute(key))  # type: ignore[arg-type]
        with self._lock:
            if len(self._kept) < REMEMBERED_PER_STORE:
                self._kept[key] = made
                self._resolved[asked] = key
        return made

    def _holds(self) -> bool:
        """The kept answers hold without asking: a graph only this process changes, or a
        version checked less than VERSION_CHECK_SECONDS ago."""
        if not self.store.traits.changed_by_others:
            return True
        return time.monotonic() - self._checked_at < VERSION_CHECK_SECONDS

    def _forget_if_changed(self, version: str) -> None:
        with self._lock:
            self._checked_at = time.monotonic()
            if version != self._version:
                self._version, self._kept, self._resolved = version, {}, {}

    def _resolve(self, asked: tuple[Any, ...]) -> tuple[Any, ...]:
        """The question with the ids it names (an unknown one raises, as the analysis would)."""
        kind, cluster, model, *rest = asked
        # A recommendation needs a model (an empty one is unknown); gaps may be for every model.
        required = kind == "recommendations"
        model_id = resolve_model(self.store, model) if model or required else None
        cluster_id = qualified(cluster, "cluster")
        if kind == "recommendations":
            market, *more = rest
            market_id = resolve_market(self.store, market) if market else None
            return (kind, cluster_id, model_id, market_id, *more)
        return (kind, cluster_id, model_id, *rest)

    # --- computing -----------------------------------------------------------------------------
    def _recommendations(self, key: tuple[Any, ...]) -> bytes:
        _, cluster, model, market, limit, offset, day = key
        result = recommend_partners(
            self._graph_on(day), cluster, model, market=market, top=offset + limit,
            options=GapOptions(as_of=day),
        )  # fmt: skip
        data = result.model_dump(mode="json")
        data["recommendations"] = [_rounded(r) for r in data["recommendations"][offset:]]
        data["offset"] = offset
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    def _graph_on(self, day: dt.date) -> GraphStore:
        return graph_on(self.store, day)

    def _gaps(self, key: tuple[Any, ...]) -> bytes:
        _, cluster, model, day, horizon_days = key
        options = GapOptions(as_of=day, expiry_horizon_days=horizon_days)
        gaps = find_gaps(self._graph_on(day), cluster=cluster, model=model, options=options)
        return ClusterGaps(cluster=cluster, model=model, gaps=gaps).model_dump_json().encode()


def graph_on(store: GraphStore, day: dt.date | None) -> GraphStore:
    """The graph as loaded by the end of a past day (graph/as_of.py); no day, today or a later
    day: the graph now."""
    if day is None or day >= dt.date.today():
        return store
    return graph_as_of(store, dt.datetime.combine(day, dt.time.max, tzinfo=dt.UTC)).store


def _rounded(recommendation: dict[str, Any]) -> dict[str, Any]:
    """Score and components rounded for display; the score's full value kept beside it."""
    score = recommendation["score"]
    components = recommendation["components"]
    return recommendation | {
        "score": round(score, SCORE_DIGITS),
        "score_exact": score,
        "components": {k: round(v, SCORE_DIGITS) for k, v in components.items()},
    }


_answers: WeakKeyDictionary[GraphStore, Answers] = WeakKeyDictionary()


def warm_up(store: GraphStore) -> float:
    """Seconds spent answering one recommendation (the first active cluster, the first model),
    so the first request does not pay for reading the whole graph. A store that cannot answer
    now is left cold: the API answers 503 until it can, as it would have anyway."""
    started = time.perf_counter()
    clusters = sorted(
        node["id"]
        for node in store.nodes(Label.Cluster)
        if node.get("status", "active") == "active"
    )
    if clusters:
        answers_for(store).warm(clusters[0], next(iter(load_catalogue().models)))
    return time.perf_counter() - started


def answers_for(store: GraphStore) -> Answers:
    """The one Answers of a store, so what it remembers is shared by every request."""
    answers = _answers.get(store)
    if answers is None:
        answers = _answers[store] = Answers(store)
    return answers
