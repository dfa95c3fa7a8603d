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
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import yaml
from rdflib import RDF, Literal, URIRef

from ontology.names import Label, Rel
from ontology.schema import load_schema, models_graph

SCHEMA = load_schema()

T = TypeVar("T")
Progress = Callable[[int], None]  # called with the number of rows just written
PROGRESS_EVERY = 10_000
AS_OF = dt.date(2025, 1, 1)  # the synthetic "today" that statuses and outcomes are judged on
EARLIEST = dt.date(2008, 1, 1)  # no partnership, agreement or engagement starts before this


# --- ontology terms the generator relies on ------------------------------------------------------


def allowed(owner: str, key: str, *values: str) -> tuple[str, ...]:
    """`values`, after checking that the ontology allows each for `key` on a label or relationship
    type: like Label.X, a typo fails at import instead of producing invalid rows."""
    if owner in SCHEMA.node_types:
        spec = SCHEMA.node_properties(owner)[key]
    else:
        spec = SCHEMA.relationship_properties(owner)[key]
    unknown = [value for value in values if value not in spec.allowed]
    if unknown:
        raise ValueError(f"{owner}.{key}: {unknown} not among {spec.allowed}")
    return values


(CONFIDENCE,) = allowed(Label.Cluster, "confidence", "synthetic")
CLUSTER_STATUSES = allowed(Label.Cluster, "status", "active", "merged", "bankrupt")
CLUSTER_STATUS_WEIGHTS = (94, 4, 2)
HEADQUARTERS, REPRESENTATION = allowed(
    Label.TradeCouncil, "scope", "headquarters", "representation"
)
NETWORK, PARTNER = allowed(Label.EnterpriseEuropeNetwork, "scope", "network", "partner")
UNIVERSITY, GTS, RESEARCH_INSTITUTE = allowed(
    Label.KnowledgeInstitution, "kind", "university", "gts", "research-institute"
)
INSTITUTION_KINDS = (UNIVERSITY, GTS, RESEARCH_INSTITUTE)
INSTITUTION_KIND_WEIGHTS = (45, 15, 40)
SME, LARGE, MULTINATIONAL = allowed(Label.Company, "size", "sme", "large", "multinational")
COMPANY_SIZES = (SME, LARGE, MULTINATIONAL)
COMPANY_SIZE_WEIGHTS = (85, 12, 3)
AGREEMENT_KINDS = allowed(
    Label.Agreement,
    "agreement_kind",
    "mou",
    "cooperation-agreement",
    "framework-agreement",
    "strategic-agreement",
)
AGREEMENT_KIND_WEIGHTS = (45, 30, 10, 15)
AGREEMENT_TITLES = dict(
    zip(
        AGREEMENT_KINDS,
        ("MoU", "Cooperation agreement", "Framework agreement", "Strategic agreement"),
        strict=True,
    )
)
ACTIVE, EXPIRED = allowed(Label.Agreement, "status", "active", "expired")
ONGOING, *CLOSED_OUTCOMES = allowed(
    Label.Engagement, "outcome", "ongoing", "successful", "discontinued", "unknown"
)
CLOSED_OUTCOME_WEIGHTS = (60, 25, 15)
INFORMAL, PROJECT, FORMAL = allowed(Rel.PARTNERS_WITH, "kind", "informal", "project", "formal")
PARTNERSHIP_KINDS = (INFORMAL, PROJECT, FORMAL)
PARTNERSHIP_KIND_WEIGHTS = (45, 35, 20)
AD_HOC, PROJECT_FUNDED, RECURRING, CORE = allowed(
    Rel.PARTNERS_WITH, "funding", "ad-hoc", "project", "recurring", "core"
)
INNOVATION, MARKET = allowed(Label.Model, "purpose", "innovation", "market")
(LONG,) = allowed(Label.Model, "time_horizon", "long")
FALSE = "false"  # booleans are true/false in the CSV layout; synthetic clusters are not national

# Columns after id/name (nodes) or from/to (relationships); the provenance columns come last.
PROVENANCE_COLUMNS = ("source", "confidence")
NODE_COLUMNS: dict[str, tuple[str, ...]] = {
    Label.Country: ("iso2",),
    Label.Sector: (),
    Label.City: (),
    Label.Hotspot: (),
    Label.Market: ("description",),
    Label.ActivityType: (),
    Label.Authority: ("founded_year",),
    Label.Funder: ("founded_year",),
    Label.FundingProgramme: (),
    Label.TradeCouncil: ("scope",),
    Label.EnterpriseEuropeNetwork: ("scope",),
    Label.InnovationCentre: ("opened_year",),
    Label.InvestInDenmark: (),
    Label.RegionalEUOffice: ("founded_year",),
    Label.BusinessHub: ("founded_year",),
    Label.EUDKSupport: (),
    Label.MarketingOrganisation: ("founded_year",),
    Label.TradeAssociation: ("founded_year",),
    Label.Cluster: ("national", "status", "founded_year", "strength_position"),
    Label.ForeignCluster: ("founded_year",),
    Label.KnowledgeInstitution: ("kind", "founded_year"),
    Label.Investor: ("founded_year",),
    Label.Company: ("size", "founded_year"),
    Label.Agreement: ("agreement_kind", "signed", "valid_from", "valid_until", "status"),
    Label.Engagement: ("start", "end", "outcome", "participants"),
}
RELATIONSHIP_COLUMNS: dict[str, tuple[str, ...]] = {
    Rel.PARTNERS_WITH: ("kind", "start", "end", "contact_persons", "funding"),
    Rel.INVOLVES: ("role",),
    Rel.TARGETS_MARKET: ("model",),
}


