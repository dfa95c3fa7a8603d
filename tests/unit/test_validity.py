"""The one agreement-validity rule: each state, and the days on its boundaries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from queries.validity import AgreementState, agreement_state, is_in_force, partnership_ended

DAY = dt.date(2026, 6, 15)
HORIZON = 180


def days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ({"status": "active"}, AgreementState.VALID),
        ({"status": "active", "valid_from": days(-400), "valid_until": days(400)}, "valid"),
        # the term begins today: in force; tomorrow: planned
        ({"status": "active", "valid_from": DAY}, AgreementState.VALID),
        ({"status": "active", "valid_from": days(1)}, AgreementState.PLANNED),
        # the term ends today: still in force (and about to expire); yesterday: expired
        ({"status": "active", "valid_until": DAY}, AgreementState.EXPIRING),
        ({"status": "active", "valid_until": days(-1)}, AgreementState.EXPIRED),
        # the horizon's last day is "expiring"; the day after it is plainly valid
        ({"status": "active", "valid_until": days(HORIZON)}, AgreementState.EXPIRING),
        ({"status": "active", "valid_until": days(HORIZON + 1)}, AgreementState.VALID),
        ({"status": "planned"}, AgreementState.PLANNED),
        ({"status": "planned", "valid_from": days(-10)}, AgreementState.PLANNED),
        ({"status": "expired"}, AgreementState.EXPIRED),
        ({"status": "expired", "valid_until": days(100)}, AgreementState.EXPIRED),
        ({"status": "terminated", "valid_until": days(100)}, AgreementState.ENDED),
        # no status in our sources: unknown, never "expired" unless its term is known to be over
        ({}, AgreementState.UNKNOWN),
        ({"valid_from": days(-100)}, AgreementState.UNKNOWN),
        ({"valid_until": days(-1)}, AgreementState.EXPIRED),
    ],
)
def test_agreement_state_on_a_day(props: dict[str, Any], expected: str) -> None:
    assert agreement_state(props, DAY, HORIZON) == expected


def test_only_valid_and_expiring_agreements_are_in_force() -> None:
    assert is_in_force({"status": "active", "valid_until": DAY}, DAY)
    assert not is_in_force({"status": "active", "valid_until": days(-1)}, DAY)
    assert not is_in_force({}, DAY)
    assert not is_in_force({"status": "planned"}, DAY)


def test_a_partnership_is_history_the_day_after_its_end() -> None:
    assert not partnership_ended({"end": DAY}, DAY)
    assert partnership_ended({"end": days(-1)}, DAY)
    assert not partnership_ended({}, DAY)
