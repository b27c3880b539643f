"""The calendar of logistics seasons: peak season, Chinese New Year, public holidays.

These are the definitions the simulator builds its journeys with (``crosstrack.sim.calendar``
imports them from here) and the ones analytics compares parcels by:

- **peak season**: from 15 November (Singles' Day and Black Friday volumes) to 31 December;
- **Chinese New Year**: from 5 days before the first day of the Spring Festival to 10 days
  after it, when factories and warehouses in China close (it concerns parcels from ``CN``);
- **public holidays**: a country's national holidays.

The dates of the Spring Festival and of holidays come from outside the domain, through an
:class:`AnalyticsCalendar` (``crosstrack.services.analytics_calendar`` reads them from the
``holidays`` package).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

PEAK_START = (11, 15)
"""Peak season starts 15 November (Singles' Day and Black Friday volumes)..."""
PEAK_END = (12, 31)
"""...and lasts to the end of December."""
CNY_BEFORE_DAYS = 5
"""Origin stages in China stall from this many days before Chinese New Year..."""
CNY_AFTER_DAYS = 10
"""...to this many days after it (factories and warehouses close; about two weeks)."""
CNY_ORIGINS = frozenset({"CN"})
"""Origins whose parcels Chinese New Year concerns."""


class Season(StrEnum):
    """When in the year a parcel was shipped, as logistics sees it."""

    PEAK = "peak"
    CHINESE_NEW_YEAR = "chinese_new_year"
    REST = "rest"


class AnalyticsCalendar(Protocol):
    """Where public holidays and the Spring Festival come from."""

    def holidays(self, country: str, first: date, last: date) -> Collection[date]:
        """The public holidays of ``country`` from ``first`` to ``last`` (inclusive)."""
        ...

    def chinese_new_year(self, year: int) -> date:
        """The first day of the Spring Festival in ``year``."""
        ...


def in_peak_season(day: date) -> bool:
    """Mid-November to the end of December."""
    return PEAK_START <= (day.month, day.day) <= PEAK_END


def in_cny_window(day: date, new_year: Callable[[int], date]) -> bool:
    """Whether ``day`` falls in the weeks around Chinese New Year (``new_year(year)`` gives
    the first day of the Spring Festival)."""
    for year in (day.year, day.year + 1):
        first = new_year(year)
        if first - timedelta(days=CNY_BEFORE_DAYS) <= day <= first + timedelta(days=CNY_AFTER_DAYS):
            return True
    return False


def season_of(day: date, origin: str | None, new_year: Callable[[int], date]) -> Season:
    """The season of a parcel shipped on ``day`` from ``origin``."""
    if in_peak_season(day):
        return Season.PEAK
    if origin in CNY_ORIGINS and in_cny_window(day, new_year):
        return Season.CHINESE_NEW_YEAR
    return Season.REST
