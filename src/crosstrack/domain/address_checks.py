"""Checking a delivery address before the parcel leaves: the problems, their severity, and
whether they put the delivery at risk.

:func:`check_address` reads an address against its country's :class:`CountryRules` (the
postcode's presence and shape, the region, the postcode against the region and city where
the data has prefixes) and against two rules of its own: the house-number rule
(:func:`missing_house_number`) and the script rule (letters the destination's carriers cannot
read, ``crosstrack.domain.writing_scripts``). Each problem names its field, a stable code, a
message in English and, where one is clear, a suggested fix. An ``error`` means the parcel
cannot be delivered as addressed; a ``warning`` means likely trouble. The phone number is
checked by an adapter (:func:`phone_problem` makes its problem); the alert's side is
``crosstrack.domain.address_risk``. What is and is not checked, and why: docs/addresses.md.
Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from crosstrack.domain.address_rules import (
    CountryRules,
    Subdivision,
    canonical_postcode,
    closest_subdivision,
    find_subdivision,
    in_subdivision,
    is_latin,
    named,
    subdivisions_of_postcode,
    written_for,
    zero_padded_postcode,
)
from crosstrack.domain.writing_scripts import NAMES, unreadable_at


class AddressField(StrEnum):
    """The part of an address a problem is about (the request's field names)."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    POSTCODE = "postcode"
    ADDRESS_LINES = "address_lines"
    PHONE = "phone"


class ProblemCode(StrEnum):
    """What is wrong (stable: clients match on it)."""

    POSTCODE_MISSING = "postcode_missing"
    POSTCODE_MALFORMED = "postcode_malformed"
    POSTCODE_FORMAT = "postcode_format"
    REGION_MISSING = "region_missing"
    REGION_UNKNOWN = "region_unknown"
    REGION_POSTCODE_MISMATCH = "region_postcode_mismatch"
    CITY_MISSING = "city_missing"
    CITY_POSTCODE_MISMATCH = "city_postcode_mismatch"
    HOUSE_NUMBER_MISSING = "house_number_missing"
    SCRIPT_UNREADABLE = "script_unreadable"
    PHONE_INVALID = "phone_invalid"


class ProblemSeverity(StrEnum):
    """``error``: cannot be delivered as addressed; ``warning``: likely trouble."""

    ERROR = "error"
    WARNING = "warning"


ADDRESS_FIELDS = frozenset(
    {AddressField.REGION, AddressField.CITY, AddressField.POSTCODE, AddressField.ADDRESS_LINES}
)
"""What a corrected address replaces (the country cannot change)."""

RISKY_WARNINGS = frozenset({ProblemCode.HOUSE_NUMBER_MISSING, ProblemCode.PHONE_INVALID})
"""Warnings that put a delivery at risk (with every error): couriers fail to find a door
without a number, or to call a buyer with an unusable number. Not risky: a postcode written
another way than the post's (``postcode_format``), an unknown optional region."""


@dataclass(frozen=True, slots=True)
class AddressProblem:
    """One thing wrong with an address."""

    field: AddressField
    code: ProblemCode
    severity: ProblemSeverity
    message: str
    """For people, in English (it never repeats the street lines: they are not stored)."""
    suggestion: str | None = None
    """The value to put in ``field`` instead, when one is clear."""

    @property
    def risky(self) -> bool:
        """Whether it puts the delivery at risk (every error, and :data:`RISKY_WARNINGS`)."""
        return self.severity is ProblemSeverity.ERROR or self.code in RISKY_WARNINGS

    def to_document(self) -> dict[str, str | None]:
        return {
            "field": self.field.value,
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }

    @classmethod
    def from_document(cls, document: Mapping[str, object]) -> AddressProblem:
        suggestion = document.get("suggestion")
        return cls(
            field=AddressField(str(document["field"])),
            code=ProblemCode(str(document["code"])),
            severity=ProblemSeverity(str(document["severity"])),
            message=str(document.get("message") or ""),
            suggestion=str(suggestion) if suggestion is not None else None,
        )


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """A delivery address as given (or as normalized). Only the country is required."""

    country: str
    """ISO 3166-1 alpha-2."""
    region: str = ""
    city: str = ""
    postcode: str = ""
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AddressCheck:
    """The problems of an address and the address normalized."""

    problems: tuple[AddressProblem, ...]
    normalized: PostalAddress
    phone: str | None = None
    """The phone number as E.164 when one was given and is valid."""

    @property
    def valid(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(p.severity is ProblemSeverity.ERROR for p in self.problems)

    def risky(self) -> list[AddressProblem]:
        """The problems that put the delivery at risk."""
        return [p for p in self.problems if p.risky]


NUMBERLESS_COUNTRIES: Mapping[str, str] = {
    "GB": 'houses are often known by a name alone ("Rose Cottage")',
    "IE": "rural houses have names, not numbers; the Eircode finds the door",
    "MT": "houses are often known by a name",
    "AE": "most buildings have no street number; addresses go by building and area",
    "QA": "addresses go by building, zone and street numbers on blue plates, often omitted",
    "OM": "most addresses are described by landmarks and areas",
    "CR": 'addresses are given from landmarks ("200 m north of the church")',
    "NI": "addresses are given from landmarks",
}
"""Destinations where a street address without a number is normal, and why: the house-number
rule does not apply there."""

NUMBERLESS_MARKERS = re.compile(
    r"(?<![a-z])(s/n|s\.n\.|sin n[uú]mero|sem n[uú]mero|snc|ohne (haus)?n(umme)?r|"
    r"poste restante|general delivery|lieu[- ]dit|lista de correos|postlagernd)(?![a-z])",
    re.IGNORECASE,
)
"""Ways of saying "no number here" on purpose (Spanish and Portuguese *sin/sem número*,
Italian *snc*, German *ohne Hausnummer*), and address styles without one (*poste restante*,
*general delivery*, *lista de correos*, *postlagernd*, a French *lieu-dit*)."""


def missing_house_number(country: str, lines: Sequence[str]) -> bool:
    """Whether street lines name no house or building number where numbers are the norm:
    no line has a digit (any script's: ``三丁目`` has one), none says on purpose that there is
    none, and the destination is not one of :data:`NUMBERLESS_COUNTRIES`."""
    text = " ".join(line.strip() for line in lines if line.strip())
    if not text or country.upper() in NUMBERLESS_COUNTRIES:
        return False
    if any(ch.isnumeric() for ch in text):
        return False
    return NUMBERLESS_MARKERS.search(text) is None


@dataclass(slots=True)
class _Checker:
    address: PostalAddress
    rules: CountryRules | None
    complete: bool
    problems: list[AddressProblem] = field(default_factory=list)
    region: Subdivision | None = None
    postcode: str | None = None
    """The postcode in its canonical form, when it is a valid one."""

    def add(
        self,
        field: AddressField,
        code: ProblemCode,
        severity: ProblemSeverity,
        message: str,
        suggestion: str | None = None,
    ) -> None:
        self.problems.append(AddressProblem(field, code, severity, message, suggestion))

    @property
    def country(self) -> str:
        return self.rules.name if self.rules else self.address.country


def check_address(
    address: PostalAddress, rules: CountryRules | None, *, complete: bool = True
) -> AddressCheck:
    """The problems of ``address`` (``rules`` are its country's, ``None`` when unknown: only
    the house-number and script rules apply then). With ``complete`` false the address is
    known to be partial (a registration without street lines): a field left out is then not
    a problem."""
    checker = _Checker(address, rules, complete)
    if rules is not None:
        _postcode(checker, rules)
        _region(checker, rules)
        _city(checker, rules)
    _script(checker)
    if missing_house_number(address.country, address.address_lines):
        checker.add(
            AddressField.ADDRESS_LINES,
            ProblemCode.HOUSE_NUMBER_MISSING,
            ProblemSeverity.WARNING,
            f"The street address has no house or building number; most addresses in "
            f"{checker.country} need one. Add it, unless the building really has none.",
        )
    normalized = replace(
        address,
        country=address.country.upper(),
        region=_normalized_region(checker.region, address.region),
        city=address.city.strip(),
        postcode=checker.postcode or address.postcode.strip(),
        address_lines=tuple(" ".join(ln.split()) for ln in address.address_lines if ln.strip()),
    )
    return AddressCheck(tuple(checker.problems), normalized)


def _normalized_region(region: Subdivision | None, given: str) -> str:
    """The region as its key (``california`` -> ``CA``, ``東京`` -> ``東京都``), except that a
    Latin spelling of a region keyed in another script stays as written (``Tokyo``)."""
    if region is None or (is_latin(given) and not is_latin(region.key)):
        return given.strip()
    return region.key


def _postcode(checker: _Checker, rules: CountryRules) -> None:
    given = checker.address.postcode
    label = rules.postcode_label
    if not given.strip():
        if rules.postcode_required and checker.complete:
            checker.add(
                AddressField.POSTCODE,
                ProblemCode.POSTCODE_MISSING,
                ProblemSeverity.ERROR,
                f"A {label} is required for addresses in {rules.name}.",
            )
        return
    if not (rules.has_postcode and rules.postcode_pattern):
        return
    canonical = canonical_postcode(given, rules)
    if canonical is None:
        # Lost leading zeros only when the region's own prefixes confirm them (02134, MA).
        padded = zero_padded_postcode(given, rules)
        region = find_subdivision(checker.address.region, rules.regions)
        if padded and not (region and in_subdivision(padded, region)):
            padded = None
        examples = " or ".join(rules.postcode_examples[:2])
        hint = f" (for example {examples})" if examples else ""
        lost = "; it may have lost its leading zeros" if padded else ""
        checker.add(
            AddressField.POSTCODE,
            ProblemCode.POSTCODE_MALFORMED,
            ProblemSeverity.ERROR,
            f"{given.strip()!r} is not a {label} of {rules.name}{hint}{lost}.",
            padded,
        )
        return
    checker.postcode = canonical
    if canonical != given:
        checker.add(
            AddressField.POSTCODE,
            ProblemCode.POSTCODE_FORMAT,
            ProblemSeverity.WARNING,
            f"Write the {label} as the post does: {canonical}.",
            canonical,
        )


def _region(checker: _Checker, rules: CountryRules) -> None:
    given = checker.address.region.strip()
    label = rules.region_label
    if not given:
        if rules.region_required and checker.complete:
            hint, suggestion = "", None
            from_postcode = _postcode_region(checker, rules)
            if from_postcode is not None:
                context = " ".join((checker.address.city, *checker.address.address_lines))
                suggestion = written_for(from_postcode, context)
                hint = (
                    f" The {rules.postcode_label} {checker.postcode} is in "
                    f"{named(from_postcode, context)}."
                )
            checker.add(
                AddressField.REGION,
                ProblemCode.REGION_MISSING,
                ProblemSeverity.ERROR,
                f"A {label} is required for addresses in {rules.name}.{hint}",
                suggestion,
            )
        return
    if not (rules.has_region and rules.regions):
        return
    region = find_subdivision(given, rules.regions)
    if region is None:
        closest = closest_subdivision(given, rules.regions) or _postcode_region(checker, rules)
        severity = ProblemSeverity.ERROR if rules.region_required else ProblemSeverity.WARNING
        hint = f" Did you mean {named(closest, given)}?" if closest else ""
        checker.add(
            AddressField.REGION,
            ProblemCode.REGION_UNKNOWN,
            severity,
            f"{given!r} is not a {label} of {rules.name}.{hint}",
            written_for(closest, given) if closest else None,
        )
        return
    checker.region = region
    if checker.postcode and in_subdivision(checker.postcode, region) is False:
        from_postcode = _postcode_region(checker, rules)
        hint = f"; it is in {named(from_postcode, given)}" if from_postcode else ""
        checker.add(
            AddressField.REGION,
            ProblemCode.REGION_POSTCODE_MISMATCH,
            ProblemSeverity.ERROR,
            f"The {rules.postcode_label} {checker.postcode} is not in {named(region, given)}"
            f"{hint}. Check the {label} and the {rules.postcode_label}.",
            written_for(from_postcode, given) if from_postcode else None,
        )


def _postcode_region(checker: _Checker, rules: CountryRules) -> Subdivision | None:
    """The one region the (valid) postcode is in, by the regions' prefixes; asked only when
    a message needs it (it tries every region's prefix)."""
    return _only(subdivisions_of_postcode(checker.postcode or "", rules.regions))


def _city(checker: _Checker, rules: CountryRules) -> None:
    given = checker.address.city.strip()
    if not given:
        if rules.city_required and checker.complete:
            checker.add(
                AddressField.CITY,
                ProblemCode.CITY_MISSING,
                ProblemSeverity.ERROR,
                f"A {rules.city_label} is required for addresses in {rules.name}.",
            )
        return
    if not rules.has_city:
        return  # no city field in the country's addresses (JP): only its script is checked
    places = checker.region.cities if checker.region else rules.cities()
    city = find_subdivision(given, places) if places else None
    if city is None or not checker.postcode or in_subdivision(checker.postcode, city) is not False:
        return
    right = _only(subdivisions_of_postcode(checker.postcode, places))
    hint = f"; it is in {named(right, given)}" if right else ""
    checker.add(
        AddressField.CITY,
        ProblemCode.CITY_POSTCODE_MISMATCH,
        ProblemSeverity.ERROR,
        f"The {rules.postcode_label} {checker.postcode} is not in {named(city, given)}{hint}. "
        f"Check the {rules.city_label} and the {rules.postcode_label}.",
        written_for(right, given) if right else None,
    )


def _script(checker: _Checker) -> None:
    address = checker.address
    parts = (
        (AddressField.REGION, address.region, "region"),
        (AddressField.CITY, address.city, "city"),
        (AddressField.ADDRESS_LINES, " ".join(address.address_lines), "street address"),
    )
    for part, text, noun in parts:
        foreign = unreadable_at(address.country, text)
        if foreign:
            written = " and ".join(NAMES[s] for s in foreign)
            checker.add(
                part,
                ProblemCode.SCRIPT_UNREADABLE,
                ProblemSeverity.ERROR,
                f"The {noun} is written in {written}, which carriers in {checker.country} "
                "cannot read: write it in Latin letters.",
            )


def _only(places: Sequence[Subdivision]) -> Subdivision | None:
    return places[0] if len(places) == 1 else None


def phone_problem(reason: str) -> AddressProblem:
    """The problem of a phone number the numbering plans refuse (``reason``: the checker's)."""
    return AddressProblem(
        AddressField.PHONE,
        ProblemCode.PHONE_INVALID,
        ProblemSeverity.WARNING,
        f"The courier cannot use this phone number: {reason}.",
    )
