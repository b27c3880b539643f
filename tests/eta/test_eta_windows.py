"""Delivery days from remaining time, and the chance of meeting the promise."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from eta_samples import record

from crosstrack.eta.snapshots import snapshot_at
from crosstrack.eta.windows import on_time_probability, window_dates

AS_OF = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)  # 23:00 in Paris


def _snap(promised: date | None):
    rec = replace(record(created=datetime(2026, 3, 1, tzinfo=UTC)), promised_on=promised)
    return snapshot_at(rec, AS_OF)


def test_days_are_counted_in_the_destination_calendar() -> None:
    # Two hours later it is already the 11th in Paris.
    assert window_dates(_snap(None), (2 / 24, 0.5, 1.2)) == (
        date(2026, 3, 11),
        date(2026, 3, 11),
        date(2026, 3, 12),
    )


def test_on_time_probability_follows_the_window() -> None:
    remaining = (2.0, 5.0, 10.0)
    assert on_time_probability(_snap(None), remaining) is None
    far = on_time_probability(_snap(date(2026, 4, 30)), remaining)
    near = on_time_probability(_snap(date(2026, 3, 12)), remaining)
    mid = on_time_probability(_snap(date(2026, 3, 14)), remaining)
    assert far is not None and near is not None and mid is not None
    assert near < mid < far
    assert far == pytest.approx(0.99)  # never certain
    # The 14th ends (midnight in Paris) 4 days 1 hour after as_of: between P10 and P50,
    # 2/3 of the way, so 10% + 2/3 of 40%.
    assert mid == pytest.approx(0.1 + 0.4 * (4 + 1 / 24 - 2) / 3)


def test_a_promise_already_broken_has_no_chance() -> None:
    assert on_time_probability(_snap(date(2026, 3, 9)), (0.0, 1.0, 2.0)) == 0.0
    # The 10th still has an hour to go in Paris: not yet broken.
    assert (on_time_probability(_snap(date(2026, 3, 10)), (0.0, 1.0, 2.0)) or 0) > 0
