"""From remaining days to delivery dates, and the chance of meeting a promised day."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo

from crosstrack.eta.snapshots import Snapshot

P_FLOOR = 0.01
"""Probabilities from the three quantiles are kept within [P_FLOOR, 1 - P_FLOOR] while the
promised day can still be met: three quantiles cannot support a firmer answer."""


def local_day(moment: datetime, days: float, zone: tzinfo) -> date:
    """The day, in ``zone``'s calendar, ``days`` after ``moment``."""
    return (moment + timedelta(days=float(days))).astimezone(zone).date()


def window_dates(snapshot: Snapshot, remaining: Sequence[float]) -> tuple[date, date, date]:
    """P10, P50 and P90 delivery days (destination calendar) from remaining days."""
    zone = snapshot.record.destination_zone
    low, mid, high = (local_day(snapshot.as_of, days, zone) for days in remaining)
    return low, mid, high


def days_to_end_of(day: date, zone: tzinfo, as_of: datetime) -> float:
    """Days from ``as_of`` to the end of ``day`` in ``zone``'s calendar."""
    end = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(days=1)
    return (end - as_of).total_seconds() / 86400.0


def on_time_probability(snapshot: Snapshot, remaining: Sequence[float]) -> float | None:
    """P(delivered on or before the promised day), or ``None`` without a promise.

    The distribution of the remaining time is read as piecewise linear through (now, 0%) and the
    calibrated (P10, 10%), (P50, 50%) and (P90, 90%) points, with an exponential tail beyond
    P90. A promised day already over (and no delivery) gives 0.
    """
    promised = snapshot.record.promised_on
    if promised is None:
        return None
    left = days_to_end_of(promised, snapshot.record.destination_zone, snapshot.as_of)
    if left <= 0:
        return 0.0
    return _cdf(left, remaining)


def _cdf(x: float, remaining: Sequence[float]) -> float:
    low, mid, high = (float(v) for v in remaining)
    if x < low:
        # Nothing is delivered before now: from 0 at "now" up to 10% at P10.
        p = 0.1 * x / low
    elif x <= mid:
        p = 0.5 if mid <= low else 0.1 + 0.4 * (x - low) / (mid - low)
    elif x <= high:
        p = 0.9 if high <= mid else 0.5 + 0.4 * (x - mid) / (high - mid)
    else:
        # The last 10% thin out beyond P90 at the pace the window was spreading.
        p = 0.9 + 0.1 * (1.0 - math.exp(-(x - high) / max(high - mid, 0.5)))
    return min(1.0 - P_FLOOR, max(P_FLOOR, p))