def check_layout() -> None:
    """Every column must be a property key the ontology allows where it is written."""
    for label, columns in NODE_COLUMNS.items():
        unknown = set(columns + PROVENANCE_COLUMNS) - set(SCHEMA.node_properties(label))
        if unknown:
            raise ValueError(f"{label}: columns {sorted(unknown)} are not in the ontology")
    for rel_type in sorted(Rel.ALL):
        columns = RELATIONSHIP_COLUMNS.get(rel_type, ()) + PROVENANCE_COLUMNS
        unknown = set(columns) - set(SCHEMA.relationship_properties(rel_type))
        if unknown:
            raise ValueError(f"{rel_type}: columns {sorted(unknown)} are not in the ontology")


# --- reference data ------------------------------------------------------------------------------

# fmt: off
# 30 fictional countries, sized like the EEA's (population in millions, largest first): a
# country's share of clusters and cities follows the square root of its population. Their codes
# are ISO 3166-1 user-assigned ones (XA-XZ, QM-QZ are reserved and never name a real country;
# XK, XX, QO and QU are skipped as some use them), so `country:XA` cannot collide with a curated
# country such as country:DE.
COUNTRIES: tuple[tuple[str, str, float], ...] = (
    ("XA", "Aldoria", 84.5), ("XB", "Borrovia", 68.4), ("XC", "Calvenia", 59.0),
    ("XD", "Durmland", 48.6), ("XE", "Estravia", 36.8), ("XF", "Fennlund", 19.1),
    ("XG", "Galvor", 17.9), ("XH", "Hestria", 11.8), ("XI", "Ilvania", 10.9),
    ("XJ", "Jorvania", 10.6), ("XL", "Lorvenia", 10.5), ("XM", "Marvosa", 10.4),
    ("XN", "Norrhavn", 9.6), ("XO", "Ostrelia", 9.1), ("XP", "Pelvaria", 6.4),
    ("XQ", "Quarnia", 5.9), ("XR", "Rosland", 5.6), ("XS", "Solvaria", 5.5),
    ("XT", "Tervania", 5.4), ("XU", "Ulmora", 5.3), ("XV", "Valdonia", 3.9),
    ("XW", "Westmark", 2.9), ("XY", "Ysolde", 2.1), ("XZ", "Zeravia", 1.9),
    ("QM", "Merovia", 1.4), ("QN", "Nordavia", 0.9), ("QP", "Pallia", 0.7),
    ("QR", "Riven Isles", 0.5), ("QS", "Sundra", 0.4), ("QT", "Tyrn", 0.04),
)
SECTOR_NAMES = (
    "Robotics", "Life science", "Wind energy", "Food and bio", "Maritime", "Cleantech",
    "Digital technologies", "Creative industries", "Tourism", "Construction", "Water technology",
    "Energy storage", "Biotech", "Medtech", "Logistics", "Advanced materials", "Textiles",
    "Aerospace", "Automotive", "Chemicals", "Fintech", "Welfare technology", "Circular economy",
    "Photonics", "Semiconductors", "Quantum technology", "Agritech", "Furniture and design",
    "Space", "Hydrogen",
)
ACTIVITY_NAMES = (
    "Delegation visit", "Innovation camp", "Matchmaking event", "Trade fair", "Pilot project",
    "Market study", "Webinar series", "Study tour", "Hackathon", "Joint R&D project",
    "Investor pitch", "B2B meetings", "Test bed access", "Incubation programme", "Conference",
)
SYLLABLES = (
    "al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "is", "jor", "kal", "lun", "mar", "nor",
    "ost", "per", "ros", "sol", "tor", "ul", "ven", "wil", "ka", "ri", "sa", "vo", "li", "te",
)
PLACE_ENDINGS = ("burg", "by", "stad", "ona", "ville", "heim", "ia", "berg", "dorf", "ovo", "ice")
COMPANY_WORDS = ("Systems", "Solutions", "Technologies", "Labs", "Industries", "Engineering",
                 "Analytics", "Materials", "Dynamics", "Works", "Group", "Innovations")
CLUSTER_WORDS = ("Network", "Alliance", "Cluster", "Hub", "Valley")
INVESTOR_WORDS = ("Ventures", "Capital", "Partners", "Invest", "Growth Fund")
FUNDER_WORDS = ("Foundation", "Fund", "Trust")
AUTHORITY_NAMES = ("Ministry of Business", "Ministry of Research", "Innovation Agency",
                   "Export Agency", "Regional Council")
# fmt: on


# --- sizes ---------------------------------------------------------------------------------------

