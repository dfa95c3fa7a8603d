"""Loaders: every validation rule rejects a broken source with a message naming file, row and
field, and leaves the store exactly as it was; loads are idempotent; cleanup is per source."""

import textwrap
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from loaders.pipeline import load_bundled, load_sources
from loaders.problems import LoadError, Problem
from loaders.sources import discover
from loaders.synthetic import generate
from ontology.names import Label, Rel, RoleId
from tests.helpers import snapshot

HEADER = """\
provenance: {source: analyst notes, confidence: public-source}
"""

# (name, YAML body after the header, text the problem must contain, line it must name)
BROKEN = [
    (
        "id_not_kind_slug",
        "nodes:\n  - {id: Odense Robotics, name: x}",
        "id = 'Odense Robotics': expected an id of the form kind:slug",
        3,
    ),
    ("unknown_kind", "nodes:\n  - {id: 'klynge:x', name: x}", "known kind", 3),
    ("missing_name", "nodes:\n  - {id: 'cluster:x'}", "name = None: required for a Cluster", 3),
    (
        "unknown_property",
        "nodes:\n  - {id: 'cluster:x', name: x, strenght_position: y}",
        "did you mean strength_position",
        3,
    ),
    (
        "not_a_number",
        "nodes:\n  - {id: 'icdk:x', name: x, opened_year: recently}",
        "opened_year = 'recently': expected a whole number",
        3,
    ),
    (
        "not_a_date",
        "nodes:\n  - {id: 'agreement:x', name: x, valid_from: 2020-13-01}",
        "valid_from = '2020-13-01': expected a date YYYY-MM-DD",
        3,
    ),
    (
        "not_allowed",
        "nodes:\n  - {id: 'cluster:x', name: x, status: sleeping}",
        "expected one of active, bankrupt, merged",
        3,
    ),
    (
        "bad_confidence",
        "nodes:\n  - {id: 'cluster:x', name: x, provenance: {confidence: rumour}}",
        "confidence = 'rumour': expected one of",
        3,
    ),
    (
        "ends_before_start",
        "nodes:\n  - {id: 'engagement:x', name: x, start: 2020-05-01, end: 2020-01-01}",
        "end = 2020-01-01: must come after start (2020-05-01)",
        3,
    ),
    (
        "share_out_of_range",
        "nodes:\n  - {id: 'survey:x', name: x, share: 1.5}",
        "share = 1.5: must be between 0.0 and 1.0",
        3,
    ),
    (
        "unknown_relationship_type",
        "relationships:\n  - {type: PARTNER_WITH, from: 'cluster:clean', to: 'icdk:munich'}",
        "closest: PARTNERS_WITH",
        3,
    ),
    (
        "wrong_end_label",
        "relationships:\n  - {type: HAS_STRENGTH, from: 'icdk:munich', to: 'sector:robotics'}",
        "HAS_STRENGTH from must be one of Cluster, not InnovationCentre",
        3,
    ),
    (
        "dangling_reference",
        "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:odense-robotic', to: 'icdk:munich'}",
        "unknown id; closest: cluster:odense-robotics",
        3,
    ),
    (
        "unknown_role",
        "relationships:\n  - {type: INVOLVES, from: 'engagement:robotics-camp-munich-2019', to: 'icdk:munich', role: 'role:icdx'}",
        f"closest: {RoleId.icdk}",
        3,
    ),
    (
        "duplicate_relationship",
        "relationships:\n  - {type: ANCHORED_IN, from: 'cluster:clean', to: 'erhvervshus:fyn'}\n  - {type: ANCHORED_IN, from: 'cluster:clean', to: 'erhvervshus:fyn'}",
        "cluster:clean -> erhvervshus:fyn stated twice",
        4,
    ),
    (
        "duplicate_id",
        "nodes:\n  - {id: 'cluster:x', name: x}\n  - {id: 'cluster:x', name: y}",
        "defined twice",
        4,
    ),
    (
        "redefines_another_source",
        "nodes:\n  - {id: 'icdk:munich', name: Munich}",
        "already defined by source denmark/innovation_centres",
        3,
    ),
    (
        "agreement_one_party",
        "nodes:\n  - {id: 'agreement:x', name: x}\nrelationships:\n  - {type: PARTY_TO, from: 'cluster:clean', to: 'agreement:x'}",
        "an agreement needs at least two PARTY_TO parties",
        3,
    ),
]


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(HEADER + body + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled_snapshot() -> dict:
    memory = MemoryStore()
    load_bundled(memory, include_illustrative=False)
    return snapshot(memory)


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def bundled_store(request: pytest.FixtureRequest, bundled_snapshot: dict) -> GraphStore:
    """The curated data in each store. Neo4j keeps it between these tests when it still holds
    exactly that (the tests assert they change nothing), since reloading is slow."""
    if request.param == "memory":
        store: GraphStore = MemoryStore()
        load_bundled(store, include_illustrative=False)
        return store
    settings = request.getfixturevalue("settings")
    neo4j = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    request.addfinalizer(neo4j.close)
    if snapshot(neo4j) != bundled_snapshot:
        neo4j.clear()
        load_bundled(neo4j, include_illustrative=False)
    return neo4j


@pytest.mark.parametrize(("name", "body", "message", "line"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_source_is_rejected_and_changes_nothing(
    bundled_store: GraphStore, tmp_path: Path, name: str, body: str, message: str, line: int
) -> None:
    before = snapshot(bundled_store, keep_timestamps=True)
    path = write(tmp_path, name, body)
    with pytest.raises(LoadError) as caught:
        load_sources(bundled_store, discover([path]))
    problems = [str(p) for p in caught.value.problems]
    assert any(message in p and f"{name}.yaml:{line}" in p for p in problems), problems
    assert snapshot(bundled_store, keep_timestamps=True) == before


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "many",
        "nodes:\n  - {id: 'cluster:a'}\n  - {id: 'icdk:b', name: b, opened_year: soon}\n"
        "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:a', to: 'icdk:nowhere'}",
    )
    with pytest.raises(LoadError) as caught:
        load_sources(MemoryStore(), discover([path]))
    fields = sorted(p.field for p in caught.value.problems)
    assert fields == ["name", "opened_year", "to"]


def test_csv_rows_are_named_by_file_and_row(tmp_path: Path) -> None:
    folder = tmp_path / "analyst"
    (folder / "nodes").mkdir(parents=True)
    (folder / "relationships").mkdir()
    (folder / "source.yaml").write_text("source: analyst sheet\nconfidence: public-source\n")
    (folder / "nodes" / "cluster.csv").write_text(
        "id,name,national\ncluster:a,A,true\nicdk:b,B,false\ncluster:c,C,maybe\n"
    )
    (folder / "relationships" / "PARTNERS_WITH.csv").write_text(
        "from,to,kind,start\ncluster:a,cluster:c,formal,2020-01-01\ncluster:a,cluster:c,,,extra\n"
    )
    with pytest.raises(LoadError) as caught:
        load_sources(MemoryStore(), discover([folder]))
    problems = [str(p) for p in caught.value.problems]
    assert any(
        "cluster.csv row 3: id = 'icdk:b': ids in cluster.csv start with cluster:" in p
        for p in problems
    )
    assert any(
        "cluster.csv row 4: national = 'maybe': expected true or false" in p for p in problems
    )
    assert any(
        "PARTNERS_WITH.csv row 3: row" in p and "more cells than the header" in p for p in problems
    )


def test_a_source_with_an_error_loads_nothing_even_beside_good_ones(tmp_path: Path) -> None:
    good = write(tmp_path, "good", "nodes:\n  - {id: 'cluster:fine', name: Fine}")
    bad = write(tmp_path, "bad", "nodes:\n  - {id: 'cluster:broken'}")
    store = MemoryStore()
    with pytest.raises(LoadError):
        load_sources(store, discover([good, bad]))
    assert store.counts().node_total == 0


def test_yaml_json_csv_and_turtle_sources_load(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        '{"provenance": {"source": "s", "confidence": "reported"},'
        ' "nodes": [{"id": "cluster:json", "name": "From JSON"}]}'
    )
    write(tmp_path, "b", "nodes:\n  - {id: 'cluster:yaml', name: From YAML}")
    csv_folder = tmp_path / "c"
    (csv_folder / "nodes").mkdir(parents=True)
    (csv_folder / "nodes" / "cluster.csv").write_text(
        "id,name,source,confidence\ncluster:csv,From CSV,s,reported\n"
    )
    (tmp_path / "d.ttl").write_text(
        textwrap.dedent("""\
        @prefix pg: <https://w3id.org/partnergraph/ontology#> .
        <https://w3id.org/partnergraph/id/cluster/turtle> a pg:ClusterOrganisation ;
            pg:identifier "cluster:turtle" ; pg:name "From Turtle" ;
            pg:source "s" ; pg:confidence "reported" .
        """)
    )
    store = MemoryStore()
    load_sources(store, discover([tmp_path]))
    names = {n["name"] for n in store.nodes(Label.Cluster)}
    assert names == {"From JSON", "From YAML", "From CSV", "From Turtle"}


def test_reload_is_idempotent_and_a_removed_fact_is_removed(
    store: GraphStore, tmp_path: Path
) -> None:
    load_bundled(store, include_illustrative=False)
    body = (
        "nodes:\n  - {id: 'fcluster:x', name: X}\n  - {id: 'fcluster:y', name: Y}\n"
        "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:clean', to: 'fcluster:x', kind: project}\n"
        "  - {type: PARTNERS_WITH, from: 'cluster:clean', to: 'fcluster:y'}\n"
    )
    path = write(tmp_path, "mine", body)
    first = load_sources(store, discover([path]))
    assert first.created[Label.ForeignCluster] == 2 and first.created[Rel.PARTNERS_WITH] == 2
    before = snapshot(store, keep_timestamps=True)
    again = load_sources(store, discover([path]))
    assert not again.changed and snapshot(store, keep_timestamps=True) == before

    path.write_text(
        HEADER
        + body.replace("  - {id: 'fcluster:y', name: Y}\n", "").replace(
            "  - {type: PARTNERS_WITH, from: 'cluster:clean', to: 'fcluster:y'}\n", ""
        )
    )
    removed = load_sources(store, discover([path]))
    assert removed.removed == {Label.ForeignCluster: 1, Rel.PARTNERS_WITH: 1}
    assert store.get_node("fcluster:y") is None
    assert store.get_node("cluster:clean") is not None  # another source's node stays


@pytest.mark.neo4j
def test_bundled_data_loads_clean_into_both_stores_with_the_same_counts(
    neo4j_store: Neo4jStore,
) -> None:
    memory = MemoryStore()
    memory_counts = load_bundled(memory)
    neo4j_counts = load_bundled(neo4j_store)
    assert memory_counts.created == neo4j_counts.created
    assert memory.counts() == neo4j_store.counts()
    assert snapshot(memory) == snapshot(neo4j_store)
    assert not load_bundled(neo4j_store).changed


def test_every_bundled_fact_carries_provenance_and_illustrative_ones_say_so() -> None:
    store = MemoryStore()
    load_bundled(store)
    facts = [*store.nodes(), *(r.properties for r in store.relationships())]
    assert all(f.get("source") and f.get("confidence") for f in facts)
    illustrative = [f for f in facts if str(f["source_id"]).startswith("illustrative/")]
    assert illustrative and all(f["confidence"] == "illustrative" for f in illustrative)
    sourced = [f for f in facts if str(f["source_id"]).startswith("denmark/")]
    assert all(f["confidence"] in ("reported", "public-source", "inferred") for f in sourced)


def test_generator_output_loads_beside_the_bundled_data(store: GraphStore, tmp_path: Path) -> None:
    rows = generate(tmp_path / "syn", scale=0.002, seed=3)
    load_bundled(store, include_illustrative=False)
    (source,) = discover([tmp_path / "syn"])
    load_sources(store, [source])
    state = store.source_state([source.source_id])
    assert len(state.nodes) == sum(n for f, n in rows.items() if f.startswith("nodes/"))
    assert len(state.relationships) == sum(
        n for f, n in rows.items() if f.startswith("relationships/")
    )


def test_a_long_list_of_problems_is_shown_in_part_and_summarised() -> None:
    problems = [Problem(f"big.csv row {n}", "id", f"x{n}", "unknown id") for n in range(2, 80)]
    listing = LoadError(problems).listing()
    assert listing[0] == "big.csv row 2: id = 'x2': unknown id"
    assert listing[50] == "... and 28 more:"
    assert listing[51] == "  28 x id: unknown id"


def test_a_folder_loaded_on_its_own_brings_every_country(store: GraphStore, tmp_path: Path) -> None:
    """The generated clusters are in Denmark, which the folder refers to and does not define:
    the reference countries come with every load, so it loads into an empty store, and so
    does anyone's folder that names a country."""
    generate(tmp_path / "syn", scale=0.002, seed=3)
    load_sources(store, discover([tmp_path / "syn"]))
    countries = {n["id"]: n for n in store.nodes(Label.Country)}
    assert countries["country:DK"]["name"] == "Denmark"
    assert countries["country:PL"]["name_da"] == "Polen"  # a country no source here names
    assert countries["country:DK"]["source_id"] == "reference/iso3166-1"
    clusters = [n["id"] for n in store.nodes(Label.Cluster)]
    cities = {r.start: r.end for r in store.relationships(Rel.IN_COUNTRY)}
    located = {r.start: cities[r.end] for r in store.relationships(Rel.LOCATED_IN)}
    assert clusters and {located[c] for c in clusters} == {"country:DK"}
