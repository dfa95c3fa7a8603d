"""The text matching behind a lead's sector match: a lead's own words (Danish or English) against
the words that describe a cluster's strength position.

Dependency-light on purpose: words are lower-cased, accents folded the Danish way (æ -> ae, ø -> oe,
å -> aa, other accents dropped), split on anything not a letter or digit, function words of both
languages dropped, and each word stemmed by the Snowball stemmers for Danish and for English (a word
keeps both stems, since a lead rarely says which language it is in). Two words match when they share
a stem, or when one stem of at least PREFIX_MIN letters begins the other: Danish writes compounds as
one word, so "robot" meets "robotteknologi" and "velfaerd" meets "velfaerdsteknologi".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

PREFIX_MIN = 5  # shorter stems ("life", "lyd") would meet unrelated compounds ("lifestyle")

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_SPLIT = re.compile(r"[^a-z0-9]+")
# Function words (and the words every lead or profile uses) that say nothing about a sector.
_STOP_TEXT = """
    a an and are as at be by for from has have in into is it its of on or our the their they this
    to with who wants want seeks seeking looking new national cluster clusters company companies
    partner partners denmark danish technology technologies solution solutions
    og i at er en et af til for med paa som de den det der har om fra ved eller vil
    soeger soeges ny nye dansk danske danmark klynge virksomhed virksomheder partner loesning
    loesninger teknologi"""
STOPWORDS = frozenset(_STOP_TEXT.split())
_STEMMERS = (snowballstemmer.stemmer("danish"), snowballstemmer.stemmer("english"))


def fold(text: str) -> str:
    """Lower case, Danish letters spelled out, other accents dropped."""
    folded = text.casefold().translate(_FOLD)
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return plain


@lru_cache(maxsize=4096)
def stems(word: str) -> frozenset[str]:
    """The word's Danish and English stems."""
    return frozenset(stemmer.stemWord(word) for stemmer in _STEMMERS)


def terms(text: str) -> list[str]:
    """The content words of a text, folded, in order, each once."""
    words = [w for w in _SPLIT.split(fold(text)) if len(w) > 1 and w not in STOPWORDS]
    return list(dict.fromkeys(words))


def term_stems(texts: Iterable[str]) -> frozenset[str]:
    """Every stem of every content word of the texts."""
    found: set[str] = set()
    for text in texts:
        for word in terms(text):
            found |= stems(word)
    return frozenset(found)


def matches(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether a word of a lead meets a vocabulary of stems (see the module's rule)."""
    own = stems(word)
    if own & vocabulary:
        return True
    for stem in own:
        for other in vocabulary:
            short, long = (stem, other) if len(stem) <= len(other) else (other, stem)
            if len(short) >= PREFIX_MIN and long.startswith(short):
                return True
    return False