# Node counts at scale 1. TradeCouncil counts the representations and EnterpriseEuropeNetwork the
# partners: each also has one headquarters / network node at every scale.
BASE_COUNTS: dict[str, int] = {
    Label.Country: len(COUNTRIES),
    Label.Sector: 30,
    Label.City: 300,
    Label.Hotspot: 40,
    Label.Market: 60,
    Label.ActivityType: len(ACTIVITY_NAMES),
    Label.Authority: 60,
    Label.Funder: 150,
    Label.FundingProgramme: 40,
    Label.TradeCouncil: 300,
    Label.EnterpriseEuropeNetwork: 600,
    Label.InnovationCentre: 50,
    Label.InvestInDenmark: 20,
    Label.RegionalEUOffice: 30,
    Label.BusinessHub: 40,
    Label.EUDKSupport: 5,
    Label.MarketingOrganisation: 60,
    Label.TradeAssociation: 200,
    Label.Cluster: 1_500,
    Label.ForeignCluster: 1_000,
    Label.KnowledgeInstitution: 3_000,
    Label.Investor: 500,
    Label.Company: 100_000,
    Label.Agreement: 20_000,
    Label.Engagement: 30_000,
}

# How many partners of each label a cluster has (inclusive range).
CLUSTER_PARTNER_MIX: tuple[tuple[str, int, int], ...] = (
    (Label.InnovationCentre, 1, 3),
    (Label.TradeCouncil, 0, 3),
    (Label.EnterpriseEuropeNetwork, 0, 2),
    (Label.ForeignCluster, 2, 8),
    (Label.KnowledgeInstitution, 2, 8),
    (Label.Company, 2, 10),
    (Label.Cluster, 1, 4),
    (Label.BusinessHub, 0, 1),
    (Label.TradeAssociation, 0, 2),
    (Label.Investor, 0, 2),
    (Label.Authority, 0, 1),
    (Label.Funder, 0, 1),
    (Label.MarketingOrganisation, 0, 1),
    (Label.RegionalEUOffice, 0, 1),
    (Label.InvestInDenmark, 0, 1),
    (Label.EUDKSupport, 0, 1),
)
# Partners of these labels are found in the market a cluster targets; all others at home.
ABROAD_LABELS = frozenset(
    {
        Label.InnovationCentre,
        Label.TradeCouncil,
        Label.ForeignCluster,
        Label.EnterpriseEuropeNetwork,
        Label.InvestInDenmark,
        Label.MarketingOrganisation,
    }
)
# Share of a cluster's target declarations under an innovation model, by kind of target.
INNOVATION_SHARE = {Label.Hotspot: 0.8, Label.Country: 0.5, Label.Market: 0.15}
REQUIRED_ROLE_SHARE = 0.85  # engagements lacking a required partner are the gaps to find
RECOMMENDED_ROLE_SHARE = 0.35
MEMBERSHIPS = (1, 2, 3, 4, 5, 6)  # clusters a company is a member of
MEMBERSHIP_WEIGHTS = (24, 24, 20, 14, 10, 8)


