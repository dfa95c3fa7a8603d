"""A market as a user names it: an ISO code in any case, a country's English or Danish name, or a
hotspot or market by id, slug or name. Every country is in the graph (ISO 3166 reference data), so
a real country resolves even where our data records no partner; anything else is bad input."""

from __future__ import annotations

import difflib
import unicodedata

import pycountry

from graph.store import GraphStore
from ontology.names import Label
from ontology.schema import load_schema
from queries.ids import UnknownIdError

PLACE_LABELS = (Label.Country, Label.Hotspot, Label.Market)


def _key(text: str) -> str:
    """Case, accents and spacing do not matter: "São Paulo", "sao paulo" and "Sao-Paulo" match."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().replace("-", " ").replace("_", " ").split())


def _names(store: GraphStore) -> dict[str, str]:
    """{normalised name, slug or id: place id} for every country, hotspot and market."""
    schema, names = load_schema(), dict[str, str]()
    for label in PLACE_LABELS:
        prefix = schema.node_types[label].prefix
        for node in store.nodes(label):
            place = node["id"]
            slug = place.partition(":")[2]
            for name in (place, slug, node.get("name"), node.get("name_da"), node.get("iso2")):
                if name:
                    names.setdefault(_key(str(name)), place)
            if label == Label.Country:
                names.setdefault(_key(f"{prefix}:{slug}"), place)
    return names


def resolve_market(store: GraphStore, text: str) -> str:
    """The id of the country, hotspot or market `text` names; UnknownIdError with the closest."""
    names = _names(store)
    wanted = _key(text)
    if wanted in names:
        return names[wanted]
    try:  # ISO alpha-3, official and common names that are not stored as node names
        country = pycountry.countries.lookup(text.strip())
    except LookupError:
        country = None
    if country is not None and _key(f"country:{country.alpha_2}") in names:
        return names[_key(f"country:{country.alpha_2}")]
    closest = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    return _unknown(text, [names[c] for c in closest])


def _unknown(text: str, closest: list[str]) -> str:
    unique = list(dict.fromkeys(closest))
    raise UnknownIdError(text.strip(), "country, hotspot or market", unique)
