"""Graph views without a browser: what each view draws from the store, the cap, escaping and
offline pages (the browser tests in test_views_browser.py open the same pages for real)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.views import (
    NODE_CAP,
    Candidate,
    MissingPartner,
    UnknownNode,
    cap_view,
    cluster_view,
    ecosystem_view,
    market_view,
    model_view,
    render_html,
)
from api.views.facts import agreement_style, partnership_style
from api.views.lang import Lang, speaking
from graph.memory_store import MemoryStore
from graph.store import StoredRelationship
from ontology.names import Label, ModelId, Rel, RoleId
from ontology.schema import load_schema
from tests.view_support import SCRIPT_PAYLOAD, bundled_store, hostile_store, synthetic_store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    return bundled_store()


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """These tests read the English page texts (test_views_danish.py reads the Danish ones)."""
    with speaking(Lang.en):
        yield


def test_ecosystem_draws_every_actor_and_partnership(bundled: MemoryStore) -> None:
    view = ecosystem_view(bundled, TODAY)
    actors = {n["id"] for label in load_schema().actor_labels for n in bundled.nodes(label)}
    assert view.node_ids() == actors
    drawn = {(e.start, e.end) for e in view.edges}
    for r in bundled.relationships(Rel.PARTNERS_WITH):
        assert (r.start, r.end) in drawn
    styles = {e.style for e in view.edges}
    assert {"informal", "project", "formal", "expired", "structure"} <= styles
    for node in view.nodes:
        assert node.tooltip[0] and node.tooltip[1].startswith("Type: ")
        assert any(line.startswith("Source: ") for line in node.tooltip)


def test_edge_styles_follow_partnership_kind_and_agreement_status() -> None:
    def partnership(**props: object) -> StoredRelationship:
        return StoredRelationship(Rel.PARTNERS_WITH, "cluster:a", "icdk:b", dict(props))

    assert partnership_style(partnership(kind="informal"), TODAY) == "informal"
    assert partnership_style(partnership(kind="project"), TODAY) == "project"
    assert partnership_style(partnership(kind="formal"), TODAY) == "formal"
    assert partnership_style(partnership(kind="formal", end=dt.date(2020, 1, 1)), TODAY) == (
        "expired"
    )
    assert partnership_style(partnership(), TODAY) == "partnership"
    assert agreement_style({"status": "expired"}, TODAY) == "expired"
    assert agreement_style({"status": "active", "valid_until": dt.date(2021, 1, 1)}, TODAY) == (
        "expired"
    )
    assert agreement_style({"status": "planned"}, TODAY) == "planned"
    assert agreement_style({"status": "active"}, TODAY) == "formal"


def test_illustrative_facts_are_marked(bundled: MemoryStore) -> None:
    view = ecosystem_view(bundled, TODAY)
    marked = [n for n in view.nodes if n.illustrative]
    assert marked and all(n.label.endswith(" *") for n in marked)
    assert all(any(line.startswith("ILLUSTRATIVE") for line in n.tooltip) for n in marked)
    assert not any(n.label.endswith(" *") for n in view.nodes if not n.illustrative)


def test_cluster_view_draws_partners_agreements_engagements_and_gaps(bundled: MemoryStore) -> None:
    gap = MissingPartner(
        RoleId.icdk,
        "Innovation Centre Denmark",
        ModelId.key_market_partnership,
        "high",
        "No ICDK partner for the key market.",
        (Candidate("icdk:munich", "ICDK Munich", Label.InnovationCentre, "present in Germany"),),
        "country:DE",
        "Germany",
    )
    view = cluster_view(bundled, "cluster:odense-robotics", [gap], TODAY)
    types = {n.type for n in view.nodes}
    assert {Label.Cluster, Label.Engagement, Label.InnovationCentre, "Missing"} <= types
    missing = [n for n in view.nodes if n.type == "Missing"]
    assert len(missing) == 1 and "Germany" in missing[0].label
    gap_edges = [e for e in view.edges if e.style == "gap"]
    assert [(e.start, e.end) for e in gap_edges] == [("cluster:odense-robotics", missing[0].id)]
    assert [e.end for e in view.edges if e.style == "candidate"] == ["icdk:munich"]
    assert "Missing partner: Innovation Centre Denmark in Germany" in missing[0].tooltip[0]
    assert view.gap_items and all(item.action for item in view.gap_items)  # every gap, listed
    assert view.centre == "cluster:odense-robotics"
    with pytest.raises(UnknownNode):
        cluster_view(bundled, "cluster:nowhere")


def test_model_view_shows_who_takes_part_and_how(bundled: MemoryStore) -> None:
    view = model_view(bundled, ModelId.market_test, TODAY)
    involves = [e for e in view.edges if e.style == "involves"]
    assert involves and all(any(line.startswith("Role: ") for line in e.tooltip) for e in involves)
    assert "engagement:robotics-camp-munich-2019" in view.node_ids()
    assert "company:bmw" in view.node_ids()


def test_market_view_shows_actors_present_and_clusters_reaching_it(bundled: MemoryStore) -> None:
    view = market_view(bundled, "country:DE", TODAY)
    ids = view.node_ids()
    assert {"country:DE", "icdk:munich", "cluster:odense-robotics"} <= ids
    assert any(e.style == "present" and e.start == "icdk:munich" for e in view.edges)
    assert "Odense Robotics" in view.subtitle


def test_cap_aggregates_and_says_so(tmp_path: Path) -> None:
    store = synthetic_store(tmp_path / "syn")
    view = ecosystem_view(store, TODAY)
    assert len(view.nodes) > NODE_CAP
    capped = cap_view(view)
    assert len(capped.nodes) <= NODE_CAP
    assert capped.aggregation and f"{len(view.nodes):,} nodes" in capped.aggregation
    boxes = [n for n in capped.nodes if n.type == "Aggregate"]
    assert boxes and all(re.match(r"[\d,]+ ", n.label) for n in boxes)
    ids = capped.node_ids()
    assert all(e.start in ids and e.end in ids for e in capped.edges)
    assert cap_view(capped) is capped  # under the cap a view is left alone


def test_page_is_offline_and_escapes_data_text() -> None:
    store = hostile_store()
    html = render_html(cluster_view(store, "cluster:xss", (), TODAY))
    assert "<img src=x" not in html
    assert SCRIPT_PAYLOAD not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the title, as text
    assert " * vis-network" in html  # the library inlined: nothing to fetch
    assert "<script src" not in html and "<link" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the page must not fetch"


def test_board_pack_assets_are_shared(bundled: MemoryStore) -> None:
    html = render_html(ecosystem_view(bundled, TODAY), assets_href="assets", index_href="i.html")
    assert '<script src="assets/vis-network.min.js"></script>' in html
    assert len(html) < 300_000  # vis-network (about 470 kB) is not inlined into every page
