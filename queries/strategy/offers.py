"""Who offers what among the actors (proposal 3: an internationalisation network "for at styrke
kendskabet til respektive internationaliseringsydelser"), as far as the data says: per partner
role, which types of actor fill it, how many such actors the graph holds, how many clusters work
with one, in how many engagements one played the role, and which models ask for it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graph.store import GraphStore
from ontology.models import load_catalogue
from ontology.names import Rel
from ontology.schema import load_schema


@dataclass(frozen=True)
class RoleOffer:
    role: str  # role id
    labels: tuple[str, ...]  # the actor types that fill it
    actors: int  # actors of those types in the graph
    clusters: int  # clusters with a partnership with one of them
    engagements: int  # engagements where an actor played the role
    required_by: tuple[str, ...]  # model ids whose required requirements name it
    recommended_by: tuple[str, ...]  # model ids whose recommended requirements name it


def who_offers_what(store: GraphStore) -> list[RoleOffer]:
    catalogue = load_catalogue()
    schema = load_schema()
    played: Counter[str] = Counter()
    for r in store.relationships(Rel.INVOLVES):
        role = r.properties.get("role")
        if role:
            played[str(role)] += 1
    label_of = schema.label_for_id
    partners: dict[str, set[str]] = {}  # label -> clusters with a partnership with one
    for r in store.relationships(Rel.PARTNERS_WITH):
        for cluster, other in ((r.start, r.end), (r.end, r.start)):
            if cluster.startswith("cluster:"):
                partners.setdefault(label_of(other), set()).add(cluster)
    offers = []
    for role in sorted(catalogue.roles.values(), key=lambda r: r.name):
        if role.target_group:
            continue  # companies are the models' target group, not an offer
        count = sum(1 for label in role.labels for _ in store.nodes(label))
        with_one = set().union(*(partners.get(label, set()) for label in role.labels))
        offers.append(
            RoleOffer(
                role=role.id,
                labels=role.labels,
                actors=count,
                clusters=len(with_one),
                engagements=played[role.id],
                required_by=_models(catalogue, role.id, required=True),
                recommended_by=_models(catalogue, role.id, required=False),
            )
        )
    return offers


def _models(catalogue: object, role: str, required: bool) -> tuple[str, ...]:
    models = getattr(catalogue, "models", {}).values()
    return tuple(
        spec.id
        for spec in sorted(models, key=lambda s: s.number)
        if any(role in q.roles and q.required == required for q in spec.requirements)
    )
