"""A country's postal rules as values, and the pure readings that use them.

:class:`CountryRules` is what an address check needs to know about a destination: which
fields its addresses need, the shape of its postcodes, and its subdivisions (states,
provinces, prefectures; in a few countries their cities) with the postcode prefixes that
belong to each where the data has them. An adapter fills it from a data package
(``crosstrack.geo.addresses``); here it is only read: a postcode written the post's way
(:func:`canonical_postcode`), a subdivision found by any of its names
(:func:`find_subdivision`) or guessed from a near miss (:func:`closest_subdivision`), and
which subdivisions a postcode belongs to (:func:`subdivisions_of_postcode`). Pure.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosstrack.domain.writing_scripts import Script, scripts_in


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A state, province or prefecture (or, one level down, a city) of a country."""

    key: str
    """As the country's post writes it (US ``CA``, BR ``SP``, JP ``東京都``)."""
    names: tuple[str, ...]
    """Every name it is known by: the key, local names, Latin names, other languages'."""
    latin_name: str | None = None
    """Its name in Latin letters when the key is in another script (JP ``Tokyo``)."""
    postcode_prefix: str | None = None
    """A regular expression every postcode of it starts with, where the data has one."""
    cities: tuple[Subdivision, ...] = ()
    """Its cities that have a postcode prefix of their own (KR, TW and parts of CN)."""


@dataclass(frozen=True, slots=True)
class CountryRules:
    """What a destination's addresses need (from the adapter's data)."""

    country: str
    """ISO 3166-1 alpha-2."""
    name: str
    """In English, for messages."""
    has_region: bool = False
    has_city: bool = True
    has_postcode: bool = False
    region_required: bool = False
    city_required: bool = False
    postcode_required: bool = False
    postcode_pattern: str | None = None
    """A regular expression a whole postcode matches (upper case)."""
    postcode_examples: tuple[str, ...] = ()
    """Real postcodes as the post writes them: their layout is the canonical one."""
    postcode_label: str = "postcode"
    region_label: str = "region"
    city_label: str = "city"
    regions: tuple[Subdivision, ...] = ()

    def cities(self) -> tuple[Subdivision, ...]:
        """Every city with a postcode prefix, of every region."""
        return tuple(city for region in self.regions for city in region.cities)


#: The codes European senders put before a postcode ("D-10115", "F-75001"), besides ISO's.
_VEHICLE_CODES = {
    "DE": "D", "FR": "F", "AT": "A", "IT": "I", "BE": "B", "LU": "L", "SE": "S", "NO": "N",
    "ES": "E", "PT": "P", "HU": "H", "FI": "FIN", "SI": "SLO", "IE": "IRL", "DK": "DK",
    "CH": "CH", "LI": "FL", "MC": "MC", "HR": "HR", "PL": "PL", "CZ": "CZ", "SK": "SK",
    "NL": "NL", "GR": "GR", "RO": "RO", "BG": "BG", "LT": "LT", "LV": "LV", "EE": "EST",
}  # fmt: skip
_COUNTRY_PREFIX = re.compile(r"^([A-Z]{1,3})\s*-\s*|^([A-Z]{1,3})\s+(?=\d)")


def postcode_fits(text: str, rules: CountryRules) -> bool:
    """Whether ``text`` is a whole postcode of the country as written (upper case)."""
    pattern = rules.postcode_pattern
    return bool(pattern) and re.fullmatch(f"(?:{pattern})", text) is not None


def canonical_postcode(text: str, rules: CountryRules) -> str | None:
    """``text`` as the country's post writes the postcode (``sw1a1aa`` -> ``SW1A 1AA``,
    ``1540023`` -> ``154-0023``, ``D-10115`` -> ``10115``), or ``None`` when no such
    reading of it is a postcode of the country."""
    if not rules.postcode_pattern:
        return None
    given = " ".join(text.upper().split())
    found = _laid_out(given, rules)
    if found is None:
        prefix = _COUNTRY_PREFIX.match(given)
        code = prefix and (prefix.group(1) or prefix.group(2))
        if prefix and code in (rules.country, _VEHICLE_CODES.get(rules.country)):
            found = _laid_out(given[prefix.end() :], rules)
    return found


def zero_padded_postcode(text: str, rules: CountryRules) -> str | None:
    """A digits-only postcode that lost its leading zeros (a spreadsheet's doing: ``2134`` for
    Boston's ``02134``), restored, when that makes it one of the country's."""
    digits = "".join(text.split())
    if not digits.isdigit():
        return None
    for example in rules.postcode_examples:
        length = len(_compact(example))
        if len(digits) < length:
            found = _laid_out(digits.zfill(length), rules)
            if found is not None:
                return found
    return None


