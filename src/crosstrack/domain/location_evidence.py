"""Reading a location text part by part into evidence: country votes and place-name candidates.

Each part of ``SEATTLE, WA, 98101, US, United States, FEDEX_FACILITY`` is classified by its shape
and by what the gazetteer knows about it. Votes (weights documented in
``docs/locations-and-time.md``) go to countries: a written country name or alpha-3 code 3, an
alpha-2 code 2, a country-specific postcode format 2, a subdivision code 1.5 for each country
that has it. ``locations`` then confirms the votes with city look-ups and decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from crosstrack.domain.location_tokens import (
    CODE,
    DESTINATION_PREFIX,
    MACHINE_LABEL,
    NOISE_WORDS,
    STOP_WORDS,
    STREET,
    STREET_WORDS,
    Postcode,
    has_cjk,
    has_hangul,
    has_kana,
    is_noise_key,
    place_key,
    postcode,
    split_postcode,
)
from crosstrack.domain.places import Gazetteer, Place

REGION_COUNTRIES: tuple[str, ...] = ("US", "CA", "AU", "BR")
"""Countries whose carriers write subdivision codes (``TX``, ``ON``, ``NSW``, ``SP``)."""

WRITTEN_NAME_VOTE = 3.0
ALPHA_2_VOTE = 2.0
AMBIGUOUS_ALPHA_2_VOTE = 1.4
"""An alpha-2 code that is also a subdivision code (``GA``, ``IL``, ``DE``, ``CA``): the
subdivision reading (1.5) wins unless a city or another clue backs the country reading."""
FIELD_COUNTRY_VOTE = 4.0
FIELD_REGION_VOTE = 2.0
REGION_VOTE = 1.5
REGION_NAME_VOTE = 1.0
MAX_WORDS = 8
MAX_PARTS = 16
MAX_TEXT = 300
"""Longer texts are read only this far (carriers' location texts are far shorter)."""
MAX_NAME = 60
"""A part longer than this is never taken as a city name as written."""

_CJK_ADMIN_SUFFIXES = "市都府県县区區省"
_PARTS = re.compile(r"\s*(?:[,;|/\\()\[\]，、；【】「」]|\s[-–—]\s)\s*")


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A piece of text that may name a city, and how much a city match of it counts."""

    name: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class FieldHints:
    """What the structured fields (``city``, ``stateOrProvinceCode``, ``countryCode``...) say."""

    country: str | None = None
    region: str | None = None
    city: str | None = None
    postcode: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything read from a location text, before the country is decided."""

    votes: Mapping[str, float]
    written: frozenset[str]
    """Countries whose code or name was written (rather than inferred)."""
    regions: tuple[Place, ...]
    """Subdivisions written as codes (or given in the fields)."""
    named_regions: tuple[Place, ...]
    """Subdivisions written by name (``Queensland``), which may also be a city's name."""
    airports: tuple[Place, ...]
    postcode: Postcode | None
    names: tuple[NameCandidate, ...]
    """Whole parts (and the words before a subdivision code) that may name a city."""
    ngrams: tuple[NameCandidate, ...]
    """Shorter runs of words inside those parts (``Zurich`` in ``Zurich Airport``)."""
    placelike: bool
    """Some part reads like a place name (not only codes and facility words)."""
    city_guess: str | None

    def fallback_city_name(self) -> str | None:
        """The city as written, when the gazetteer does not know it."""
        return self.city_guess


def split_parts(text: str) -> list[str]:
    """Split on commas, semicolons, slashes, brackets and spaced dashes."""
    cleaned = text.replace("\\/", "/")
    return [part for part in _PARTS.split(cleaned) if part and part.strip()]


def field_hints(fields: Mapping[str, Any]) -> FieldHints | None:
    """Pick country, region, city and postcode out of a carrier's structured location fields.

    Keys are matched by their last segment (``scanLocation.stateOrProvinceCode`` ->
    region); keys about another place (``origin...``, ``destination...``) are ignored.
    """
    try:
        return _cached_field_hints(tuple(fields.items()))
    except TypeError:  # an unhashable value somewhere: read it directly
        return _field_hints(fields.items())


def clear_field_hint_cache() -> None:
    """Forget remembered field hints (for cold benchmarks)."""
    _cached_field_hints.cache_clear()


@lru_cache(maxsize=16_384)
def _cached_field_hints(items: tuple[tuple[str, Any], ...]) -> FieldHints | None:
    return _field_hints(items)


def _field_hints(items: Iterable[tuple[str, Any]]) -> FieldHints | None:
    found: dict[str, str] = {}
    for key, value in items:
        if not isinstance(value, str) or not value.strip():
            continue
        lowered = key.lower()
        if any(other in lowered for other in ("origin", "destination", "recipient", "shipper")):
            continue
        role = _field_role(re.split(r"[.@:]", lowered)[-1])
        if role is not None:
            found.setdefault(role, value.strip())
    if not found:
        return None
    return FieldHints(
        country=found.get("country"),
        region=found.get("region"),
        city=found.get("city"),
        postcode=found.get("postcode"),
    )


def _field_role(name: str) -> str | None:
    if "country" in name:
        return "country"
    if "zip" in name or "postal" in name or "postcode" in name or name in ("cep", "plz"):
        return "postcode"
    if "state" in name or "province" in name or "region" in name or name in ("uf", "subd"):
        return "region"
    if "city" in name or "locality" in name or name.endswith("site"):
        return "city"
    if name in ("cidade", "town", "ville", "ort", "ciudad", "miasto"):
        return "city"
    return None


def collect_evidence(text: str, hints: FieldHints | None, gazetteer: Gazetteer) -> Evidence:
    """Read every part of ``text`` (and the field hints) into ``Evidence``."""
    collector = _Collector(gazetteer)
    if hints is not None:
        collector.add_hints(hints)
    for part in split_parts(text[:MAX_TEXT])[:MAX_PARTS]:
        collector.add_part(part.strip())
    return collector.finish(text)


@dataclass
class _Collector:
    gazetteer: Gazetteer
    votes: dict[str, float] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    regions: list[Place] = field(default_factory=list)
    named_regions: list[Place] = field(default_factory=list)
    airports: list[Place] = field(default_factory=list)
    postcode: Postcode | None = None
    names: list[NameCandidate] = field(default_factory=list)
    ngrams: list[NameCandidate] = field(default_factory=list)
    conditional: list[tuple[str, str]] = field(default_factory=list)
    placelike: bool = False
    hint_city: str | None = None
    sub_guess: str | None = None
    part_guess: str | None = None
    meaningful_parts: int = 0
    position: int = 0
    country_names: list[tuple[int, str, str, float]] = field(default_factory=list)
    region_positions: dict[int, set[str]] = field(default_factory=dict)
    ambiguous_codes: list[str] = field(default_factory=list)

    def vote(self, country: str, weight: float, *, written: bool = False) -> None:
        self.votes[country] = self.votes.get(country, 0.0) + weight
        if written:
            self.written.add(country)

    def add_hints(self, hints: FieldHints) -> None:
        if hints.country and (code := self.gazetteer.country_code(hints.country)):
            self.vote(code, FIELD_COUNTRY_VOTE, written=True)
        if hints.region:
            places = self.regions_for(hints.region)
            self.remember_regions(places)
            for place in places:
                self.vote(place.country, FIELD_REGION_VOTE)
        if hints.city:
            self.hint_city = hints.city
            self.names.append(NameCandidate(hints.city, 1.5))
        if hints.postcode and (code_shape := postcode(hints.postcode)) is not None:
            self.add_postcode(code_shape)

    def regions_for(self, code: str) -> list[Place]:
        """Every subdivision with this code or name (``WA``: Washington, Western Australia)."""
        anywhere = self.gazetteer.region(code)
        if anywhere is None:
            return []
        found = [anywhere]
        for country in REGION_COUNTRIES:
            place = self.gazetteer.region(code, country)
            if place is not None and place not in found:
                found.append(place)
        return found

    def remember_regions(self, places: list[Place]) -> None:
        for place in places:
            if place not in self.regions:
                self.regions.append(place)

    def add_postcode(self, shape: Postcode) -> None:
        if shape.prefixed and any(self.gazetteer.country_code(c) != c for c in shape.countries):
            shape = Postcode(shape.value, frozenset(), 0.0)
        for country in shape.countries:
            self.vote(country, shape.weight)
        if self.postcode is None:
            self.postcode = shape

    def add_part(self, part: str) -> None:
        self.position += 1
        key = place_key(part)
        if not key:
            return
        if (shape := postcode(part)) is not None:
            self.add_postcode(shape)
            return
        if MACHINE_LABEL.match(part) or CODE.match(part.upper()):
            return
        shape, rest = split_postcode(part)
        if shape is not None:
            self.add_postcode(shape)
            part, key = rest, place_key(rest)
        if STREET.match(part) or DESTINATION_PREFIX.match(part) or not key:
            return
        if any(word in STREET_WORDS for word in key.split()[1:]) and any(
            ch.isdigit() for ch in part
        ):
            return
        if part.isalpha() and len(part) <= 3:
            self.meaningful_parts += 1
            self.add_short_code(part)
            return
        if is_noise_key(key):
            return
        self.meaningful_parts += 1
        if (country := self.gazetteer.country_code(part)) is not None:
            self.add_country_name(part, key, country)
            return
        head, dash, tail = part.rpartition("-")
        if dash and head and " " not in tail and len(tail) >= 3:
            country = self.gazetteer.country_code(tail)
            if country is not None and (tail.isupper() or len(tail) > 3):
                self.vote(country, WRITTEN_NAME_VOTE, written=True)
                self.add_name(head.strip())
                return
        if len(key) >= 4 and (region := self.gazetteer.region(part)) is not None:
            self.named_regions.append(region)
            self.vote(region.country, REGION_NAME_VOTE)
        self.add_name(part)

    def add_country_name(self, part: str, key: str, country: str) -> None:
        """A country name; weaker when it also names a subdivision (``Georgia``)."""
        region = self.gazetteer.region(part) if len(key) >= 4 else None
        if region is not None and region.country != country:
            self.named_regions.append(region)
            self.vote(region.country, REGION_NAME_VOTE)
            self.vote(country, AMBIGUOUS_ALPHA_2_VOTE, written=True)
            self.country_names.append((self.position, country, part, AMBIGUOUS_ALPHA_2_VOTE))
        else:
            self.vote(country, WRITTEN_NAME_VOTE, written=True)
            self.country_names.append((self.position, country, part, WRITTEN_NAME_VOTE))

    def add_short_code(self, part: str) -> None:
        upper = part.upper()
        regions = self.regions_for(upper)
        self.remember_regions(regions)
        if regions:
            self.region_positions[self.position] = {place.country for place in regions}
        matched = bool(regions)
        for place in regions:
            self.vote(place.country, REGION_VOTE)
        if (country := self.gazetteer.country_code(upper)) is not None:
            weight = WRITTEN_NAME_VOTE if len(upper) == 3 else ALPHA_2_VOTE
            if regions and len(upper) == 2:
                weight = AMBIGUOUS_ALPHA_2_VOTE
                self.ambiguous_codes.append(country)
            self.vote(country, weight, written=True)
            matched = True
        if len(upper) == 3 and part.isupper():
            airport = self.gazetteer.airport(upper)
            if airport is not None:
                self.airports.append(airport)
                matched = True
        if not matched and not part.isupper():
            self.add_name(part)

    def add_name(self, part: str) -> None:
        words = part.split()[:MAX_WORDS]
        if not words:
            return
        all_caps = part.upper() == part
        self.names.append(NameCandidate(" ".join(words)))
        if len(words) >= 2:
            self._leading_country(words, all_caps)
            self._trailing_country(words)
            self._embedded_region(words, all_caps)
            self.ngrams.extend(_ngrams(words, all_caps))
        elif has_cjk(part) and len(part) >= 3 and part[-1] in _CJK_ADMIN_SUFFIXES:
            self.ngrams.append(NameCandidate(part[:-1], 0.75))
        single_short_caps = len(words) == 1 and all_caps and len(words[0]) <= 5
        if not single_short_caps and any(_placelike(w, all_caps) for w in words):
            self.placelike = True
            if (
                self.part_guess is None
                and len(part) <= MAX_NAME
                and not any(place_key(w) in NOISE_WORDS for w in words)
            ):
                self.part_guess = " ".join(words)

    def _leading_country(self, words: list[str], all_caps: bool) -> None:
        first = words[0]
        if not (len(first) == 2 and first.isalpha() and first.isupper()):
            return
        country = self.gazetteer.country_code(first)
        if country is None:
            return
        rest = " ".join(words[1:])
        if all_caps:
            self.conditional.append((country, rest))
        else:
            self.vote(country, ALPHA_2_VOTE, written=True)
            self.names.append(NameCandidate(rest))
            self.sub_guess = self.sub_guess or rest

    def _trailing_country(self, words: list[str]) -> None:
        last = words[-1]
        if not (2 <= len(last) <= 3 and last.isalpha() and last.isupper()):
            return
        country = self.gazetteer.country_code(last)
        if country is not None:
            self.conditional.append((country, " ".join(words[:-1])))

    def _embedded_region(self, words: list[str], all_caps: bool) -> None:
        """``SYDNEY NSW``, ``NEW YORK NY DISTRIBUTION CENTER``: a subdivision code after a name.

        In mixed-case text (``Heathrow Worldwide DC``, ``Stafford DO``) the capitals may be a
        facility code, so the code counts only if the words before it are a city there.
        """
        for index in range(1, len(words)):
            word = words[index]
            if not (word.isalpha() and 2 <= len(word) <= 3 and word.isupper()):
                continue
            if all_caps and index < len(words) - 1 and word.lower() in STOP_WORDS:
                continue
            before = " ".join(words[:index])
            places = [
                place
                for place in self.regions_for(word)
                if all_caps or self.gazetteer.city(before, place.country) is not None
            ]
            if places:
                self.remember_regions(places)
                for place in places:
                    self.vote(place.country, REGION_VOTE)
                self.names.append(NameCandidate(before))
                self.sub_guess = self.sub_guess or before
                return

    def finish(self, text: str) -> Evidence:
        for position, country, part, weight in self.country_names:
            # "JAMAICA, NY 11430": a country name right before another country's subdivision
            # code is a town named after it.
            after = self.region_positions.get(position + 1)
            if after and country not in after:
                self.votes[country] -= weight
                self.add_name(part)
        for country, rest in self.conditional:
            if country in self.votes or self.gazetteer.city(rest, country) is not None:
                self.vote(country, ALPHA_2_VOTE, written=True)
                self.names.append(NameCandidate(rest))
        if has_kana(text):
            self.vote("JP", 1.0)
        elif has_hangul(text):
            self.vote("KR", 1.0)
        elif has_cjk(text):
            self.vote("CN", 0.5)
        if self.meaningful_parts == 1:
            # A code standing alone ("DE", "CA") is more often a country than a subdivision.
            for country in self.ambiguous_codes:
                self.vote(country, ALPHA_2_VOTE - AMBIGUOUS_ALPHA_2_VOTE)
            if self.airports and not self.votes:
                self.vote(self.airports[0].country, 1.0)
        return Evidence(
            votes=self.votes,
            written=frozenset(self.written),
            regions=tuple(self.regions),
            named_regions=tuple(self.named_regions),
            airports=tuple(self.airports),
            postcode=self.postcode,
            names=tuple(self.names),
            ngrams=tuple(self.ngrams),
            placelike=self.placelike,
            city_guess=self.hint_city or self.sub_guess or self.part_guess,
        )


def _placelike(word: str, all_caps: bool) -> bool:
    key = place_key(word)
    if len(key) < 3 or key in NOISE_WORDS or key in STOP_WORDS or not key.isalpha():
        return False
    return all_caps or not (word.isupper() and len(word) <= 4)


def _ngrams(words: list[str], all_caps: bool) -> list[NameCandidate]:
    """Runs of place-like words inside a multi-word part, longest first."""
    runs: list[list[str]] = [[]]
    for word in words:
        key = place_key(word)
        good = (
            len(key) >= 2
            and key.replace(" ", "").isalpha()
            and key not in NOISE_WORDS
            and key not in STOP_WORDS
            and (all_caps or not (word.isupper() and len(word) <= 4))
        )
        if good:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    grams: list[NameCandidate] = []
    full = len(words)
    for size in range(full - 1, 0, -1):
        for run in runs:
            for start in range(len(run) - size + 1):
                gram = run[start : start + size]
                if size == 1 and len(gram[0]) < 4:
                    continue
                grams.append(NameCandidate(" ".join(gram), 0.75))
    return grams
