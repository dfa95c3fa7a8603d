"""Reference data from a maintained package, read as a bundled source: every ISO 3166-1 country
with its English and Danish name, from pycountry (which ships the iso-codes data and its gettext
translations). The rows have the shape the YAML sources produce, so they are typed, validated
and cleaned up like any other source; the package version is part of the provenance.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry

from loaders.sources import RawSource, Source

COUNTRIES_SOURCE_ID = "reference/iso3166-1"
COUNTRY_PREFIX = "country"
# The date the package's data was read for this project (a fixed date keeps reloads unchanged).
RETRIEVED = dt.date(2026, 12, 3)
PROJECT_URL = "https://github.com/pycountry/pycountry"


def reference_sources() -> list[Source]:
    return [Source(COUNTRIES_SOURCE_ID, Path(pycountry.__file__).parent, "reference")]


def provenance() -> dict[str, Any]:
    return {
        "source": f"ISO 3166-1 via pycountry {version('pycountry')} (iso-codes)",
        "url": PROJECT_URL,
        "confidence": "public-source",
        "retrieved": RETRIEVED,
    }


@cache
def _danish() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["da"])


def country_rows() -> list[dict[str, Any]]:
    """One row per ISO 3166-1 country: id country:XX (alpha-2), English and Danish names."""
    danish = _danish()
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        # The translation catalogue is keyed by the ISO short name; the English name shown is
        # the common name where ISO has one ("South Korea" rather than "Korea, Republic of").
        rows.append(
            {
                "id": f"{COUNTRY_PREFIX}:{country.alpha_2}",
                "name": getattr(country, "common_name", None) or country.name,
                "name_da": danish.gettext(country.name),
                "iso2": country.alpha_2,
            }
        )
    return rows


def read_reference(source: Source) -> RawSource:
    raw = RawSource(source, defaults=provenance())
    raw.nodes = [(f"{COUNTRIES_SOURCE_ID} {row['iso2']}", row) for row in country_rows()]
    return raw
