"""Value objects for carrier events: raw as given, and normalized into our vocabularies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from crosstrack.domain.vocabulary import Milestone, Reason, Status


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One scan or status report exactly as a carrier gave it.

    ``timestamp`` is the carrier's own text (ISO 8601, ``20211019 121800``, ``April 28, 2015
    8:29 am``, ...), often without an offset, in which case it is local to the event's location.
    """

    description: str
    carrier: str | None = None
    raw_status_code: str | None = None
    location: str | None = None
    timestamp: str | None = None
    language: str | None = None
    tracking_number: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Location:
    """A place parsed from carrier text; every field may be unknown."""

    text: str | None = None
    city: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    latitude: float | None = None
    longitude: float | None = None
    timezone: str | None = None
    """IANA zone name, when the place pins one down."""

    @property
    def is_empty(self) -> bool:
        return self.country is None and self.city is None and self.region is None


UNKNOWN_LOCATION = Location()


class TimeBasis(StrEnum):
    """How ``occurred_at`` was obtained from the carrier's timestamp text."""

    OFFSET_GIVEN = "offset_given"
    """The timestamp carried its own UTC offset (or ``Z``)."""
    LOCATION_ZONE = "location_zone"
    """No offset: the local time was resolved with the zone of the event's location."""
    CARRIER_ZONE = "carrier_zone"
    """No offset and no usable location: the carrier's home zone was assumed."""
    ASSUMED_UTC = "assumed_utc"
    """No offset and nothing to resolve a zone from: read as UTC (documented fallback)."""
    MISSING = "missing"
    """No timestamp, or one we could not read."""


@dataclass(frozen=True, slots=True)
class Classification:
    """What an event's code or text means in our vocabularies, and how sure we are (0..1)."""

    status: Status
    milestone: Milestone = Milestone.NONE
    reason: Reason = Reason.NONE
    confidence: float = 0.0
    rule: str = ""
    """Which table entry or text rule decided it (for explanations and debugging)."""


UNCLASSIFIED = Classification(Status.UNKNOWN, confidence=0.0, rule="unclassified")


@dataclass(frozen=True, slots=True)
class NormalizedEvent:
    """A raw event with its meaning, place and time resolved. The raw event is always kept."""

    raw: RawEvent
    status: Status
    milestone: Milestone
    reason: Reason
    confidence: float
    location: Location
    occurred_at: datetime | None
    """Timezone-aware UTC datetime, or ``None`` when the carrier gave no readable time."""
    utc_offset_minutes: int | None
    """The local offset at the event's place, when known (kept as data, not as text)."""
    time_basis: TimeBasis
    rule: str = ""
    carrier: str | None = None
    """The reporting carrier's slug when the directory knows it (``raw.carrier``: the label)."""
