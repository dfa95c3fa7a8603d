"""The board's languages: Danish by default (the InternationaliseringsBoard is Danish), English
kept; and numbers and dates in each language's own form (1.234 and 3. december 2026 in Danish)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    da = "da"
    en = "en"


DEFAULT_LANG = Lang.da

MONTHS = {
    Lang.da: [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    Lang.en: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def number(value: int | float, lang: Lang, digits: int = 0) -> str:
    """`1.234` and `0,5` in Danish, `1,234` and `0.5` in English."""
    text = f"{value:,.{digits}f}"
    if lang == Lang.da:  # swap the separators through a placeholder
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(share: float, lang: Lang) -> str:
    """`43 %` in Danish (a space before the sign), `43%` in English."""
    whole = number(round(share * 100), lang)
    return f"{whole} %" if lang == Lang.da else f"{whole}%"


def date(day: dt.date, lang: Lang) -> str:
    """`3. december 2026` in Danish, `3 December 2026` in English."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == Lang.da else f"{day.day} {month} {day.year}"


def listing(names: list[str], lang: Lang, limit: int = 4) -> str:
    """`a, b og c` / `a, b and c`, with `og 2 flere` / `and 2 more` past the limit."""
    and_word, more = ("og", "flere") if lang == Lang.da else ("and", "more")
    if len(names) > limit:
        return f"{', '.join(names[:limit])} {and_word} {len(names) - limit} {more}"
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"


def alternatives(names: list[str], lang: Lang) -> str:
    """`a, b eller c` / `a, b or c`: any of them will do."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {'eller' if lang == Lang.da else 'or'} {names[-1]}"


# The language the page being built is in: set once by whoever builds a page (`speaking`), read
# by the builders deep down, so that no builder needs a language parameter threaded through it.
_current: ContextVar[Lang] = ContextVar("partnergraph_view_lang", default=DEFAULT_LANG)


@contextmanager
def speaking(lang: Lang | str) -> Iterator[Lang]:
    """Build the views inside this block in `lang`."""
    token = _current.set(Lang(lang))
    try:
        yield Lang(lang)
    finally:
        _current.reset(token)


def current() -> Lang:
    return _current.get()


def t(english: str, **values: object) -> str:
    """The page text `english` in the current language, with `{name}` fields filled in; the
    wording lives in danish.py, keyed by the English text (which the English page uses) or, for
    a text chosen by a code (`gap type role`), by that key in both languages."""
    from api.views.danish import DANISH, ENGLISH  # plain tables, imported where needed

    table = DANISH if current() == Lang.da else ENGLISH
    template = table.get(english, ENGLISH.get(english, english))
    return template.format(**values) if values else template


def num(value: int | float, digits: int = 0) -> str:
    """A number in the current language's form."""
    return number(value, current(), digits)


def named(props: Mapping[str, Any] | None, fallback: str = "") -> str:
    """A stored node's name in the current language: `name_da` on a Danish page where the data
    has it (countries, models, roles), else `name`; a trailing "(illustrative)" is dropped, since
    the page marks illustrative facts itself."""
    if not props:
        return fallback
    name = str(props.get("name") or props.get("id") or fallback)
    if current() == Lang.da and props.get("name_da"):
        name = str(props["name_da"])
    return strip_illustrative(name)


ILLUSTRATIVE_SUFFIX = re.compile(r"\s*\((illustrative|illustrativ)\)\s*$", re.IGNORECASE)


def strip_illustrative(name: str) -> str:
    return ILLUSTRATIVE_SUFFIX.sub("", name)


ILLUSTRATIVE_IN_TEXT = re.compile(r"\s*\(illustrative\)", re.IGNORECASE)


def mark_illustrative(text: str) -> str:
    """Names in a sentence lose their "(illustrative)" for the page's mark, `*`."""
    return ILLUSTRATIVE_IN_TEXT.sub(" *", text)


def day_text(value: object) -> str:
    """A stored date in the current language's form; other values as they are."""
    if isinstance(value, dt.date):
        return date(value, current())
    return str(value)
