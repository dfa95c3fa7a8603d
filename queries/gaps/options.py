"""What a gap analysis is asked: the day it judges on and its thresholds; and which clusters it
leaves out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from queries.validity import DEFAULT_HORIZON_DAYS

# Not analysed (unless asked for by id) nor offered as a partner: a cluster gone, or a centre
# closed or of unknown status (never shown as open without a source).
INACTIVE = frozenset({"bankrupt", "merged", "closed", "unknown"})

# The day analyses judge on when not told: today, or the day a whole board pack is made "as of".
_JUDGED_ON: ContextVar[dt.date | None] = ContextVar("judged_on", default=None)


def judging_day() -> dt.date:
    """The day validity is judged on: the one `judged_on` set, else today."""
    return _JUDGED_ON.get() or dt.date.today()


@contextmanager
def judged_on(day: dt.date | None) -> Iterator[None]:
    """Within it, every analysis and view not given a day judges on `day` (None: today)."""
    token = _JUDGED_ON.set(day)
    try:
        yield
    finally:
        _JUDGED_ON.reset(token)


@dataclass(frozen=True)
class GapOptions:
    as_of: dt.date = field(default_factory=judging_day)  # the day validity is judged on
    expiry_horizon_days: int = DEFAULT_HORIZON_DAYS  # ending within this: "about to expire"
    underused_share: float = 0.25  # an actor type fewer clusters than this share use
