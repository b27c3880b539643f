"""How carriers print simulated times: local wall-clock text and UTC offsets."""

from __future__ import annotations

from datetime import UTC

from crosstrack.sim.model import SimEvent


def offset_text(minutes: int, *, prefix: str = "") -> str:
    """``+08:00`` (or ``GMT+8`` style when ``prefix`` is given and the offset is whole hours)."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    if prefix:
        return f"{prefix}{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return f"{sign}{hours:02d}:{rest:02d}"


def local_iso(event: SimEvent) -> str:
    """The event's local time in ISO 8601 with its offset (``2024-03-05T10:12:00+08:00``)."""
    return event.local_time.strftime("%Y-%m-%dT%H:%M:%S") + offset_text(event.utc_offset_minutes)


def utc_iso(event: SimEvent) -> str:
    """The event's instant in UTC (``2024-03-05T02:12:00Z``)."""
    return event.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def place_text(event: SimEvent) -> str | None:
    """The event's location as the carrier would print it."""
    if event.location:
        return event.location
    parts = [p for p in (event.city, event.country) if p]
    return ", ".join(parts) or None
