"""The calendar analytics works with: public holidays and the Spring Festival, from the
``holidays`` package (offline), behind the domain's ``AnalyticsCalendar``."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache

import holidays

from crosstrack.geo.holidays import holidays_between


@lru_cache(maxsize=64)
def chinese_new_year(year: int) -> date:
    """The first day of the Spring Festival in ``year`` (from the ``holidays`` calendar)."""
    names = holidays.country_holidays("CN", years=year)
    days = sorted(d for d, name in names.items() if "Spring Festival" in name)
    if days:
        return days[0]
    return date(year, 2, 1)  # pragma: no cover - the package knows every year we simulate


class PublicHolidays:
    """``AnalyticsCalendar`` of every country's national public holidays."""

    def holidays(self, country: str, first: date, last: date) -> Collection[date]:
        return holidays_between(country, first, last)

    def chinese_new_year(self, year: int) -> date:
        return chinese_new_year(year)
