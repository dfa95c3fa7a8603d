"""How lists read in reasons and sentences."""

from __future__ import annotations


def listing(names: list[str], limit: int = 3) -> str:
    """`a, b, c and 2 more`; `a; b, c` where a name has a comma of its own ("Trade Council,
    Embassy of Denmark in Paris"), so two names never read as three."""
    separator = "; " if any("," in name for name in names[:limit]) else ", "
    shown = separator.join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def alternatives(names: list[str]) -> str:
    """`a, b or c`: the roles any of which meets a requirement."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"