def scaled_counts(scale: float) -> dict[str, int]:
    """Linear in `scale`, at least one of each kind; countries cannot exceed 30."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, not {scale}")
    counts = {label: max(1, round(base * scale)) for label, base in BASE_COUNTS.items()}
    counts[Label.Country] = min(counts[Label.Country], len(COUNTRIES))
    return counts


# --- the models and roles (ontology/models.ttl) --------------------------------------------------


@dataclass(frozen=True)
class RoleSpec:
    id: str
    labels: tuple[str, ...]  # labels that can fill the role in an INVOLVES relationship


@dataclass(frozen=True)
class ModelSpec:
    id: str
    name: str
    purpose: str
    horizon: str
    required: tuple[RoleSpec, ...]
    recommended: tuple[RoleSpec, ...]


MULTINATIONAL_ROLE = "role:multinational"  # filled by a Company whose size is multinational


def _property_iri(label: str, key: str) -> URIRef:
    return SCHEMA.node_properties(label)[key].iri


def _individuals(label: str) -> list[URIRef]:
    graph = models_graph()
    subjects = graph.subjects(RDF.type, SCHEMA.node_types[label].iri)
    return sorted(s for s in subjects if isinstance(s, URIRef))


def _text(subject: URIRef, label: str, key: str) -> str:
    value = models_graph().value(subject, _property_iri(label, key))
    return str(value) if isinstance(value, Literal) else ""


def read_roles() -> dict[str, RoleSpec]:
    """The partner roles that an organisation can fill, with the labels that fill each."""
    graph, label = models_graph(), Label.PartnerRole
    involvable = SCHEMA.relationship_types[Rel.INVOLVES].range
    roles = {}
    for subject in _individuals(label):
        filled_by = graph.objects(subject, _property_iri(label, "filled_by_labels"))
        labels = tuple(sorted(str(name) for name in filled_by if str(name) in involvable))
        if labels:
            role_id = _text(subject, label, "id")
            roles[role_id] = RoleSpec(role_id, labels)
    if MULTINATIONAL_ROLE not in roles:
        raise ValueError(f"{MULTINATIONAL_ROLE} is missing from ontology/models.ttl")
    return roles


def read_models(roles: dict[str, RoleSpec]) -> list[ModelSpec]:
    """The four models with the roles each requires and recommends, ordered by id."""
    graph, label = models_graph(), Label.Model

    def linked_roles(subject: URIRef, rel_type: str) -> tuple[RoleSpec, ...]:
        targets = graph.objects(subject, SCHEMA.relationship_types[rel_type].iri)
        ids = sorted(_text(t, Label.PartnerRole, "id") for t in targets if isinstance(t, URIRef))
        return tuple(roles[role_id] for role_id in ids if role_id in roles)

    models = [
        ModelSpec(
            id=_text(subject, label, "id"),
            name=_text(subject, label, "name"),
            purpose=_text(subject, label, "purpose"),
            horizon=_text(subject, label, "time_horizon"),
            required=linked_roles(subject, Rel.REQUIRES_ROLE),
            recommended=linked_roles(subject, Rel.RECOMMENDS_ROLE),
        )
        for subject in _individuals(label)
    ]
    if {model.purpose for model in models} != {INNOVATION, MARKET}:
        raise ValueError("ontology/models.ttl must hold both innovation and market models")
    return sorted(models, key=lambda model: model.id)


# --- writing -------------------------------------------------------------------------------------


def file_path(key: str) -> str:
    """The CSV file, relative to the source folder, of a node label or relationship type."""
    if key in SCHEMA.node_types:
        return f"nodes/{SCHEMA.node_types[key].prefix}.csv"
    return f"relationships/{SCHEMA.relationship_types[key].type}.csv"


def header(key: str) -> tuple[str, ...]:
    if key in SCHEMA.node_types:
        return ("id", "name", *NODE_COLUMNS[key], *PROVENANCE_COLUMNS)
    return ("from", "to", *RELATIONSHIP_COLUMNS.get(key, ()), *PROVENANCE_COLUMNS)


class CsvFolder:
    """The open files of one CSV source: one csv.writer per node label and relationship type,
    opened on first use with the header the layout declares; rows are counted per file."""

    def __init__(self, root: Path, source: str, progress: Progress | None) -> None:
        self.root = root
        self.provenance = (source, CONFIDENCE)
        self.counts: dict[str, int] = {}
        self._progress = progress
        self._pending = 0
        self._files: list[IO[str]] = []
        self._writers: dict[str, Any] = {}  # key -> csv writer (its type is private to _csv)
        self._widths: dict[str, int] = {}

    def node(self, label: str, node_id: str, name: str, *values: object) -> None:
        self._write(label, (node_id, name, *values, *self.provenance))

    def rel(self, rel_type: str, start: str, end: str, *values: object) -> None:
        self._write(rel_type, (start, end, *values, *self.provenance))

    def _write(self, key: str, row: tuple[object, ...]) -> None:
        writer = self._writers.get(key) or self._open(key)
        if len(row) != self._widths[key]:
            raise ValueError(f"{key}: {row!r} does not fit the columns {header(key)}")
        writer.writerow(row)
        self.counts[key] += 1
        self._pending += 1
        if self._pending >= PROGRESS_EVERY:
            self._report()

    def _open(self, key: str) -> Any:
        file = (self.root / file_path(key)).open(
            "w", encoding="utf-8", newline="", buffering=1 << 20
        )
        self._files.append(file)
        writer = csv.writer(file)
        writer.writerow(header(key))
        self._writers[key] = writer
        self._widths[key] = len(header(key))
        self.counts[key] = 0
        return writer

    def _report(self) -> None:
        if self._progress is not None and self._pending:
            self._progress(self._pending)
        self._pending = 0

    def row_counts(self) -> dict[str, int]:
        """Data rows (without the header) per file, by path relative to the folder."""
        return dict(sorted((file_path(key), count) for key, count in self.counts.items()))

    def close(self) -> None:
        for file in self._files:
            file.close()
        self._report()


def prepare_folder(out_dir: Path, source: str) -> None:
    """Create the layout and write source.yaml. The folder is one source, so CSV files a run does
    not write (left from another scale) are removed: a loader would read them with the new ones."""
    for sub in ("nodes", "relationships"):
        folder = out_dir / sub
        folder.mkdir(parents=True, exist_ok=True)
        for stale in sorted(folder.glob("*.csv")):
            stale.unlink()
    defaults = {"source": source, "confidence": CONFIDENCE}
    (out_dir / "source.yaml").write_text(yaml.safe_dump(defaults, sort_keys=False), "utf-8")


# --- the world being generated -------------------------------------------------------------------


@dataclass
class Register:
    """The ids of one kind of node written so far, with each one's country for local picks."""

    ids: list[str] = field(default_factory=list)
    countries: list[int] = field(default_factory=list)  # index into World.countries
    by_country: dict[int, list[str]] = field(default_factory=dict)

    def add(self, node_id: str, country: int) -> None:
        self.ids.append(node_id)
        self.countries.append(country)
        self.by_country.setdefault(country, []).append(node_id)

    def pick(self, rng: random.Random, country: int | None = None) -> str:
        """A node in `country` when it has one, else any node."""
        pool = self.ids if country is None else self.by_country.get(country, self.ids)
        return pool[rng.randrange(len(pool))]


@dataclass
class Target:
    """Something a cluster, agreement or engagement can target: a country, hotspot or market."""

    id: str
    label: str
    name: str
    country: int | None


