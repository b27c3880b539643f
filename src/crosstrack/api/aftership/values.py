"""Small readers of AfterShip's query and body values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from crosstrack.api.aftership.envelope import AfterShipError
from crosstrack.api.commands import as_utc

T = TypeVar("T")

PREFIX = "/tracking/2026-07"
"""The API version the SDK this layer follows speaks (``aftership-tracking-sdk`` 10)."""


def moment(given: str | None, field: str) -> datetime | None:
    """An ISO 8601 date-time in UTC (a naive one is read as UTC); code 4008 when unreadable."""
    if given is None or not given.strip():
        return None
    try:
        found = datetime.fromisoformat(given.strip().replace("Z", "+00:00"))
    except ValueError:
        raise AfterShipError(400, 4008, f"{field}: not an ISO 8601 date-time") from None
    return as_utc(found)


def each(given: str | None, convert: Callable[[str], T]) -> frozenset[T] | None:
    """A comma-separated value's parts, converted (``None`` when absent or empty)."""
    if given is None:
        return None
    parts = [part.strip() for part in given.split(",") if part.strip()]
    return frozenset(convert(part) for part in parts) if parts else None
