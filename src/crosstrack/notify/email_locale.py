"""Which shipped catalog a buyer's locale gets, and dates written the way that language does.

The fallback chain for a BCP 47 tag (matched case-insensitively, ``_`` accepted for ``-``):

1. the exact tag (``pt-BR``, ``zh-Hans``);
2. its language alone (``fr-CA`` -> ``fr``, ``de-AT`` -> ``de``);
3. the closest written form of that language: Chinese in Simplified characters (``zh``,
   ``zh-CN``, ``zh-SG``, ``zh-Hans-HK``) -> ``zh-Hans``; any Portuguese (``pt``, ``pt-PT``,
   ``pt-AO``) -> ``pt-BR``. Chinese in Traditional characters (``zh-Hant``, ``zh-TW``,
   ``zh-HK``, ``zh-MO``) is **not** sent Simplified: no zh-Hant catalog ships, so it gets
   English, which such readers are likelier to prefer over the other script;
4. ``en``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from crosstrack.notify.email_texts import CATALOGS, REFERENCE_LOCALE

_BY_LOWER: Final[Mapping[str, str]] = {tag.lower(): tag for tag in CATALOGS}

#: Regions whose Chinese is written in Traditional characters when no script is given.
_TRADITIONAL_REGIONS: Final = frozenset({"tw", "hk", "mo"})

#: Step 3 of the chain: the shipped form a language falls back to when step 2 found nothing.
_CLOSEST: Final[Mapping[str, str]] = {"zh": "zh-Hans", "pt": "pt-BR"}


def resolve_locale(tag: str) -> str:
    """The shipped locale used for ``tag`` (see the module docstring for the chain)."""
    subtags = [part.lower() for part in tag.strip().replace("_", "-").split("-") if part]
    if not subtags:
        return REFERENCE_LOCALE
    exact = _BY_LOWER.get("-".join(subtags))
    if exact is not None:
        return exact
    language = subtags[0]
    if language in _BY_LOWER:
        return _BY_LOWER[language]
    if language == "zh" and _is_traditional_chinese(subtags[1:]):
        return _BY_LOWER.get("zh-hant", REFERENCE_LOCALE)
    return _CLOSEST.get(language, REFERENCE_LOCALE)


def _is_traditional_chinese(rest: list[str]) -> bool:
    """Whether the subtags after ``zh`` ask for Traditional characters."""
    scripts = [part for part in rest if len(part) == 4 and part.isalpha()]
    if scripts:
        return scripts[0] == "hant"
    regions = [part for part in rest if len(part) == 2 and part.isalpha()]
    return bool(regions) and regions[0] in _TRADITIONAL_REGIONS


def format_date(day: date, texts: Mapping[str, str]) -> str:
    """``day`` with its abbreviated weekday and month, in the catalog's pattern:
    ``Tue 1 Dec``, ``mar. 1 déc.``, ``Di., 1. Dez.``, ``12月1日 周二``."""
    return texts["date.format"].format(
        weekday=texts[f"weekday.{day.isoweekday()}"],
        day=day.day,
        month=texts[f"month.{day.month}"],
    )


def format_window(start: date | None, end: date | None, texts: Mapping[str, str]) -> str | None:
    """An ETA window: one date when both ends are the same day (or only one is known), else
    ``start – end``; None when neither is known. Ends given the wrong way round are swapped."""
    if start is None or end is None:
        known = start if start is not None else end
        return None if known is None else format_date(known, texts)
    if start == end:
        return format_date(start, texts)
    first, last = sorted((start, end))
    return texts["date.range"].format(start=format_date(first, texts), end=format_date(last, texts))
