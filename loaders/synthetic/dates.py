"""The generator's calendar: every date is an offset from fixed days, so a seed gives the same
dates on any day it runs."""

from __future__ import annotations

import datetime as dt
import random

AS_OF = dt.date(2025, 1, 1)  # the synthetic "today" that statuses and outcomes are judged on
EARLIEST = dt.date(2008, 1, 1)  # no partnership, agreement or engagement starts before this


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def founded_year(rng: random.Random) -> int:
    return rng.randint(1950, 2020)
