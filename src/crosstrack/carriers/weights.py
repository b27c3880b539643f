"""A parcel's weight as a carrier reported it, read leniently: the weight, or ``None``.

A weight is optional data: a missing, malformed or nonsensical one (an unknown unit, text
that is not a number, zero: "not weighed yet") is left out and never fails the tracking result
it came with. What was left out is logged at debug level with the carrier and the reason's code
only (no tracking number, no payload).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from crosstrack.domain.errors import DomainError
from crosstrack.domain.units import Measure, Unit, parse_measure_text, parse_weight

log = logging.getLogger(__name__)


def reported_weight(carrier: str, value: object, unit: object) -> Measure | None:
    """The weight ``value`` in ``unit`` (a carrier's spelling, or a :class:`Unit` the carrier
    documents), or ``None`` when either is missing or unreadable."""
    if value is None or value == "" or unit is None:
        return None
    if not isinstance(unit, str | Unit):
        _left_out(carrier, "unit_not_text")
        return None
    try:
        return parse_weight(value, unit)
    except DomainError as exc:
        _left_out(carrier, exc.code)
        return None


def weight_in(carrier: str, block: object, value_key: str, unit_key: str) -> Measure | None:
    """The weight in a carrier's ``{value, unit}`` object (``None`` when it is not one)."""
    if not isinstance(block, Mapping):
        return None
    return reported_weight(carrier, block.get(value_key), block.get(unit_key))


def weight_in_text(carrier: str, text: object) -> Measure | None:
    """The weight in one text, number then unit (``"0.21 kg"``); ``None`` without a unit."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        measure = parse_measure_text(text)
    except DomainError as exc:
        _left_out(carrier, exc.code)
        return None
    return reported_weight(carrier, measure.value, measure.unit)


def _left_out(carrier: str, reason: str) -> None:
    log.debug("%s: reported weight left out (%s)", carrier, reason)
