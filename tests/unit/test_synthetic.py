"""The synthetic generator writes a valid, deterministic CSV source in the ontology's terms.

The checks read the files back with the csv module only (not with any project loader), so they
state what the CSV layout promises: ids, columns, values and relationship ends as the ontology
allows, every endpoint present, no duplicate relationship, and counts linear in the scale.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from loaders.reference import country_rows
from loaders.synthetic import generate
from loaders.synthetic.__main__ import main
from loaders.synthetic.dates import AS_OF
from loaders.synthetic.scale import scaled_counts
from ontology.names import Label, Rel, RoleId
from ontology.schema import PropertySpec, load_schema, models_graph
from queries.needs import HOME_COUNTRY

SCHEMA = load_schema()
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass
class Source:
    """One generated folder, read back: nodes by id and relationship rows by type."""

    root: Path
    scale: float
    seed: int
    counts: dict[str, int]
    headers: dict[str, list[str]] = field(default_factory=dict)  # relative path -> header
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> row
    labels: dict[str, str] = field(default_factory=dict)  # id -> label
    rels: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def files(self) -> dict[str, bytes]:
        return {
            path.relative_to(self.root).as_posix(): path.read_bytes()
            for path in sorted(self.root.rglob("*"))
            if path.is_file()
        }


def read_source(root: Path, scale: float, seed: int, counts: dict[str, int]) -> Source:
    source = Source(root, scale, seed, counts)
    for path in sorted((root / "nodes").glob("*.csv")):
        label = SCHEMA.by_prefix[path.stem].label
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            source.headers[f"nodes/{path.name}"] = list(reader.fieldnames or [])
            for row in reader:
                assert row["id"] not in source.nodes, f"{row['id']} written twice"
                source.nodes[row["id"]] = row
                source.labels[row["id"]] = label
    for path in sorted((root / "relationships").glob("*.csv")):
        assert path.stem in Rel.ALL, f"{path.name} is not a relationship type"
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            source.headers[f"relationships/{path.name}"] = list(reader.fieldnames or [])
            source.rels[path.stem] = list(reader)
    return source


def generated(tmp: pytest.TempPathFactory, scale: float, seed: int) -> Source:
    root = tmp.mktemp(f"syn-{scale}-{seed}")
    return read_source(root, scale, seed, generate(root, scale=scale, seed=seed))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Source:
    return generated(tmp_path_factory, 0.01, 7)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Source:
    return generated(tmp_path_factory, 0.001, 7)


@pytest.fixture(scope="module", params=["small", "tiny"])
def source(request: pytest.FixtureRequest) -> Source:
    result: Source = request.getfixturevalue(request.param)
    return result


@pytest.fixture(scope="module")
def ontology_individuals() -> dict[str, str]:
    """Model and role ids (models.ttl) and the reference countries: relationships may end at
    them without a node file (every load brings them along)."""
    graph, individuals = models_graph(), {}
    for label in (Label.Model, Label.PartnerRole):
        id_iri = SCHEMA.node_properties(label)["id"].iri
        for subject in graph.subjects(None, SCHEMA.node_types[label].iri):
            individuals[str(graph.value(subject, id_iri))] = label
    individuals.update((row["id"], Label.Country) for row in country_rows())
    return individuals


# --- determinism and size ------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(
    small: Source, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = tmp_path_factory.mktemp("again")
    counts = generate(again, scale=0.01, seed=7)
    assert counts == small.counts
    assert read_source(again, 0.01, 7, counts).files() == small.files()


def test_other_seed_gives_other_files(
    small: Source, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("other")
    counts = generate(other, scale=0.01, seed=8)
    assert counts.keys() == small.counts.keys()
    theirs, ours = read_source(other, 0.01, 8, counts).files(), small.files()
    assert theirs["nodes/company.csv"] != ours["nodes/company.csv"]
    assert theirs["relationships/MEMBER_OF.csv"] != ours["relationships/MEMBER_OF.csv"]


def test_returned_counts_are_the_data_rows_of_each_file(source: Source) -> None:
    files = {name: data for name, data in source.files().items() if name.endswith(".csv")}
    assert set(source.counts) == set(files)
    for name, data in files.items():
        rows = list(csv.reader(data.decode("utf-8").splitlines()))
        assert len(rows) - 1 == source.counts[name], name


def test_counts_scale_linearly(small: Source, tiny: Source) -> None:
    def relationships(source: Source) -> int:
        return sum(n for name, n in source.counts.items() if name.startswith("relationships/"))

    assert 8 <= relationships(small) / relationships(tiny) <= 12
    # Files whose size does not depend on small pools: at scale 0.001 there are 2 clusters and
    # 1 sector, so memberships and sector links per company are capped there (not at 0.01).
    for name in (
        "nodes/company.csv",
        "nodes/engagement.csv",
        "nodes/agreement.csv",
        "relationships/LOCATED_IN.csv",
        "relationships/PARTY_TO.csv",
        "relationships/INVOLVES.csv",
    ):
        assert 8 <= small.counts[name] / tiny.counts[name] <= 12, name
    for name, count in small.counts.items():  # everything there is, even tiny counts, is there
        assert tiny.counts[name] >= 1, name
        assert count >= tiny.counts[name], name


def test_scale_one_has_the_eu_sized_counts() -> None:
    counts = scaled_counts(1.0)
    expected = {
        Label.Cluster: 1_500,
        Label.Country: 30,
        Label.EnterpriseEuropeNetwork: 600,
        Label.TradeCouncil: 300,
        Label.InnovationCentre: 50,
        Label.Company: 100_000,
        Label.Agreement: 20_000,
        Label.Engagement: 30_000,
    }
    assert {label: counts[label] for label in expected} == expected
    assert scaled_counts(100.0)[Label.Country] == 30  # no more codes are set aside
    assert min(scaled_counts(0.0001).values()) == 1
    with pytest.raises(ValueError):
        scaled_counts(0)


def test_progress_reports_every_row(tmp_path: Path) -> None:
    reported: list[int] = []
    counts = generate(tmp_path, scale=0.01, seed=1, progress=reported.append)
    assert sum(reported) == sum(counts.values())


def test_stale_files_of_an_earlier_run_are_removed(tmp_path: Path) -> None:
    (tmp_path / "relationships").mkdir()
    (tmp_path / "relationships" / "ABOUT_ROLE.csv").write_text("from,to\n", "utf-8")
    counts = generate(tmp_path, scale=0.001)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.csv")}
    assert written == set(counts)


def test_command_line_prints_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--scale", "0.001", "--seed", "3", "--out", str(tmp_path)])
    printed = capsys.readouterr().out
    assert "nodes/cluster.csv" in printed and "relationships/MEMBER_OF.csv" in printed
    assert "seed 3, scale 0.001" in (tmp_path / "source.yaml").read_text("utf-8")


# --- validity ------------------------------------------------------------------------------------


def test_ids_are_synthetic_and_match_their_file(source: Source) -> None:
    for node_id, row in source.nodes.items():
        slug = node_id.partition(":")[2]
        assert SCHEMA.label_for_id(node_id) == source.labels[node_id]
        if source.labels[node_id] == Label.Country:
            # ISO 3166-1 user-assigned codes: never a real country, never a curated id (Denmark
            # is the reference countries' node, referred to, not written)
            assert re.fullmatch(r"X[A-Z]|Q[M-Z]", slug) and row["iso2"] == slug, node_id
        else:
            assert re.fullmatch(r"syn-\d{6,}", slug), node_id
        assert row["name"], node_id


def test_no_id_is_shared_with_the_curated_data(small: Source) -> None:
    curated = set()
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        content = yaml.safe_load(path.read_text("utf-8")) or {}
        curated |= {node["id"] for node in content.get("nodes", [])}
    assert curated, "the curated data has nodes"
    assert not curated & set(small.nodes)


def test_columns_are_property_keys_of_their_label_or_type(source: Source) -> None:
    for name, header in source.headers.items():
        folder, _, file_name = name.partition("/")
        stem = file_name.removesuffix(".csv")
        if folder == "nodes":
            known = set(SCHEMA.node_properties(SCHEMA.by_prefix[stem].label)) | {"id", "name"}
            assert header[:2] == ["id", "name"], name
        else:
            known = set(SCHEMA.relationship_properties(stem)) | {"from", "to"}
            assert header[:2] == ["from", "to"], name
        assert set(header) <= known, f"{name}: {sorted(set(header) - known)}"
        assert {"source", "confidence"} <= set(header), name


def conforms(spec: PropertySpec, value: str) -> bool:
    """Whether a CSV cell holds a value of the property's datatype and enumeration."""
    try:
        if spec.python_type is int:
            parsed: object = int(value)
        elif spec.python_type is float:
            parsed = float(value)
        elif spec.python_type is bool:
            parsed = {"true": True, "false": False}[value]
        elif spec.python_type is dt.date:
            parsed = dt.date.fromisoformat(value)
        elif spec.python_type is dt.datetime:
            parsed = dt.datetime.fromisoformat(value)
        else:
            parsed = value
    except (ValueError, KeyError):
        return False
    if isinstance(parsed, dt.date) and parsed.isoformat() != value:
        return False  # the layout wants YYYY-MM-DD exactly
    return not spec.allowed or value in spec.allowed


