"""The partnership network's counts (every candidate at once, for the bounds) agree with its
lists (the few scored candidates, for the reasons)."""

import datetime as dt

from graph.partner_network import PartnerNetwork, current_pairs, of_day

# Two clusters sharing a strength; an innovation centre both work with; a foreign cluster the
# peer works with; a university only the first cluster's partner knows.
NETWORK = PartnerNetwork.of(
    partnerships=[
        ("cluster:a", "icdk:x"),
        ("cluster:b", "icdk:x"),
        ("cluster:b", "fcluster:y"),
        ("icdk:x", "fcluster:y"),
        ("icdk:x", "knowledge:u"),
        ("cluster:a", "cluster:a"),  # a self-loop is no partnership
    ],
    strengths=[("cluster:a", "sector:s"), ("cluster:b", "sector:s")],
    clusters=["cluster:a", "cluster:b"],
)
CANDIDATES = {"cluster:b", "fcluster:y", "knowledge:u", "investor:z"}


def test_shared_partners_are_counted_as_they_are_listed() -> None:
    counts = NETWORK.common_partner_counts("cluster:a", CANDIDATES)
    assert counts == {"cluster:b": 1, "fcluster:y": 1, "knowledge:u": 1}
    for candidate in CANDIDATES:
        listed = NETWORK.common_partners("cluster:a", candidate)
        assert len(listed) == counts.get(candidate, 0)
    shared = NETWORK.common_partners("cluster:a", "fcluster:y")
    assert [(p.id, p.degree) for p in shared] == [("icdk:x", 4)]


def test_the_cluster_is_never_its_own_candidate() -> None:
    assert "cluster:a" not in NETWORK.common_partner_counts("cluster:a", CANDIDATES | {"cluster:a"})


def test_peers_partnering_with_a_candidate_are_counted_as_they_are_listed() -> None:
    peers = NETWORK.peers("cluster:a")
    assert peers == {"cluster:b"}
    counts = NETWORK.adopter_counts(peers, CANDIDATES)
    assert counts == {"fcluster:y": 1}
    assert NETWORK.adopters(peers, "fcluster:y") == ["cluster:b"]
    assert NETWORK.adopters(peers, "knowledge:u") == []


def test_a_single_broker_is_the_only_partner_shared_with_another_cluster() -> None:
    network = PartnerNetwork.of(
        partnerships=[
            ("cluster:a", "icdk:x"),
            ("cluster:a", "tc:t"),
            ("cluster:b", "icdk:x"),  # b shares only the centre with a
            ("cluster:c", "icdk:x"),  # c shares both: no single broker
            ("cluster:c", "tc:t"),
        ],
        strengths=[],
        clusters=["cluster:a", "cluster:b", "cluster:c"],
    )
    assert network.single_brokers("cluster:a") == {"icdk:x": ["cluster:b"]}
    assert network.single_brokers("cluster:b") == {"icdk:x": ["cluster:a", "cluster:c"]}


def test_the_network_of_a_day_leaves_out_the_partnerships_ended_before_it() -> None:
    day = dt.date(2026, 12, 7)
    partnerships = [
        ("cluster:a", "icdk:x", {"end": dt.date(2020, 6, 30)}),  # history
        ("cluster:a", "icdk:y", {"end": day}),  # ends today: still a tie
        ("cluster:a", "icdk:z", {}),  # open-ended
    ]
    assert list(current_pairs(partnerships, day)) == [
        ("cluster:a", "icdk:y"),
        ("cluster:a", "icdk:z"),
    ]


def test_only_the_last_day_asked_about_is_kept() -> None:
    kept: dict[dt.date, PartnerNetwork] = {}
    built: list[dt.date] = []

    def network(day: dt.date) -> PartnerNetwork:
        def build() -> PartnerNetwork:
            built.append(day)
            return NETWORK

        return of_day(kept, day, build)

    monday, tuesday = dt.date(2026, 12, 7), dt.date(2026, 12, 8)
    assert network(monday) is network(monday) is NETWORK
    network(tuesday)
    assert built == [monday, tuesday] and list(kept) == [tuesday]
