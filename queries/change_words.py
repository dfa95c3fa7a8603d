"""The English wording of a change (queries/changes.py): one phrase per kind of change, filled
from the change's fields, which the board pack words anew in Danish (api/board/changes.py)."""

from __future__ import annotations

from typing import Any

from graph.history import Props
from graph.records import SOURCE_ID
from ontology.names import Rel

PHRASES = {
    "agreement signed": "{between} signed {kind_article} {kind}{valid}",
    "agreement runs to": "the {kind} between {between} now runs to {new} (was {old})",
    "agreement changed": "the {kind} between {between}: {said}",
    "agreement gone": "the {kind} between {between} is no longer in its source",
    "partnership began": "{a} and {b} began {kind_article} {kind} partnership",
    "partnership ended": "the partnership between {a} and {b} ended",
    "partnership ended on": "the partnership between {a} and {b} ended on {end}",
    "partnership changed": "the partnership between {a} and {b}: {said}",
    "node new": "new {noun}: {name}",
    "node gone": "the {noun} {name} is no longer in its source",
    "node changed": "{name}: {said}",
    "link new": "{a} {verb} {b}",
    "link gone": "{a} no longer {verb} {b}",
    "link changed": "{a} {verb} {b}: {said}",
}
VERBS = {Rel.PARTY_TO: "is a party to", Rel.UNDERTAKES: "undertakes"}
AGREEMENT_KINDS = {"mou": "MoU"}


def english(phrase: str, fields: dict[str, Any]) -> str:
    """The sentence in English (the views word it in the page's language from the same fields)."""
    values = dict(fields)
    if "between" in values:
        values["between"] = listed(list(values["between"]))
    kind = str(values.get("kind", ""))
    values["kind_article"] = article(kind or "partnership")
    if phrase == "agreement signed":
        values["valid"] = f", valid to {values['until']}" if values.get("until") else ""
    if phrase == "node new" or phrase == "node gone":
        values["noun"] = str(values["noun"]).casefold()
    if "verb" in values:
        values["verb"] = VERBS.get(values["verb"], values["verb"])
    return PHRASES[phrase].format(**values).replace("  ", " ")


def listed(names: list[str]) -> str:
    return (
        names[0]
        if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
        if names
        else ""
    )


def differences(old: Props, new: Props) -> dict[str, tuple[Any, Any]]:
    return {
        k: (old.get(k), new.get(k))
        for k in sorted(old.keys() | new.keys())
        if old.get(k) != new.get(k) and k != SOURCE_ID
    }


def said(old: Props, new: Props) -> str:
    """'valid_until 2027-03-31 -> 2026-12-31; status active -> expired'."""
    parts = []
    for key, (before, after) in differences(old, new).items():
        if before is None:
            parts.append(f"{key.replace('_', ' ')} set to {after}")
        elif after is None:
            parts.append(f"{key.replace('_', ' ')} {before} dropped")
        else:
            parts.append(f"{key.replace('_', ' ')} {before} -> {after}")
    return "; ".join(parts) or "restated"


def article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" or noun.startswith("MoU") else "a"
