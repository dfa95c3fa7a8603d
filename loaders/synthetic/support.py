"""The support system clusters draw on: public funding, the Trade Council with Invest in
Denmark, the Enterprise Europe Network, innovation centres and the other support bodies."""

from __future__ import annotations

from loaders.synthetic.dates import founded_year
from loaders.synthetic.draws import coined_name, place_name, some
from loaders.synthetic.links import focus_on_sectors, fund, located, present_in
from loaders.synthetic.mix import HOME_SHARE
from loaders.synthetic.terms import HEADQUARTERS, NETWORK, PARTNER, REPRESENTATION
from loaders.synthetic.vocabulary import AUTHORITY_NAMES, FUNDER_WORDS
from loaders.synthetic.world import HOME, World
from ontology.names import Label, Rel


def write_public_funding(world: World) -> None:
    """Authorities (Denmark's first, then one per country abroad), funders and their
    programmes: what FUNDED_BY points at."""
    rng = world.rng
    for index in range(world.counts[Label.Authority]):
        country = HOME if index == 0 else world.country_for(index - 1)
        name = f"{world.country_names[country]} {rng.choice(AUTHORITY_NAMES)}"
        located(world, Label.Authority, country, name, founded_year(rng))
    for _ in range(world.counts[Label.Funder]):
        name = f"{coined_name(rng)} {rng.choice(FUNDER_WORDS)}"
        country = world.pick_country(HOME_SHARE[Label.Funder])
        located(world, Label.Funder, country, name, founded_year(rng))
    owners = world.org(Label.Authority).ids + world.org(Label.Funder).ids
    for _ in range(world.counts[Label.FundingProgramme]):
        programme_id = world.new_id(Label.FundingProgramme)
        world.out.node(Label.FundingProgramme, programme_id, f"{coined_name(rng)} Programme")
        world.out.rel(Rel.PART_OF, programme_id, rng.choice(owners))
        world.funding_sources.append(programme_id)
    world.funding_sources.extend(owners)


def write_trade_council(world: World) -> None:
    rng, label = world.rng, Label.TradeCouncil
    # Partners and roles are filled by the posts, not by the headquarters.
    headquarters = located(world, label, HOME, "Trade Council", HEADQUARTERS, pickable=False)
    world.out.rel(Rel.PART_OF, headquarters, world.org(Label.Authority).pick(rng, HOME))
    for _ in range(world.counts[label]):
        country = world.pick_country()
        city = world.cities.pick(rng, country)
        name = f"Trade Council {world.city_names[city]}"
        post = located(world, label, country, name, REPRESENTATION, city=city)
        present_in(world, post, [country])
        world.out.rel(Rel.PART_OF, post, headquarters)
    for index in range(world.counts[Label.InvestInDenmark]):
        country = world.country_for(index)
        name = f"Invest in Denmark {world.country_names[country]}"
        office = located(world, Label.InvestInDenmark, country, name)
        others = some(rng, range(HOME + 1, len(world.countries)), 0, 2)  # abroad
        present_in(world, office, sorted({country, *others}))
        world.out.rel(Rel.PART_OF, office, headquarters)


def write_een(world: World) -> None:
    rng, label = world.rng, Label.EnterpriseEuropeNetwork
    # Partners and roles are filled by the network's partners, not by the network itself.
    network = located(world, label, HOME, "Enterprise Europe Network", NETWORK, pickable=False)
    present_in(world, network, range(len(world.countries)))
    for _ in range(world.counts[label]):
        country = world.pick_country()
        name = f"EEN partner {coined_name(rng)} {world.country_names[country]}"
        een_partner = located(world, label, country, name, PARTNER)
        present_in(world, een_partner, [country])
        world.out.rel(Rel.PART_OF, een_partner, network)


def write_innovation_centres(world: World) -> None:
    rng, label = world.rng, Label.InnovationCentre
    for _ in range(world.counts[label]):
        which = rng.randrange(len(world.hotspots.ids))
        hotspot, country = world.hotspots.ids[which], world.hotspots.countries[which]
        city = world.cities.pick(rng, country)
        name = f"Innovation Centre {world.city_names[city]}"
        centre = located(world, label, country, name, rng.randint(2006, 2024), city=city)
        world.out.rel(Rel.IN_HOTSPOT, centre, hotspot)
        world.in_hotspot[centre] = hotspot
        present_in(world, centre, [country])
        focus_on_sectors(world, centre, 1, 3)
        world.out.rel(Rel.PART_OF, centre, world.org(Label.Authority).pick(rng))
        if rng.random() < 0.5:
            fund(world, centre, 1, 1)


def write_other_support(world: World) -> None:
    """EU offices, business hubs, EU-DK support, marketing organisations, trade associations."""
    rng = world.rng
    for _ in range(world.counts[Label.RegionalEUOffice]):
        country = world.pick_country(HOME_SHARE[Label.RegionalEUOffice])
        name = f"{place_name(rng)} Region EU Office"
        office = located(world, Label.RegionalEUOffice, country, name, founded_year(rng))
        world.out.rel(Rel.PART_OF, office, world.org(Label.Authority).pick(rng, country))
    for _ in range(world.counts[Label.BusinessHub]):
        country = world.pick_country(HOME_SHARE[Label.BusinessHub])
        city = world.cities.pick(rng, country)
        name = f"Business Hub {world.city_names[city]}"
        located(world, Label.BusinessHub, country, name, founded_year(rng), city=city)
    for index in range(world.counts[Label.EUDKSupport]):
        country = world.pick_country(HOME_SHARE[Label.EUDKSupport])
        located(world, Label.EUDKSupport, country, f"EU-DK Support {index + 1}")
    for _ in range(world.counts[Label.MarketingOrganisation]):
        country = world.pick_country()
        name = f"{coined_name(rng)} Marketing"
        mfo = located(world, Label.MarketingOrganisation, country, name, founded_year(rng))
        others = some(rng, range(len(world.countries)), 0, 3)
        present_in(world, mfo, sorted({country, *others}))
        focus_on_sectors(world, mfo, 1, 2)
    for _ in range(world.counts[Label.TradeAssociation]):
        country = world.pick_country(HOME_SHARE[Label.TradeAssociation])
        sector = rng.choice(world.sector_names)
        name = f"{world.country_names[country]} {sector} Association"
        located(world, Label.TradeAssociation, country, name, founded_year(rng))
