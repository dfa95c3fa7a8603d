"""What became of a lead moves the recommender's trust in the actor who found it: a cluster
manager asking for partners sees an actor whose lead it took up rise, one whose lead it declined
fall, and the reason naming the lead and its day, with the lead as evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from ontology.names import Rel
from queries.findings import Recommendation
from queries.gaps import GapOptions
from queries.recommend import recommend_partners
from tests.unit.test_leads import write_leads

DAY = dt.date(2026, 12, 1)
CLUSTER, MODEL = "cluster:danish-life-science-cluster", "innovation-test"
FOUND_ON = dt.date(2026, 5, 4)


def partners(
    tmp_path: Path, finder: str | None, status: str = "", result: str = "", day: dt.date = DAY
) -> dict[str, Recommendation]:
    """Danish Life Science Cluster's partners for a test of innovation potential, after a lead
    `finder` found (if any) was routed to it with that status."""
    store = MemoryStore()
    load_bundled(store)
    if finder:
        lead = {
            "id": "lead:t-remote-monitoring",
            "name": "Boston hospital tests remote monitoring",
            "technology": "remote monitoring of patients",
            "sought": "test-partner",
            "found_on": FOUND_ON,
            "status": status,
        } | ({"result": result} if result else {})
        links = [
            {"type": Rel.FOUND_BY, "from": lead["id"], "to": finder},
            {"type": Rel.FOUND_IN, "from": lead["id"], "to": "country:US"},
            {"type": Rel.ROUTED_TO, "from": lead["id"], "to": CLUSTER},
        ]
        load_sources(store, discover([write_leads(tmp_path / "lead.yaml", [lead], links)]))
    answer = recommend_partners(store, CLUSTER, MODEL, top=10, options=GapOptions(as_of=day))
    return {rec.actor.id: rec for rec in answer.recommendations}


def lead_reasons(rec: Recommendation) -> list[str]:
    return [reason for reason in rec.reasons if "lead «" in reason]


def test_a_lead_taken_up_lifts_its_finder_with_the_reason_and_the_lead_as_evidence(
    tmp_path: Path,
) -> None:
    before = partners(tmp_path, None)
    sv, munich = "icdk:silicon-valley", "icdk:munich"
    assert before[sv].score == before[munich].score  # tied: Munich first by name
    assert before[munich].rank < before[sv].rank
    after = partners(tmp_path, sv, "result", "successful")
    lifted = after[sv]
    assert lifted.components["trust"] == before[sv].components["trust"] + 0.25
    assert lifted.score > after[munich].score and lifted.rank < after[munich].rank
    assert lead_reasons(lifted) == [
        "Innovation Centre Denmark Silicon Valley's lead «Boston hospital tests remote "
        "monitoring», found on 2026-05-04, was routed to you, accepted, and turned into a "
        "success: trust 0.00 -> 0.25."
    ]
    routed = [e for e in lifted.evidence if e.path[0] == "lead:t-remote-monitoring"]
    assert [(e.path, e.confidence) for e in routed] == [
        (("lead:t-remote-monitoring", Rel.ROUTED_TO, CLUSTER), "illustrative")
    ]
    assert not lead_reasons(after[munich])


def test_accepted_and_started_leads_lift_less_than_a_success(tmp_path: Path) -> None:
    sv = "icdk:silicon-valley"
    accepted = partners(tmp_path, sv, "accepted")[sv]
    started = partners(tmp_path, sv, "engagement-started")[sv]
    success = partners(tmp_path, sv, "result", "successful")[sv]
    assert 0 < accepted.score < started.score < success.score
    assert "was routed to you and accepted: trust 0.00 -> 0.15." in lead_reasons(accepted)[0]


def test_a_declined_lead_lowers_its_finder(tmp_path: Path) -> None:
    japan = "tc:embassy-japan"  # worked with the cluster: trust to lose
    answer_before, answer_after = partners(tmp_path, None), partners(tmp_path, japan, "declined")
    before, after = answer_before[japan], answer_after[japan]
    assert before.components["trust"] == 1.0
    assert after.components["trust"] == 0.75
    # it tied with the Trade Council in Washington D.C.; now it scores below it
    washington = "tc:washington-d-c"
    assert before.score == answer_before[washington].score
    assert after.score < before.score == answer_after[washington].score
    assert lead_reasons(after)[0].endswith("was routed to you and declined: trust 1.00 -> 0.75.")


def test_a_declined_lead_with_no_trust_to_lower_does_not_help_it_in_a_tie(tmp_path: Path) -> None:
    before = partners(tmp_path, None)
    sv = "icdk:silicon-valley"
    after = partners(tmp_path, sv, "declined")
    assert after[sv].score == before[sv].score and after[sv].rank == before[sv].rank
    assert lead_reasons(after[sv])[0].endswith("declined: no trust to lower.")
    assert not [e for e in after[sv].evidence if e.path[0].startswith("lead:")]


def test_a_lead_found_after_the_day_asked_about_does_not_count(tmp_path: Path) -> None:
    sv = "icdk:silicon-valley"
    earlier = FOUND_ON - dt.timedelta(days=1)
    before = partners(tmp_path, None, day=earlier)[sv]
    after = partners(tmp_path, sv, "result", "successful", day=earlier)[sv]
    assert after.score == before.score
    assert not lead_reasons(after)
