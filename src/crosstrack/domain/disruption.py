"""Lane disruptions: many parcels on one lane slowing down at once, found by a CUSUM.

A one-sided CUSUM on a lane's daily statistic (say the median import-customs dwell of the
parcels cleared that day) accumulates how far each day is above the lane's normal level, in
standard deviations, less an allowance ``k``; it raises a disruption when the sum reaches
``h`` and ends it when the lane has been back to normal for a couple of days. One
disruption is shown for the lane instead of one alert per parcel. Pure: the caller computes
the daily values and the normal level (from history).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class LaneDisruption:
    """A stretch of days on which a lane ran slower than normal."""

    raised_on: date
    """The day the CUSUM crossed the threshold (the alert's day)."""
    began_on: date
    """The first day of the run of above-normal days that led to it."""
    ended_on: date | None
    """The first day back to normal (``None`` while it lasts)."""
    peak: float
    """The highest daily value seen during it."""


def cusum_disruptions(
    daily: Sequence[tuple[date, float]],
    *,
    normal: float,
    spread: float,
    k: float = 0.5,
    h: float = 5.0,
    calm_days: int = 2,
) -> list[LaneDisruption]:
    """Disruptions in ``daily`` (days in order, missing days skipped) against the lane's
    ``normal`` level and ``spread`` (standard deviation, > 0). A raised disruption ends after
    ``calm_days`` days in a row within the allowance of normal (the sum restarts from zero:
    a CUSUM alone would take as long to forget as it took to accumulate)."""
    if spread <= 0:
        raise ValueError("spread must be positive")
    found: list[LaneDisruption] = []
    total = 0.0
    calm = 0
    began: date | None = None
    raised: date | None = None
    peak = float("-inf")
    for day, value in daily:
        z = (value - normal) / spread
        total = max(0.0, total + z - k)
        if began is None and total > 0:
            began, peak = day, value
        if began is not None:
            peak = max(peak, value)
        if raised is None and total >= h:
            raised = day
        calm = calm + 1 if z <= k else 0
        if raised is not None and began is not None and calm >= calm_days:
            found.append(LaneDisruption(raised, began, day, peak))
            total, began, raised, peak = 0.0, None, None, float("-inf")
        elif raised is None and total == 0:
            began, peak = None, float("-inf")
    if raised is not None and began is not None:
        found.append(LaneDisruption(raised, began, None, peak))
    return found