def test_values_satisfy_datatypes_and_enumerations(source: Source) -> None:
    expected_source = (
        f"partnergraph synthetic generator (seed {source.seed}, scale {source.scale:g})"
    )
    for node_id, row in source.nodes.items():
        specs = SCHEMA.node_properties(source.labels[node_id])
        for key, value in row.items():
            if value and key in specs:
                assert conforms(specs[key], value), (node_id, key, value)
        assert (row["source"], row["confidence"]) == (expected_source, "synthetic"), node_id
    for rel_type, rows in source.rels.items():
        specs = SCHEMA.relationship_properties(rel_type)
        for row in rows:
            for key, value in row.items():
                if value and key in specs:
                    assert conforms(specs[key], value), (rel_type, row)
            assert (row["source"], row["confidence"]) == (expected_source, "synthetic"), row


def test_every_endpoint_exists_within_domain_and_range(
    source: Source, ontology_individuals: dict[str, str]
) -> None:
    labels = {**ontology_individuals, **source.labels}
    for rel_type, rows in source.rels.items():
        spec = SCHEMA.relationship_types[rel_type]
        for row in rows:
            start, end = row["from"], row["to"]
            assert start in labels and end in labels, (rel_type, start, end)
            assert labels[start] in spec.domain, (rel_type, start)
            assert labels[end] in spec.range, (rel_type, end)


