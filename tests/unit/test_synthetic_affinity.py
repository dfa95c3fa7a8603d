"""The generator plants partners abroad by a graded affinity (loaders/synthetic/affinity.py):
what the quality benchmark's hold-out asks the recommender to find again must be there to find.

Read back from the CSV files only: a planted partner, against the other actors of its kind in
its country whom the cluster did not already partner with, shares more of the cluster's
strength positions and more of its partners, yet is not always the single best fit (the draw is
graded, not a rule with one answer). Each is listed with the declared target and model it was
drawn for, the question the hold-out asks."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

import pytest

from loaders.synthetic import generate
from loaders.synthetic.affinity import weight
from loaders.synthetic.writer import PLANTED_FILE
from ontology.names import Rel

SCALE = 0.1  # the hold-out's scale: three countries and three sectors, so pools to choose from


@dataclass
class Generated:
    planted: list[tuple[str, str]]
    asked_for: dict[tuple[str, str], tuple[str, str]]  # (cluster, partner) -> (model, target)
    out: defaultdict[tuple[str, str], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )  # (node, relationship type) -> ends
    partners: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    declared: set[tuple[str, str, str]] = field(default_factory=set)  # cluster, target, model
    by_kind_and_country: defaultdict[tuple[str, str], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (id prefix, country) -> the ids

    def ends(self, node: str, rel_type: str) -> set[str]:
        return self.out[(node, rel_type)]

    def country(self, node: str) -> str:
        cities = self.ends(node, Rel.LOCATED_IN)
        return next(c for city in cities for c in self.ends(city, Rel.IN_COUNTRY))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    root = tmp_path_factory.mktemp("affinity")
    generate(root, scale=SCALE, seed=7)
    lines = (root / PLANTED_FILE).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    result = Generated([(a, b) for a, b, _, _ in rows], {(a, b): (m, t) for a, b, m, t in rows})
    for path in (root / "relationships").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                result.out[(row["from"], path.stem)].add(row["to"])
                if path.stem == Rel.TARGETS_MARKET:
                    result.declared.add((row["from"], row["to"], row["model"]))
                if path.stem == Rel.PARTNERS_WITH:
                    result.partners[row["from"]].add(row["to"])
                    result.partners[row["to"]].add(row["from"])
    for node in {n for (n, t) in result.out if t == Rel.LOCATED_IN}:
        result.by_kind_and_country[(node.split(":")[0], result.country(node))].append(node)
    return result


def _affinities(data: Generated, cluster: str, partner: str) -> tuple[list[float], float]:
    """Shared strengths plus partners in common (the partner's own tie to the cluster not
    counted) of the planted partner, and of each peer: same kind, same country, not already
    a partner of the cluster."""
    strengths = data.ends(cluster, Rel.HAS_STRENGTH)
    known = data.partners[cluster] - {partner}
    prefix, country = partner.split(":")[0], data.country(partner)

    def affinity(node: str) -> float:
        return len(strengths & data.ends(node, Rel.FOCUSES_ON)) + len(
            (data.partners[node] - {cluster}) & known
        )

    peers = [n for n in data.by_kind_and_country[(prefix, country)] if n not in known | {partner}]
    return [affinity(p) for p in peers], affinity(partner)


def test_planted_partners_fit_the_cluster_better_than_their_peers(generated: Generated) -> None:
    pairs = generated.planted[::5]  # a spread-out sample keeps the test quick
    assert len(pairs) > 100
    lead, beaten, best = [], 0, 0
    for cluster, partner in pairs:
        peers, mine = _affinities(generated, cluster, partner)
        if not peers:
            continue
        lead.append(mine - mean(peers))
        beaten += mine > max(peers)
        best += mine >= max(peers)
    assert mean(lead) > 0.5  # clearly better than a uniform draw among the same peers
    assert best < len(lead)  # graded: a planted partner is often not the single best fit
    assert beaten > len(lead) / 10  # yet often the one a manager would have named first


def test_each_planted_partner_is_listed_with_a_target_and_model_the_cluster_declared(
    generated: Generated,
) -> None:
    for cluster, partner in generated.planted:
        model, target = generated.asked_for[cluster, partner]
        assert (cluster, target, model) in generated.declared


def test_a_hotspot_targets_partner_is_in_the_hotspot_when_one_of_its_kind_is(
    generated: Generated,
) -> None:
    in_hotspot = {
        node: hotspots for (node, rel), hotspots in generated.out.items() if rel == Rel.IN_HOTSPOT
    }
    kinds_there = {(node.split(":")[0], h) for node, hs in in_hotspot.items() for h in hs}
    asked = [
        (partner, target)
        for (cluster, partner), (_, target) in generated.asked_for.items()
        if target.startswith("hotspot:") and (partner.split(":")[0], target) in kinds_there
    ]
    assert len(asked) > 20
    assert all(target in in_hotspot.get(partner, set()) for partner, target in asked)


def test_the_affinity_weight_rises_with_every_fact_a_manager_weighs() -> None:
    assert weight(1, 0) > weight(0, 0)
    assert weight(2, 0) > weight(1, 0)
    assert weight(0, 2) > weight(0, 1) > weight(0, 0)
    assert weight(0, 10) == weight(0, 3)  # ties count up to a point


def test_planted_file_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    generate(tmp_path / "a", scale=0.01, seed=7)
    generate(tmp_path / "b", scale=0.01, seed=7)
    first = (tmp_path / "a" / PLANTED_FILE).read_bytes()
    assert first and first == (tmp_path / "b" / PLANTED_FILE).read_bytes()
