"""Knowledge institutions, investors and the bulk of companies: the Danish ones are the
clusters' members, those abroad are members of foreign clusters, if of any."""

from __future__ import annotations

from loaders.synthetic.dates import founded_year
from loaders.synthetic.draws import coined_name
from loaders.synthetic.links import focus_on_sectors, located, maybe_in_hotspot
from loaders.synthetic.mix import HOME_SHARE, MEMBERSHIP_WEIGHTS, MEMBERSHIPS
from loaders.synthetic.terms import (
    COMPANY_SIZE_WEIGHTS,
    COMPANY_SIZES,
    GTS,
    INSTITUTION_KIND_WEIGHTS,
    INSTITUTION_KINDS,
    MULTINATIONAL,
    SME,
    UNIVERSITY,
)
from loaders.synthetic.vocabulary import COMPANY_WORDS, INVESTOR_WORDS
from loaders.synthetic.world import HOME, World
from ontology.names import Label, Rel


def join_clusters(world: World, member_id: str, wanted: int, first: str = "") -> None:
    """MEMBER_OF `wanted` distinct (Danish) clusters, fewer if there are fewer."""
    pool = world.org(Label.Cluster).ids
    chosen = [first] if first else []
    for _ in range(3 * wanted):  # bounded retries: a small pool simply gives fewer memberships
        if len(chosen) >= wanted:
            break
        cluster = pool[world.rng.randrange(len(pool))]
        if cluster not in chosen:
            chosen.append(cluster)
    for cluster in chosen:
        world.out.rel(Rel.MEMBER_OF, member_id, cluster)


def institution_name(world: World, kind: str, city: str) -> str:
    if kind == UNIVERSITY:
        return f"University of {world.city_names[city]}"
    if kind == GTS:
        return f"{coined_name(world.rng)} Technological Institute"
    return f"{coined_name(world.rng)} Institute of {world.rng.choice(world.sector_names)}"


def write_knowledge_institutions(world: World) -> None:
    rng, label = world.rng, Label.KnowledgeInstitution
    foreign_clusters = world.org(Label.ForeignCluster)
    for _ in range(world.counts[label]):
        country = world.pick_country(HOME_SHARE[label])
        city = world.cities.pick(rng, country)
        kind = rng.choices(INSTITUTION_KINDS, weights=INSTITUTION_KIND_WEIGHTS)[0]
        name = institution_name(world, kind, city)
        institution = located(world, label, country, name, kind, founded_year(rng), city=city)
        focus_on_sectors(world, institution, 1, 3)
        maybe_in_hotspot(world, institution, country, 0.15)
        if country == HOME:
            join_clusters(world, institution, rng.randint(1, 6))
        if rng.random() < 0.1:
            world.out.rel(Rel.MEMBER_OF, institution, foreign_clusters.pick(rng, country))


def write_investors(world: World) -> None:
    rng = world.rng
    for _ in range(world.counts[Label.Investor]):
        country = world.pick_country(HOME_SHARE[Label.Investor])
        name = f"{coined_name(rng)} {rng.choice(INVESTOR_WORDS)}"
        investor = located(world, Label.Investor, country, name, founded_year(rng))
        focus_on_sectors(world, investor, 1, 3)
        if country == HOME:
            join_clusters(world, investor, rng.randint(1, 3))


def write_companies(world: World) -> None:
    """The bulk. A Danish company follows a home cluster (often its sector) and joins a few more;
    one abroad is a member of a foreign cluster of its country."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    foreign_clusters = world.org(Label.ForeignCluster)
    for _ in range(world.counts[Label.Company]):
        country = world.pick_country(HOME_SHARE[Label.Company])
        home = rng.randrange(len(clusters.ids))
        size = rng.choices(COMPANY_SIZES, weights=COMPANY_SIZE_WEIGHTS)[0]
        name = f"{coined_name(rng)} {rng.choice(COMPANY_WORDS)}"
        company = located(world, Label.Company, country, name, size, founded_year(rng))
        if size == MULTINATIONAL:
            world.multinationals.add(company, country)
        sector = rng.choice(world.cluster_sectors[home])
        if country != HOME or rng.random() < 0.2:
            sector = rng.randrange(len(world.sectors))
        world.out.rel(Rel.FOCUSES_ON, company, world.sectors[sector])
        if rng.random() < 0.3:
            second = rng.randrange(len(world.sectors))
            if second != sector:
                world.out.rel(Rel.FOCUSES_ON, company, world.sectors[second])
        maybe_in_hotspot(world, company, country, 0.05)
        if country != HOME:
            world.out.rel(Rel.MEMBER_OF, company, foreign_clusters.pick(rng, country))
            continue
        wanted = rng.choices(MEMBERSHIPS, weights=MEMBERSHIP_WEIGHTS)[0] + (size != SME)
        join_clusters(world, company, wanted, first=clusters.ids[home])
        if rng.random() < 0.04:
            world.out.rel(Rel.MEMBER_OF, company, foreign_clusters.pick(rng))
