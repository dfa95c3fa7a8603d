"""The places: countries, cities, hotspots and markets, and every target a cluster, agreement or
engagement can aim at."""

from __future__ import annotations

import itertools

from loaders.synthetic.draws import coined_name, place_name, some
from loaders.synthetic.mix import HOME_SHARE
from loaders.synthetic.terms import SCHEMA
from loaders.synthetic.vocabulary import COUNTRIES, HOME_COUNTRY
from loaders.synthetic.world import HOME, Target, World
from ontology.names import Label, Rel


def write_countries(world: World) -> None:
    """Denmark, then the countries abroad (`counts[Country]` of them). Denmark is referred to,
    not written: its node is the reference countries' (loaders/reference.py), which every load
    brings along."""
    prefix = SCHEMA.node_types[Label.Country].prefix
    home_iso2, home_name = HOME_COUNTRY
    world.countries.append(f"{prefix}:{home_iso2}")
    world.country_names.append(home_name)
    abroad = COUNTRIES[: world.counts[Label.Country]]
    for iso2, name, _ in abroad:
        world.out.node(Label.Country, f"{prefix}:{iso2}", name, iso2)
        world.countries.append(f"{prefix}:{iso2}")
        world.country_names.append(name)
    world.country_weights = list(itertools.accumulate(p**0.5 for _, _, p in abroad))


def write_cities(world: World) -> None:
    """A share of the cities in Denmark (at least one), then each country abroad once, then
    by weight."""
    count = world.counts[Label.City]
    at_home = max(1, round(HOME_SHARE[Label.City] * count))
    for index in range(count):
        city_id, name = world.new_id(Label.City), place_name(world.rng)
        country = HOME if index < at_home else world.country_for(index - at_home)
        world.out.node(Label.City, city_id, name)
        world.out.rel(Rel.IN_COUNTRY, city_id, world.countries[country])
        world.cities.add(city_id, country)
        world.city_names[city_id] = name


def write_hotspots(world: World) -> None:
    for _ in range(world.counts[Label.Hotspot]):
        hotspot_id, country = world.new_id(Label.Hotspot), world.pick_country()
        city = world.cities.pick(world.rng, country)
        sectors = some(world.rng, range(len(world.sectors)), 1, 3)
        name = f"{world.city_names[city]} {world.sector_names[sectors[0]].lower()} hotspot"
        world.out.node(Label.Hotspot, hotspot_id, name)
        world.out.rel(Rel.IN_COUNTRY, hotspot_id, world.countries[country])
        for sector in sectors:
            world.out.rel(Rel.FOCUSES_ON, hotspot_id, world.sectors[sector])
        world.hotspots.add(hotspot_id, country)
        world.targets.append(Target(hotspot_id, Label.Hotspot, name, country))


def write_markets(world: World) -> None:
    rng = world.rng
    for _ in range(world.counts[Label.Market]):
        market_id, sector = world.new_id(Label.Market), rng.choice(world.sector_names)
        country: int | None = None
        draw = rng.random()
        if draw < 0.5:
            country = world.pick_country()
            name = f"{sector} market in {world.country_names[country]}"
            description = "A national sector market."
        elif draw < 0.8:
            name, description = f"{sector} value chain", "A cross-border value chain."
        else:
            name, description = (
                f"{coined_name(rng)} supply chain",
                "A multinational's supply chain.",
            )
        world.out.node(Label.Market, market_id, name, description)
        if country is not None:
            world.out.rel(Rel.IN_COUNTRY, market_id, world.countries[country])
        world.targets.append(Target(market_id, Label.Market, name, country))


def collect_country_targets(world: World) -> None:
    """Every country abroad: Danish clusters do not internationalise to Denmark."""
    for index, (country_id, name) in enumerate(
        zip(world.countries, world.country_names, strict=True)
    ):
        if index != HOME:
            world.targets.append(Target(country_id, Label.Country, name, index))
