"""The whole synthetic ecosystem: the steps in the order they run (each draws from the one random
source, so the order is part of the output) and `generate`, which runs them into a folder."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from loaders.synthetic.agreements import write_agreements
from loaders.synthetic.catalogue import involvable_roles, models_by_id
from loaders.synthetic.clusters import write_clusters, write_foreign_clusters
from loaders.synthetic.engagements import write_engagements
from loaders.synthetic.geography import (
    collect_country_targets,
    write_cities,
    write_countries,
    write_hotspots,
    write_markets,
)
from loaders.synthetic.layout import check_layout
from loaders.synthetic.members import write_companies, write_investors, write_knowledge_institutions
from loaders.synthetic.partnerships import write_partnerships
from loaders.synthetic.scale import scaled_counts
from loaders.synthetic.support import (
    write_een,
    write_innovation_centres,
    write_other_support,
    write_public_funding,
    write_trade_council,
)
from loaders.synthetic.topics import write_activity_types, write_sectors
from loaders.synthetic.world import World
from loaders.synthetic.writer import CsvFolder, Progress, prepare_folder

STEPS: tuple[Callable[[World], None], ...] = (
    write_countries,
    write_sectors,
    write_activity_types,
    write_cities,
    write_hotspots,
    write_markets,
    collect_country_targets,
    write_public_funding,
    write_trade_council,
    write_een,
    write_innovation_centres,
    write_other_support,
    write_clusters,
    write_foreign_clusters,
    write_knowledge_institutions,
    write_investors,
    write_companies,
    write_partnerships,
    write_agreements,
    write_engagements,
)


def source_name(scale: float, seed: int) -> str:
    return f"partnergraph synthetic generator (seed {seed}, scale {scale:g})"


def generate(
    out_dir: Path, scale: float = 1.0, seed: int = 7, progress: Progress | None = None
) -> dict[str, int]:
    """Write the synthetic ecosystem as a CSV source folder; return data rows per file."""
    check_layout()
    counts = scaled_counts(scale)
    models, roles = models_by_id(), involvable_roles()
    source = source_name(scale, seed)
    prepare_folder(out_dir, source)
    out = CsvFolder(out_dir, source, progress)
    world = World(rng=random.Random(seed), out=out, counts=counts, models=models, roles=roles)
    try:
        for step in STEPS:
            step(world)
    finally:
        out.close()
    return out.row_counts()
