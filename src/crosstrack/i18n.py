"""The languages crosstrack speaks to people in: which one a reader gets, and its translations.

One set of gettext catalogs serves every place a person reads: the tracking page, buyer
emails and SMS, and the public API's texts. The language comes from an explicit choice
(``?lang=``, then remembered in a cookie), then the browser's ``Accept-Language``, then the
buyer's or merchant's default, then English. A locale we do not ship falls back along a chain
(``fr-CA`` → ``fr``; ``zh-HK`` → ``zh-Hant`` → ``en``): a Traditional Chinese reader is never
shown Simplified Chinese. Catalogs are ``locales/<locale>/LC_MESSAGES/<domain>.po`` (domain
``messages``: the page and the vocabulary; ``notifications``: emails and SMS), read with Babel
at start-up; dates and times come from Babel's CLDR data for the chosen locale.
"""

from __future__ import annotations

import functools
import io
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SHIPPED = ("en", "fr", "es", "pt-BR", "de", "zh-Hans", "zh-Hant", "ja", "ko", "ru", "ar")
"""Locales with a catalog (English is the source language)."""
DEFAULT = "en"
_SCRIPTS = {"zh-HK": "zh-Hant", "zh-TW": "zh-Hant", "zh-MO": "zh-Hant"}
"""Chinese regions written in Traditional characters when the tag names no script (any
other region, or none, reads Simplified)."""
_LANGUAGES = {"pt": "pt-BR"}
"""A bare language we ship only one region of (Portuguese: Brazilian, the closest)."""


def chain(tag: str) -> list[str]:
    """The locales to try for ``tag``, most specific first, ending with English. Tags are
    matched whatever their case (``zh-tw``, ``ZH_hant_TW``); a script subtag decides the
    written form of Chinese (``zh-Hant-TW`` → ``zh-Hant``, ``zh-Hans-HK`` → ``zh-Hans``)."""
    language, script, region = _subtags(tag)
    out: list[str] = []
    if language:
        full = "-".join(p for p in (language, script, region) if p)
        out.append(full)
        if script:
            out.append(f"{language}-{script}")
        if region:
            out.append(f"{language}-{region}")
        if language == "zh":
            out.append(f"zh-{script}" if script else _SCRIPTS.get(f"zh-{region}", "zh-Hans"))
        else:
            out.append(language)
            if language in _LANGUAGES:
                out.append(_LANGUAGES[language])
    out.append(DEFAULT)
    return list(dict.fromkeys(out))


def _subtags(tag: str) -> tuple[str, str | None, str | None]:
    """(language, Script, REGION) of a BCP 47 tag, in their canonical case."""
    parts = [p for p in tag.strip().replace("_", "-").split("-") if p]
    if not parts or not parts[0].isalpha():
        return "", None, None
    language, script, region = parts[0].lower(), None, None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and script is None and region is None:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = region or part.upper()
    return language, script, region


def shipped(tag: str) -> str | None:
    """The shipped locale ``tag`` falls back to, if any but the default."""
    for candidate in chain(tag):
        if candidate in SHIPPED:
            return candidate
    return None


def negotiate(
    explicit: str | None, remembered: str | None, accept_language: str | None, default: str | None
) -> str:
    """The locale to show: an explicit choice, the remembered one, the browser's preferences
    in their order of quality, the merchant's default, English."""
    for tag in (explicit, remembered):
        if tag and shipped(tag):
            return shipped(tag) or DEFAULT
    for tag in _accepted(accept_language or ""):
        found = shipped(tag)
        if found and (found != DEFAULT or tag.split("-")[0] == DEFAULT):
            return found
    if default and shipped(default):
        return shipped(default) or DEFAULT
    return DEFAULT


def region_of(accept_language: str | None, fallback: str | None) -> str | None:
    """The viewer's country (for units): the region of the browser's preferred language,
    else of ``fallback`` (the buyer's locale): ``en-US`` -> ``US``."""
    for tag in (*_accepted(accept_language or "")[:1], fallback or ""):
        parts = tag.strip().replace("_", "-").split("-")
        if len(parts) > 1 and len(parts[-1]) == 2:
            return parts[-1].upper()
    return None


def _accepted(header: str) -> list[str]:
    weighted = []
    for n, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, n, tag))
    return [tag for _, _, tag in sorted(weighted)]


@functools.cache
def translations(locale: str, domain: str = "messages") -> NullTranslations:
    """The catalog ``domain`` of a shipped locale (English: the strings as written)."""
    if locale == DEFAULT:
        return NullTranslations()
    path = resources.files("crosstrack") / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=locale.replace("-", "_"))
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled)


@functools.cache
def babel_locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT)


@functools.cache
def direction(locale: str) -> str:
    """``rtl`` for right-to-left scripts (Arabic), else ``ltr``."""
    return "rtl" if babel_locale(locale).text_direction == "rtl" else "ltr"
