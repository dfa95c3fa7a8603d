"""The board pack's index page: the gap summary, the market coverage matrix, who offers what, and
links to every view (plain data in, escaped HTML out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.views.lang import current, t
from api.views.render import page_templates


@dataclass(frozen=True)
class PageLink:
    href: str  # relative to the index
    title: str
    note: str = ""
    inactive: bool = False


@dataclass(frozen=True)
class Section:
    heading: str
    links: tuple[PageLink, ...]


def render_index(title: str, intro: str, sections: list[Section], **parts: Any) -> str:
    """The index; `parts` are the summary rows, the coverage matrix and the offers (strategy.py)."""
    template = page_templates().get_template("board_index.html")
    return template.render(
        title=title, intro=intro, sections=sections, lang=current().value, t=t, **parts
    )
