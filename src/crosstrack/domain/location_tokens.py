"""The small vocabularies a location parser needs: place keys, postcodes and noise words.

Everything here is about the *shape* of a token (is it a Canadian postcode? a facility word?),
never about which place it names: that is the gazetteer's job. The same ``place_key`` folding
is used by the gazetteer adapters so that both sides compare the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
# Punctuation dropped (``St. Louis``) or read as a space (``Sainte-Foy``, ``A/B``).
_PUNCTUATION = str.maketrans({**dict.fromkeys(".'’`´\"", None), **dict.fromkeys("-_/,;:()[]", " ")})
# Letters that NFKD does not decompose but that people (and carriers) type without marks.
_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th"}
)


def place_key(text: str) -> str:
    """Fold a place name for look-ups: case, Latin accents, punctuation and spacing ignored.

    ``"Kraków"``, ``"KRAKOW"`` and ``"krakow "`` share a key; ``"Sainte-Foy"`` and
    ``"SAINTE FOY"`` too; ``"St. Louis"`` becomes ``"st louis"``. Other scripts are kept.
    """
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        folded = unicodedata.normalize("NFC", _COMBINING_MARKS.sub("", decomposed))
        folded = folded.translate(_EXTRA_FOLDS)
    return " ".join(folded.translate(_PUNCTUATION).split())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Postcode:
    """A token shaped like a postcode, and the countries whose format it fits."""

    value: str
    countries: frozenset[str]
    """Countries this format points to on its own (empty for a bare number)."""
    weight: float
    """How strongly the format alone points to those countries."""
    prefixed: bool = False
    """Written with a country prefix (``US-60199``); the prefix still has to be checked."""


_CA = re.compile(r"^([A-Z]\d[A-Z]) ?(\d[A-Z]\d)$")
_GB = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$")
_NL = re.compile(r"^(\d{4}) ?([A-Z]{2})$")
_BR = re.compile(r"^\d{5}-\d{3}$")
_US_PLUS4 = re.compile(r"^(\d{5})-?(\d{4})$")
_PL = re.compile(r"^\d{2}-\d{3}$")
_JP = re.compile(r"^\d{3}-\d{4}$")
_NUMERIC = re.compile(r"^\d{3,7}$")
_PREFIXED = re.compile(r"^([A-Z]{2})-?(\d[\d-]{2,})$")

# Which countries write bare numeric postcodes of each length (to break ties between the
# candidate countries of a text; a bare number never picks a country by itself).
NUMERIC_POSTCODE_COUNTRIES: dict[int, frozenset[str]] = {
    4: _words("AT AU BE BG CH CY DK GE HU LU LV MK NO NZ PH SI TN ZA"),
    5: _words("US DE FR IT ES MX FI HR TR MY TH ID UA EG MA EE LT SA KR GT"),
    6: _words("CN IN RU SG KZ BY VN RO CO EC"),
    7: _words("JP IL"),
}


def postcode(token: str) -> Postcode | None:
    """Recognise a postcode by its shape (``L5T1R8``, ``1012AB``, ``99301-1234``, ``37400``).

    A country prefix (``US-60199``, ``CN370112005000``) is returned as a postcode pointing to
    that prefix; the caller checks that the prefix is a real country code.
    """
    text = token.strip().upper()
    if (m := _CA.match(text)) is not None:
        return Postcode(f"{m[1]} {m[2]}", frozenset({"CA"}), 2.0)
    if _NL.match(text) is not None:
        return Postcode(text.replace(" ", ""), frozenset({"NL"}), 2.0)
    if (m := _GB.match(text)) is not None:
        return Postcode(f"{m[1]} {m[2]}", frozenset({"GB"}), 2.0)
    if _BR.match(text) is not None:
        return Postcode(text, frozenset({"BR"}), 2.0)
    if (m := _US_PLUS4.match(text)) is not None and len(text) in (9, 10):
        return Postcode(f"{m[1]}-{m[2]}", frozenset({"US"}), 1.0)
    if _PL.match(text) is not None:
        return Postcode(text, frozenset({"PL"}), 1.0)
    if _JP.match(text) is not None:
        return Postcode(text, frozenset({"JP"}), 1.0)
    if _NUMERIC.match(text) is not None:
        return Postcode(text, frozenset(), 0.0)
    if (m := _PREFIXED.match(text)) is not None:
        return Postcode(m[2], frozenset({m[1]}), 2.0, prefixed=True)
    return None


def numeric_postcode_fits(code: str, country: str) -> bool:
    """Whether a bare numeric postcode has the length that ``country`` uses."""
    return code.isdigit() and country in NUMERIC_POSTCODE_COUNTRIES.get(len(code), frozenset())


# Words that describe a facility, a process or a role rather than a place, in the languages
# carriers write. A part made only of these (``Transit Scan``, ``CUSTOMER``) is not a place.
NOISE_WORDS: frozenset[str] = _words(
    """
    airport apt aeroport aeropuerto aeroporto flughafen lotnisko hub hubs gateway center
    centre centro centrum zentrum central centrale centralna facility facilities depot
    station terminal warehouse building office agency agence delivery deliveries pickup pick
    up posting drop dropoff distribution network sort sorting processing parcel parcels
    package packages mail international domestic transit scan scanned enroute route vehicle
    truck van origin destination location locations arrival departure export import customs
    customer customers recipient sender shipper consignee address service services web
    online system systems edi database data baza danych datenbank unknown none null
    available left ctr ctc cdd cte ndc isc wer plant unit dept fedex ups usps dhl dpd gls
    tnt chronopost colissimo laposte royal group ltd inc llc sklep shop store magasin laden
    tienda loja punto point points paczkomat packstation filiale agencia oficina bureau
    poste post postal successful success delivered sent received plateforme courrier colis
    paketzentrum briefzentrum zustellbasis sorteercentrum distributiecentrum worldwide
    """
)
# Short words that only count as noise next to other words (``IN``, ``ON`` and ``DE`` alone are
# codes of places).
STOP_WORDS: frozenset[str] = _words(
    "a at de du des la le of the in on en to n na not und et y e i w z"
)

# Words that make a part a street address rather than a place name.
STREET_WORDS: frozenset[str] = _words(
    """
    st street rd road ave avenue av blvd boulevard ln lane dr drive way hwy highway pkwy
    parkway ct court pl place sq square suite ste floor fl unit apt box po pob strasse str
    weg platz gasse rue chemin allee calle avenida rua travessa ul ulica via viale
    """
)


def split_postcode(part: str) -> tuple[Postcode | None, str]:
    """Separate a postcode written inside a part: ``75001 PARIS``, ``Berlin 10115``,
    ``Milton Keynes MK7 8LF``, ``DE-10115 Berlin``. Street addresses are left whole."""
    words = part.split()
    if len(words) < 2:
        return None, part
    if len(words) >= 3:
        shape = postcode(" ".join(words[-2:]))
        if shape is not None and shape.countries and not shape.prefixed:
            return shape, " ".join(words[:-2])
    shape = postcode(words[-1])
    if shape is not None and _long_enough(words[-1]):
        return shape, " ".join(words[:-1])
    shape = postcode(words[0])
    rest = words[1:]
    if (
        shape is not None
        and _long_enough(words[0])
        and not any(place_key(word) in STREET_WORDS for word in rest)
        and not any(ch.isdigit() for word in rest for ch in word)
    ):
        return shape, " ".join(rest)
    return None, part


def _long_enough(token: str) -> bool:
    """Bare numbers shorter than four digits are house or unit numbers, not postcodes."""
    return not token.isdigit() or len(token) >= 4


# A machine label rather than a place: ``DELIVERY_LOCATION``, ``FEDEX_FACILITY``.
MACHINE_LABEL = re.compile(r"^[A-Z]+(?:_[A-Z]+)+$")
# A house number then a street (``6703 NW 7TH ST``): never a city.
STREET = re.compile(r"^\d+[A-Z]?\s+\S+", re.IGNORECASE)
# An opaque code: letters and digits mixed (``T00``, ``BWY81``), or digits alone.
CODE = re.compile(r"^(?=.*\d)[A-Z0-9]{1,14}$")
# Words that say the place that follows is where the parcel is going, not where it is.
DESTINATION_PREFIX = re.compile(r"^(?:.*\s)?(?:to|towards|nach|vers|naar|para|verso)\s+", re.I)


def is_noise_key(key: str) -> bool:
    """Whether a folded part says nothing about a place (``transit scan``, ``customer``).

    A single word must be a noise word; several words may also include stop words.
    """
    words = key.split()
    if len(words) == 1:
        return words[0] in NOISE_WORDS
    return all(word in NOISE_WORDS or word in STOP_WORDS for word in words)


def has_cjk(text: str) -> bool:
    """Whether the text contains Han ideographs (used only as a weak hint for China)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def has_kana(text: str) -> bool:
    """Whether the text contains Japanese kana."""
    return any("\u3040" <= ch <= "\u30ff" for ch in text)


def has_hangul(text: str) -> bool:
    """Whether the text contains Korean Hangul syllables."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)