@dataclass
class World:
    """The generator's state: the random source, the open files, and what later steps pick from."""

    rng: random.Random
    out: CsvFolder
    counts: dict[str, int]
    models: list[ModelSpec]
    countries: list[str] = field(default_factory=list)
    country_names: list[str] = field(default_factory=list)
    country_weights: list[float] = field(default_factory=list)  # cumulative
    sectors: list[str] = field(default_factory=list)
    sector_names: list[str] = field(default_factory=list)
    cities: Register = field(default_factory=Register)
    city_names: dict[str, str] = field(default_factory=dict)
    hotspots: Register = field(default_factory=Register)
    targets: list[Target] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    activity_names: list[str] = field(default_factory=list)
    orgs: dict[str, Register] = field(default_factory=dict)
    multinationals: Register = field(default_factory=Register)
    funding_sources: list[str] = field(default_factory=list)
    cluster_sectors: list[list[int]] = field(default_factory=list)  # by cluster index
    cluster_targets: list[list[tuple[Target, ModelSpec]]] = field(default_factory=list)
    cluster_partners: list[list[str]] = field(default_factory=list)
    partnered: set[tuple[str, str]] = field(default_factory=set)  # PARTNERS_WITH (from, to)
    serials: dict[str, itertools.count[int]] = field(default_factory=dict)

    def new_id(self, label: str) -> str:
        serial = self.serials.setdefault(label, itertools.count(1))
        return f"{SCHEMA.node_types[label].prefix}:syn-{next(serial):06d}"

    def org(self, label: str) -> Register:
        return self.orgs.setdefault(label, Register())

    def pick_country(self) -> int:
        indices = range(len(self.countries))
        return self.rng.choices(indices, cum_weights=self.country_weights)[0]

    def country_for(self, index: int) -> int:
        """Each country once (while there are more items than countries), then by weight."""
        return index if index < len(self.countries) else self.pick_country()

    def models_for(self, purpose: str) -> list[ModelSpec]:
        return [model for model in self.models if model.purpose == purpose]


# --- small random helpers ------------------------------------------------------------------------


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def founded_year(rng: random.Random) -> int:
    return rng.randint(1950, 2020)


def coined_name(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3))
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def place_name(rng: random.Random) -> str:
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(PLACE_ENDINGS)).capitalize()


def numbered(names: Sequence[str], index: int) -> str:
    """The index-th name, with a number once the list has been used up (at scales above 1)."""
    rounds, position = divmod(index, len(names))
    return names[position] if rounds == 0 else f"{names[position]} {rounds + 1}"


def some(rng: random.Random, items: Sequence[T], low: int, high: int) -> list[T]:
    """Between low and high distinct items (fewer when there are not that many)."""
    return rng.sample(items, min(len(items), rng.randint(low, high)))


def partnership_terms(rng: random.Random) -> tuple[str, dt.date, dt.date | None, int, str]:
    """kind, start, end (None: open-ended), contact persons and funding of one partnership."""
    kind = rng.choices(PARTNERSHIP_KINDS, weights=PARTNERSHIP_KIND_WEIGHTS)[0]
    start = random_date(rng, EARLIEST, AS_OF - dt.timedelta(days=30))
    end: dt.date | None = None
    if kind == PROJECT:
        end = start + dt.timedelta(days=rng.randint(365, 4 * 365))
        return kind, start, end, rng.randint(1, 4), PROJECT_FUNDED
    if kind == FORMAL:
        return kind, start, end, rng.randint(2, 6), rng.choice((CORE, RECURRING, RECURRING))
    if rng.random() < 0.25:  # informal contacts that have lapsed
        end = start + dt.timedelta(days=rng.randint(180, 5 * 365))
    return kind, start, end, rng.randint(1, 2), AD_HOC


# --- relationship helpers ------------------------------------------------------------------------


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


def fund(world: World, node_id: str, low: int, high: int) -> None:
    for source in some(world.rng, world.funding_sources, low, high):
        world.out.rel(Rel.FUNDED_BY, node_id, source)


def maybe_in_hotspot(world: World, node_id: str, country: int, share: float) -> None:
    """With probability `share`, place the node in a hotspot of its own country (if any)."""
    if world.rng.random() < share and country in world.hotspots.by_country:
        world.out.rel(Rel.IN_HOTSPOT, node_id, world.hotspots.pick(world.rng, country))


def present_in(world: World, node_id: str, countries: Sequence[int]) -> None:
    for country in countries:
        world.out.rel(Rel.PRESENT_IN, node_id, world.countries[country])


def join_clusters(world: World, member_id: str, country: int, wanted: int, first: str = "") -> None:
    """MEMBER_OF `wanted` distinct clusters of the member's country (fewer if it has fewer)."""
    clusters = world.org(Label.Cluster)
    pool = clusters.by_country.get(country, clusters.ids)
    chosen = [first] if first else []
    for _ in range(3 * wanted):  # bounded retries: a small pool simply gives fewer memberships
        if len(chosen) >= wanted:
            break
        cluster = pool[world.rng.randrange(len(pool))]
        if cluster not in chosen:
            chosen.append(cluster)
    for cluster in chosen:
        world.out.rel(Rel.MEMBER_OF, member_id, cluster)


def partner(world: World, start: str, end: str) -> bool:
    """One PARTNERS_WITH; False (and nothing written) for a self-loop or an existing pair."""
    if start == end or (start, end) in world.partnered or (end, start) in world.partnered:
        return False
    world.partnered.add((start, end))
    kind, begun, ended, contacts, funding = partnership_terms(world.rng)
    world.out.rel(Rel.PARTNERS_WITH, start, end, kind, begun, ended, contacts, funding)
    return True


# --- steps, in the order they run ----------------------------------------------------------------


def write_countries(world: World) -> None:
    prefix = SCHEMA.node_types[Label.Country].prefix
    for iso2, name, population in COUNTRIES[: world.counts[Label.Country]]:
        world.out.node(Label.Country, f"{prefix}:{iso2}", name, iso2)
        world.countries.append(f"{prefix}:{iso2}")
        world.country_names.append(name)
        world.country_weights.append(population**0.5)
    world.country_weights = list(itertools.accumulate(world.country_weights))


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


