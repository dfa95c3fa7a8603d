"""The board's "changes since" section (index and meeting report): what the loads changed since
a day, per cluster, worded in the page's language from each change's phrase and fields."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

from api.views.lang import Lang, current, date, listing, t
from graph.store import GraphStore
from queries.changes import NOT_A_CLUSTER, Change, changes_since


@dataclass(frozen=True)
class ChangeLine:
    day: str
    sentence: str
    source: str


@dataclass(frozen=True)
class ChangeGroup:
    name: str
    lines: tuple[ChangeLine, ...]


@dataclass(frozen=True)
class ChangesSection:
    heading: str
    groups: tuple[ChangeGroup, ...]
    note: str  # no change, or how many other facts changed


def changes_section(store: GraphStore, since: dt.date) -> ChangesSection:
    """The changes loaded after the end of `since`, up to now."""
    report = changes_since(store, dt.datetime.combine(since, dt.time.max, tzinfo=dt.UTC))
    lang = current()
    groups = tuple(
        ChangeGroup(
            t("Not tied to a cluster") if group.cluster == NOT_A_CLUSTER else group.name,
            tuple(
                ChangeLine(
                    date(change.at.date(), lang),
                    worded(change, lang),
                    ", ".join(x for x in (change.source, change.provenance.confidence) if x),
                )
                for change in group.changes
            ),
        )
        for group in report.clusters
    )
    note = (
        t("No load changed the graph since then.")
        if not report.loads
        else t("{count} other facts changed (places, activities, links).", count=report.untold)
    )
    return ChangesSection(t("Changes since {day}", day=date(since, lang)), groups, note)


def worded(change: Change, lang: Lang) -> str:
    """The English sentence as the query made it, or the Danish from the same fields."""
    if lang != Lang.da:
        return change.sentence
    fields: dict[str, Any] = dict(change.fields)
    for key in ("until", "new", "old", "end"):  # dates in the page's form
        if isinstance(fields.get(key), str) and len(fields[key]) == 10:
            with contextlib.suppress(ValueError):
                fields[key] = date(dt.date.fromisoformat(fields[key]), lang)
    if "between" in fields:
        fields["between"] = listing(list(fields["between"]), lang, limit=10)
    if "kind_code" in fields:
        fields["kind"] = t(f"agreement kind {fields['kind_code']}")
    elif "kind" in fields:
        fields["kind"] = t(f"partnership kind {fields['kind']}") if fields["kind"] else ""
    if "noun" in fields:
        fields["noun"] = t(f"change noun {fields['noun']}")
    if "verb" in fields:
        fields["verb"] = t(f"change verb {fields['verb']}")
    if change.phrase == "agreement signed":
        fields["valid"] = t(", valid to {day}", day=fields["until"]) if fields.get("until") else ""
    return t(f"change {change.phrase}", **fields).replace("  ", " ")
