"""Which writing system a text's letters are in, and which ones a destination's carriers read.

A parcel's label is read by people and machines at the destination: an address in Cyrillic
for Germany, or in Han characters for Brazil, is a puzzle for the carrier that delivers it.
:func:`scripts_in` classifies the *letters* of a text by Unicode script, from the code point
blocks of the Unicode standard (digits, punctuation and spaces belong to every script and are
ignored); :data:`READABLE` says which scripts besides Latin each destination's carriers read.
Latin is read everywhere: the Universal Postal Union's regulations ask for international
addresses in Latin letters and Arabic numerals (the destination's own script may be added).
Pure.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Mapping
from enum import StrEnum


class Script(StrEnum):
    """A writing system (Unicode script names, lower case)."""

    LATIN = "latin"
    GREEK = "greek"
    CYRILLIC = "cyrillic"
    ARMENIAN = "armenian"
    GEORGIAN = "georgian"
    HEBREW = "hebrew"
    ARABIC = "arabic"
    SYRIAC = "syriac"
    THAANA = "thaana"
    DEVANAGARI = "devanagari"
    BENGALI = "bengali"
    GURMUKHI = "gurmukhi"
    GUJARATI = "gujarati"
    ORIYA = "oriya"
    TAMIL = "tamil"
    TELUGU = "telugu"
    KANNADA = "kannada"
    MALAYALAM = "malayalam"
    SINHALA = "sinhala"
    THAI = "thai"
    LAO = "lao"
    TIBETAN = "tibetan"
    MYANMAR = "myanmar"
    KHMER = "khmer"
    MONGOLIAN = "mongolian"
    ETHIOPIC = "ethiopic"
    HANGUL = "hangul"
    HIRAGANA = "hiragana"
    KATAKANA = "katakana"
    BOPOMOFO = "bopomofo"
    HAN = "han"


#: The names the messages use (English).
NAMES: Mapping[Script, str] = {
    script: {
        Script.HAN: "Chinese characters (Han)",
        Script.HIRAGANA: "Japanese kana (Hiragana)",
        Script.KATAKANA: "Japanese kana (Katakana)",
        Script.HANGUL: "Korean Hangul",
    }.get(script, script.value.capitalize())
    for script in Script
}

_S = Script
#: (first, last code point, script) of the blocks whose letters are of one script, in order.
_BLOCKS: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x024F, _S.LATIN), (0x0250, 0x02AF, _S.LATIN),
    (0x0370, 0x03FF, _S.GREEK), (0x0400, 0x052F, _S.CYRILLIC), (0x0530, 0x058F, _S.ARMENIAN),
    (0x0590, 0x05FF, _S.HEBREW), (0x0600, 0x06FF, _S.ARABIC), (0x0700, 0x074F, _S.SYRIAC),
    (0x0750, 0x077F, _S.ARABIC), (0x0780, 0x07BF, _S.THAANA), (0x08A0, 0x08FF, _S.ARABIC),
    (0x0900, 0x097F, _S.DEVANAGARI), (0x0980, 0x09FF, _S.BENGALI),
    (0x0A00, 0x0A7F, _S.GURMUKHI), (0x0A80, 0x0AFF, _S.GUJARATI), (0x0B00, 0x0B7F, _S.ORIYA),
    (0x0B80, 0x0BFF, _S.TAMIL), (0x0C00, 0x0C7F, _S.TELUGU), (0x0C80, 0x0CFF, _S.KANNADA),
    (0x0D00, 0x0D7F, _S.MALAYALAM), (0x0D80, 0x0DFF, _S.SINHALA), (0x0E00, 0x0E7F, _S.THAI),
    (0x0E80, 0x0EFF, _S.LAO), (0x0F00, 0x0FFF, _S.TIBETAN), (0x1000, 0x109F, _S.MYANMAR),
    (0x10A0, 0x10FF, _S.GEORGIAN), (0x1100, 0x11FF, _S.HANGUL), (0x1200, 0x139F, _S.ETHIOPIC),
    (0x1780, 0x17FF, _S.KHMER), (0x1800, 0x18AF, _S.MONGOLIAN),
    (0x1C80, 0x1C8F, _S.CYRILLIC), (0x1C90, 0x1CBF, _S.GEORGIAN),
    (0x1E00, 0x1EFF, _S.LATIN), (0x1F00, 0x1FFF, _S.GREEK),
    (0x2C60, 0x2C7F, _S.LATIN), (0x2D00, 0x2D2F, _S.GEORGIAN), (0x2DE0, 0x2DFF, _S.CYRILLIC),
    (0x2E80, 0x2FDF, _S.HAN), (0x3005, 0x3007, _S.HAN), (0x3021, 0x3029, _S.HAN),
    (0x3041, 0x309F, _S.HIRAGANA), (0x30A0, 0x30FF, _S.KATAKANA),
    (0x3100, 0x312F, _S.BOPOMOFO), (0x3130, 0x318F, _S.HANGUL), (0x31A0, 0x31BF, _S.BOPOMOFO),
    (0x31F0, 0x31FF, _S.KATAKANA), (0x3400, 0x4DBF, _S.HAN), (0x4E00, 0x9FFF, _S.HAN),
    (0xA640, 0xA69F, _S.CYRILLIC), (0xA720, 0xA7FF, _S.LATIN), (0xA960, 0xA97F, _S.HANGUL),
    (0xAB30, 0xAB6F, _S.LATIN), (0xAC00, 0xD7FF, _S.HANGUL), (0xF900, 0xFAFF, _S.HAN),
    (0xFB00, 0xFB06, _S.LATIN), (0xFB1D, 0xFB4F, _S.HEBREW), (0xFB50, 0xFDFF, _S.ARABIC),
    (0xFE70, 0xFEFF, _S.ARABIC), (0xFF21, 0xFF5A, _S.LATIN), (0xFF66, 0xFF9F, _S.KATAKANA),
    (0xFFA0, 0xFFDC, _S.HANGUL), (0x20000, 0x323AF, _S.HAN),
)  # fmt: skip
_STARTS = [first for first, _last, _script in _BLOCKS]


def script_of(char: str) -> Script | None:
    """The script of one letter; ``None`` for anything else (digits, punctuation, marks) and
    for letters of scripts not in :class:`Script`."""
    if not unicodedata.category(char).startswith("L"):
        return None
    point = ord(char)
    index = bisect.bisect_right(_STARTS, point) - 1
    if index < 0:
        return None
    first, last, script = _BLOCKS[index]
    return script if first <= point <= last else None


def scripts_in(text: str) -> frozenset[Script]:
    """The scripts of the letters of ``text``."""
    return frozenset(s for s in map(script_of, text) if s is not None)


def _countries(codes: str, *scripts: Script) -> dict[str, frozenset[Script]]:
    return {code: frozenset(scripts) for code in codes.split()}


_INDIAN = (
    _S.DEVANAGARI, _S.BENGALI, _S.GURMUKHI, _S.GUJARATI, _S.ORIYA,
    _S.TAMIL, _S.TELUGU, _S.KANNADA, _S.MALAYALAM,
)  # fmt: skip
"""The scripts of India's major languages, all in use on Indian addresses."""