def test_no_duplicate_relationship_keys(source: Source) -> None:
    for rel_type, rows in source.rels.items():
        keys = Counter((row["from"], row["to"]) for row in rows)
        assert max(keys.values()) == 1, (rel_type, keys.most_common(1))
        if rel_type == Rel.PARTNERS_WITH:  # one partnership per pair, whichever way round
            assert not {(b, a) for a, b in keys} & set(keys)


# --- the ecosystem makes sense -------------------------------------------------------------------


def test_agreements_have_parties_a_valid_period_and_a_status(source: Source) -> None:
    parties = Counter(row["to"] for row in source.rels[Rel.PARTY_TO])
    for node_id, row in source.nodes.items():
        if source.labels[node_id] != Label.Agreement:
            continue
        assert parties[node_id] >= 2, node_id
        valid_from = dt.date.fromisoformat(row["valid_from"])
        valid_until = dt.date.fromisoformat(row["valid_until"])
        assert dt.date.fromisoformat(row["signed"]) <= valid_from < valid_until
        assert row["status"] == ("active" if valid_until > AS_OF else "expired")


def test_engagements_have_one_cluster_model_and_ordered_dates(source: Source) -> None:
    engagements = {i for i, label in source.labels.items() if label == Label.Engagement}
    for rel_type in (Rel.UNDERTAKES, Rel.UNDER_MODEL, Rel.TARGETS):
        side = "to" if rel_type == Rel.UNDERTAKES else "from"
        per_engagement = Counter(
            row[side] for row in source.rels[rel_type] if row[side] in engagements
        )
        assert set(per_engagement) == engagements and set(per_engagement.values()) == {1}, rel_type
    for node_id in engagements:
        row = source.nodes[node_id]
        assert row["start"] <= row["end"], node_id
        if row["end"] > AS_OF.isoformat():
            assert row["outcome"] == "ongoing", node_id
    for row in source.rels[Rel.PARTNERS_WITH]:
        assert not row["end"] or row["start"] < row["end"], row


