"""Check-digit algorithms used by carrier tracking numbers.

Each algorithm is named in the number-format data (``validation.checksum.name``) and takes its
options from the same place, so choosing and tuning an algorithm is data, not code. The
algorithms follow ``CHECKSUM_ALGORITHMS.md`` of the tracking_number_data project (and the Ruby
``tracking_number`` gem it was taken from), including its quirks: ``mod10`` maps a letter to
``(ord(c) - 3) % 10`` and multiplies without summing digits, and ``s10`` maps a remainder of 0 to
5 and of 1 to 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


@dataclass(frozen=True)
class ChecksumSpec:
    """One ``validation.checksum`` object of a number format: an algorithm and its options."""

    algorithm: str
    modulo: int | None = None
    weightings: tuple[int, ...] = ()
    modulo1: int | None = None
    modulo2: int | None = None
    evens_multiplier: int | None = None
    odds_multiplier: int | None = None
    reverse: bool = False


def _digit(check_digit: str) -> int | None:
    return int(check_digit) if len(check_digit) == 1 and check_digit.isdigit() else None


def mod7(sequence: str, check_digit: str, spec: ChecksumSpec) -> bool:
    """The serial number read as an integer, modulo 7 (DHL Express air waybills)."""
    check = _digit(check_digit)
    if check is None or not sequence.isdigit():
        return False
    return int(sequence) % (spec.modulo or 7) == check


def mod10(sequence: str, check_digit: str, spec: ChecksumSpec) -> bool:
    """Weighted sum of the characters (odd/even positions multiplied), completed to a ten.

    Positions count from 0 (after reversing, when ``reverse`` is set); ``odds_multiplier``
    applies to odd positions and ``evens_multiplier`` to even ones. A letter counts as
    ``(ord(letter) - 3) % 10`` (UPS 1Z numbers).
    """
    check = _digit(check_digit)
    if check is None:
        return False
    chars = reversed(sequence) if spec.reverse else iter(sequence)
    total = 0
    for i, c in enumerate(chars):
        x = int(c) if c.isdigit() else (ord(c) - 3) % 10
        if spec.odds_multiplier is not None and i % 2 == 1:
            x *= spec.odds_multiplier
        elif spec.evens_multiplier is not None and i % 2 == 0:
            x *= spec.evens_multiplier
        total += x
    modulo = spec.modulo or 10
    return (modulo - total % modulo) % modulo == check


def luhn(sequence: str, check_digit: str, spec: ChecksumSpec) -> bool:
    """The Luhn (ISO/IEC 7812) check: from the right, double every second digit of the payload."""
    check = _digit(check_digit)
    if check is None or not sequence.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(sequence)):
        x = int(c)
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    modulo = spec.modulo or 10
    return (modulo - total % modulo) % modulo == check


def s10(sequence: str, check_digit: str, spec: ChecksumSpec) -> bool:
    """UPU S10: weights 8 6 4 2 3 5 9 7, modulo 11; 10 becomes 0 and 11 becomes 5."""
    check = _digit(check_digit)
    weights = spec.weightings or _S10_WEIGHTS
    if check is None or not sequence.isdigit() or len(sequence) != len(weights):
        return False
    remainder = sum(int(c) * w for c, w in zip(sequence, weights, strict=True)) % (
        spec.modulo or 11
    )
    expected = {0: 5, 1: 0}.get(remainder, 11 - remainder)
    return expected == check


def sum_product_with_weightings_and_modulo(
    sequence: str, check_digit: str, spec: ChecksumSpec
) -> bool:
    """Sum of digit × weight, then ``% modulo1 % modulo2`` (FedEx Express)."""
    check = _digit(check_digit)
    if check is None or not sequence.isdigit() or not spec.weightings:
        return False
    total = sum(int(c) * w for c, w in zip(sequence, spec.weightings, strict=False))
    return total % (spec.modulo1 or 11) % (spec.modulo2 or 10) == check


def mod_37_36(sequence: str, check_digit: str, spec: ChecksumSpec) -> bool:
    """ISO 7064 MOD 37,36 hybrid system over digits and letters (DPD parcel labels)."""
    mod = spec.modulo or 36
    cd = mod
    for c in sequence:
        value = _ALPHANUMERIC.find(c)
        if value < 0:
            return False
        cd += value
        if cd > mod:
            cd -= mod
        cd *= 2
        if cd > mod:
            cd -= mod + 1
    cd = (mod + 1) - cd
    if cd == mod:
        cd = 0
    return _ALPHANUMERIC[cd] == check_digit


CHECKSUM_ALGORITHMS: Mapping[str, Callable[[str, str, ChecksumSpec], bool]] = {
    "mod7": mod7,
    "mod10": mod10,
    "luhn": luhn,
    "s10": s10,
    "sum_product_with_weightings_and_modulo": sum_product_with_weightings_and_modulo,
    "mod_37_36": mod_37_36,
}
"""Every algorithm a number format may name, by its name in the data."""


def validate(spec: ChecksumSpec, sequence: str, check_digit: str) -> bool:
    """Whether ``check_digit`` is right for ``sequence`` under ``spec`` (unknown name: False)."""
    algorithm = CHECKSUM_ALGORITHMS.get(spec.algorithm)
    return algorithm is not None and algorithm(sequence, check_digit, spec)


def check_bits(spec: ChecksumSpec) -> float:
    """How much evidence (in bits) a correct check character gives: log2 of its value count."""
    if spec.algorithm == "mod_37_36":
        return math.log2(spec.modulo or 36)
    if spec.algorithm == "mod7":
        return math.log2(spec.modulo or 7)
    return math.log2(10)
