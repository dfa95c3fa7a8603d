"""Countries are reference data: every ISO 3166-1 country, with its Danish name, from pycountry."""

import pycountry

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled
from loaders.reference import COUNTRIES_SOURCE_ID, country_rows
from ontology.names import Label


def test_every_iso_country_loads_with_its_danish_name() -> None:
    store = MemoryStore()
    load_bundled(store, include_illustrative=False)
    countries = {c["id"]: c for c in store.nodes(Label.Country)}
    assert set(countries) == {f"country:{c.alpha_2}" for c in pycountry.countries}
    assert countries["country:DE"]["name_da"] == "Tyskland"
    assert countries["country:FR"]["name_da"] == "Frankrig"
    assert countries["country:NO"]["name_da"] == "Norge"
    assert countries["country:PL"]["name_da"] == "Polen"
    for country in countries.values():
        assert country["iso2"] == country["id"].removeprefix("country:")
        assert country["name"] and country["name_da"]
        assert country["source_id"] == COUNTRIES_SOURCE_ID
        assert country["source"].startswith("ISO 3166-1 via pycountry")
        assert country["confidence"] == "public-source" and country["retrieved"]


def test_the_english_name_is_the_common_name_where_iso_gives_one() -> None:
    names = {row["iso2"]: row["name"] for row in country_rows()}
    assert names["KR"] == "South Korea"
    assert names["DK"] == "Denmark"


def test_no_other_source_defines_a_country() -> None:
    store = MemoryStore()
    load_bundled(store)
    owners = {c["source_id"] for c in store.nodes(Label.Country)}
    assert owners == {COUNTRIES_SOURCE_ID}
