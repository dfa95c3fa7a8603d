"""The partnership network as a simple undirected graph of ids, with the clusters' strengths:
what the network questions of an analysis need (shared partners, similar clusters' partners).

It derives from the whole graph, so each store builds it once and keeps it until the graph
changes; the questions are then set operations here, the same for both stores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TypeVar

from graph.facts import CommonPartner

NO_ONE: frozenset[str] = frozenset()
T = TypeVar("T")


@dataclass(frozen=True)
class PartnerNetwork:
    partners: dict[str, frozenset[str]]  # distinct partners, either direction, never itself
    strengths: dict[str, frozenset[str]]  # cluster: the sectors it has a strength in
    holders: dict[str, frozenset[str]]  # sector: the clusters with a strength in it
    clusters: frozenset[str]

    @classmethod
    def of(
        cls,
        partnerships: Iterable[tuple[str, str]],
        strengths: Iterable[tuple[str, str]],
        clusters: Iterable[str],
    ) -> PartnerNetwork:
        """From (start, end) pairs of PARTNERS_WITH and of HAS_STRENGTH, and every cluster."""
        partners: defaultdict[str, set[str]] = defaultdict(set)
        for start, end in partnerships:
            if start != end:
                partners[start].add(end)
                partners[end].add(start)
        by_cluster: defaultdict[str, set[str]] = defaultdict(set)
        by_sector: defaultdict[str, set[str]] = defaultdict(set)
        for cluster, sector in strengths:
            by_cluster[cluster].add(sector)
            by_sector[sector].add(cluster)
        return cls(_frozen(partners), _frozen(by_cluster), _frozen(by_sector), frozenset(clusters))

    def of_node(self, node_id: str) -> frozenset[str]:
        return self.partners.get(node_id, NO_ONE)

    def common_partners(
        self, cluster_id: str, candidate_ids: Collection[str]
    ) -> dict[str, list[CommonPartner]]:
        """The partners the cluster shares with each candidate, by id, with their degrees."""
        wanted = _as_set(candidate_ids)
        found: defaultdict[str, list[CommonPartner]] = defaultdict(list)
        for common in sorted(self.of_node(cluster_id)):
            theirs = self.of_node(common)
            for candidate in theirs & wanted:
                if candidate != cluster_id:
                    found[candidate].append(CommonPartner(common, len(theirs)))
        return _by_key(found)

    def peer_partnerships(
        self, cluster_id: str, candidate_ids: Collection[str]
    ) -> tuple[list[str], dict[str, list[str]]]:
        """Clusters sharing a strength with the cluster, and which of them partner with each
        candidate: {candidate: [peers]}."""
        sectors = self.strengths.get(cluster_id, NO_ONE)
        peers = sorted(set().union(*(self.holders[s] for s in sectors)) - {cluster_id})
        wanted = _as_set(candidate_ids)
        found: defaultdict[str, list[str]] = defaultdict(list)
        for peer in peers:
            for candidate in self.of_node(peer) & wanted:
                found[candidate].append(peer)
        return peers, _by_key(found)

    def shared_partners(self, cluster_id: str) -> dict[str, list[str]]:
        """Other clusters reached through a common partner: {cluster: [common partners]}."""
        found: defaultdict[str, set[str]] = defaultdict(set)
        for common in self.of_node(cluster_id):
            for other in (self.of_node(common) & self.clusters) - {cluster_id}:
                found[other].add(common)
        return {other: sorted(commons) for other, commons in sorted(found.items())}


def _as_set(ids: Collection[str]) -> AbstractSet[str]:
    """The ids as a set: a set, or a dict's keys (tens of thousands of candidates at scale), as
    they are, not copied."""
    return ids if isinstance(ids, AbstractSet) else set(ids)


def _by_key(found: dict[str, list[T]]) -> dict[str, list[T]]:
    """Sorted by id: sorting the ids alone, not (id, list) pairs, is several times faster."""
    return {key: found[key] for key in sorted(found)}


def _frozen(sets: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(values) for key, values in sets.items()}