def write_cities(world: World) -> None:
    for index in range(world.counts[Label.City]):
        city_id, name = world.new_id(Label.City), place_name(world.rng)
        country = world.country_for(index)
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
    for index, (country_id, name) in enumerate(
        zip(world.countries, world.country_names, strict=True)
    ):
        world.targets.append(Target(country_id, Label.Country, name, index))


def write_public_funding(world: World) -> None:
    """Authorities, funders and their programmes: what FUNDED_BY points at."""
    rng = world.rng
    for index in range(world.counts[Label.Authority]):
        country = world.country_for(index)
        name = f"{world.country_names[country]} {rng.choice(AUTHORITY_NAMES)}"
        located(world, Label.Authority, country, name, founded_year(rng))
    for _ in range(world.counts[Label.Funder]):
        name = f"{coined_name(rng)} {rng.choice(FUNDER_WORDS)}"
        located(world, Label.Funder, world.pick_country(), name, founded_year(rng))
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
    headquarters = located(world, label, 0, "Trade Council", HEADQUARTERS, pickable=False)
    world.out.rel(Rel.PART_OF, headquarters, world.org(Label.Authority).pick(rng, 0))
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
        others = some(rng, range(len(world.countries)), 0, 2)
        present_in(world, office, sorted({country, *others}))
        world.out.rel(Rel.PART_OF, office, headquarters)


def write_een(world: World) -> None:
    rng, label = world.rng, Label.EnterpriseEuropeNetwork
    # Partners and roles are filled by the network's partners, not by the network itself.
    network = located(world, label, 0, "Enterprise Europe Network", NETWORK, pickable=False)
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
        present_in(world, centre, [country])
        focus_on_sectors(world, centre, 1, 3)
        world.out.rel(Rel.PART_OF, centre, world.org(Label.Authority).pick(rng))
        if rng.random() < 0.5:
            fund(world, centre, 1, 1)


def write_other_support(world: World) -> None:
    """EU offices, business hubs, EU-DK support, marketing organisations, trade associations."""
    rng = world.rng
    for _ in range(world.counts[Label.RegionalEUOffice]):
        country = world.pick_country()
        name = f"{place_name(rng)} Region EU Office"
        office = located(world, Label.RegionalEUOffice, country, name, founded_year(rng))
        world.out.rel(Rel.PART_OF, office, world.org(Label.Authority).pick(rng, country))
    for index in range(world.counts[Label.BusinessHub]):
        country = world.country_for(index)
        city = world.cities.pick(rng, country)
        name = f"Business Hub {world.city_names[city]}"
        located(world, Label.BusinessHub, country, name, founded_year(rng), city=city)
    for index in range(world.counts[Label.EUDKSupport]):
        located(world, Label.EUDKSupport, world.pick_country(), f"EU-DK Support {index + 1}")
    for _ in range(world.counts[Label.MarketingOrganisation]):
        country = world.pick_country()
        name = f"{coined_name(rng)} Marketing"
        mfo = located(world, Label.MarketingOrganisation, country, name, founded_year(rng))
        others = some(rng, range(len(world.countries)), 0, 3)
        present_in(world, mfo, sorted({country, *others}))
        focus_on_sectors(world, mfo, 1, 2)
    for _ in range(world.counts[Label.TradeAssociation]):
        country, sector = world.pick_country(), rng.choice(world.sector_names)
        name = f"{world.country_names[country]} {sector} Association"
        located(world, Label.TradeAssociation, country, name, founded_year(rng))


def declare_targets(world: World, cluster: str) -> list[tuple[Target, ModelSpec]]:
    """TARGETS_MARKET: 3 to 7 distinct targets, each under a model that suits its kind."""
    rng = world.rng
    declared = []
    for target in rng.sample(world.targets, min(len(world.targets), rng.randint(3, 7))):
        innovation = rng.random() < INNOVATION_SHARE[target.label]
        model = rng.choice(world.models_for(INNOVATION if innovation else MARKET))
        world.out.rel(Rel.TARGETS_MARKET, cluster, target.id, model.id)
        declared.append((target, model))
    return declared


def write_clusters(world: World) -> None:
    rng, clusters = world.rng, world.org(Label.Cluster)
    business_hubs = world.org(Label.BusinessHub)
    sector_indices: Sequence[int] = range(len(world.sectors))
    for _ in range(world.counts[Label.Cluster]):
        country = world.pick_country()
        city = world.cities.pick(rng, country)
        strengths = rng.sample(sector_indices, min(len(sector_indices), rng.choice((1, 2, 2, 3))))
        names = [world.sector_names[s] for s in strengths]
        name = f"{world.city_names[city]} {names[0]} Cluster"
        status = rng.choices(CLUSTER_STATUSES, weights=CLUSTER_STATUS_WEIGHTS)[0]
        earlier = clusters.by_country.get(country, [])  # only earlier ones: PART_OF has no cycles
        parent = earlier[rng.randrange(len(earlier))] if earlier and rng.random() < 0.04 else ""
        cluster = located(
            world,
            Label.Cluster,
            country,
            name,
            FALSE,
            status,
            founded_year(rng),
            ", ".join(names).lower(),
            city=city,
        )
        for sector in strengths:
            world.out.rel(Rel.HAS_STRENGTH, cluster, world.sectors[sector])
        if rng.random() < 0.4:
            world.out.rel(Rel.ANCHORED_IN, cluster, business_hubs.pick(rng, country))
        if parent:
            world.out.rel(Rel.PART_OF, cluster, parent)
        if rng.random() < 0.7:
            fund(world, cluster, 1, 2)
        world.cluster_sectors.append(strengths)
        world.cluster_targets.append(declare_targets(world, cluster))
        world.cluster_partners.append([])


