"""Relationships that several steps write: an organisation in its city, its sectors, its
funding, its hotspot and the countries it is present in."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.synthetic.draws import some
from loaders.synthetic.world import World
from ontology.names import Rel


def located(
    world: World,
    label: str,
    country: int,
    name: str,
    *values: object,
    city: str | None = None,
    pickable: bool = True,
) -> str:
    """Write an organisation node and its LOCATED_IN a city of `country`; return its id.
    `pickable`: whether later steps may pick it as a partner or to fill a role."""
    node_id = world.new_id(label)
    city = city or world.cities.pick(world.rng, country)
    world.out.node(label, node_id, name, *values)
    world.out.rel(Rel.LOCATED_IN, node_id, city)
    if pickable:
        world.org(label).add(node_id, country)
    return node_id


def focus_on_sectors(world: World, node_id: str, low: int, high: int) -> None:
    for sector in some(world.rng, world.sectors, low, high):
        world.out.rel(Rel.FOCUSES_ON, node_id, sector)
        world.focus.setdefault(node_id, set()).add(sector)


def fund(world: World, node_id: str, low: int, high: int) -> None:
    for source in some(world.rng, world.funding_sources, low, high):
        world.out.rel(Rel.FUNDED_BY, node_id, source)


def maybe_in_hotspot(world: World, node_id: str, country: int, share: float) -> None:
    """With probability `share`, place the node in a hotspot of its own country (if any)."""
    if world.rng.random() < share and country in world.hotspots.by_country:
        hotspot = world.hotspots.pick(world.rng, country)
        world.out.rel(Rel.IN_HOTSPOT, node_id, hotspot)
        world.in_hotspot[node_id] = hotspot


def present_in(world: World, node_id: str, countries: Sequence[int]) -> None:
    for country in countries:
        world.out.rel(Rel.PRESENT_IN, node_id, world.countries[country])
