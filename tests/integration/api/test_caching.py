"""Answers that depend only on the graph and the day: ETag and Cache-Control, 304 to a client
that has the answer, paging and rounded scores, the gaps' day and horizon as in the CLI, answers
kept by the ids a question resolves to, and on Neo4j a load that makes them new."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from fastapi.testclient import TestClient

from api.answers import VERSION_CHECK_SECONDS, answers_for
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from ontology.names import ModelId
from queries.gaps import GapOptions, find_gaps
from queries.recommend import recommend_partners

QUESTION = {"cluster": "odense-robotics", "model": "market-test", "market": "DE"}
ASKED_IDS = ("cluster:odense-robotics", ModelId.market_test, "country:DE")


def test_an_answer_has_an_etag_and_a_client_that_has_it_gets_304(client: TestClient) -> None:
    first = client.get("/recommendations", params=QUESTION)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get("/recommendations", params=QUESTION, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = client.get("/recommendations", params={**QUESTION, "market": "US"})
    assert other.headers["etag"] != etag
    gaps = client.get("/clusters/odense-robotics/gaps")
    assert gaps.status_code == 200 and gaps.headers["etag"]
    assert (
        client.get(
            "/clusters/odense-robotics/gaps", headers={"If-None-Match": gaps.headers["etag"]}
        ).status_code
        == 304
    )


def test_recommendations_page_and_round_their_scores(client: TestClient) -> None:
    store: GraphStore = client.app.state.store  # type: ignore[attr-defined]
    full = recommend_partners(store, "odense-robotics", "market-test", market="DE", top=6)
    page = client.get("/recommendations", params={**QUESTION, "limit": 3, "offset": 3}).json()
    assert page["offset"] == 3
    expected = [r.actor.id for r in full.recommendations[3:6]]
    assert [r["actor"]["id"] for r in page["recommendations"]] == expected
    for shown, exact in zip(page["recommendations"], full.recommendations[3:6], strict=True):
        assert shown["score"] == round(exact.score, 3) and shown["score_exact"] == exact.score
        assert all(len(str(v).split(".")[-1]) <= 3 for v in shown["components"].values())
    too_far = client.get("/recommendations", params={**QUESTION, "offset": 501})
    assert too_far.status_code == 422


def test_gaps_take_the_day_and_the_horizon_as_the_cli_does(client: TestClient) -> None:
    store: GraphStore = client.app.state.store  # type: ignore[attr-defined]
    for day, horizon in (("2026-12-01", 180), ("2030-01-01", 30)):
        answer = client.get(
            "/clusters/clean/gaps", params={"as_of": day, "horizon_days": horizon}
        ).json()
        options = GapOptions(as_of=dt.date.fromisoformat(day), expiry_horizon_days=horizon)
        expected = find_gaps(store, cluster="clean", options=options)
        assert [g["sentence"] for g in answer["gaps"]] == [g.sentence for g in expected]
    assert client.get("/clusters/clean/gaps", params={"as_of": "1 Dec"}).status_code == 422


def test_answers_are_kept_by_the_ids_a_question_names(client: TestClient) -> None:
    store: GraphStore = client.app.state.store  # type: ignore[attr-defined]
    answers = answers_for(store)
    asked = ["DE", "de", "Germany", "Tyskland", "country:DE"]
    bodies = {
        client.get("/recommendations", params={**QUESTION, "market": m}).content for m in asked
    }
    assert len(bodies) == 1
    today = ("recommendations", *ASKED_IDS, 10, 0, dt.date.today())  # not another day's (as_of)
    kept = [k for k in answers._kept if k[:7] == today]  # type: ignore[index]
    assert len(kept) == 1  # five ways of asking, one answer kept


@pytest.mark.neo4j
def test_on_neo4j_a_committed_transaction_makes_the_answers_new(neo4j_client: TestClient) -> None:
    store: Neo4jStore = neo4j_client.app.state.store  # type: ignore[attr-defined]
    answers = answers_for(store)
    before = neo4j_client.get("/recommendations", params=QUESTION)
    read_at = answers._version
    assert neo4j_client.get("/recommendations", params=QUESTION).content == before.content
    assert answers._version == read_at  # kept: nothing committed meanwhile
    with store.driver.session(database=store.database) as session:  # a write from elsewhere
        session.run("CREATE (:CacheProbe)").consume()  # two commits that leave the data as it was
        session.run("MATCH (probe:CacheProbe) DELETE probe").consume()
    time.sleep(VERSION_CHECK_SECONDS)  # answers may be that much older than the last commit
    after = neo4j_client.get("/recommendations", params=QUESTION)
    assert answers._version != read_at  # the answers read before were forgotten
    assert after.status_code == 200 and after.content == before.content  # the graph is the same


@pytest.mark.parametrize(
    "path",
    [
        "/clusters/clean/gaps",
        "/recommendations?cluster=clean&model=market-test",
        "/survey",
        "/views/clusters/clean",
        "/leads/munich-intralogistics/routes",
    ],
)
def test_every_day_parameter_takes_only_a_calendar_day(client: TestClient, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    for bad in ("0", "1 Dec", "2026-12-1"):
        answer = client.get(f"{path}{joiner}as_of={bad}")
        assert answer.status_code == 422, (path, bad)
        assert "as_of" in answer.json()["detail"] and "YYYY-MM-DD" in answer.json()["detail"]
    assert client.get(f"{path}{joiner}as_of=2026-12-01").status_code == 200
