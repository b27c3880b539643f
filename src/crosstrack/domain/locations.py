"""Carrier location texts (``HOUSTON, TX, 77063``, ``BGY, Bergamo - Italy``) into ``Location``.

The parser splits the text into parts, reads each part's shape (postcode, country code or name,
subdivision code, airport code, facility noise, street, candidate place name), lets every clue
vote for a country, confirms the vote with city look-ups, and then fills city, region, postcode,
coordinates and time zone from what the gazetteer knows. The rules and the fallback to the
carrier's home country are documented in ``docs/locations-and-time.md``.

The module is pure: all knowledge of places comes through the ``Gazetteer`` port.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from crosstrack.domain.location_evidence import (
    REGION_COUNTRIES,
    Evidence,
    FieldHints,
    NameCandidate,
    clear_field_hint_cache,
    collect_evidence,
    field_hints,
)
from crosstrack.domain.location_tokens import numeric_postcode_fits
from crosstrack.domain.model import Location
from crosstrack.domain.places import Gazetteer, Place

STRONG_VOTE = 2.0
"""Votes at or above this (a written country, a country-specific postcode) are not second-guessed
by a world-wide city search."""


CARRIER_PRIOR = 0.6
"""The carrier's home country's vote when the text looks like a place: below a city or a
subdivision code found in the text."""


class CountrySource(StrEnum):
    """Where the country of a parsed location came from (most to least certain)."""

    WRITTEN = "written"
    """A country code or name was written in the text or the structured fields."""
    INFERRED = "inferred"
    """Inferred from a subdivision code, a postcode format, a city or an airport."""
    CARRIER_FALLBACK = "carrier_fallback"
    """Nothing pinned it; the text looked like a place; the carrier's home country was assumed."""
    NONE = "none"
    """Unknown."""


@dataclass(frozen=True, slots=True)
class ParsedLocation:
    """A parsed location and how its country was decided."""

    location: Location
    country_source: CountrySource


class LocationParser:
    """Parses location texts with one gazetteer, remembering recent answers (LRU per text)."""

    def __init__(self, gazetteer: Gazetteer, *, cache_size: int = 65_536) -> None:
        self._gazetteer = gazetteer
        self._cached = lru_cache(maxsize=cache_size)(self._parse)

    def parse(
        self,
        text: str | None,
        *,
        fields: Mapping[str, Any] | None = None,
        carrier_country: str | None = None,
    ) -> Location:
        """The ``Location`` of a carrier's location text (and the fields it was joined from)."""
        return self.parse_detailed(text, fields=fields, carrier_country=carrier_country).location

    def parse_detailed(
        self,
        text: str | None,
        *,
        fields: Mapping[str, Any] | None = None,
        carrier_country: str | None = None,
    ) -> ParsedLocation:
        """Like ``parse``, and say where the country came from."""
        hints = field_hints(fields) if fields else None
        home = carrier_country.strip().upper() if carrier_country else None
        return self._cached(text.strip() if text else None, hints, home or None)

    def cache_clear(self) -> None:
        """Forget remembered answers (after the gazetteer's data changed, or to measure)."""
        self._cached.cache_clear()
        clear_field_hint_cache()

    def _parse(
        self, text: str | None, hints: FieldHints | None, carrier_country: str | None
    ) -> ParsedLocation:
        if not text and hints is None:
            return ParsedLocation(Location(text=text), CountrySource.NONE)
        evidence = collect_evidence(text or "", hints, self._gazetteer)
        return _decide(text, evidence, carrier_country, self._gazetteer)


_PARSERS: dict[int, tuple[Gazetteer, LocationParser]] = {}
_MAX_PARSERS = 16


def _parser_for(gazetteer: Gazetteer) -> LocationParser:
    """One cached parser per gazetteer object (kept alive with it; a handful at most)."""
    entry = _PARSERS.get(id(gazetteer))
    if entry is not None and entry[0] is gazetteer:
        return entry[1]
    if len(_PARSERS) >= _MAX_PARSERS:
        _PARSERS.clear()
    parser = LocationParser(gazetteer)
    _PARSERS[id(gazetteer)] = (gazetteer, parser)
    return parser


def parse_location(
    text: str | None,
    gazetteer: Gazetteer,
    *,
    fields: Mapping[str, Any] | None = None,
    carrier_country: str | None = None,
) -> Location:
    """Parse a carrier location text into a ``Location`` (see ``LocationParser``).

    ``fields`` are the structured fields the text was joined from, when the carrier gave them
    (``{"city": "Bern", "countryCode": "CH"}``); ``carrier_country`` is the carrier's home
    country, used only as a low-confidence fallback when the text names no recognisable country
    but looks like a place (``Sklep Żabka`` from Poczta Polska is in Poland).
    """
    return _parser_for(gazetteer).parse(text, fields=fields, carrier_country=carrier_country)


