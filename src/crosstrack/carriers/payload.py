"""Reading carrier JSON leniently: objects, optional lists, scalar text, linked numbers.

Shared by the parsers of the Chinese dedicated lines and Cainiao, whose answers mix numbers
and strings in the same fields. Errors say which carrier and which part of the answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from crosstrack.carriers.errors import MalformedPayload


def json_object(value: object, what: str, carrier: str) -> Mapping[str, Any]:
    """``value`` if it is a JSON object; else :class:`MalformedPayload` naming ``what``."""
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"{carrier} {what} is a {type(value).__name__}, not an object")
    return value


def optional_list(value: object, what: str, carrier: str) -> list[Any]:
    """A list that may be missing (``None``: empty); anything else is malformed."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedPayload(f"{carrier} {what} is not a list")
    return value


def scalar_text(value: object) -> str | None:
    """Text of a string or number (``None`` for absent, blank, booleans and objects)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def linked_numbers(data: Mapping[str, Any], fields: Sequence[str], own: str) -> tuple[str, ...]:
    """The parcel's other numbers in ``fields`` (first seen first, without ``own``)."""
    return tuple(
        dict.fromkeys(
            value
            for field in fields
            if (value := scalar_text(data.get(field))) is not None and value != own
        )
    )


def nested(value: object, *keys: str) -> object:
    """``value[key][key]…`` through JSON objects; ``None`` as soon as a key is missing or a
    value on the way is not an object (for optional data that must never fail a result)."""
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
