"""The partnership network as a simple undirected graph of ids, with the clusters' strengths:
what the network questions of an analysis need (shared partners, similar clusters' partners).

It derives from the whole graph, so each store builds it once for a day (a partnership ended
before it is history, not a tie) and keeps it until the graph changes; the questions are then
set operations here, the same for both stores.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from graph.facts import CommonPartner

NO_ONE: frozenset[str] = frozenset()


def partnership_ended(props: Mapping[str, Any], day: dt.date) -> bool:
    """A partnership whose end date has passed is history, not a present tie."""
    end = props.get("end")
    return isinstance(end, dt.date) and end < day


def of_day(
    kept: dict[dt.date, PartnerNetwork], day: dt.date, build: Callable[[], PartnerNetwork]
) -> PartnerNetwork:
    """The network of `day`: the one `kept`, else `build()`, which replaces it (only the last
    day asked about is kept: a service running for weeks asks about a new day every day)."""
    network = kept.get(day)
    if network is None:
        network = build()
        kept.clear()  # another thread may be reading: it holds its own network, not a key
        kept[day] = network
    return network


def current_pairs(
    partnerships: Iterable[tuple[str, str, Mapping[str, Any]]], day: dt.date
) -> Iterator[tuple[str, str]]:
    """The (start, end) of each partnership, from (start, end, its properties), not ended on
    `day`: the network's ties that day."""
    return ((start, end) for start, end, props in partnerships if not partnership_ended(props, day))


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

    def common_partner_counts(
        self, cluster_id: str, candidate_ids: Collection[str]
    ) -> Counter[str]:
        """How many partners the cluster shares with each candidate (those sharing none are
        absent): counted in C, since at scale a hub partner is shared with thousands."""
        wanted = _as_set(candidate_ids)
        counts: Counter[str] = Counter()
        for common in self.of_node(cluster_id):
            counts.update(self.of_node(common) & wanted)
        counts.pop(cluster_id, None)  # its partners' partners include itself
        return counts

    def common_partners(self, cluster_id: str, candidate_id: str) -> list[CommonPartner]:
        """The partners the cluster shares with the candidate, by id, with their degrees."""
        shared = self.of_node(cluster_id) & self.of_node(candidate_id)
        return [CommonPartner(common, len(self.of_node(common))) for common in sorted(shared)]

    def peers(self, cluster_id: str) -> frozenset[str]:
        """The clusters sharing a strength position with the cluster."""
        sectors = self.strengths.get(cluster_id, NO_ONE)
        return frozenset().union(*(self.holders[s] for s in sectors)) - {cluster_id}

    def adopter_counts(
        self, peers: AbstractSet[str], candidate_ids: Collection[str]
    ) -> Counter[str]:
        """How many of the peers partner with each candidate (those with none are absent)."""
        wanted = _as_set(candidate_ids)
        counts: Counter[str] = Counter()
        for peer in peers:
            counts.update(self.of_node(peer) & wanted)
        return counts

    def adopters(self, peers: AbstractSet[str], candidate_id: str) -> list[str]:
        """The peers that partner with the candidate, by id."""
        return sorted(peers & self.of_node(candidate_id))

    def single_brokers(self, cluster_id: str) -> dict[str, list[str]]:
        """Other clusters the cluster reaches through exactly one shared partner, by that
        partner (the broker): {broker: [clusters, by id]}. Counted in C: at scale a hub
        partner is shared with thousands of clusters."""
        reached = {
            common: (self.of_node(common) & self.clusters) - {cluster_id}
            for common in sorted(self.of_node(cluster_id))
        }
        counts: Counter[str] = Counter()
        for others in reached.values():
            counts.update(others)
        once = {other for other, shared in counts.items() if shared == 1}
        found = {common: sorted(others & once) for common, others in reached.items()}
        return {common: others for common, others in found.items() if others}


def _as_set(ids: Collection[str]) -> AbstractSet[str]:
    """The ids as a set: a set, or a dict's keys (tens of thousands of candidates at scale), as
    they are, not copied."""
    return ids if isinstance(ids, AbstractSet) else set(ids)


def _frozen(sets: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(values) for key, values in sets.items()}
