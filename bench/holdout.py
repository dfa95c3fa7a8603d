"""Hold-out: hide one known partnership of a cluster at a time, ask the recommender for the model
and market it served, and see where the hidden partner ranks; beside it, the same question put
to four baselines over the same eligible candidates.

What is hidden: the partnership itself, the partner's part in the cluster's engagements and its
party to the cluster's agreements, so nothing the recommender reads still names the pair. The
question: the model and first market of an engagement of the cluster that involved the partner,
else a market the cluster declared under a model where the partner is present; on generated
data, the declared model and market the generator planted the partnership for. Partnerships
that served no such question are counted and skipped.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from graph.records import STORE_MANAGED, RelationshipRecord
from graph.store import GraphStore, SourceState, StoredRelationship
from loaders.synthetic.affinity import NOISE
from loaders.synthetic.affinity import weight as affinity_weight
from ontology.models import load_catalogue
from ontology.names import Label, Rel
from ontology.schema import load_schema
from queries.gaps import GapOptions
from queries.recommend import recommend_partners

INACTIVE = {"bankrupt", "merged", "closed", "unknown"}
DEPTH = 50  # a partner the recommender ranks below this counts as a miss
BASELINES = ("random", "popularity", "role-only", "adamic-adar")
# Not a baseline but a ceiling, on generated data only: the generator's own rule of planting.
GENERATOR_RULE = "generator's rule"


@dataclass(frozen=True)
class Question:
    cluster: str
    partner: str
    model: str
    market: str | None
    hidden: tuple[StoredRelationship, ...]


@dataclass
class Tally:
    """hit@1, hit@5 and reciprocal ranks of one method over the questions."""

    hits1: float = 0.0
    hits5: float = 0.0
    reciprocal: float = 0.0
    asked: int = 0
    ranks: list[float] = field(default_factory=list)  # each question's reciprocal rank

    def add(self, hit1: float, hit5: float, rr: float) -> None:
        self.hits1, self.hits5, self.reciprocal = (
            self.hits1 + hit1,
            self.hits5 + hit5,
            self.reciprocal + rr,
        )
        self.asked += 1
        self.ranks.append(rr)

    def figures(self) -> dict[str, float]:
        n = self.asked or 1
        return {"hit@1": self.hits1 / n, "hit@5": self.hits5 / n, "mrr": self.reciprocal / n}


@dataclass
class Graph:
    """What the questions and the baselines need, read once from the store."""

    labels: dict[str, str] = field(default_factory=dict)
    status: dict[str, str | None] = field(default_factory=dict)
    size: dict[str, str | None] = field(default_factory=dict)
    out: defaultdict[str, list[StoredRelationship]] = field(
        default_factory=lambda: defaultdict(list)
    )
    incoming: defaultdict[str, list[StoredRelationship]] = field(
        default_factory=lambda: defaultdict(list)
    )
    partnered: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, store: GraphStore) -> Graph:
        schema, graph = load_schema(), cls()
        for node in store.nodes():
            graph.labels[node["id"]] = schema.label_for_id(node["id"])
            graph.status[node["id"]] = node.get("status")
            graph.size[node["id"]] = node.get("size")
        for rel in store.relationships():
            graph.out[rel.start].append(rel)
            graph.incoming[rel.end].append(rel)
            if rel.type == Rel.PARTNERS_WITH and rel.start != rel.end:
                graph.partnered[rel.start].add(rel.end)
                graph.partnered[rel.end].add(rel.start)
        return graph

    def ends(self, node: str, rel_type: str) -> list[StoredRelationship]:
        return [r for r in self.out[node] if r.type == rel_type]

    def partners(self, node: str) -> set[str]:
        return self.partnered[node]

    def countries(self, node: str) -> set[str]:
        found = {r.end for r in self.ends(node, Rel.PRESENT_IN)}
        for rel in self.ends(node, Rel.LOCATED_IN) + self.ends(node, Rel.IN_HOTSPOT):
            found |= {r.end for r in self.ends(rel.end, Rel.IN_COUNTRY)}
        return found

    def country_of(self, place: str) -> str | None:
        if self.labels.get(place) == Label.Country:
            return place
        return next((r.end for r in self.ends(place, Rel.IN_COUNTRY)), None)


Served = tuple[str, str | None]  # the model and market a partnership served
Pair = tuple[str, str]  # a cluster and its partner


def questions(
    graph: Graph, pairs: Mapping[Pair, Served] | None = None
) -> tuple[list[Question], int]:
    """One question per (active cluster, partner) the data lets us ask; and how many could not
    be asked. Given pairs (the generator's planted ones), only those, each asked for the model
    and market it was planted for."""
    asked, skipped = [], 0
    for cluster in sorted(i for i, label in graph.labels.items() if label == Label.Cluster):
        if graph.status.get(cluster) in INACTIVE:
            continue
        engagements = sorted(r.end for r in graph.ends(cluster, Rel.UNDERTAKES))
        agreements = {r.end for r in graph.ends(cluster, Rel.PARTY_TO)}
        for partner in sorted(graph.partners(cluster)):
            if pairs is not None and (cluster, partner) not in pairs:
                continue
            if pairs is None:
                served = _served(graph, cluster, partner, engagements)
            else:
                served = pairs[cluster, partner]
            if served is None:
                skipped += 1
                continue
            hidden = [
                r
                for r in graph.out[cluster] + graph.incoming[cluster]
                if r.type == Rel.PARTNERS_WITH and partner in (r.start, r.end)
            ]
            hidden += [
                r for e in engagements for r in graph.ends(e, Rel.INVOLVES) if r.end == partner
            ]
            hidden += [r for r in graph.ends(partner, Rel.PARTY_TO) if r.end in agreements]
            asked.append(Question(cluster, partner, *served, tuple(hidden)))
    return asked, skipped


def _served(graph: Graph, cluster: str, partner: str, engagements: Sequence[str]) -> Served | None:
    """The model and market a partnership served: its engagement's, else a declared target."""
    for engagement in engagements:
        if not any(r.end == partner for r in graph.ends(engagement, Rel.INVOLVES)):
            continue
        models = sorted(r.end for r in graph.ends(engagement, Rel.UNDER_MODEL))
        targets = sorted(r.end for r in graph.ends(engagement, Rel.TARGETS))
        if models:
            countries = sorted(c for t in targets if (c := graph.country_of(t)))
            first = countries or targets
            return models[0], first[0] if first else None
    present = graph.countries(partner)
    for declaration in sorted(graph.ends(cluster, Rel.TARGETS_MARKET), key=lambda r: r.end):
        country = graph.country_of(declaration.end)
        if declaration.properties.get("model") and country in present:
            return str(declaration.properties["model"]), country
    return None


@contextmanager
def hidden(store: GraphStore, facts: Sequence[StoredRelationship]) -> Iterator[None]:
    """The store without these relationships, put back afterwards as they were."""
    schema = load_schema()
    keys = {(r.start, r.type, r.end, r.properties["source_id"]) for r in facts}
    store.remove({}, keys)
    try:
        yield
    finally:
        records = [
            RelationshipRecord(
                r.type,
                r.start,
                r.end,
                schema.label_for_id(r.start),
                schema.label_for_id(r.end),
                {k: v for k, v in r.properties.items() if k not in STORE_MANAGED},
            )
            for r in facts
        ]
        store.write_relationships(records, SourceState())


def expected_ranks(scores: dict[str, float], target: str) -> tuple[float, float, float]:
    """hit@1, hit@5 and reciprocal rank of `target`, ties broken at random (their expectation)."""
    if target not in scores:
        return 0.0, 0.0, 0.0
    mine = scores[target]
    above = sum(1 for s in scores.values() if s > mine)
    tied = sum(1 for s in scores.values() if s == mine)
    ranks = range(above + 1, above + tied + 1)
    return (
        sum(r <= 1 for r in ranks) / tied,
        sum(r <= 5 for r in ranks) / tied,
        sum(1 / r for r in ranks) / tied,
    )


def eligible(graph: Graph, question: Question) -> list[str]:
    """Every active actor that can fill one of the model's roles, other than the cluster."""
    catalogue = load_catalogue()
    model = catalogue.models[question.model]
    roles = [catalogue.roles[r] for r in (*model.required, *model.recommended)]
    return [
        node
        for node, label in graph.labels.items()
        if node != question.cluster
        and graph.status.get(node) not in INACTIVE
        and any(role.filled_by(label, graph.size.get(node)) for role in roles)
    ]


def baseline_scores(
    graph: Graph, question: Question, pool: list[str]
) -> dict[str, dict[str, float]]:
    catalogue = load_catalogue()
    model = catalogue.models[question.model]

    def partners(node: str) -> set[str]:  # as the recommender sees them: without the hidden pair
        found = graph.partners(node)
        if node == question.cluster:
            return found - {question.partner}
        return found - {question.cluster} if node == question.partner else found

    own = partners(question.cluster)

    def adamic_adar(node: str) -> float:
        shared = own & partners(node)
        return sum(1 / math.log(d) for p in shared if (d := len(partners(p))) > 1)

    def fit(node: str) -> float:
        label, size = graph.labels[node], graph.size.get(node)
        return max(
            model.role_fit(r.id)
            for r in catalogue.roles.values()
            if r.filled_by(label, size) and (r.id in model.required or r.id in model.recommended)
        )

    scorers: dict[str, Callable[[str], float]] = {
        "random": lambda node: 0.0,  # all tied: expected_ranks gives a uniform draw's expectation
        "popularity": lambda node: len(partners(node)),
        "role-only": fit,
        "adamic-adar": adamic_adar,
    }
    return {name: {node: scorers[name](node) for node in pool} for name in BASELINES}


def generator_rule_scores(
    graph: Graph, question: Question, pool: list[str], label_weights: dict[str, float]
) -> dict[str, float]:
    """How likely the generator was to plant each candidate for this cluster and market
    (loaders/synthetic/affinity.py): a label by its share of the partner mix, then, as noise,
    anyone of that label in the market's country, else one in the target (a hotspot's own area
    first) with probability in proportion to its affinity weight. Read from the finished graph,
    so ties made after the draw count too: close to the rule, not exactly it. Ranking by it is
    about the best any method can do on planted partnerships: the ceiling."""
    cluster, market = question.cluster, question.market
    strengths = {r.end for r in graph.ends(cluster, Rel.HAS_STRENGTH)}
    own = graph.partners(cluster) - {question.partner}
    country = graph.country_of(market) if market else None
    by_label: defaultdict[str, list[str]] = defaultdict(list)
    for node in pool:
        if graph.labels[node] in label_weights and (
            country is None or country in graph.countries(node)
        ):
            by_label[graph.labels[node]].append(node)
    scores = dict.fromkeys(pool, 0.0)
    for label, in_country in by_label.items():
        area = [
            n for n in in_country if any(r.end == market for r in graph.ends(n, Rel.IN_HOTSPOT))
        ]
        drawn_from = area or in_country
        affinity = {
            node: affinity_weight(
                len(strengths & {r.end for r in graph.ends(node, Rel.FOCUSES_ON)}),
                len(graph.partners(node) & own),
            )
            for node in drawn_from
        }
        total = sum(affinity.values())
        for node in in_country:
            chance = NOISE / len(in_country) + (1 - NOISE) * affinity.get(node, 0.0) / total
            scores[node] = label_weights[label] * chance
    return scores


def evaluate(
    store: GraphStore,
    options: GapOptions,
    sample: int | None = None,
    pairs: Mapping[Pair, Served] | None = None,
    seed: int = 7,
    label_weights: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Hit@1, hit@5 and MRR of the recommender and each baseline over every question (or a
    seeded sample of them); with the generator's label weights, also the generator's rule."""
    graph = Graph.of(store)
    asked, skipped = questions(graph, pairs)
    if sample is not None and len(asked) > sample:
        asked = sorted(
            random.Random(seed).sample(asked, sample), key=lambda q: (q.cluster, q.partner)
        )
    methods = ("recommender", *BASELINES, *([GENERATOR_RULE] if label_weights else []))
    tallies = {name: Tally() for name in methods}
    for question in asked:
        # Filtered ranks (as in link prediction): the cluster's other partners are known
        # answers, not misses, so no method's rank counts them.
        known = graph.partners(question.cluster) - {question.partner}
        pool = [node for node in eligible(graph, question) if node not in known]
        with hidden(store, question.hidden):
            result = recommend_partners(
                store, question.cluster, question.model, question.market, DEPTH, options=options
            )
        order = [r.actor.id for r in result.recommendations if r.actor.id not in known]
        rank = order.index(question.partner) + 1 if question.partner in order else None
        tallies["recommender"].add(
            float(rank == 1), float(rank is not None and rank <= 5), 1 / rank if rank else 0.0
        )
        for name, scores in baseline_scores(graph, question, pool).items():
            tallies[name].add(*expected_ranks(scores, question.partner))
        if label_weights:
            rule = generator_rule_scores(graph, question, pool, label_weights)
            tallies[GENERATOR_RULE].add(*expected_ranks(rule, question.partner))
    return {
        "questions": len(asked),
        "skipped": skipped,
        "methods": {name: tally.figures() for name, tally in tallies.items()},
        "reciprocal_ranks": {name: tally.ranks for name, tally in tallies.items()},
    }


def ratio_interval(
    reciprocal_ranks: Mapping[str, Sequence[float]], resamples: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """A 95% bootstrap interval of the recommender's MRR over the best baseline's: the
    questions drawn again with replacement (the same draw for every method), the best baseline
    chosen in each draw. It says how much the ratio owes to which questions were asked."""
    mine = reciprocal_ranks["recommender"]
    theirs = [reciprocal_ranks[name] for name in BASELINES]
    rng, n, ratios = random.Random(seed), len(mine), []
    for _ in range(resamples):
        drawn = [rng.randrange(n) for _ in range(n)]
        best = max(sum(ranks[i] for i in drawn) for ranks in theirs)
        ratios.append(sum(mine[i] for i in drawn) / best if best else math.inf)
    ratios.sort()
    return ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]
