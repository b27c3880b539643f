"""Working days for the simulator: weekends, public holidays, peak season, Chinese New Year.

Public holidays come from the ``holidays`` package (each country's national holidays); the
Chinese New Year date is read from its Chinese calendar (the first "Spring Festival" day).
All times here are local wall-clock times of the place where the scan happens.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

PEAK_START = (11, 15)
"""Peak season starts 15 November (Singles' Day and Black Friday volumes)..."""
PEAK_END = (12, 31)
"""...and lasts to the end of December."""
CNY_BEFORE_DAYS = 5
"""Origin stages stall from this many days before Chinese New Year..."""
CNY_AFTER_DAYS = 10
"""...to this many days after it (factories and warehouses close; about two weeks)."""
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


@lru_cache(maxsize=64)
def chinese_new_year(year: int) -> date:
    """The first day of the Spring Festival in ``year`` (from the ``holidays`` calendar)."""
    names = holidays.country_holidays("CN", years=year)
    days = sorted(d for d, name in names.items() if "Spring Festival" in name)
    if days:
        return days[0]
    return date(year, 2, 1)  # pragma: no cover - the package knows every year we simulate


def in_cny_stall(day: date) -> bool:
    """Whether origin stages in China stall on ``day`` (the weeks around Chinese New Year)."""
    for year in (day.year, day.year + 1):
        cny = chinese_new_year(year)
        if cny - timedelta(days=CNY_BEFORE_DAYS) <= day <= cny + timedelta(days=CNY_AFTER_DAYS):
            return True
    return False


def cny_stall_end(day: date) -> date:
    """The first day after the Chinese New Year stall that contains ``day``."""
    while in_cny_stall(day):
        day += timedelta(days=1)
    return day


def in_peak_season(day: date) -> bool:
    """Mid-November to the end of December."""
    return (day.month, day.day) >= PEAK_START and (day.month, day.day) <= PEAK_END


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