def write_foreign_clusters(world: World) -> None:
    rng = world.rng
    for _ in range(world.counts[Label.ForeignCluster]):
        country, city_name = world.pick_country(), place_name(rng)
        name = f"{city_name} {rng.choice(world.sector_names)} {rng.choice(CLUSTER_WORDS)}"
        foreign = located(world, Label.ForeignCluster, country, name, founded_year(rng))
        focus_on_sectors(world, foreign, 1, 2)
        maybe_in_hotspot(world, foreign, country, 0.3)


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
        country = world.pick_country()
        city = world.cities.pick(rng, country)
        kind = rng.choices(INSTITUTION_KINDS, weights=INSTITUTION_KIND_WEIGHTS)[0]
        name = institution_name(world, kind, city)
        institution = located(world, label, country, name, kind, founded_year(rng), city=city)
        focus_on_sectors(world, institution, 1, 3)
        maybe_in_hotspot(world, institution, country, 0.15)
        join_clusters(world, institution, country, rng.randint(1, 6))
        if rng.random() < 0.1:
            world.out.rel(Rel.MEMBER_OF, institution, foreign_clusters.pick(rng))


def write_investors(world: World) -> None:
    rng = world.rng
    for _ in range(world.counts[Label.Investor]):
        country = world.pick_country()
        name = f"{coined_name(rng)} {rng.choice(INVESTOR_WORDS)}"
        investor = located(world, Label.Investor, country, name, founded_year(rng))
        focus_on_sectors(world, investor, 1, 3)
        join_clusters(world, investor, country, rng.randint(1, 3))


