"""The board's "changes since" page (changes.html in the pack, a chapter of the meeting report):
what the loads changed since a day, per cluster, worded in the page's language from each
change's phrase and fields."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

from api.views.lang import Lang, current, date, listing, num, t
from api.views.render import page_templates
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
    intro: str
    groups: tuple[ChangeGroup, ...]
    empty: str  # said when no change is told in words
    note: str  # no load since, or how many other facts changed

    @property
    def told(self) -> int:
        return sum(len(group.lines) for group in self.groups)

    def summary(self) -> str:
        """One line for the index's link to the page."""
        if not self.told:
            return self.empty
        return t(
            "{count} changes told, in {clusters} groups",
            count=num(self.told),
            clusters=num(len(self.groups)),
        )


def changes_section(
    store: GraphStore, since: dt.date, until: dt.datetime | None = None
) -> ChangesSection:
    """The changes loaded after the end of `since`, up to `until` (default: now)."""
    start = dt.datetime.combine(since, dt.time.max, tzinfo=dt.UTC)
    report = changes_since(store, start, until)
    lang = current()
    groups = tuple(
        ChangeGroup(
            t("Not tied to a cluster") if group.cluster == NOT_A_CLUSTER else group.name,
            tuple(
                ChangeLine(
                    date(change.at.date(), lang),
                    worded(change, lang),
                    ", ".join(x for x in (change.source, _confidence(change)) if x),
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
    day = date(since, lang)
    return ChangesSection(
        t("Changes since {day}", day=day),
        t("changes intro", day=day),
        groups,
        t("changes empty", day=day),
        note,
    )


def render_changes_page(section: ChangesSection, index_href: str = "index.html") -> str:
    """changes.html: the section as a page of its own, linked back to the index."""
    template = page_templates().get_template("board_changes.html")
    return template.render(lang=current().value, t=t, changes=section, index_href=index_href)


def _confidence(change: Change) -> str:
    confidence = change.provenance.confidence
    return t(f"confidence {confidence}") if confidence else ""


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
