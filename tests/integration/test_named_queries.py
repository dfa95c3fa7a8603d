"""The analysts' named Cypher queries: headers, parameters, read-only text, and on the bundled data
the answers the data files make known (counts derived from data/ and its README, not from runs)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import Driver

from api.settings import Settings
from data import DENMARK_DIR, ILLUSTRATIVE_DIR
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.names import Label, ModelId, Rel, RoleId
from queries.named_queries import (
    CYPHER_DIR,
    PARAM_TYPES,
    NamedQuery,
    default_parameters,
    get_named_query,
    load_named_queries,
    parse_default,
    parse_named_query,
)
from queries.readonly_cypher import plain

QUERY_FILES = sorted(CYPHER_DIR.glob("*.cypher"))
NAMES = sorted(load_named_queries())
TODAY = "2026-11-27"  # the illustrative layer's date: outcomes and statuses hold as of this day

# --------------------------------------------------------------------------------- query text


def code_only(text: str) -> str:
    """The query with comments and quoted text (strings, `identifiers`) replaced by spaces."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            out.append(" ")
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            out.append(" ")
        elif text[i] in "'\"`":
            quote, j = text[i], i + 1
            while j < len(text) and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append(" ")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")
WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH)\b"
    r"|\bLOAD\s+CSV\b"
    r"|\bCALL\s+[A-Za-z_][\w.]*\s*\(",  # procedure calls (CALL (x) { ... } subqueries are fine)
    re.IGNORECASE,
)


def test_the_checks_see_through_comments_and_strings() -> None:
    text = "// CREATE $a\nMATCH (n {x: 'SET $b'}) /* DELETE */ RETURN n.`$c`, $d"
    assert PARAMETER.findall(code_only(text)) == ["d"]
    assert WRITE_CLAUSE.search(code_only(text)) is None
    assert WRITE_CLAUSE.search("MATCH (n) SET n.x = 1")
    assert WRITE_CLAUSE.search("CALL db.createLabel('X')")
    assert WRITE_CLAUSE.search("CALL (n) { RETURN n }") is None


# --------------------------------------------------------------------------------- headers


def test_there_are_at_least_15_named_queries() -> None:
    assert len(QUERY_FILES) >= 15
    assert len(NAMES) == len(QUERY_FILES)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_each_file_has_a_header_named_after_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"// name: {path.stem}"
    assert lines[1].startswith("// answers: ") and lines[1].endswith("?")
    assert lines[2].startswith("// params: ")
    assert re.fullmatch(r"[a-z][a-z0-9_]*", path.stem), "file names are snake_case"
    query = parse_named_query(text, path)
    assert query.name == path.stem
    assert query.answers
    for param in query.params:
        assert param.type in PARAM_TYPES
        assert param.meaning
        if not param.required:
            assert param.default is not None
            parse_default(param.default)  # raises on a default it cannot read


@pytest.mark.parametrize("name", NAMES)
def test_parameters_used_are_declared_and_declared_ones_used(name: str) -> None:
    query = get_named_query(name)
    used = set(PARAMETER.findall(code_only(query.text)))
    declared = {p.name for p in query.params}
    assert used == declared, f"used but not declared: {used - declared}; unused: {declared - used}"


@pytest.mark.parametrize("name", NAMES)
def test_queries_are_read_only(name: str) -> None:
    clause = WRITE_CLAUSE.search(code_only(get_named_query(name).text))
    assert clause is None, f"{name} contains {clause.group(0)!r}" if clause else ""


def test_a_bad_header_is_reported_with_the_file() -> None:
    with pytest.raises(ValueError, match=r"x\.cypher"):
        parse_named_query("// name: x\nMATCH (n) RETURN n\n", Path("x.cypher"))
    with pytest.raises(ValueError, match="bad params line"):
        parse_named_query("// name: x\n// answers: Why?\n// params: y string\nRETURN 1\n")
    with pytest.raises(ValueError, match="unknown type"):
        parse_named_query(
            "// name: x\n// answers: Why?\n// params: y (text, default 1): z\nRETURN 1"
        )
    with pytest.raises(ValueError, match="no query"):
        parse_named_query("// name: x\n// answers: Why?\n// params: none\n")