def _decide(
    text: str | None, evidence: Evidence, carrier_country: str | None, gazetteer: Gazetteer
) -> ParsedLocation:
    votes = dict(evidence.votes)
    city = _confirm_with_cities(evidence, votes, carrier_country, gazetteer)
    prior_only = False
    if evidence.placelike and carrier_country is not None and votes.get(carrier_country, 0) <= 0:
        votes[carrier_country] = CARRIER_PRIOR
        prior_only = True
    country = _winner(votes, carrier_country)
    source = CountrySource.NONE
    if country is not None and prior_only and country == carrier_country:
        source = CountrySource.CARRIER_FALLBACK
    elif country is not None:
        source = CountrySource.WRITTEN if country in evidence.written else CountrySource.INFERRED
    if country is None:
        return ParsedLocation(
            Location(text=text, city=evidence.fallback_city_name()), CountrySource.NONE
        )
    if city is None or city.country != country:
        city = _find_city(evidence, country, gazetteer)
    region = next((place for place in evidence.regions if place.country == country), None)
    if city is not None and region is not None and city.region not in (None, region.region):
        city = None  # a namesake in another state: keep the written name, use the state's zone
    if region is None and city is None:
        region = next((p for p in evidence.named_regions if p.country == country), None)
    airport = next((place for place in evidence.airports if place.country == country), None)
    anchor = city or airport
    timezone = (
        (city.timezone if city else None)
        or (airport.timezone if airport else None)
        or (region.timezone if region else None)
        or gazetteer.country_timezone(country)
    )
    return ParsedLocation(
        Location(
            text=text,
            city=anchor.name if anchor else evidence.fallback_city_name(),
            region=(region.region or region.name) if region else (city.region if city else None),
            postcode=_postcode(evidence, country),
            country=country,
            latitude=anchor.latitude if anchor else None,
            longitude=anchor.longitude if anchor else None,
            timezone=timezone,
        ),
        source,
    )


def _confirm_with_cities(
    evidence: Evidence, votes: dict[str, float], carrier_country: str | None, gazetteer: Gazetteer
) -> Place | None:
    """Add a vote for each country where a named part is a known city; return the first found.

    Candidate countries (those with votes) are searched first. When none of them has such a
    city and no strong clue was written, the carrier's home country and then the whole world
    (the most populous city of that name) are searched.
    """
    candidates = sorted((c for c, v in votes.items() if v > 0), key=lambda c: -votes[c])[:4]
    first = _city_votes(evidence, votes, candidates, carrier_country, gazetteer)
    if first is None and max(votes.values(), default=0.0) < STRONG_VOTE:
        first = _city_votes(evidence, votes, [], carrier_country, gazetteer)
    if evidence.postcode is not None and evidence.postcode.value.isdigit():
        for country in [c for c, v in votes.items() if v > 0]:
            if numeric_postcode_fits(evidence.postcode.value, country):
                votes[country] += 0.3
    return first


def _city_votes(
    evidence: Evidence,
    votes: dict[str, float],
    candidates: list[str],
    carrier_country: str | None,
    gazetteer: Gazetteer,
) -> Place | None:
    first: Place | None = None
    for names in (evidence.names, evidence.ngrams):
        for candidate in names:
            if candidates:
                places = [p for c in candidates if (p := gazetteer.city(candidate.name, c))]
                weights = [candidate.weight] * len(places)
            else:
                place = (
                    gazetteer.city(candidate.name, carrier_country) if carrier_country else None
                ) or gazetteer.city(candidate.name)
                places = [place] if place is not None else []
                weights = [candidate.weight]
            for place, weight in zip(places, weights, strict=False):
                votes[place.country] = votes.get(place.country, 0.0) + _city_weight(
                    place, weight, evidence
                )
                first = first or place
        if first is not None:
            return first
    return None


def _city_weight(place: Place, weight: float, evidence: Evidence) -> float:
    """A city in the written subdivision counts double; a namesake in another one, half."""
    written = [r.region for r in evidence.regions if r.country == place.country]
    if not written or place.region is None:
        return weight
    return weight * 2 if place.region in written else weight / 2


def _winner(votes: Mapping[str, float], carrier_country: str | None) -> str | None:
    best = max(votes.values(), default=0.0)
    if best <= 0:
        return None
    tied = [country for country, vote in votes.items() if vote == best]
    if carrier_country in tied:
        return carrier_country
    return tied[0]


def _find_city(evidence: Evidence, country: str, gazetteer: Gazetteer) -> Place | None:
    for candidate in (*evidence.names, *evidence.ngrams):
        place = gazetteer.city(candidate.name, country)
        if place is not None:
            return place
    return None


def _postcode(evidence: Evidence, country: str) -> str | None:
    code = evidence.postcode
    if code is None:
        return None
    if code.countries and country not in code.countries:
        return None
    return code.value


__all__ = [
    "REGION_COUNTRIES",
    "CountrySource",
    "LocationParser",
    "NameCandidate",
    "ParsedLocation",
    "parse_location",
]