def write_companies(world: World) -> None:
    """The bulk: each company follows a home cluster (its country, often its sector) and joins
    a few more clusters at home."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    foreign_clusters = world.org(Label.ForeignCluster)
    for _ in range(world.counts[Label.Company]):
        home = rng.randrange(len(clusters.ids))
        country = clusters.countries[home]
        size = rng.choices(COMPANY_SIZES, weights=COMPANY_SIZE_WEIGHTS)[0]
        name = f"{coined_name(rng)} {rng.choice(COMPANY_WORDS)}"
        company = located(world, Label.Company, country, name, size, founded_year(rng))
        if size == MULTINATIONAL:
            world.multinationals.add(company, country)
        sector = rng.choice(world.cluster_sectors[home])
        if rng.random() < 0.2:
            sector = rng.randrange(len(world.sectors))
        world.out.rel(Rel.FOCUSES_ON, company, world.sectors[sector])
        if rng.random() < 0.3:
            second = rng.randrange(len(world.sectors))
            if second != sector:
                world.out.rel(Rel.FOCUSES_ON, company, world.sectors[second])
        maybe_in_hotspot(world, company, country, 0.05)
        wanted = rng.choices(MEMBERSHIPS, weights=MEMBERSHIP_WEIGHTS)[0] + (size != SME)
        join_clusters(world, company, country, wanted, first=clusters.ids[home])
        if rng.random() < 0.04:
            world.out.rel(Rel.MEMBER_OF, company, foreign_clusters.pick(rng))


def write_partnerships(world: World) -> None:
    """PARTNERS_WITH: each cluster's mix of partners at home and in its target markets, then
    the innovation centres' and EEN partners' own local networks."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    for index, cluster in enumerate(clusters.ids):
        home, targets = clusters.countries[index], world.cluster_targets[index]
        for label, low, high in CLUSTER_PARTNER_MIX:
            for _ in range(rng.randint(low, high)):
                country: int | None = home
                if label in ABROAD_LABELS:
                    country = rng.choice(targets)[0].country if targets else None
                other = world.org(label).pick(rng, country)
                if partner(world, cluster, other):
                    world.cluster_partners[index].append(other)
    local_networks = (
        (Label.InnovationCentre, (Label.KnowledgeInstitution, Label.ForeignCluster), 20),
        (Label.InnovationCentre, (Label.Company,), 20),
        (Label.EnterpriseEuropeNetwork, (Label.Company,), 10),
    )
    for label, partner_labels, most in local_networks:
        register = world.org(label)
        for node, country in zip(register.ids, register.countries, strict=True):
            for _ in range(rng.randint(most // 2, most)):
                other = world.org(rng.choice(partner_labels)).pick(rng, country)
                partner(world, node, other)


def write_agreements(world: World) -> None:
    """Each agreement: a cluster and one to three of its partners, under one of the cluster's
    declared (target, model) pairs."""
    rng, clusters = world.rng, world.org(Label.Cluster)
    centres = world.org(Label.InnovationCentre)
    last_signing = AS_OF - dt.timedelta(days=60)
    for _ in range(world.counts[Label.Agreement]):
        index = rng.randrange(len(clusters.ids))
        cluster, (target, model) = clusters.ids[index], rng.choice(world.cluster_targets[index])
        kind = rng.choices(AGREEMENT_KINDS, weights=AGREEMENT_KIND_WEIGHTS)[0]
        signed = random_date(rng, EARLIEST, last_signing)
        valid_from = signed + dt.timedelta(days=rng.randint(0, 60))
        valid_until = valid_from + dt.timedelta(days=rng.randint(365, 6 * 365))
        status = ACTIVE if valid_until > AS_OF else EXPIRED
        agreement = world.new_id(Label.Agreement)
        name = f"{AGREEMENT_TITLES[kind]}: {target.name}"
        world.out.node(
            Label.Agreement, agreement, name, kind, signed, valid_from, valid_until, status
        )
        others = some(rng, world.cluster_partners[index], 1, 3) or [centres.pick(rng)]
        for party in (cluster, *others):
            world.out.rel(Rel.PARTY_TO, party, agreement)
        world.out.rel(Rel.UNDER_MODEL, agreement, model.id)
        world.out.rel(Rel.TARGETS, agreement, target.id)
        if rng.random() < 0.2:
            fund(world, agreement, 1, 1)


def pick_for_role(world: World, role: RoleSpec, home: int, abroad: int | None) -> str | None:
    """An organisation that can fill the role: found in the target market if it is a partner
    abroad (ICDK, Trade Council, ...), else at home. None when there is no such node."""
    if role.id == MULTINATIONAL_ROLE:
        if not world.multinationals.ids:
            return None
        return world.multinationals.pick(world.rng, abroad)
    label = world.rng.choice(role.labels)
    return world.org(label).pick(world.rng, abroad if label in ABROAD_LABELS else home)


def involve_partners(
    world: World, engagement: str, cluster: str, model: ModelSpec, home: int, abroad: int | None
) -> None:
    """INVOLVES: most of the roles the model requires, some it recommends; the gaps are real."""
    involved = {cluster}  # membership only: the undertaking cluster is not its own partner
    for roles, share in (
        (model.required, REQUIRED_ROLE_SHARE),
        (model.recommended, RECOMMENDED_ROLE_SHARE),
    ):
        for role in roles:
            if world.rng.random() >= share:
                continue
            node = pick_for_role(world, role, home, abroad)
            if node is not None and node not in involved:
                involved.add(node)
                world.out.rel(Rel.INVOLVES, engagement, node, role.id)


def write_engagements(world: World) -> None:
    rng, clusters = world.rng, world.org(Label.Cluster)
    first_start = EARLIEST + dt.timedelta(days=2 * 365)
    for _ in range(world.counts[Label.Engagement]):
        index = rng.randrange(len(clusters.ids))
        cluster, (target, model) = clusters.ids[index], rng.choice(world.cluster_targets[index])
        activities = some(rng, range(len(world.activities)), 1, 3)
        long_term = model.horizon == LONG
        start = random_date(rng, first_start, AS_OF)
        end = start + dt.timedelta(
            days=rng.randint(730, 1460) if long_term else rng.randint(1, 365)
        )
        outcome = (
            ONGOING if end > AS_OF else rng.choices(CLOSED_OUTCOMES, CLOSED_OUTCOME_WEIGHTS)[0]
        )
        participants = rng.randint(8, 40) if long_term else rng.randint(3, 15)
        engagement = world.new_id(Label.Engagement)
        name = f"{world.activity_names[activities[0]]}: {target.name}"
        world.out.node(Label.Engagement, engagement, name, start, end, outcome, participants)
        world.out.rel(Rel.UNDERTAKES, cluster, engagement)
        world.out.rel(Rel.UNDER_MODEL, engagement, model.id)
        world.out.rel(Rel.TARGETS, engagement, target.id)
        for activity in activities:
            world.out.rel(Rel.INCLUDES_ACTIVITY, engagement, world.activities[activity])
        involve_partners(
            world, engagement, cluster, model, clusters.countries[index], target.country
        )
        if rng.random() < 0.4:
            fund(world, engagement, 1, 2)


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


# --- public API ----------------------------------------------------------------------------------


def source_name(scale: float, seed: int) -> str:
    return f"partnergraph synthetic generator (seed {seed}, scale {scale:g})"


def generate(
    out_dir: Path, scale: float = 1.0, seed: int = 7, progress: Progress | None = None
) -> dict[str, int]:
    """Write the synthetic ecosystem as a CSV source folder; return data rows per file."""
    check_layout()
    counts = scaled_counts(scale)
    models = read_models(read_roles())
    source = source_name(scale, seed)
    prepare_folder(out_dir, source)
    out = CsvFolder(out_dir, source, progress)
    world = World(rng=random.Random(seed), out=out, counts=counts, models=models)
    try:
        for step in STEPS:
            step(world)
    finally:
        out.close()
    return out.row_counts()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = EU size (default)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="the CSV source folder to write")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts = generate(args.out, scale=args.scale, seed=args.seed)
    width = max(len(path) for path in counts)
    for path, rows in counts.items():
        print(f"{path:<{width}} {rows:>9,}")
    nodes = sum(rows for path, rows in counts.items() if path.startswith("nodes/"))
    relationships = sum(counts.values()) - nodes
    elapsed = time.perf_counter() - began
    print(f"{nodes:,} nodes, {relationships:,} relationships in {args.out} ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