READABLE: Mapping[str, frozenset[Script]] = {
    **_countries("RU UA BY KZ KG TJ UZ BG RS MK ME BA XK MN", _S.CYRILLIC),
    **_countries("SA AE EG QA KW BH OM JO LB SY IQ YE LY TN DZ MA SD PS MR IR AF PK", _S.ARABIC),
    **_countries("GR CY", _S.GREEK),
    **_countries("IL", _S.HEBREW, _S.ARABIC),
    **_countries("TH", _S.THAI),
    **_countries("AM", _S.ARMENIAN),
    **_countries("GE", _S.GEORGIAN),
    **_countries("JP", _S.HAN, _S.HIRAGANA, _S.KATAKANA),
    **_countries("KR", _S.HANGUL),
    **_countries("CN TW HK MO", _S.HAN),
    **_countries("SG", _S.HAN, _S.TAMIL),
    **_countries("IN", *_INDIAN),
    **_countries("NP", _S.DEVANAGARI),
    **_countries("BD", _S.BENGALI),
    **_countries("LK", _S.SINHALA, _S.TAMIL),
    **_countries("MM", _S.MYANMAR),
    **_countries("KH", _S.KHMER),
    **_countries("LA", _S.LAO),
    **_countries("BT", _S.TIBETAN),
    **_countries("ET ER", _S.ETHIOPIC),
    **_countries("MV", _S.THAANA),
}
"""Destination (ISO alpha-2) -> the scripts its carriers read besides Latin: the country's own
script(s). A destination not listed reads Latin only."""


def readable_at(country: str) -> frozenset[Script]:
    """Every script the destination's carriers read (Latin and the country's own)."""
    return READABLE.get(country.upper(), frozenset()) | {Script.LATIN}


def unreadable_at(country: str, text: str) -> list[Script]:
    """The scripts of ``text`` that the destination's carriers do not read, in a fixed order."""
    foreign = scripts_in(text) - readable_at(country)
    return [script for script in Script if script in foreign]
