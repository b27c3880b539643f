"""The zone a history file's offset-less times are read in, from the offline gazetteer."""

from __future__ import annotations

from datetime import UTC, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from crosstrack.eta.history import ZoneLookup
from crosstrack.geo.offline import OfflineGazetteer


def gazetteer_zones(gazetteer: OfflineGazetteer) -> ZoneLookup:
    """``(country, region) -> zone``: the region's zone when the region is known (US states,
    Brazilian states…), else the country's (the most populous zone), else UTC."""

    @lru_cache(maxsize=4096)
    def zone_of(country: str, region: str) -> tzinfo:
        name = None
        if region:
            place = gazetteer.region(region, country)
            name = place.timezone if place else None
        name = name or gazetteer.main_timezone(country)
        return ZoneInfo(name) if name else UTC

    return zone_of
