"""Lane disruptions: many parcels on one lane slowing down at once, found by a CUSUM.

A one-sided CUSUM on a lane's daily statistic (say the median import-customs dwell of the
parcels cleared that day) accumulates how far each day is above the lane's normal level, in
standard deviations, less an allowance ``k``; it raises a disruption when the sum reaches
``h`` and ends it when the lane has been back to normal for a couple of days. One
disruption is shown for the lane instead of one alert per parcel. Pure: the caller computes
the daily values and the normal level (from history); :func:`customs_stay` and
:func:`daily_customs_age` compute the statistic the service watches: the median age of the
parcels waiting for import customs at the end of each day, known in real time (the dwell of
*cleared* parcels is known only once they clear, days later).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from crosstrack.domain.timeline import Timeline
from crosstrack.domain.vocabulary import Milestone

CUSTOMS_ENTRY = frozenset({Milestone.ARRIVED_DESTINATION_COUNTRY, Milestone.IMPORT_CUSTOMS})
"""Arriving in the destination country starts the wait for customs."""
MIN_PARCELS = 5
"""Fewer parcels than this in customs on a day: no value for that day."""
MIN_REFERENCE_DAYS = 20
MIN_SPREAD_HOURS = 1.0


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


@dataclass(frozen=True, slots=True)
class CustomsStay:
    """One parcel's wait for import customs."""

    destination: str
    entered: datetime
    """Its first event in the destination country (arrival or customs)."""
    released: datetime | None
    """Its first later event past customs; ``None`` while it waits."""


def customs_stay(timeline: Timeline, destination: str) -> CustomsStay | None:
    """The parcel's wait for import customs, if it reached the destination country."""
    events = sorted(
        (e.event for e in timeline.events if e.affects_state and e.event.occurred_at is not None),
        key=lambda event: event.occurred_at or datetime.min.replace(tzinfo=UTC),
    )
    entered: datetime | None = None
    for event in events:
        if entered is None:
            if event.milestone in CUSTOMS_ENTRY:
                entered = event.occurred_at
        elif event.milestone not in CUSTOMS_ENTRY and event.milestone is not Milestone.NONE:
            return CustomsStay(destination, entered, event.occurred_at)
    if entered is None:
        return None
    return CustomsStay(destination, entered, None)


def daily_customs_age(
    stays: Iterable[CustomsStay],
    first: date,
    last: date,
    *,
    now: datetime,
    min_parcels: int = MIN_PARCELS,
) -> dict[str, list[tuple[date, float]]]:
    """Per destination, (day, median hours waited) of the parcels in customs at the end of
    each day from ``first`` to ``last`` (today's "end" is ``now``); days with fewer than
    ``min_parcels`` parcels waiting are left out."""
    by_destination: dict[str, list[CustomsStay]] = defaultdict(list)
    for stay in stays:
        by_destination[stay.destination].append(stay)
    out: dict[str, list[tuple[date, float]]] = {}
    for destination, items in sorted(by_destination.items()):
        series = []
        day = first
        while day <= last:
            end = min(datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC), now)
            ages = [
                (end - s.entered).total_seconds() / 3600
                for s in items
                if s.entered < end and (s.released is None or s.released >= end)
            ]
            if len(ages) >= min_parcels:
                series.append((day, statistics.median(ages)))
            day += timedelta(days=1)
        if series:
            out[destination] = series
    return out


def reference_level(
    values: Sequence[float], *, min_days: int = MIN_REFERENCE_DAYS
) -> tuple[float, float] | None:
    """(normal, spread) of a lane from its reference days: the median, and the standard
    deviation (at least ``MIN_SPREAD_HOURS``); ``None`` with fewer than ``min_days``."""
    if len(values) < min_days:
        return None
    return statistics.median(values), max(statistics.pstdev(values), MIN_SPREAD_HOURS)
