"""Tracking-number formats as pure values: a pattern, a check digit, and what the parts mean.

A :class:`NumberFormat` is built from data (see ``crosstrack.carriers.formats``, which reads
the packaged JSON); the detector in :mod:`crosstrack.domain.numbers` only interprets it. The
fields mirror the tracking_number_data schema: ``regex`` with named groups ``SerialNumber`` and
``CheckDigit``, ``validation.checksum``, ``validation.serial_number_format.prepend_if``,
``validation.additional.exists`` and ``additional`` lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosstrack.domain.checksums import ChecksumSpec


@dataclass(frozen=True)
class LookupEntry:
    """One row of a lookup: when a group's text matches, what it means."""

    name: str | None
    """What the matched text stands for, e.g. ``"EMS"`` for an S10 service type ``EA``."""
    matches: str | None = None
    """Exact text to match (``None`` when ``matches_regex`` is used)."""
    matches_regex: str | None = None
    """A pattern the whole group text must match."""
    description: str | None = None
    country: str | None = None
    """ISO 3166 alpha-2 country this row tells, when it tells one."""
    carrier: str | None = None
    """Carrier slug this row attributes the number to (S10 issuing operators)."""
    carrier_name: str | None = None


@dataclass(frozen=True)
class Lookup:
    """An ``additional`` lookup: the meaning of one named group of the pattern."""

    name: str
    """The lookup's name in the data, e.g. ``"Service Type"`` or ``"Courier"``."""
    group: str
    """The pattern group it reads (``regex_group_name``)."""
    entries: tuple[LookupEntry, ...]
    tells_service: bool = False
    """Its entry names are the service a candidate reports."""
    tells_country: bool = False
    """Its entry countries are the issuing country a candidate reports."""


@dataclass(frozen=True)
class CarrierRule:
    """Attributes a match to another carrier when every listed group matches its pattern.

    Used where a lookup alone cannot decide: an S10 number from CN whose service type starts
    with ``E`` is China EMS, not China Post.
    """

    when: tuple[tuple[str, str], ...]
    """(group name, full-match pattern) pairs that must all hold."""
    carrier: str
    carrier_name: str

    def applies(self, groups: dict[str, str]) -> bool:
        """Whether every condition holds for the matched groups."""
        return all(
            re.fullmatch(pattern, groups.get(group, "")) is not None for group, pattern in self.when
        )


@dataclass(frozen=True)
class SerialPrepend:
    """``serial_number_format.prepend_if``: text put before the serial before checking it."""

    matches_regex: str
    content: str


@dataclass(frozen=True)
class NumberFormat:
    """One tracking-number format of one carrier."""

    id: str
    name: str
    carrier: str
    """Lowercase carrier slug the format belongs to (lookups or rules may re-attribute)."""
    carrier_name: str
    regex: str
    """A Python pattern matched in full against the normalized number."""
    checksum: ChecksumSpec | None = None
    serial_prepend: SerialPrepend | None = None
    lookups: tuple[Lookup, ...] = ()
    required_lookups: tuple[str, ...] = ()
    """Names of lookups that must find a row for the number to be this format."""
    carrier_rules: tuple[CarrierRule, ...] = ()
    standard: str | None = None
    """The public standard the format follows, e.g. ``"upu-s10"`` or ``"gs1-sscc"``."""
    country: str | None = None
    """Country every number of this format belongs to (domestic formats), if any."""
    source: str | None = None
    """Where the format description comes from."""
    valid_examples: tuple[str, ...] = field(default=(), compare=False)
    invalid_examples: tuple[str, ...] = field(default=(), compare=False)

    def possible_carriers(self) -> tuple[str, ...]:
        """Every carrier slug a match of this format can be attributed to.

        The format's own carrier is left out when a required lookup attributes every one of its
        rows to a carrier (S10: the issuing operator is always known).
        """
        slugs: list[str] = []
        decided = any(
            lookup.name in self.required_lookups
            and lookup.entries
            and all(entry.carrier for entry in lookup.entries)
            for lookup in self.lookups
        )
        if not decided:
            slugs.append(self.carrier)
        for lookup in self.lookups:
            slugs.extend(entry.carrier for entry in lookup.entries if entry.carrier)
        slugs.extend(rule.carrier for rule in self.carrier_rules)
        return tuple(dict.fromkeys(slugs))
