"""A seeded generator of a synthetic, EU-sized partnergraph ecosystem, written as a CSV source.

Scale 1 is about 1,500 cluster organisations in 30 countries with 100,000 member
companies, their support system (EEN partners, Trade Council posts, innovation centres, ...),
20,000 agreements, 30,000 engagements and about a million relationships. Every count scales
linearly with the factor (at least one of each kind); only the countries stop at 30.

Determinism: every choice comes from one `random.Random(seed)` in a fixed order, and every date
is an offset from the fixed AS_OF day, so a seed and a scale give byte-identical files.
Rows are streamed to disk as they are made; only ids, and the few attributes later steps need
to pick plausible partners, stay in memory.

Layout (a CSV source folder): nodes/<prefix>.csv, relationships/<TYPE>.csv and source.yaml.
Labels, relationship types, property keys and enumerations come from the ontology; model and
role ids from ontology/models.ttl (they are not written here: that file loads them).
Synthetic ids are `prefix:syn-000123`; countries, whose id is their ISO code, are fictional
ones with ISO 3166-1 user-assigned codes (`country:XA`): no id collides with the curated data,
so both can be loaded into one graph.

    python -m loaders.synthetic --scale 0.1 --seed 7 --out /tmp/syn

The modules, in the order a reader meets them: terms (the ontology's values the rows use),
vocabulary (word lists), draws and dates (small random choices), scale and mix (how many and
in what proportions), catalogue (the models and roles), layout and writer (the CSV files),
world (what later steps pick from), links (relationships several steps write), one module per
family of steps (geography, topics, support, clusters, members, partnerships with affinity (the
graded rule by which partners abroad are planted), agreements, engagements), ecosystem (the
steps in order and `generate`) and __main__ (the command line).
"""

from loaders.synthetic.ecosystem import generate

__all__ = ["generate"]
