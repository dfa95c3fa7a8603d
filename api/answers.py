"""The API's answers to the analysis questions, from one store.

The API never writes to its store, so when no other process can change the store's graph
(the memory store, loaded once at start-up) an answer holds for the life of the process and
is remembered; a store others write to (Neo4j, which may be reloaded meanwhile) is always asked.
"""

from __future__ import annotations

import datetime as dt
from weakref import WeakKeyDictionary

from starlette.concurrency import run_in_threadpool

from api.schemas import ClusterGaps
from graph.store import GraphStore
from queries.gaps import GapOptions, find_gaps
from queries.ids import qualified, resolve_model
from queries.recommend import recommend_partners

# cluster, model, market and limit as asked, and the day (agreements' validity is judged on it)
Question = tuple[str, str, str | None, int, dt.date]
REMEMBERED_PER_STORE = 10_000


class Answers:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._remembered: dict[Question, bytes] | None = (
            None if store.traits.changed_by_others else {}
        )

    async def recommendations(
        self, cluster: str, model: str, market: str | None, limit: int
    ) -> bytes:
        """The recommendations as JSON; the analysis reads the store, so off the event loop."""
        question = (cluster, model, market, limit, dt.date.today())
        known = self._remembered
        body = known.get(question) if known is not None else None
        if body is None:
            body = await run_in_threadpool(self._recommendations, question)
            if known is not None and len(known) < REMEMBERED_PER_STORE:
                known[question] = body
        return body

    def _recommendations(self, question: Question) -> bytes:
        cluster, model, market, limit, day = question
        options = GapOptions(as_of=day)
        result = recommend_partners(
            self.store, cluster, model, market=market, top=limit, options=options
        )
        return result.model_dump_json().encode()

    def cluster_gaps(self, cluster: str, model: str | None) -> ClusterGaps:
        """The cluster's gaps (under one model, if given), most urgent first."""
        model_id = resolve_model(self.store, model) if model else None
        gaps = find_gaps(self.store, cluster=cluster, model=model_id)
        cluster_id = qualified(cluster, "cluster")  # find_gaps found it
        return ClusterGaps(cluster=cluster_id, model=model_id, gaps=gaps)


_answers: WeakKeyDictionary[GraphStore, Answers] = WeakKeyDictionary()


def answers_for(store: GraphStore) -> Answers:
    """The one Answers of a store, so what it remembers is shared by every request."""
    answers = _answers.get(store)
    if answers is None:
        answers = _answers[store] = Answers(store)
    return answers
