"""Public holidays ahead of a day, per country, from the ``holidays`` package."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
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