def test_header_defaults_become_python_values() -> None:
    query = parse_named_query(
        "// name: x\n// answers: Why?\n"
        "// params: a (string, default null): a\n"
        "// params: b (boolean, default false): b\n"
        "// params: c (integer, default 12): c\n"
        '// params: d (string, default "DE"): d\n'
        "// params: e (float, default 0.5): e\n"
        "// params: f (string, required): f\n"
        "RETURN $a, $b, $c, $d, $e, $f\n"
    )
    assert default_parameters(query) == {"a": None, "b": False, "c": 12, "d": "DE", "e": 0.5}
    assert [p.name for p in query.params if p.required] == ["f"]
    with pytest.raises(ValueError):
        parse_default("DE")


def test_an_unknown_name_suggests_the_closest() -> None:
    assert get_named_query("partners_of_cluster").name == "partners_of_cluster"
    with pytest.raises(KeyError, match="partners_of_cluster"):
        get_named_query("partner_of_clusters")


# --------------------------------------------------------------------------------- the data files


def yaml_facts(*folders: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships of the YAML data files, each with its effective confidence."""
    nodes: list[dict[str, Any]] = []
    rels: list[dict[str, Any]] = []
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            confidence = document.get("provenance", {}).get("confidence")
            for items, out in (
                (document.get("nodes"), nodes),
                (document.get("relationships"), rels),
            ):
                for item in items or []:
                    own = (item.get("provenance") or {}).get("confidence")
                    out.append({**item, "confidence": own or confidence})
    return nodes, rels


def national_cluster_count() -> int:
    nodes, _ = yaml_facts(DENMARK_DIR)
    return sum(1 for n in nodes if n["id"].startswith("cluster:") and n.get("national"))


def engagements_per_model(*folders: Path) -> dict[str, int]:
    _, rels = yaml_facts(*folders)
    counts: dict[str, int] = {}
    for r in rels:
        if r["type"] == Rel.UNDER_MODEL and r["from"].startswith("engagement:"):
            counts[r["to"]] = counts.get(r["to"], 0) + 1
    return counts


# --------------------------------------------------------------------------------- on Neo4j

neo4j = pytest.mark.neo4j
Run = Callable[..., list[dict[str, Any]]]

# Values for the parameters a query cannot do without.
REQUIRED: dict[str, dict[str, Any]] = {
    "partners_of_cluster": {"cluster": "cluster:danish-sound-cluster"},
    "cluster_network": {"cluster": "cluster:odense-robotics"},
    "actors_in_market": {"country": "DE"},
    "services_in_market": {"sought": "market-entry", "country": "JP"},
    "provenance_of_node": {"id": "cluster:danish-sound-cluster"},
}


@pytest.fixture(scope="module")
def bundled(neo4j_driver: Driver, settings: Settings) -> Iterator[Neo4jStore]:
    """The bundled data (curated and illustrative), loaded once for this module."""
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    store.clear()
    load_bundled(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def run(bundled: Neo4jStore) -> Run:
    def run(name: str, **params: Any) -> list[dict[str, Any]]:
        query: NamedQuery = get_named_query(name)
        merged = default_parameters(query) | REQUIRED.get(name, {}) | params
        return bundled.run_read(query.text, merged, timeout=30)

    return run


def test_every_query_with_a_required_parameter_gets_one_here() -> None:
    for name in NAMES:
        required = {p.name for p in get_named_query(name).params if p.required}
        assert required <= set(REQUIRED.get(name, {})), name


@neo4j
def test_every_query_answers_nothing_on_an_empty_database(neo4j_store: Neo4jStore) -> None:
    try:
        for name in NAMES:
            query = get_named_query(name)
            params = default_parameters(query) | REQUIRED.get(name, {})
            assert neo4j_store.run_read(query.text, params, timeout=30) == [], name
    finally:
        load_bundled(neo4j_store)  # leave the module's data in place, whatever the test order


@neo4j
@pytest.mark.parametrize("name", NAMES)
def test_every_query_answers_the_bundled_data_in_a_stable_order(name: str, run: Run) -> None:
    first = plain(run(name))  # as shown to analysts: paths from two runs are distinct objects
    assert first, f"{name} finds nothing in the bundled data"
    assert plain(run(name)) == first


CHECKS: dict[str, Callable[[Run], None]] = {}


def checks(name: str) -> Callable[[Callable[[Run], None]], Callable[[Run], None]]:
    def register(check: Callable[[Run], None]) -> Callable[[Run], None]:
        CHECKS[name] = check
        return check

    return register


@neo4j
@pytest.mark.parametrize("name", NAMES)
def test_each_query_gives_what_the_data_says(name: str, run: Run) -> None:
    assert name in CHECKS, f"add a check for {name} to tests/test_named_queries.py"
    CHECKS[name](run)


def ids(rows: list[dict[str, Any]], column: str) -> list[Any]:
    return [row[column] for row in rows]


@checks("partners_of_cluster")
def _partners_of_cluster(run: Run) -> None:
    # data/denmark/cases.yaml: Danish Sound Cluster -> ICDK Shanghai (public source).
    rows = run("partners_of_cluster", today=TODAY)
    assert "icdk:shanghai" in ids(rows, "partner_id")
    shanghai = next(r for r in rows if r["partner_id"] == "icdk:shanghai")
    assert shanghai["confidence"] == "public-source" and shanghai["direction"] == "outgoing"
    only_icdk = run("partners_of_cluster", label=Label.InnovationCentre)
    assert ids(only_icdk, "partner_id") == ["icdk:shanghai"]
    # Robotics Camp Munich 2019 (model 3) involved ICDK Munich, a partner of Odense Robotics.
    market_test = run(
        "partners_of_cluster", cluster="cluster:odense-robotics", model=ModelId.market_test
    )
    assert "icdk:munich" in ids(market_test, "partner_id")
    assert all(ModelId.market_test in r["models"] for r in market_test)
    # MARLOG's partnerships all ended on 30 April 2022.
    marlog = run("partners_of_cluster", cluster="cluster:marlog", today=TODAY)
    assert len(marlog) == 3 and not any(r["current"] for r in marlog)


@checks("cluster_network")
def _cluster_network(run: Run) -> None:
    # One path per partnership, from the cluster to each partner partners_of_cluster lists.
    paths = [row["path"] for row in run("cluster_network")]
    assert {p.start_node["id"] for p in paths} == {"cluster:odense-robotics"}
    assert all(p.relationships[0].type == Rel.PARTNERS_WITH for p in paths)
    partners = sorted(p.end_node["id"] for p in paths)
    listed = run("partners_of_cluster", cluster="cluster:odense-robotics")
    assert partners == sorted(ids(listed, "partner_id"))


@checks("clusters_without_icdk_partner")
def _clusters_without_icdk_partner(run: Run) -> None:
    # illustrative/partnerships.yaml header: no ICDK for MARLOG, FinTech, Vision Denmark, CenSec.
    rows = run("clusters_without_icdk_partner")
    assert ids(rows, "cluster_id") == [
        "cluster:censec",
        "cluster:copenhagen-fintech",
        "cluster:marlog",
        "cluster:vision-denmark",
    ]
    vision = next(r for r in rows if r["cluster_id"] == "cluster:vision-denmark")
    assert vision["icdks_in_target_markets"] == ["icdk:seoul"]  # it targets Korea
    # Sourced facts only: just Danish Sound Cluster and Odense Robotics have an ICDK partner.
    sourced = run("clusters_without_icdk_partner", include_illustrative=False)
    assert len(sourced) == national_cluster_count() - 2
    assert not {"cluster:danish-sound-cluster", "cluster:odense-robotics"} & set(
        ids(sourced, "cluster_id")
    )
    # Current only: Food & Bio (ICDK India ended 2020) and MADE (ICDK Munich ended 2020) join.
    current = run("clusters_without_icdk_partner", include_ended=False, today=TODAY)
    assert set(ids(current, "cluster_id")) == set(ids(rows, "cluster_id")) | {
        "cluster:food-bio-cluster-denmark",
        "cluster:made",
    }


def agreements_in_yaml() -> list[dict[str, Any]]:
    nodes, _ = yaml_facts(DENMARK_DIR, ILLUSTRATIVE_DIR)
    return [n for n in nodes if n["id"].startswith("agreement:")]


@checks("agreements_expiring")
def _agreements_expiring(run: Run) -> None:
    today, until = dt.date.fromisoformat(TODAY), dt.date(2027, 11, 27)
    expected = sorted(
        (a["valid_until"], a["id"])
        for a in agreements_in_yaml()
        if a.get("valid_until")
        and today <= a["valid_until"] <= until
        and a.get("status") not in ("expired", "terminated")
    )
    rows = run("agreements_expiring", today=TODAY, months=12)
    assert [(r["valid_until"], r["agreement_id"]) for r in rows] == expected
    assert len(rows) == 4
    first = rows[0]
    assert first["agreement_id"] == "agreement:clean-icdk-silicon-valley-2019"
    assert first["days_left"] == (dt.date(2027, 3, 31) - today).days
    assert first["parties"] == sorted(first["parties"]) and "CLEAN" in first["parties"]
    assert len(run("agreements_expiring", today=TODAY, months=6)) == 2


@checks("expired_agreements")
def _expired_agreements(run: Run) -> None:
    rows = run("expired_agreements", today=TODAY)
    assert ids(rows, "agreement_id") == ["agreement:fbcd-icdk-india-2016"]
    (india,) = rows
    assert india["status"] == "expired" and india["valid_until"] == dt.date(2019, 4, 30)
    assert not india["status_outdated"]
    # Food & Bio still declares India (innovation platform): a renewal candidate.
    assert india["still_targeted_by"] == ["Food & Bio Cluster Denmark"]
    # A year on, two agreements have passed their date while their status still says active.
    later = run("expired_agreements", today="2027-06-01")
    outdated = {r["agreement_id"] for r in later if r["status_outdated"]}
    assert outdated == {
        "agreement:clean-icdk-silicon-valley-2019",
        "agreement:ldc-korean-smart-textiles-2022",
    }


@checks("actors_in_market")
def _actors_in_market(run: Run) -> None:
    rows = run("actors_in_market", country="DE")
    # The sourced representations in Germany (data/denmark/trade_council.yaml, een.yaml).
    assert set(ids(rows, "actor_id")) == {
        "icdk:munich",
        "tc:berlin",
        "tc:flensburg",
        "tc:hamburg",
        "tc:munich",
        "een:nrw-europa",
    }
    munich = next(r for r in rows if r["actor_id"] == "icdk:munich")
    assert munich["via"] == ["in hotspot Munich", "located in Munich", "present in Germany"]
    assert run("actors_in_market", country="country:DE") == rows
    assert run("actors_in_market", country="de") == rows
    everyone = set(ids(run("actors_in_market", country="DE", danish_only=False), "actor_id"))
    assert {
        "company:bmw",
        "fcluster:bavarian-robotics",
        "fcluster:gesundheitswirtschaft-hannover",
        "icdk:munich",
    } <= everyone
    assert run("actors_in_market", country="XX") == []


def survey_counts(prefix: str) -> dict[str, int | None]:
    """The report's figures in data/denmark/survey.yaml: id -> count (None where garbled)."""
    nodes, _ = yaml_facts(DENMARK_DIR)
    return {n["id"]: n.get("count") for n in nodes if n["id"].startswith(prefix)}


@checks("survey_partner_shares")
def _survey_partner_shares(run: Run) -> None:
    rows = {r["figure_id"]: r for r in run("survey_partner_shares", include_illustrative=True)}
    icdk = rows["survey:partners-icdk"]
    assert (icdk["graph_count"], icdk["national_clusters"]) == (10, 14)
    assert icdk["graph_share"] == pytest.approx(10 / 14, abs=0.001)
    # With the layer, every legible figure of the report is reproduced (illustrative/README.md).
    report = survey_counts("survey:partners-")
    for figure, row in rows.items():
        assert row["report_count"] == report[figure]
        if report[figure] is not None:
            assert row["graph_count"] == report[figure], figure
            assert row["matches_report"]
    assert rows["survey:partners-eu-offices"]["graph_count"] == 9  # the layer's chosen 9/14
    assert "survey:partners-danida" not in rows  # no partner role fits Danida
    # Sourced facts only: DSC-ICDK Shanghai, OR-ICDK Munich, DSC-CAIA, Food & Bio-Trade Council.
    sourced = {
        r["figure_id"]: r["graph_count"]
        for r in run("survey_partner_shares", include_illustrative=False)
    }
    assert sourced == {figure: 0 for figure in rows} | {
        "survey:partners-icdk": 2,
        "survey:partners-trade-associations": 1,
        "survey:partners-trade-council": 1,
    }


@checks("survey_activity_shares")
def _survey_activity_shares(run: Run) -> None:
    rows = {r["figure_id"]: r for r in run("survey_activity_shares")}
    report = survey_counts("survey:activity-")
    for figure, row in rows.items():
        if report[figure] is not None:
            assert row["graph_count"] == report[figure], figure
    # Garbled in the report; the layer's numbers (illustrative/README.md).
    assert rows["survey:activity-delegations"]["graph_count"] == 10
    assert rows["survey:activity-knowledge-events"]["graph_count"] == 8
    assert rows["survey:activity-branding"]["graph_count"] == 1
    # Sourced: Robotics Camp Munich (matchmaking) and Biogas Go Global (export promotion).
    sourced = {
        r["figure_id"]: r["graph_count"]
        for r in run("survey_activity_shares", include_illustrative=False)
    }
    assert sourced == {figure: 0 for figure in rows} | {
        "survey:activity-matchmaking": 1,
        "survey:activity-export-promotion": 1,
    }


@checks("hotspots_reached_by_cluster")
def _hotspots_reached_by_cluster(run: Run) -> None:
    robotics = run("hotspots_reached_by_cluster", cluster="cluster:odense-robotics")
    assert ids(robotics, "hotspot_id") == ["hotspot:boston", "hotspot:munich"]
    munich = robotics[1]
    assert "engagement: Robotics Camp Munich 2019" in munich["via"]
    assert "partner: Innovation Centre Denmark Munich" in munich["via"]
    sound = run("hotspots_reached_by_cluster", cluster="cluster:danish-sound-cluster")
    assert ids(sound, "hotspot_id") == ["hotspot:shanghai"]
    assert "partner: Innovation Centre Denmark Shanghai" in sound[0]["via"]
    # Vision Denmark targets Korea as a country and has no partner in a hotspot.
    assert run("hotspots_reached_by_cluster", cluster="cluster:vision-denmark") == []


@checks("clusters_sharing_partners")
def _clusters_sharing_partners(run: Run) -> None:
    rows = run("clusters_sharing_partners", min_shared=3)
    assert [(r["cluster_a"], r["cluster_b"]) for r in rows] == [
        ("cluster:clean", "cluster:digitallead"),
        ("cluster:clean", "cluster:food-bio-cluster-denmark"),
        ("cluster:danish-life-science-cluster", "cluster:odense-robotics"),
        ("cluster:digitallead", "cluster:food-bio-cluster-denmark"),
        ("cluster:made", "cluster:odense-robotics"),
    ]
    assert rows[0]["shared_partners"] == [
        "Innovation Centre Denmark India",
        "Innovation Centre Denmark Silicon Valley",
        "Invest in Denmark",
    ]
    assert "DigitalLead" in rows[-1]["shared_partners"]  # a Danish cluster can be shared too
    every = run("clusters_sharing_partners")
    counts = ids(every, "shared_count")
    assert counts == sorted(counts, reverse=True) and min(counts) == 1


@checks("partnerships_with_single_contact")
def _partnerships_with_single_contact(run: Run) -> None:
    rows = run("partnerships_with_single_contact", today=TODAY)
    assert len(rows) == 25  # illustrative/README.md: 25 current fragile cluster partnerships
    assert all(r["contact_persons"] == 1 and r["end"] is None for r in rows)
    pairs = {(r["cluster_id"], r["partner_id"]) for r in rows}
    assert {
        ("cluster:clean", "icdk:india"),
        ("cluster:digitallead", "icdk:silicon-valley"),
        ("cluster:odense-robotics", "icdk:boston"),
        ("cluster:lifestyle-design-cluster", "icdk:seoul"),
    } <= pairs
    with_ended = run("partnerships_with_single_contact", today=TODAY, include_ended=True)
    assert ("cluster:marlog", "tc:singapore") in {
        (r["cluster_id"], r["partner_id"]) for r in with_ended
    }


@checks("long_term_models_without_formal_agreement")
def _long_term_models_without_formal_agreement(run: Run) -> None:
    rows = run("long_term_models_without_formal_agreement", today=TODAY)
    # illustrative/README.md, "Long-term models without an active formal agreement".
    assert {(r["cluster_id"], r["model_id"], r["target_id"]) for r in rows} == {
        ("cluster:clean", ModelId.key_market_partnership, "market:indian-water-sector"),
        ("cluster:food-bio-cluster-denmark", ModelId.key_market_partnership, "country:US"),
        (
            "cluster:danish-life-science-cluster",
            ModelId.key_market_partnership,
            "market:german-health-and-care-sector",
        ),
        ("cluster:odense-robotics", ModelId.key_market_partnership, "country:DE"),
        (
            "cluster:copenhagen-fintech",
            ModelId.key_market_partnership,
            "market:singapore-banking-sector",
        ),
        ("cluster:digitallead", ModelId.innovation_platform, "hotspot:silicon-valley"),
        ("cluster:danish-sound-cluster", ModelId.innovation_platform, "hotspot:shanghai"),
        ("cluster:food-bio-cluster-denmark", ModelId.innovation_platform, "country:IN"),
        ("cluster:lifestyle-design-cluster", ModelId.innovation_platform, "hotspot:seoul"),
    }
    gap = {r["cluster_id"] + " " + r["target_id"]: r["gap"] for r in rows}
    assert gap["cluster:lifestyle-design-cluster hotspot:seoul"] == (
        "active agreement without an ICDK party"
    )
    assert gap["cluster:food-bio-cluster-denmark country:IN"] == "no active agreement"
    any_party = run(
        "long_term_models_without_formal_agreement", today=TODAY, require_icdk_party=False
    )
    assert len(any_party) == 8
    assert "cluster:lifestyle-design-cluster" not in ids(any_party, "cluster_id")


@checks("engagements_by_model")
def _engagements_by_model(run: Run) -> None:
    rows = run("engagements_by_model")
    assert ids(rows, "model_number") == [1, 2, 3, 4]
    counts = {r["model_id"]: r["engagements"] for r in rows}
    assert counts == engagements_per_model(DENMARK_DIR, ILLUSTRATIVE_DIR)
    sourced = run("engagements_by_model", include_illustrative=False)
    assert {r["model_id"]: r["engagements"] for r in sourced} == engagements_per_model(DENMARK_DIR)
    _, rels = yaml_facts(DENMARK_DIR, ILLUSTRATIVE_DIR)
    market_tests = {
        r["from"] for r in rels if r["type"] == Rel.UNDER_MODEL and r["to"] == ModelId.market_test
    }
    testers = {r["from"] for r in rels if r["type"] == Rel.UNDERTAKES and r["to"] in market_tests}
    market_test = next(r for r in rows if r["model_id"] == ModelId.market_test)
    assert market_test["clusters"] == len(testers)
    assert market_test["cluster_names"] == sorted(market_test["cluster_names"])


@checks("model_requirements")
def _model_requirements(run: Run) -> None:
    # ontology/models.ttl: model 3 needs one of a couple of support organisations (the report's
    # alternatives); model 2 needs two of ICDKs and foreign clusters, and MoUs.
    market_test = run("model_requirements", model=ModelId.market_test)
    [required] = [r for r in market_test if r["strength"] == "required"]
    assert required["requirement_id"] == "requirement:market-test-support"
    assert required["min_partners"] == 2  # "et par": a couple
    assert {RoleId.trade_council, RoleId.een, RoleId.icdk} <= set(required["any_of_roles"])
    assert required["quote"].startswith("»Det består gerne af klyngen")
    platform = run("model_requirements", model=ModelId.innovation_platform)
    assert {r["agreement_needed"] for r in platform} == {"mou"}
    partners = next(r for r in platform if r["strength"] == "required")
    assert (partners["min_partners"], partners["any_of_roles"]) == (
        2,
        [RoleId.foreign_cluster, RoleId.icdk],
    )
    assert len(run("model_requirements")) == 17


@checks("icdk_focus_matching_cluster_strength")
def _icdk_focus_matching_cluster_strength(run: Run) -> None:
    # ICDK Silicon Valley and Munich list life science (and Munich cleantech) among their sourced
    # focus areas; Danish Life Science Cluster and CLEAN have no partnership with them.
    rows = run("icdk_focus_matching_cluster_strength")
    assert [(r["centre_id"], r["cluster_id"], r["sector_id"]) for r in rows] == [
        ("icdk:munich", "cluster:clean", "sector:cleantech"),
        ("icdk:munich", "cluster:danish-life-science-cluster", "sector:life-science"),
        ("icdk:silicon-valley", "cluster:danish-life-science-cluster", "sector:life-science"),
    ]
    sourced = run("icdk_focus_matching_cluster_strength", include_illustrative=False)
    assert [(r["centre_id"], r["cluster_id"]) for r in sourced] == [
        ("icdk:boston", "cluster:danish-life-science-cluster"),
        ("icdk:munich", "cluster:clean"),
        ("icdk:munich", "cluster:danish-life-science-cluster"),
        ("icdk:silicon-valley", "cluster:clean"),
        ("icdk:silicon-valley", "cluster:danish-life-science-cluster"),
    ]  # ICDK Munich-Odense Robotics and ICDK Shanghai-Danish Sound are sourced partnerships


@checks("provenance_of_node")
def _provenance_of_node(run: Run) -> None:
    rows = run("provenance_of_node", id="cluster:danish-sound-cluster")
    node = rows[0]
    assert (node["fact"], node["type"], node["confidence"]) == (
        "node",
        Label.Cluster,
        "public-source",
    )
    assert node["source"].startswith("UFM press release, 1 October 2020")
    shanghai = next(r for r in rows if r["other_id"] == "icdk:shanghai")
    assert shanghai["type"] == Rel.PARTNERS_WITH and shanghai["direction"] == "outgoing"
    assert shanghai["source"] == "Danish Sound Network newsletter, 5 October 2011"
    assert (shanghai["confidence"], shanghai["source_id"]) == ("public-source", "denmark/cases")
    assert all(r["confidence"] for r in rows)
    assert run("provenance_of_node", id="cluster:no-such-cluster") == []


@checks("illustrative_share")
def _illustrative_share(run: Run) -> None:
    rows = {r["confidence"]: r for r in run("illustrative_share")}
    assert set(rows) == {"reported", "public-source", "inferred", "illustrative"}
    nodes, rels = yaml_facts(ILLUSTRATIVE_DIR)
    assert rows["illustrative"]["nodes"] == len(nodes)
    assert rows["illustrative"]["relationships"] == len(rels)
    total = sum(r["facts"] for r in rows.values())
    assert rows["illustrative"]["share"] == pytest.approx(
        (len(nodes) + len(rels)) / total, abs=0.001
    )


@checks("isolated_clusters")
def _isolated_clusters(run: Run) -> None:
    # MARLOG's partnerships all ended in 2022; Vision Denmark and CenSec have one each.
    rows = run("isolated_clusters", today=TODAY)
    assert [(r["cluster_id"], r["partner_count"]) for r in rows] == [
        ("cluster:marlog", 0),
        ("cluster:censec", 1),
        ("cluster:vision-denmark", 1),
    ]
    assert rows[2]["partners"] == ["Creative Denmark"]
    with_ended = run("isolated_clusters", today=TODAY, include_ended=True, min_partners=4)
    assert set(ids(with_ended, "cluster_id")) == {
        "cluster:censec",
        "cluster:vision-denmark",
        "cluster:marlog",
        "cluster:we-build-denmark",
    }


@checks("target_markets_without_icdk")
def _target_markets_without_icdk(run: Run) -> None:
    # illustrative/README.md: France, Japan, the Netherlands, the UK, Singapore (and its banking
    # sector) and Norway.
    rows = run("target_markets_without_icdk")
    assert ids(rows, "target_id") == [
        "country:FR",
        "country:GB",
        "country:JP",
        "country:NL",
        "country:NO",
        "country:SG",
        "market:singapore-banking-sector",
    ]
    france = rows[0]
    assert france["clusters"] == [
        "CenSec",
        "Food & Bio Cluster Denmark",
        "Lifestyle & Design Cluster",
    ]


@checks("successful_tests_not_progressed")
def _successful_tests_not_progressed(run: Run) -> None:
    rows = run("successful_tests_not_progressed")
    # illustrative/README.md, "Successful short tests that did not progress" (12); the CLEAN
    # Silicon Valley and We Build Denmark Shanghai tests did progress.
    assert len(rows) == 12
    clusters = ids(rows, "cluster_id")
    assert clusters.count("cluster:energy-cluster-denmark") == 2  # Korea and the UK
    assert "engagement:clean-silicon-valley-cleantech-test-2016" not in ids(rows, "engagement_id")
    assert "cluster:we-build-denmark" not in clusters
    assert {
        "engagement:made-munich-industry40-test-2019",
        "engagement:dl-bangalore-it-test-2017",
        "engagement:marlog-singapore-maritime-test-2019",
    } <= set(ids(rows, "engagement_id"))


@checks("engagements_missing_required_roles")
def _engagements_missing_required_roles(run: Run) -> None:
    rows = run("engagements_missing_required_roles", model=ModelId.key_market_partnership)
    short = {r["engagement_id"]: (r["needed"], r["found"]) for r in rows}
    # The incoming US delegations involve only the Trade Council: one of the two in the market.
    assert short["engagement:fbcd-incoming-us-biogas-delegations"] == (2, 1)
    assert "engagement:or-germany-automation-key-market" not in short  # ICDK, TC, cluster
    platforms = run("engagements_missing_required_roles", model=ModelId.innovation_platform)
    by_id = {r["engagement_id"]: r for r in platforms}
    assert by_id["engagement:dl-silicon-valley-ai-platform"]["found"] == 1
    assert "engagement:clean-silicon-valley-platform" not in by_id  # ICDK + foreign cluster


@checks("services_in_market")
def _services_in_market(run: Run) -> None:
    # data/denmark/services.yaml: who offers market entry help in Japan, and through whom.
    rows = run("services_in_market", sought="market-entry", country="jp")
    offered = {(row["service_id"], row["offered_by"]) for row in rows}
    assert ("service:tc-export-advice", "tc:trade-council") in offered
    assert ("service:een-partner-search", "een:network") in offered
    through = {row["service_id"]: row["through"] for row in rows}
    assert "tc:embassy-japan" in through["service:tc-export-advice"]
    assert "een:japan" in through["service:een-partner-search"]
    assert not run("services_in_market", sought="investment", country="JP")  # no IDK there
