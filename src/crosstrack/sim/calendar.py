"""Working days for the simulator: weekends, public holidays, peak season, Chinese New Year.

Public holidays come from the ``holidays`` package (each country's national holidays); the
Chinese New Year date is read from its Chinese calendar (the first "Spring Festival" day).
All times here are local wall-clock times of the place where the scan happens. Peak season and
the Chinese New Year window are those analytics compares parcels by
(``crosstrack.domain.analytics_calendar``).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from crosstrack.domain.analytics_calendar import in_cny_window
from crosstrack.domain.analytics_calendar import in_peak_season as in_peak_season
from crosstrack.services.analytics_calendar import chinese_new_year as chinese_new_year

OPENING_HOUR = 8
CLOSING_HOUR = 19


@lru_cache(maxsize=512)
def _holidays(country: str, year: int) -> frozenset[date]:
    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError:  # pragma: no cover - every simulated country is covered
        return frozenset()
    return frozenset(found)


def is_holiday(country: str, day: date) -> bool:
    """Whether ``day`` is a public holiday in ``country``."""
    return day in _holidays(country, day.year)


def is_working_day(country: str, day: date, *, saturday: bool = False) -> bool:
    """Monday to Friday (and Saturday when ``saturday``), not a public holiday."""
    weekday = day.weekday()
    if weekday == 6 or (weekday == 5 and not saturday):
        return False
    return not is_holiday(country, day)


def in_cny_stall(day: date) -> bool:
    """Whether origin stages in China stall on ``day`` (the weeks around Chinese New Year)."""
    return in_cny_window(day, chinese_new_year)


def cny_stall_end(day: date) -> date:
    """The first day after the Chinese New Year stall that contains ``day``."""
    while in_cny_stall(day):
        day += timedelta(days=1)
    return day


def to_local(moment: datetime, zone: str) -> datetime:
    """An aware UTC moment as an aware local time in ``zone``."""
    return moment.astimezone(ZoneInfo(zone))


def next_working_moment(
    moment: datetime,
    zone: str,
    country: str,
    rng: random.Random,
    *,
    saturday: bool = False,
    opening: int = OPENING_HOUR,
    closing: int = CLOSING_HOUR,
) -> datetime:
    """``moment`` if it falls in working hours of a working day at the place, else a random
    time in the first working hours after it. Returns aware UTC."""
    local = to_local(moment, zone)
    if is_working_day(country, local.date(), saturday=saturday) and opening <= local.hour < closing:
        return moment
    day = local.date() if local.hour < opening else local.date() + timedelta(days=1)
    while not is_working_day(country, day, saturday=saturday):
        day += timedelta(days=1)
    minutes = rng.randint(0, 150)
    start = datetime.combine(day, time(opening), tzinfo=ZoneInfo(zone))
    return (start + timedelta(minutes=minutes)).astimezone(moment.tzinfo)


def add_working_days(
    moment: datetime,
    days: float,
    zone: str,
    country: str,
    rng: random.Random,
    *,
    saturday: bool = False,
) -> datetime:
    """``days`` working days after ``moment`` (weekends and holidays do not count), landing
    in working hours. Whole days skip non-working days; the fraction is working time."""
    whole = int(days)
    current = next_working_moment(moment, zone, country, rng, saturday=saturday)
    local = to_local(current, zone)
    for _ in range(whole):
        local += timedelta(days=1)
        while not is_working_day(country, local.date(), saturday=saturday):
            local += timedelta(days=1)
    span = (CLOSING_HOUR - OPENING_HOUR) * 60
    local += timedelta(minutes=(days - whole) * span)
    return next_working_moment(
        local.astimezone(moment.tzinfo), zone, country, rng, saturday=saturday
    )