def test_roles_and_models_on_edges_are_the_ontology_individuals(
    source: Source, ontology_individuals: dict[str, str]
) -> None:
    graph = models_graph()
    role_label, id_iri = Label.PartnerRole, SCHEMA.node_properties(Label.PartnerRole)["id"].iri
    filled_by_iri = SCHEMA.node_properties(role_label)["filled_by_labels"].iri
    filled_by = {
        str(graph.value(role, id_iri)): {str(name) for name in graph.objects(role, filled_by_iri)}
        for role in graph.subjects(None, SCHEMA.node_types[role_label].iri)
    }
    for row in source.rels[Rel.INVOLVES]:
        assert source.labels[row["to"]] in filled_by[row["role"]], row
        if row["role"] == RoleId.multinational:
            assert source.nodes[row["to"]]["size"] == "multinational", row
    for row in source.rels[Rel.TARGETS_MARKET]:
        assert ontology_individuals[row["model"]] == Label.Model, row
    assert len({row["to"] for row in source.rels[Rel.UNDER_MODEL]}) >= 2


def test_members_are_local_and_clusters_are_not_national(small: Source) -> None:
    for node_id, row in small.nodes.items():
        if small.labels[node_id] == Label.Cluster:
            assert row["national"] == "false", node_id
    scopes = Counter(
        row["scope"]
        for node_id, row in small.nodes.items()
        if small.labels[node_id] in (Label.TradeCouncil, Label.EnterpriseEuropeNetwork)
    )
    assert scopes == {"headquarters": 1, "representation": 3, "network": 1, "partner": 6}
    members = Counter(row["from"] for row in small.rels[Rel.MEMBER_OF])
    companies = [i for i, label in small.labels.items() if label == Label.Company]
    assert all(members[company] >= 1 for company in companies)


def test_clusters_and_their_members_are_danish_and_their_targets_abroad(small: Source) -> None:
    """The recommender tells home from abroad by Denmark's id: in the generated world the
    clusters are Danish, as in the report, and what they target is abroad."""
    city_country = {row["from"]: row["to"] for row in small.rels[Rel.IN_COUNTRY]}
    country_of = {row["from"]: city_country[row["to"]] for row in small.rels[Rel.LOCATED_IN]}
    clusters = {i for i, label in small.labels.items() if label == Label.Cluster}
    assert clusters and {country_of[c] for c in clusters} == {HOME_COUNTRY}
    members = {row["from"] for row in small.rels[Rel.MEMBER_OF] if row["to"] in clusters}
    assert members and {country_of[m] for m in members} == {HOME_COUNTRY}
    targets = {row["to"] for row in small.rels[Rel.TARGETS_MARKET]}
    assert HOME_COUNTRY not in targets
    assert all(city_country.get(t) != HOME_COUNTRY for t in targets)  # no hotspot or market here
    abroad_kinds = (Label.ForeignCluster, Label.InnovationCentre, Label.KnowledgeInstitution)
    for label in abroad_kinds:
        ids = [i for i, found in small.labels.items() if found == label]
        assert any(country_of[i] != HOME_COUNTRY for i in ids), label
    assert all(
        country_of[i] != HOME_COUNTRY
        for i, label in small.labels.items()
        if label in (Label.ForeignCluster, Label.InnovationCentre)
    )


def test_no_two_clusters_share_a_name(source: Source) -> None:
    """Danish clusters share few cities: an answer naming two of them alike would not say which."""
    names = [
        source.nodes[i]["name"] for i, label in source.labels.items() if label == Label.Cluster
    ]
    assert len(names) == len(set(names))
