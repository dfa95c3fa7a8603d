"""What organisations work on and do: the sectors and the activity types, named from the
vocabulary in order."""

from __future__ import annotations

from loaders.synthetic.draws import numbered
from loaders.synthetic.vocabulary import ACTIVITY_NAMES, SECTOR_NAMES
from loaders.synthetic.world import World
from ontology.names import Label


def write_sectors(world: World) -> None:
    for index in range(world.counts[Label.Sector]):
        sector_id, name = world.new_id(Label.Sector), numbered(SECTOR_NAMES, index)
        world.out.node(Label.Sector, sector_id, name)
        world.sectors.append(sector_id)
        world.sector_names.append(name)


def write_activity_types(world: World) -> None:
    for index in range(world.counts[Label.ActivityType]):
        activity_id, name = world.new_id(Label.ActivityType), numbered(ACTIVITY_NAMES, index)
        world.out.node(Label.ActivityType, activity_id, name)
        world.activities.append(activity_id)
        world.activity_names.append(name)
