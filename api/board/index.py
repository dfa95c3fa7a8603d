"""The board pack's index page: links to every view and the gap summary table (plain data in,
escaped HTML out)."""

from __future__ import annotations

from dataclasses import dataclass

from api.views.render import page_templates
from api.views.spec import Table


@dataclass(frozen=True)
class PageLink:
    href: str  # relative to the index
    title: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    links: tuple[PageLink, ...]


def render_index(
    title: str, intro: str, sections: list[Section], tables: list[Table], notes: list[str]
) -> str:
    template = page_templates().get_template("board_index.html")
    return template.render(title=title, intro=intro, sections=sections, tables=tables, notes=notes)
