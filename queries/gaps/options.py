"""What a gap analysis is asked: the day it judges on and its thresholds; and which clusters it
leaves out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from queries.validity import DEFAULT_HORIZON_DAYS

# Not analysed (unless asked for by id) nor offered as a partner: a cluster gone, or a centre
# closed or of unknown status (never shown as open without a source).
INACTIVE = frozenset({"bankrupt", "merged", "closed", "unknown"})


@dataclass(frozen=True)
class GapOptions:
    as_of: dt.date = field(default_factory=dt.date.today)  # the day validity is judged on
    expiry_horizon_days: int = DEFAULT_HORIZON_DAYS  # ending within this: "about to expire"
    underused_share: float = 0.25  # an actor type fewer clusters than this share use
