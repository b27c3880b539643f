"""Reading the tracking_number_data JSON schema into domain :class:`NumberFormat` values.

One courier document (``{"name", "courier_code", "tracking_numbers": [...]}``) gives one
format per ``tracking_numbers`` entry. The overlay (``overlay.json``) adds what the vendored
files do not say: the carrier slug for a ``courier_code``, per-format facts (standard, home
country, display name, which lookup tells the issuing country), the operator behind each code
of a lookup (the S10 country codes), and carrier rules (China EMS).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from crosstrack.domain.checksums import ChecksumSpec
from crosstrack.domain.errors import DataFileError
from crosstrack.domain.number_formats import (
    CarrierRule,
    Lookup,
    LookupEntry,
    NumberFormat,
    SerialPrepend,
)
from crosstrack.domain.pattern_shape import to_python_regex

Json = Mapping[str, Any]


def format_id(entry: Json, courier_code: str) -> str:
    """The entry's ``id``, or one made from its name (some vendored entries have none)."""
    if entry.get("id"):
        return str(entry["id"])
    made = re.sub(r"[^a-z0-9]+", "_", str(entry.get("name", courier_code)).lower()).strip("_")
    return made or courier_code


def _regex(entry: Json, where: str) -> str:
    raw = entry.get("regex")
    text = "".join(raw) if isinstance(raw, list) else raw
    if not isinstance(text, str) or not text:
        raise DataFileError(f"{where}: missing regex")
    python = to_python_regex(text)
    try:
        re.compile(python)
    except re.error as exc:
        raise DataFileError(f"{where}: bad regex: {exc}") from exc
    return python


def _checksum(validation: Json) -> ChecksumSpec | None:
    spec = validation.get("checksum")
    if not spec:
        return None

    def opt_int(key: str) -> int | None:
        value = spec.get(key)
        return int(value) if value is not None else None

    return ChecksumSpec(
        algorithm=str(spec["name"]),
        modulo=opt_int("modulo"),
        weightings=tuple(int(w) for w in spec.get("weightings", ())),
        modulo1=opt_int("modulo1"),
        modulo2=opt_int("modulo2"),
        evens_multiplier=opt_int("evens_multiplier"),
        odds_multiplier=opt_int("odds_multiplier"),
        reverse=bool(spec.get("reverse", False)),
    )


def _prepend(validation: Json) -> SerialPrepend | None:
    rule = (validation.get("serial_number_format") or {}).get("prepend_if")
    if not rule:
        return None
    return SerialPrepend(matches_regex=str(rule["matches_regex"]), content=str(rule["content"]))


def _lookups(entry: Json, facts: Json, operators: Json | None) -> tuple[Lookup, ...]:
    country_lookup = facts.get("country_lookup")
    service_lookup = facts.get("service_lookup")
    lookups: list[Lookup] = []
    for lookup in entry.get("additional", ()):
        name, group = str(lookup["name"]), str(lookup["regex_group_name"])
        tells_country = name == country_lookup
        by_code: Json = {}
        if operators is not None and operators.get("lookup") == name:
            by_code = operators.get("by_code", {})
        rows = []
        for row in lookup.get("lookup", ()):
            code = row.get("matches")
            operator = by_code.get(code, {}) if code is not None else {}
            country = row.get("country_short_code") or (code if tells_country else None)
            label = row.get("name") or row.get("courier")
            rows.append(
                LookupEntry(
                    name=str(label) if label else None,
                    matches=str(code) if code is not None else None,
                    matches_regex=row.get("matches_regex"),
                    description=row.get("description") or None,
                    country=str(country) if country else None,
                    carrier=operator.get("carrier"),
                    carrier_name=operator.get("name"),
                )
            )
        tells_service = name == service_lookup if service_lookup else group == "ServiceType"
        lookups.append(Lookup(name, group, tuple(rows), tells_service, tells_country))
    return tuple(lookups)


def _rules(rules: Sequence[Json]) -> tuple[CarrierRule, ...]:
    return tuple(
        CarrierRule(
            when=tuple((str(g), str(p)) for g, p in rule["when"].items()),
            carrier=str(rule["carrier"]),
            carrier_name=str(rule["name"]),
        )
        for rule in rules
    )


def formats_from_courier(doc: Json, overlay: Json, origin: str) -> list[NumberFormat]:
    """The formats of one courier document; ``origin`` names the file in error messages."""
    try:
        code = str(doc["courier_code"])
        courier = overlay.get("couriers", {}).get(code, {})
        carrier = str(courier.get("carrier", code))
        carrier_name = str(courier.get("name", doc.get("name", code)))
        result = []
        for entry in doc["tracking_numbers"]:
            fid = format_id(entry, code)
            where = f"{origin}: {fid}"
            facts: Json = overlay.get("formats", {}).get(fid, {})
            validation: Json = entry.get("validation") or {}
            tests: Json = entry.get("test_numbers") or {}
            result.append(
                NumberFormat(
                    id=fid,
                    name=str(facts.get("name", entry.get("name", fid))),
                    carrier=str(facts.get("carrier", carrier)),
                    carrier_name=str(facts.get("carrier_name", carrier_name)),
                    regex=_regex(entry, where),
                    checksum=_checksum(validation),
                    serial_prepend=_prepend(validation),
                    lookups=_lookups(entry, facts, overlay.get("lookup_carriers", {}).get(fid)),
                    required_lookups=tuple(
                        str(n) for n in (validation.get("additional") or {}).get("exists", ())
                    ),
                    carrier_rules=_rules(overlay.get("carrier_rules", {}).get(fid, ())),
                    standard=facts.get("standard", entry.get("standard")),
                    country=facts.get("country", entry.get("country")),
                    source=entry.get("source"),
                    valid_examples=tuple(str(n) for n in tests.get("valid", ())),
                    invalid_examples=tuple(str(n) for n in tests.get("invalid", ())),
                )
            )
        return result
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"{origin}: malformed number-format data ({exc!r})") from exc