def _compact(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _shape(text: str) -> str:
    return "".join("9" if ch.isdigit() else "A" for ch in text)


def _laid_out(given: str, rules: CountryRules) -> str | None:
    """The first of: ``given`` laid out like an example of the same length and shape, like
    one of the same length, as given, and without separators; that is a postcode."""
    compact = _compact(given)
    same_length = [e for e in rules.postcode_examples if len(_compact(e)) == len(compact)]
    same_length.sort(key=lambda e: _shape(_compact(e)) != _shape(compact))
    candidates = [_like(compact, example) for example in same_length]
    for candidate in (*candidates, given, compact):
        if candidate and postcode_fits(candidate, rules):
            return candidate
    return None


def _like(compact: str, example: str) -> str:
    """``compact`` with the separators of ``example`` at the same places."""
    out, chars = [], iter(compact)
    for ch in example.upper():
        out.append(next(chars, "") if ch.isalnum() else ch)
    return "".join(out)


def in_subdivision(postcode: str, place: Subdivision) -> bool | None:
    """Whether a (canonical) postcode belongs to ``place``; ``None`` when there is no data."""
    if not place.postcode_prefix:
        return None
    return re.match(f"(?:{place.postcode_prefix})", postcode) is not None


def subdivisions_of_postcode(postcode: str, places: Sequence[Subdivision]) -> list[Subdivision]:
    """The places a (canonical) postcode belongs to, by their prefixes."""
    return [place for place in places if in_subdivision(postcode, place)]


def _key(text: str) -> str:
    """A name folded for comparison: case, accents, spaces and punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in unicodedata.normalize("NFC", kept) if ch.isalnum())


#: Words for "province", "city" and the like that names carry or leave off ("Beijing Shi",
#: "Gyeonggi-do", "東京都"): compared without them when the full names do not match.
_LATIN_SUFFIX = re.compile(
    r"[\s\-]+(shi|sheng|\w*zizhiqu|city|province|prefecture|state|county|region|oblast|"
    r"krai|kray|do|to|fu|ken|si|gun|gu)$",
    re.IGNORECASE,
)
_CJK_SUFFIXES = ("特别行政区", "特別行政區", "自治区", "省", "市", "都", "府", "県", "县", "道")
_HANGUL_SUFFIXES = ("특별자치시", "특별자치도", "특별시", "광역시", "도")


_LATIN_PREFIX = re.compile(r"^(co\.?|county)\s+", re.IGNORECASE)


def _bare(text: str) -> str:
    name = _LATIN_SUFFIX.sub("", _LATIN_PREFIX.sub("", text.strip()))
    for suffix in (*_CJK_SUFFIXES, *_HANGUL_SUFFIXES):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            name = name[: -len(suffix)]
            break
    return _key(name)


@functools.lru_cache(maxsize=16_384)  # the data's ~2,000 subdivisions, by two folds
def _folded(names: tuple[str, ...], fold: Callable[[str], str]) -> tuple[str, ...]:
    """``names`` folded, each once: a country's places are the same at every check."""
    return tuple(dict.fromkeys(fold(n) for n in names))


def find_subdivision(name: str, places: Sequence[Subdivision]) -> Subdivision | None:
    """The one place ``name`` names: by any of its names, ignoring case, accents and
    punctuation, else ignoring words such as "province" too; ``None`` if none or several."""
    for fold in (_key, _bare):
        wanted = fold(name)
        if not wanted:
            return None
        found = {p.key: p for p in places if wanted in _folded(p.names, fold)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None


def closest_subdivision(name: str, places: Sequence[Subdivision]) -> Subdivision | None:
    """The one place ``name`` most likely meant (a near spelling, or the start of only one
    place's name), when that is obvious; else ``None``."""
    wanted = _key(name)
    if len(wanted) < 3:
        return None
    by_name = {n: p for p in places for n in _folded(p.names, _key) if n}
    close = difflib.get_close_matches(wanted, list(by_name), n=3, cutoff=0.8)
    found = {by_name[n].key: by_name[n] for n in close}
    if not found:
        found = {p.key: p for n, p in by_name.items() if n.startswith(wanted)}
    return next(iter(found.values())) if len(found) == 1 else None


def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin (true of a text without letters)."""
    return scripts_in(text) <= {Script.LATIN}


def written_for(place: Subdivision, given: str) -> str:
    """How to write ``place`` for an address written like ``given``: its key, unless the key
    is in another script than a Latin ``given`` (then its Latin name)."""
    if is_latin(place.key) or not is_latin(given):
        return place.key
    return place.latin_name or place.key


def named(place: Subdivision, given: str) -> str:
    """``place`` for a message: its key, with a fuller name when the key is a code."""
    written = written_for(place, given)
    fuller = next((n for n in place.names if len(n) > len(written) and is_latin(n)), None)
    return f"{fuller} ({written})" if fuller and len(written) <= 3 else written
