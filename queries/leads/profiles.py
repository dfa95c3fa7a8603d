"""What each cluster's words are, for matching a lead's: its strength position (the cluster's
name and strength position, the sectors it has as strengths, in English and Danish) and its work
(its description, and the names and descriptions of the engagements it undertakes). A lead's word
met in the strength position counts fully, in the work only half: the work says where a cluster
has been, the strength position what it is for."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.facts import ClusterFacts, Evidence
from queries.leads.words import matches, term_stems, terms

STRENGTH, WORK = 1.0, 0.5  # what a word met in each counts


@dataclass(frozen=True)
class Profile:
    cluster: str
    strength: frozenset[str]  # stems
    work: frozenset[str]
    strength_evidence: tuple[Evidence, ...]  # HAS_STRENGTH facts
    work_evidence: dict[str, Evidence]  # engagement id: the UNDERTAKES fact
    work_texts: dict[str, frozenset[str]]  # engagement id: its stems (to say which work met)


def _texts(props: Mapping[str, Any] | None, keys: Iterable[str]) -> list[str]:
    if not props:
        return []
    return [str(props[k]) for k in keys if props.get(k)]


def profile_of(
    cluster: ClusterFacts,
    cluster_props: Mapping[str, Any],
    sectors: Mapping[str, Mapping[str, Any]],
    engagements: Mapping[str, Mapping[str, Any]],
) -> Profile:
    strength_texts = _texts(cluster_props, ("name", "name_da", "strength_position"))
    for link in cluster.strengths:
        strength_texts += _texts(sectors.get(link.end), ("name", "name_da", "description"))
    work_texts = {
        e.node.id: term_stems(_texts(engagements.get(e.node.id), ("name", "description")))
        for e in cluster.engagements
    }
    work = term_stems(_texts(cluster_props, ("description",)))
    for stems in work_texts.values():
        work |= stems
    return Profile(
        cluster.node.id,
        term_stems(strength_texts),
        work,
        tuple(sorted((link.evidence for link in cluster.strengths), key=lambda e: e.sort_key)),
        {e.node.id: e.undertakes.evidence for e in cluster.engagements},
        work_texts,
    )


@dataclass(frozen=True)
class WordMatch:
    score: float  # in [0, 1]: the weighted share of the lead's words met
    in_strength: tuple[str, ...]
    in_work: tuple[str, ...]
    work_met: tuple[str, ...]  # the engagements whose words met


def word_weights(lead_words: list[str], profiles: Iterable[Profile]) -> dict[str, float]:
    """Inverse document frequency over the clusters: a word many clusters use ("industry",
    "innovation") says less about where a lead belongs than one few use ("audio")."""
    listed = list(profiles)
    n = len(listed)
    weights = {}
    for word in lead_words:
        used_by = sum(1 for p in listed if matches(word, p.strength | p.work))
        weights[word] = math.log(1 + n / (1 + used_by))
    return weights


def match(lead_words: list[str], weights: Mapping[str, float], profile: Profile) -> WordMatch:
    total = sum(weights.values())
    in_strength = [w for w in lead_words if matches(w, profile.strength)]
    in_work = [w for w in lead_words if w not in in_strength and matches(w, profile.work)]
    got = sum(weights[w] * STRENGTH for w in in_strength) + sum(weights[w] * WORK for w in in_work)
    work_met = sorted(
        engagement
        for engagement, stems in profile.work_texts.items()
        if any(matches(w, stems) for w in in_work)
    )
    return WordMatch(
        got / total if total else 0.0, tuple(in_strength), tuple(in_work), tuple(work_met)
    )


def lead_words(technology: str) -> list[str]:
    return terms(technology)
