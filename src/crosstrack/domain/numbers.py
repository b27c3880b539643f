"""Tracking-number detection: which carriers a pasted string can belong to, best first.

The detector is data-driven: it is given :class:`~crosstrack.domain.number_formats.NumberFormat`
values (loaded from packaged JSON by ``crosstrack.carriers.formats.load_formats``) and knows
no carrier by name. For each input it

1. normalizes it (Unicode compatibility forms, upper case, only ``A-Z`` and ``0-9`` kept, so
   spaces, dashes, dots and slashes disappear);
2. matches only the formats that can start with its first character and have its length;
3. checks the check digit, reads the lookups (service type, issuing country, operator);
4. ranks carriers: a correct check digit beats no check digit, which beats a wrong one; within
   that, more evidence first (fixed prefixes, a fixed letter/digit layout, lookups);
5. turns evidence into a confidence, sharing it among candidates and with "none of these", so
   that an all-digit number several carriers could have issued never gets near 1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from crosstrack.domain.number_formats import NumberFormat
from crosstrack.domain.number_matching import CompiledFormat, FormatMatch, switches
from crosstrack.domain.pattern_shape import ALPHABET

NONE_OF_THESE_BITS = 3.0
"""Weight (log2) of the hypothesis that the number belongs to no format we know: another
carrier's, a reference that is not a tracking number, a typo. A candidate needs more evidence
than this to be more likely than not."""

_INDEXED_LENGTHS = 64

MAX_CONFIDENCE = 0.99
"""No match is certain: carriers reuse each other's layouts."""


@dataclass(frozen=True)
class Candidate:
    """One carrier a number may belong to."""

    carrier: str
    """Lowercase carrier slug (AfterShip style), e.g. ``"ups"``, ``"china-post"``."""
    name: str
    """The format's name, e.g. ``"UPS"`` or ``"China Post (UPU S10)"``."""
    confidence: float
    """Between 0 and 1; the candidates and "none of these" share one unit."""
    checksum_valid: bool | None
    """``None`` when the format has no check digit."""
    standard: str | None
    """Public standard the format follows (``"upu-s10"``, ``"gs1-sscc"``, ``"usps-impb"``)."""
    country: str | None
    """ISO 3166 alpha-2 country the number tells (S10 issuing country, domestic formats)."""
    service: str | None
    """Service the number tells, e.g. ``"EMS"`` or ``"Letter Post Registered"``."""


@dataclass(frozen=True)
class Detection:
    """The answer for one input: its normalized form and its candidates, best first."""

    input: str
    normalized: str
    candidates: tuple[Candidate, ...]


_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Z]+")


def normalize_number(text: str) -> str:
    """Upper-case ``text`` and keep only ASCII letters and digits (fullwidth forms folded)."""
    folded = text.upper() if text.isascii() else unicodedata.normalize("NFKC", text).upper()
    return _NOT_ALPHANUMERIC.sub("", folded)


def _rank_key(match: FormatMatch) -> tuple[int, float, int, str]:
    return (-match.tier, -match.evidence_bits, -len(match.format.regex), match.format.id)


class TrackingNumberDetector:
    """Finds the carriers a tracking number can belong to, from number-format data."""

    def __init__(self, formats: Iterable[NumberFormat]) -> None:
        self._formats = tuple(CompiledFormat(f) for f in formats)
        self._by_first: dict[str, tuple[CompiledFormat, ...]] = {
            c: tuple(f for f in self._formats if c in f.shape.first_chars) for c in ALPHABET
        }
        self._by_first_and_length: dict[tuple[str, int], tuple[CompiledFormat, ...]] = {
            (c, n): tuple(f for f in formats_ if f.shape.accepts_length(n))
            for c, formats_ in self._by_first.items()
            for n in range(1, _INDEXED_LENGTHS)
        }

    @property
    def formats(self) -> tuple[NumberFormat, ...]:
        """The formats this detector knows, in the order given."""
        return tuple(f.format for f in self._formats)

    def match_formats(self, text: str) -> tuple[FormatMatch, ...]:
        """Every format ``text`` matches once normalized, best first, not merged by carrier."""
        return self._match(normalize_number(text))

    def _match(self, number: str) -> tuple[FormatMatch, ...]:
        if not number:
            return ()
        number_switches = switches(number)
        matches = [
            m
            for f in self._candidates(number[0], len(number))
            if (m := f.match(number, number_switches))
        ]
        return tuple(sorted(matches, key=_rank_key))

    def _candidates(self, first: str, length: int) -> tuple[CompiledFormat, ...]:
        """Formats that can start with ``first`` and have ``length`` characters."""
        found = self._by_first_and_length.get((first, length))
        if found is None:  # longer than any indexed length
            found = tuple(f for f in self._by_first[first] if f.shape.accepts_length(length))
        return found

    def detect(self, text: str) -> Detection:
        """Ranked carrier candidates for a pasted string; junk gives no candidates, never raises."""
        number = normalize_number(text)
        matches = self._match(number)
        best: dict[str, FormatMatch] = {}
        weight: dict[str, float] = {}
        for m in matches:  # best first, so the first match of a carrier is its best
            best.setdefault(m.carrier, m)
            weight[m.carrier] = weight.get(m.carrier, 0.0) + 2.0**m.evidence_bits
        total = 2.0**NONE_OF_THESE_BITS + sum(weight.values())
        candidates: list[Candidate] = []
        ceiling = MAX_CONFIDENCE
        for carrier, m in best.items():
            confidence = min(ceiling, weight[carrier] / total)
            ceiling = confidence  # never rank a candidate above a likelier-looking one
            candidates.append(
                Candidate(
                    carrier=carrier,
                    name=m.display_name,
                    confidence=round(confidence, 3),
                    checksum_valid=m.checksum_valid,
                    standard=m.format.standard,
                    country=m.country,
                    service=m.service,
                )
            )
        return Detection(input=text, normalized=number, candidates=tuple(candidates))
