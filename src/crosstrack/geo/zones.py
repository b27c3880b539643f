"""Which time zone a country or a subdivision is in, from where its people live."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

# Two reference instants, one in each half of the year, so that zones with and without summer
# time are told apart. Fixed dates keep the result deterministic.
_REFERENCE_DAYS = (datetime(2025, 1, 15, 12), datetime(2025, 7, 15, 12))


@lru_cache(maxsize=1024)
def offset_signature(zone: str) -> tuple[timedelta | None, ...]:
    """The UTC offsets of a zone in winter and summer (zones with the same one agree)."""
    try:
        info = ZoneInfo(zone)
    except (ValueError, OSError, LookupError):
        return (None,)
    return tuple(day.replace(tzinfo=info).utcoffset() for day in _REFERENCE_DAYS)


def dominant_zone(population_by_zone: Mapping[str, int], share: float) -> str | None:
    """The zone most people live in, if zones keeping its clock hold at least ``share`` of them.

    Zones are grouped by their winter and summer offsets (``Europe/Berlin`` and
    ``Europe/Busingen`` agree); the most populous zone of the biggest group is returned.
    """
    total = sum(population_by_zone.values())
    if total <= 0:
        return None
    groups: dict[tuple[timedelta | None, ...], list[tuple[int, str]]] = defaultdict(list)
    for zone, population in population_by_zone.items():
        groups[offset_signature(zone)].append((population, zone))
    members = max(groups.values(), key=lambda rows: sum(p for p, _ in rows))
    if sum(p for p, _ in members) / total < share:
        return None
    return max(members)[1]


def single_zone_countries() -> dict[str, str]:
    """Countries that the tz database gives exactly one zone (from ``tzdata``'s ``zone.tab``)."""
    try:
        text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    zones: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) >= 3:
                zones[fields[0]].append(fields[2])
    return {country: names[0] for country, names in zones.items() if len(names) == 1}
