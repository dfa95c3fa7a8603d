"""The one rule for whether an agreement (or a partnership) holds on a day.

Gaps, recommendations and views all ask it; none decides validity on its own. A partnership's
rule lives with the partner network (graph/), which is built for a day from it, and is handed
on here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from graph.partner_network import partnership_ended as partnership_ended  # handed on

DEFAULT_HORIZON_DAYS = 180  # an agreement ending within this many days is about to expire


class AgreementState(StrEnum):
    PLANNED = "planned"  # recorded as planned, or its term has not begun
    VALID = "valid"
    EXPIRING = "expiring"  # valid, but its term ends within the horizon
    EXPIRED = "expired"  # its term is over (or it is recorded as expired)
    ENDED = "ended"  # terminated by its parties
    UNKNOWN = "unknown"  # our sources give no status: neither valid nor ended


IN_FORCE = frozenset({AgreementState.VALID, AgreementState.EXPIRING})
HISTORY = frozenset({AgreementState.EXPIRED, AgreementState.ENDED})


def agreement_state(
    props: Mapping[str, Any], day: dt.date, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> AgreementState:
    """An agreement's state on `day`, from its status, valid_from and valid_until."""
    status = props.get("status")
    starts, ends = props.get("valid_from"), props.get("valid_until")
    if status == "terminated":
        return AgreementState.ENDED
    if status == "expired" or (ends is not None and ends < day):
        return AgreementState.EXPIRED
    if status == "planned" or (starts is not None and day < starts):
        return AgreementState.PLANNED
    if status != "active":
        return AgreementState.UNKNOWN
    if ends is not None and ends <= day + dt.timedelta(days=horizon_days):
        return AgreementState.EXPIRING
    return AgreementState.VALID


def is_in_force(props: Mapping[str, Any], day: dt.date) -> bool:
    return agreement_state(props, day) in IN_FORCE
