"""A fake gazetteer: places given in code, looked up like the real offline one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from crosstrack.domain.location_tokens import place_key
from crosstrack.domain.places import Place

# fmt: off
_SAMPLE_COUNTRIES = {
    "Switzerland": "CH", "CHE": "CH", "Schweiz": "CH",
    "Germany": "DE", "DEU": "DE", "Deutschland": "DE", "Allemagne": "DE",
    "United States": "US", "USA": "US",
    "Canada": "CA", "CAN": "CA",
    "Australia": "AU", "AUS": "AU",
    "Brazil": "BR", "Brasil": "BR",
    "Italy": "IT", "Italia": "IT",
    "United Kingdom": "GB", "UK": "GB", "GBR": "GB",
    "France": "FR", "Poland": "PL", "Polska": "PL", "Netherlands": "NL",
    "Japan": "JP", "China": "CN", "中国": "CN", "Gabon": "GA", "Israel": "IL",
    "Jamaica": "JM", "JAM": "JM", "Mexico": "MX", "New Zealand": "NZ", "Georgia": "GE",
}
_SAMPLE_ZONES = {
    "CH": "Europe/Zurich", "DE": "Europe/Berlin", "IT": "Europe/Rome",
    "GB": "Europe/London", "FR": "Europe/Paris", "PL": "Europe/Warsaw",
    "NL": "Europe/Amsterdam", "JP": "Asia/Tokyo", "CN": "Asia/Shanghai",
    "JM": "America/Jamaica", "BR": "America/Sao_Paulo", "NZ": "Pacific/Auckland",
}
# fmt: on


class InMemoryGazetteer:
    """A ``Gazetteer`` answered from a few places given in code.

    * ``countries``: names and codes (any language, any case) -> ISO alpha-2. Every alpha-2
      code that appears as a value also answers for itself.
    * ``cities``: ``Place`` values, most preferred first (the real gazetteer prefers the most
      populous city of a name).
    * ``regions``: ``Place`` values whose ``region`` is the subdivision code (``"NSW"``); they
      answer to that code and to their name.
    * ``airports``: IATA code -> ``Place``.
    * ``country_zones``: alpha-2 -> IANA zone, for countries with one zone.

    Look-ups ignore case, accents and punctuation like the real one. Identity-hashable.
    """

    def __init__(
        self,
        *,
        countries: Mapping[str, str] | None = None,
        cities: Iterable[Place] = (),
        regions: Iterable[Place] = (),
        airports: Mapping[str, Place] | None = None,
        country_zones: Mapping[str, str] | None = None,
    ) -> None:
        self._countries: dict[str, str] = {}
        for name, code in (countries or {}).items():
            self._countries[place_key(name)] = code.upper()
            self._countries.setdefault(place_key(code), code.upper())
        self._cities: dict[str, list[Place]] = {}
        for place in cities:
            self._cities.setdefault(place_key(place.name), []).append(place)
        self._regions: dict[str, list[Place]] = {}
        for place in regions:
            for key in {place_key(place.name), place_key(place.region or place.name)}:
                self._regions.setdefault(key, []).append(place)
        self._airports = {code.upper(): place for code, place in (airports or {}).items()}
        self._zones = {code.upper(): zone for code, zone in (country_zones or {}).items()}

    def country_code(self, text: str) -> str | None:
        """ISO alpha-2 code for a known country name or code."""
        return self._countries.get(place_key(text))

    def airport(self, iata: str) -> Place | None:
        """The airport with this IATA code, if given."""
        return self._airports.get(iata.strip().upper())

    def city(self, name: str, country: str | None = None) -> Place | None:
        """The first given city of this name (in ``country`` when given)."""
        return _first(self._cities.get(place_key(name), ()), country)

    def region(self, code_or_name: str, country: str | None = None) -> Place | None:
        """The first given subdivision with this code or name (in ``country`` when given)."""
        return _first(self._regions.get(place_key(code_or_name), ()), country)

    def country_timezone(self, country: str) -> str | None:
        """The zone given for this country."""
        return self._zones.get(country.upper())

    @classmethod
    def sample(cls) -> InMemoryGazetteer:
        """A small world for examples and tests: a dozen countries, cities, regions, airports."""
        return cls(
            countries=_SAMPLE_COUNTRIES,
            cities=[
                Place("Bern", "CH", "Europe/Zurich", 46.95, 7.45, "BE"),
                Place("Zurich", "CH", "Europe/Zurich", 47.37, 8.55, "ZH"),
                Place("Berlin", "DE", "Europe/Berlin", 52.52, 13.40),
                Place("Leipzig", "DE", "Europe/Berlin", 51.34, 12.37),
                Place("Houston", "US", "America/Chicago", 29.76, -95.36, "TX"),
                Place("New York", "US", "America/New_York", 40.71, -74.01, "NY"),
                Place("Jersey City", "US", "America/New_York", 40.73, -74.08, "NJ"),
                Place("Columbus", "US", "America/New_York", 39.96, -83.00, "OH"),
                Place("Atlanta", "US", "America/New_York", 33.75, -84.39, "GA"),
                Place("Washington", "US", "America/New_York", 38.90, -77.04, "DC"),
                Place("Tbilisi", "GE", "Asia/Tbilisi", 41.69, 44.83),
                Place("Toronto", "CA", "America/Toronto", 43.70, -79.42, "ON"),
                Place("Sydney", "AU", "Australia/Sydney", -33.87, 151.21, "NSW"),
                Place("Sao Paulo", "BR", "America/Sao_Paulo", -23.55, -46.64, "SP"),
                Place("Bergamo", "IT", "Europe/Rome", 45.69, 9.67),
                Place("Milan", "IT", "Europe/Rome", 45.46, 9.19),
                Place("London", "GB", "Europe/London", 51.51, -0.13, "ENG"),
                Place("Stafford", "GB", "Europe/London", 52.81, -2.12, "ENG"),
                Place("Stafford", "US", "America/Chicago", 29.62, -95.56, "TX"),
                Place("Paris", "FR", "Europe/Paris", 48.85, 2.35),
                Place("Paris", "US", "America/Chicago", 33.66, -95.56, "TX"),
                Place("Wroclaw", "PL", "Europe/Warsaw", 51.10, 17.03),
                Place("Amsterdam", "NL", "Europe/Amsterdam", 52.37, 4.89),
                Place("Kingston", "JM", "America/Jamaica", 17.99, -76.79),
                Place("Shenzhen", "CN", "Asia/Shanghai", 22.55, 114.07),
                Place("深圳", "CN", "Asia/Shanghai", 22.55, 114.07),
            ],
            regions=[
                Place("Texas", "US", "America/Chicago", region="TX"),
                Place("New York", "US", "America/New_York", region="NY"),
                Place("New Jersey", "US", "America/New_York", region="NJ"),
                Place("Ohio", "US", "America/New_York", region="OH"),
                Place("California", "US", "America/Los_Angeles", region="CA"),
                Place("Washington", "US", "America/Los_Angeles", region="WA"),
                Place("Georgia", "US", "America/New_York", region="GA"),
                Place("Illinois", "US", "America/Chicago", region="IL"),
                Place("Florida", "US", "America/New_York", region="FL"),
                Place("Delaware", "US", "America/New_York", region="DE"),
                Place("District of Columbia", "US", "America/New_York", region="DC"),
                Place("Ontario", "CA", "America/Toronto", region="ON"),
                Place("Quebec", "CA", "America/Toronto", region="QC"),
                Place("New South Wales", "AU", "Australia/Sydney", region="NSW"),
                Place("Western Australia", "AU", "Australia/Perth", region="WA"),
                Place("São Paulo", "BR", "America/Sao_Paulo", region="SP"),
            ],
            airports={
                "BGY": Place("Bergamo", "IT", "Europe/Rome", 45.67, 9.70),
                "KIN": Place("Kingston", "JM", "America/Jamaica", 17.94, -76.79),
                "LHR": Place("London", "GB", "Europe/London", 51.47, -0.45),
                "MEL": Place("Melbourne", "AU", "Australia/Melbourne", -37.67, 144.84),
            },
            country_zones=_SAMPLE_ZONES,
        )


def _first(places: Iterable[Place], country: str | None) -> Place | None:
    wanted = country.upper() if country else None
    return next((place for place in places if wanted is None or place.country == wanted), None)
