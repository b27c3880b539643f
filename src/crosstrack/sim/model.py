"""The simulator's values: lanes, parcels, their legs and their (synthetic) events.

Every simulated event carries the ground truth (status, milestone, reason) beside the text a
carrier would write, so tests and evaluations can check the normalizer and the timeline
against what really "happened". All of it is synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from crosstrack.domain.vocabulary import Milestone, Reason, Status

SYNTHETIC = "synthetic"
"""The label every simulated record carries (CSV column ``data_source``, JSON field)."""


@dataclass(frozen=True, slots=True)
class Lane:
    """Where a parcel goes and how: origin and destination countries, and the service."""

    origin: str
    """ISO 3166-1 alpha-2."""
    destination: str
    service: str
    """``postal``, ``dedicated_line`` or ``express``."""


@dataclass(frozen=True, slots=True)
class SimLeg:
    """One carrier's tracking number for part of the journey."""

    carrier: str
    """Carrier slug (docs/carriers.md)."""
    tracking_number: str


@dataclass(frozen=True, slots=True)
class SimEvent:
    """One scan as the carrier reports it, with the truth behind it."""

    at: datetime
    """When it happened (aware UTC)."""
    carrier: str
    tracking_number: str
    code: str | None
    """The carrier's own event code in its API (UPS status type, Cainiao action code...)."""
    description: str
    """The text in the carrier's style and language."""
    language: str
    location: str | None
    city: str | None
    country: str | None
    utc_offset_minutes: int
    """The local offset at the place of the scan (carriers print local times)."""
    status: Status
    milestone: Milestone
    reason: Reason = Reason.NONE

    @property
    def local_time(self) -> datetime:
        """The wall-clock time the carrier prints (naive)."""
        return (self.at + timedelta(minutes=self.utc_offset_minutes)).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class SimParcel:
    """A simulated parcel: its lane, legs and every event it will ever have."""

    id: str
    lane: Lane
    legs: tuple[SimLeg, ...]
    events: tuple[SimEvent, ...]
    """Sorted by ``at``; the future ones are revealed as simulated time passes."""
    shipped_at: datetime
    promised_date: date | None = None
    problem: str | None = None
    """The problem injected into this journey, if any (``customs_documents``, ``lost``...)."""

    @property
    def delivered_at(self) -> datetime | None:
        """When it was delivered (``None`` if it never is: lost, returned)."""
        return next((e.at for e in self.events if e.status is Status.DELIVERED), None)

    def events_until(
        self, now: datetime, tracking_number: str | None = None
    ) -> tuple[SimEvent, ...]:
        """The events that have happened by ``now`` (of one leg's number, when given)."""
        return tuple(
            e
            for e in self.events
            if e.at <= now and (tracking_number is None or e.tracking_number == tracking_number)
        )


@dataclass(frozen=True, slots=True)
class SimClock:
    """Accelerated time: ``speed`` simulated seconds pass per real second from ``real_start``,
    starting at ``sim_start``."""

    sim_start: datetime
    real_start: float
    """A ``time.monotonic()`` reading."""
    speed: float = 3600.0

    def now(self, real_now: float) -> datetime:
        """The simulated time at the real monotonic time ``real_now``."""
        return self.sim_start + timedelta(seconds=(real_now - self.real_start) * self.speed)
