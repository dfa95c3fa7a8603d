"""The report's strategy pictures drawn from the graph: the market coverage matrix (proposal 5),
each cluster's portfolio on the models' axes (proposal 1), and who offers what (proposal 3)."""

from __future__ import annotations

import pytest

from graph.memory_store import MemoryStore
from loaders.batch import SourceBatch, write_batches
from ontology.names import Label, ModelId, Rel, RoleId
from queries.strategy import cluster_portfolio, coverage_matrix, who_offers_what
from tests.helpers import node, rel
from tests.view_support import bundled_store


@pytest.fixture(scope="module")
def bundled() -> MemoryStore:
    return bundled_store()


def test_coverage_matrix_flags_markets_without_support_and_support_without_clusters() -> None:
    s = "test/coverage"
    store = MemoryStore()
    write_batches(
        store,
        [
            SourceBatch(
                s,
                nodes=[
                    node("cluster:a", s, name="A", status="active"),
                    node("cluster:b", s, name="B", status="merged"),
                    node("country:FR", s, name="France", iso2="FR"),
                    node("country:BR", s, name="Brazil", iso2="BR"),
                    node("country:DE", s, name="Germany", iso2="DE"),
                    node("icdk:sao-paulo", s, name="ICDK São Paulo"),
                    node("tc:berlin", s, name="Trade Council Berlin"),
                ],
                relationships=[
                    rel(
                        "cluster:a", Rel.TARGETS_MARKET, "country:FR", s, model=ModelId.market_test
                    ),
                    rel(
                        "cluster:a", Rel.TARGETS_MARKET, "country:DE", s, model=ModelId.market_test
                    ),
                    rel(
                        "cluster:b", Rel.TARGETS_MARKET, "country:BR", s, model=ModelId.market_test
                    ),
                    rel("icdk:sao-paulo", Rel.PRESENT_IN, "country:BR", s),
                    rel("tc:berlin", Rel.PRESENT_IN, "country:DE", s),
                ],
            )
        ],
    )
    found = coverage_matrix(store)
    assert found.clusters == ["cluster:a"]  # the merged cluster is history
    rows = {row.country: row for row in found.rows}
    assert rows["country:FR"].unsupported and rows["country:FR"].targets == {"cluster:a"}
    assert not rows["country:DE"].unsupported
    assert rows["country:DE"].support == {Label.TradeCouncil: ["tc:berlin"]}
    assert rows["country:BR"].unused and not rows["country:BR"].clusters


def test_coverage_matrix_of_the_bundled_data(bundled: MemoryStore) -> None:
    rows = {row.country: row for row in coverage_matrix(bundled).rows}
    assert "cluster:odense-robotics" in rows["country:DE"].active
    assert rows["country:DE"].support[Label.InnovationCentre] == ["icdk:munich"]
    icdk_countries = {
        r.end for r in bundled.relationships(Rel.PRESENT_IN) if r.start.startswith("icdk:")
    }
    assert icdk_countries <= set(rows)  # every ICDK's country is a row


def test_portfolio_places_work_by_model_with_the_next_step(bundled: MemoryStore) -> None:
    items = {i.id: i for i in cluster_portfolio(bundled, "cluster:odense-robotics")}
    camp = items["engagement:robotics-camp-munich-2019"]
    assert (camp.model, camp.purpose, camp.long_term) == (ModelId.market_test, "market", False)
    assert camp.leads_to == ModelId.key_market_partnership
    grown = [i for i in items.values() if i.progression]
    assert grown and all(i.progression == i.leads_to for i in grown)
    assert all(i.long_term == (i.model_number in (2, 4)) for i in items.values())


def test_who_offers_what_reads_roles_from_the_ontology_and_counts_from_the_graph(
    bundled: MemoryStore,
) -> None:
    offers = {o.role: o for o in who_offers_what(bundled)}
    icdk = offers[RoleId.icdk]
    assert icdk.labels == (Label.InnovationCentre,)
    assert icdk.actors == len(list(bundled.nodes(Label.InnovationCentre)))
    assert len(icdk.required_by) == 4 and icdk.engagements > 0
    assert RoleId.company not in offers  # the target group is not an offer
