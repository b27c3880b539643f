"""Matching one normalized number against one :class:`NumberFormat`, and weighing the evidence.

:class:`CompiledFormat` prepares a format once (compiled pattern, indexed lookups, the shape
of the pattern) so that matching a number costs one regular-expression match and a few
dictionary look-ups. The result, a :class:`FormatMatch`, says which carrier the number points
to, whether its check digit is right, what its parts mean, and how much evidence (in bits) the
match carries: characters the format fixes, a fixed letter/digit layout, a correct check digit,
a code found in a required lookup.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from crosstrack.domain.checksums import check_bits, validate
from crosstrack.domain.number_formats import Lookup, LookupEntry, NumberFormat
from crosstrack.domain.pattern_shape import PatternShape, analyze_pattern

SWITCH_BITS = 2.5
"""Evidence from each letter/digit switch in a number whose layout the format fixes: how
surprising it is, among strings people paste, that letters and digits sit exactly there."""

WRONG_CHECK_PENALTY_BITS = 10.0
"""Evidence removed when the check digit is wrong: a misread or mistyped number, or another
format altogether."""


@dataclass(frozen=True)
class FormatMatch:
    """A normalized number matched a format: who it points to and what it tells."""

    format: NumberFormat
    carrier: str
    carrier_name: str
    checksum_valid: bool | None
    country: str | None
    service: str | None
    evidence_bits: float
    """Log2 of how much likelier the number is under this format than as an unknown string."""

    @property
    def tier(self) -> int:
        """2 with a correct check digit, 1 with none to check, 0 with a wrong one."""
        return {True: 2, None: 1, False: 0}[self.checksum_valid]

    @property
    def display_name(self) -> str:
        """The format's name, prefixed by the carrier when a lookup or rule chose the carrier."""
        if self.carrier != self.format.carrier:
            return f"{self.carrier_name} ({self.format.name})"
        return self.format.name


class _CompiledLookup:
    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.exact: dict[str, LookupEntry] = {}
        self.patterns: list[tuple[re.Pattern[str], LookupEntry]] = []
        for entry in lookup.entries:
            if entry.matches is not None:
                self.exact.setdefault(entry.matches, entry)
            elif entry.matches_regex is not None:
                self.patterns.append((re.compile(entry.matches_regex), entry))

    def find(self, text: str) -> LookupEntry | None:
        entry = self.exact.get(text)
        if entry is not None:
            return entry
        for pattern, candidate in self.patterns:
            if pattern.fullmatch(text):
                return candidate
        return None

    def bits(self) -> float:
        """Evidence from finding a code in this lookup (exact codes of one length only)."""
        codes = list(self.exact)
        if not codes or self.patterns or len({len(c) for c in codes}) != 1:
            return 0.0
        length = len(codes[0])
        alphabet = (
            26 if all(c.isalpha() for c in codes) else 10 if all(c.isdigit() for c in codes) else 36
        )
        return max(0.0, math.log2(alphabet**length / len(codes)))


_SWITCH = re.compile(r"(?<=[0-9])(?=[A-Z])|(?<=[A-Z])(?=[0-9])")


def switches(number: str) -> int:
    """How many times a normalized number changes between letters and digits."""
    return len(_SWITCH.findall(number))


class CompiledFormat:
    """A :class:`NumberFormat` ready for fast matching."""

    def __init__(self, number_format: NumberFormat) -> None:
        self.format = number_format
        self.pattern = re.compile(number_format.regex)
        self.shape: PatternShape = analyze_pattern(number_format.regex)
        self.lookups = [_CompiledLookup(lookup) for lookup in number_format.lookups]
        self.required = [c for c in self.lookups if c.lookup.name in number_format.required_lookups]
        self.required_bits = sum(c.bits() for c in self.required)
        prepend = number_format.serial_prepend
        self.prepend = (re.compile(prepend.matches_regex), prepend.content) if prepend else None
        self.check_bits = check_bits(number_format.checksum) if number_format.checksum else 0.0

    def match(self, number: str, number_switches: int) -> FormatMatch | None:
        """Match a normalized number; ``None`` when the pattern or a required lookup fails."""
        m = self.pattern.fullmatch(number)
        if m is None:
            return None
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        found: dict[str, LookupEntry] = {}
        for compiled in self.lookups:
            text = groups.get(compiled.lookup.group)
            entry = compiled.find(text) if text is not None else None
            if entry is not None:
                found[compiled.lookup.name] = entry
        if any(c.lookup.name not in found for c in self.required):
            return None
        fmt = self.format
        valid = self._checksum_valid(groups)
        carrier, carrier_name = fmt.carrier, fmt.carrier_name
        country, service = fmt.country, None
        for compiled in self.lookups:
            entry = found.get(compiled.lookup.name)
            if entry is None:
                continue
            if entry.carrier:
                carrier, carrier_name = entry.carrier, entry.carrier_name or entry.carrier
            if compiled.lookup.tells_country and entry.country:
                country = entry.country
            if compiled.lookup.tells_service and entry.name:
                service = entry.name
        for rule in fmt.carrier_rules:
            if rule.applies(groups):
                carrier, carrier_name = rule.carrier, rule.carrier_name
                break
        bits = self.shape.fixed_bits + self.required_bits
        if self.shape.pins_shape:
            bits += SWITCH_BITS * number_switches
        if valid is True:
            bits += self.check_bits
        elif valid is False:
            bits -= WRONG_CHECK_PENALTY_BITS
        return FormatMatch(fmt, carrier, carrier_name, valid, country, service, bits)

    def _checksum_valid(self, groups: dict[str, str]) -> bool | None:
        spec = self.format.checksum
        if spec is None:
            return None
        serial = groups.get("SerialNumber", "")
        check = groups.get("CheckDigit", "")
        if not serial or not check:
            return False
        if self.prepend is not None and self.prepend[0].search(serial):
            serial = self.prepend[1] + serial
        return validate(spec, serial, check)
