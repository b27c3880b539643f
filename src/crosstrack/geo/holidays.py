"""Public holidays per country, from the ``holidays`` package (offline): how many lie ahead
of a day (an ETA feature) and which fall in a span (business days of alerts)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=1024)
def _ordinals(country: str, year: int) -> tuple[int, ...]:
    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return ()
    return tuple(sorted(day.toordinal() for day in found))


def holidays_ahead(country: str, day: date, days: int) -> int:
    """How many public holidays ``country`` has in ``[day, day + days)``."""
    start = day.toordinal()
    end = start + days
    count = 0
    for year in {day.year, date.fromordinal(end - 1).year}:
        ordinals = _ordinals(country, year)
        count += bisect_left(ordinals, end) - bisect_left(ordinals, start)
    return count


def holidays_between(country: str | None, start: date, end: date) -> frozenset[date]:
    """The public holidays of ``country`` in ``[start, end]`` (none for an unknown country)."""
    if not country or end < start:
        return frozenset()
    first, last = start.toordinal(), end.toordinal()
    found: set[date] = set()
    for year in range(start.year, end.year + 1):
        ordinals = _ordinals(country.upper(), year)
        found.update(
            date.fromordinal(o)
            for o in ordinals[bisect_left(ordinals, first) : bisect_left(ordinals, last + 1)]
        )
    return frozenset(found)


def recent_holidays(country: str | None, today: date, days: int = 90) -> frozenset[date]:
    """The public holidays of ``country`` in the ``days`` up to ``today``."""
    return holidays_between(country, today - timedelta(days=days), today)
