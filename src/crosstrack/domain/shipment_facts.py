"""One row of facts per shipment: what analytics counts, worked out from its timeline.

:func:`extract_facts` is a pure function of a shipment, its current state and timeline, the
facts it had before (for the first estimate made after pick-up, which is not kept anywhere
else), ``now`` and a calendar of holidays. Every definition is in ``docs/analytics.md``; the
short version:

- **shipped**: the first pick-up or facility scan, else the first event; its *day* is the
  local calendar day of that scan (its own UTC offset; UTC when unknown);
- **delivered**: the last delivery scan, when the shipment's status is ``delivered``;
  **transit** is delivered minus shipped;
- **on time against the promise**: delivered on or before the promised day (local day of the
  delivery scan); returned or lost parcels are late; an open parcel is late once the promised
  day has passed (in UTC) and not yet judged before;
- **on time against the ETA**: the same against the P90 day of the first estimate made at or
  after the shipped moment;
- **import customs clearance**: from the first ``import_customs`` scan (else the first
  ``arrived_destination_country`` one) to the first ``customs_released`` scan after it;
- **customs held**: a scan gave a customs reason (``customs_documents_or_duties``,
  ``customs_held_or_seized``);
- **outcome**: ``delivered``, ``returned``, ``lost`` (a ``lost_or_missing`` exception, or no
  scan for 30 days) or ``open``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from crosstrack.domain.analytics import (
    CLEARANCE_BUCKETS,
    TRANSIT_BUCKETS,
    TagKind,
    week_of,
)
from crosstrack.domain.analytics_calendar import AnalyticsCalendar, Season, season_of
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.timeline import Timeline, TimelineEvent
from crosstrack.domain.vocabulary import Milestone, Reason, Status

LOST_AFTER_SILENCE = timedelta(days=30)
"""A parcel not delivered or returned with no scan for this long is counted as lost."""
CUSTOMS_REASONS = (Reason.CUSTOMS_DOCUMENTS_OR_DUTIES, Reason.CUSTOMS_HELD_OR_SEIZED)
"""The reasons that mean customs held the parcel."""

_SHIPPED = frozenset({Milestone.PICKED_UP, Milestone.FACILITY})
_AT_CUSTOMS = frozenset({Milestone.IMPORT_CUSTOMS, Milestone.CUSTOMS_RELEASED})
_PAST_CUSTOMS = frozenset(
    {
        Milestone.OUT_FOR_DELIVERY,
        Milestone.DELIVERY_ATTEMPT,
        Milestone.AVAILABLE_FOR_PICKUP,
        Milestone.DELIVERED,
    }
)
_PROBLEMS = frozenset({Status.EXCEPTION, Status.ATTEMPT_FAILED})


class Outcome(StrEnum):
    """How a shipment ended (so far)."""

    DELIVERED = "delivered"
    RETURNED = "returned"
    LOST = "lost"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class ShipmentFacts:
    """What analytics knows about one shipment (one row of ``shipment_facts``)."""

    merchant_id: str
    shipment_id: str
    origin: str | None
    destination: str | None
    carrier: str | None
    """The first-mile carrier: the one the merchant booked (the first leg's)."""
    last_mile_carrier: str | None
    """The carrier of the last leg of the journey (the first one's when there is one leg)."""
    service: str | None
    shipped_at: datetime | None
    shipped_on: date | None
    """The local calendar day of the shipped scan: the day it is counted under."""
    delivered_at: datetime | None
    delivered_on: date | None
    transit: timedelta | None
    """Delivered minus shipped (delivered parcels only)."""
    promised_date: date | None
    on_time_promise: bool | None
    """``None``: no promise, or not judged yet."""
    eta_p90: date | None
    """The P90 day of the first estimate made at or after the shipped moment."""
    eta_made_at: datetime | None
    on_time_eta: bool | None
    customs_reached: bool
    """The parcel went through (or is in) import customs: a customs scan, a customs reason,
    or a last-mile scan, on a cross-border shipment."""
    customs_arrived_at: datetime | None
    customs_released_at: datetime | None
    clearance: timedelta | None
    exception_reasons: tuple[Reason, ...]
    """Every cause of an exception or failed attempt seen (``other`` when none was said)."""
    failed_attempts: int
    outcome: Outcome
    categories: tuple[str, ...]
    """Declared product categories, case-folded, sorted."""
    hs_codes: tuple[str, ...]
    """Declared HS codes (digits), sorted."""
    season: Season | None
    spans_holiday: bool | None
    """Delivered parcels: a public holiday of the destination fell between the shipped and
    the delivered day (both included)."""
    as_of: datetime
    """When these facts were worked out."""

    @property
    def week(self) -> date | None:
        """The Monday of the ISO week of the shipped day: the week it is counted in."""
        return week_of(self.shipped_on) if self.shipped_on else None

    @property
    def weekday(self) -> int | None:
        """The ISO weekday of the shipped day (1 Monday .. 7 Sunday)."""
        return self.shipped_on.isoweekday() if self.shipped_on else None

    @property
    def customs_hold_reasons(self) -> tuple[Reason, ...]:
        """Why customs held it (the customs reasons among its exception causes)."""
        return tuple(r for r in CUSTOMS_REASONS if r in self.exception_reasons)

    @property
    def customs_held(self) -> bool:
        return bool(self.customs_hold_reasons)

    @property
    def transit_bucket(self) -> int | None:
        return TRANSIT_BUCKETS.bucket(self.transit)

    @property
    def clearance_bucket(self) -> int | None:
        return CLEARANCE_BUCKETS.bucket(self.clearance)

    def tags(self) -> list[tuple[TagKind, str]]:
        """Its tags: exception reasons, categories, HS chapters, headings and codes."""
        found = [(TagKind.REASON, r.value) for r in self.exception_reasons]
        found += [(TagKind.CATEGORY, c) for c in self.categories]
        found += [(TagKind.HS_CHAPTER, c) for c in sorted({c[:2] for c in self.hs_codes})]
        found += [(TagKind.HS_HEADING, c) for c in sorted({c[:4] for c in self.hs_codes})]
        found += [(TagKind.HS_CODE, c) for c in self.hs_codes]
        return found


def extract_facts(
    shipment: Shipment,
    state: ShipmentState,
    timeline: Timeline | None,
    *,
    now: datetime,
    calendar: AnalyticsCalendar,
    previous: ShipmentFacts | None = None,
) -> ShipmentFacts:
    """The facts of ``shipment`` in ``state`` (its timeline ``None`` before any event)."""
    events = _timed(timeline)
    shipped = _first(events, lambda e: e.event.milestone in _SHIPPED) or _first(events)
    delivered = _delivered(timeline)
    shipped_at = _at(shipped)
    shipped_on = _local_day(shipped)
    delivered_at = _at(delivered)
    delivered_on = _local_day(delivered)
    problems = [e for e in events if e.event.status in _PROBLEMS]
    reasons = sorted({_cause(e) for e in problems}, key=lambda r: r.value)
    status = timeline.status if timeline else state.status
    last_event_at = timeline.last_event_at if timeline else None
    outcome = _outcome(status, reasons, last_event_at, now)
    arrived = _first(events, lambda e: e.event.milestone is Milestone.IMPORT_CUSTOMS) or _first(
        events, lambda e: e.event.milestone is Milestone.ARRIVED_DESTINATION_COUNTRY
    )
    released = _released(events, arrived)
    arrived_at, released_at = _at(arrived), _at(released)
    eta_p90, eta_made_at = _first_estimate(state, shipped_at, previous)
    origin = shipment.origin.country if shipment.origin else None
    destination = shipment.destination.country if shipment.destination else None
    transit = delivered_at - shipped_at if delivered_at and shipped_at else None

    def judged(deadline: date | None) -> bool | None:
        return _judged(deadline, outcome, delivered_on, now)

    return ShipmentFacts(
        merchant_id=shipment.merchant_id,
        shipment_id=shipment.id,
        origin=origin,
        destination=destination,
        carrier=_first_mile(shipment, timeline),
        last_mile_carrier=_last_mile(shipment, timeline),
        service=shipment.service,
        shipped_at=shipped_at,
        shipped_on=shipped_on,
        delivered_at=delivered_at,
        delivered_on=delivered_on,
        transit=transit,
        promised_date=shipment.promised_date,
        on_time_promise=judged(shipment.promised_date),
        eta_p90=eta_p90,
        eta_made_at=eta_made_at,
        on_time_eta=judged(eta_p90),
        customs_reached=_customs_reached(events, origin, destination),
        customs_arrived_at=arrived_at,
        customs_released_at=released_at,
        clearance=released_at - arrived_at if released_at and arrived_at else None,
        exception_reasons=tuple(reasons),
        failed_attempts=sum(1 for e in problems if e.event.status is Status.ATTEMPT_FAILED),
        outcome=outcome,
        categories=_categories(shipment),
        hs_codes=tuple(sorted({i.hs_code for i in shipment.items if i.hs_code})),
        season=season_of(shipped_on, origin, calendar.chinese_new_year) if shipped_on else None,
        spans_holiday=_spans_holiday(calendar, destination, shipped_on, delivered_on),
        as_of=now,
    )


def _timed(timeline: Timeline | None) -> list[TimelineEvent]:
    """The events that count, in time order."""
    if timeline is None:
        return []
    chosen = [e for e in timeline.events if e.affects_state and e.event.occurred_at is not None]
    return sorted(chosen, key=lambda e: e.event.occurred_at or datetime.min)


def _first(
    events: Iterable[TimelineEvent], test: Callable[[TimelineEvent], bool] | None = None
) -> TimelineEvent | None:
    return next((entry for entry in events if test is None or test(entry)), None)


def _at(entry: TimelineEvent | None) -> datetime | None:
    return entry.event.occurred_at if entry else None


def _local_day(entry: TimelineEvent | None) -> date | None:
    """The calendar day of a scan where it happened (UTC when its offset is unknown)."""
    if entry is None or entry.event.occurred_at is None:
        return None
    offset = timedelta(minutes=entry.event.utc_offset_minutes or 0)
    return (entry.event.occurred_at + offset).date()


def _delivered(timeline: Timeline | None) -> TimelineEvent | None:
    """The last delivery scan of a delivered shipment."""
    if timeline is None or timeline.status is not Status.DELIVERED:
        return None
    return next(
        (
            entry
            for entry in reversed(timeline.events)
            if entry.event.status is Status.DELIVERED and entry.event.occurred_at is not None
        ),
        None,
    )


def _cause(entry: TimelineEvent) -> Reason:
    reason = entry.event.reason
    return Reason.OTHER if reason is Reason.NONE else reason


def _outcome(
    status: Status, reasons: Sequence[Reason], last_event_at: datetime | None, now: datetime
) -> Outcome:
    if status is Status.DELIVERED:
        return Outcome.DELIVERED
    if status is Status.RETURNED:
        return Outcome.RETURNED
    silent = last_event_at is not None and now - last_event_at >= LOST_AFTER_SILENCE
    if Reason.LOST_OR_MISSING in reasons or silent:
        return Outcome.LOST
    return Outcome.OPEN


def _judged(
    deadline: date | None, outcome: Outcome, delivered_on: date | None, now: datetime
) -> bool | None:
    """On time against ``deadline`` (``None``: nothing to judge yet)."""
    if deadline is None:
        return None
    if outcome is Outcome.DELIVERED and delivered_on is not None:
        return delivered_on <= deadline
    if outcome in (Outcome.RETURNED, Outcome.LOST):
        return False
    return False if now.date() > deadline else None


def _released(
    events: Sequence[TimelineEvent], arrived: TimelineEvent | None
) -> TimelineEvent | None:
    if arrived is None or arrived.event.occurred_at is None:
        return None
    start = arrived.event.occurred_at
    return _first(
        events,
        lambda e: (
            e.event.milestone is Milestone.CUSTOMS_RELEASED
            and e.event.occurred_at is not None
            and e.event.occurred_at >= start
        ),
    )


def _customs_reached(
    events: Sequence[TimelineEvent], origin: str | None, destination: str | None
) -> bool:
    if origin is not None and origin == destination:
        return False  # a domestic parcel meets no customs
    return any(
        e.event.milestone in _AT_CUSTOMS
        or e.event.milestone in _PAST_CUSTOMS
        or e.event.reason in CUSTOMS_REASONS
        for e in events
    )


def _first_estimate(
    state: ShipmentState, shipped_at: datetime | None, previous: ShipmentFacts | None
) -> tuple[date | None, datetime | None]:
    """The P90 day and time of the first estimate made at or after the shipped moment: kept
    from ``previous`` once taken, else the current estimate when it qualifies."""
    if previous is not None and previous.eta_p90 is not None:
        return previous.eta_p90, previous.eta_made_at
    eta = state.eta
    if eta is not None and shipped_at is not None and eta.as_of >= shipped_at:
        return eta.p90, eta.as_of
    return None, None


def _first_mile(shipment: Shipment, timeline: Timeline | None) -> str | None:
    ordered = sorted(shipment.legs, key=lambda leg: leg.position)
    if ordered and ordered[0].carrier:
        return ordered[0].carrier
    legs = sorted(timeline.legs, key=lambda leg: leg.order) if timeline else []
    return (legs[0].carrier or None) if legs else None


def _last_mile(shipment: Shipment, timeline: Timeline | None) -> str | None:
    legs = sorted(timeline.legs, key=lambda leg: leg.order) if timeline else []
    if legs and legs[-1].carrier:
        return legs[-1].carrier
    ordered = sorted(shipment.legs, key=lambda leg: leg.position)
    return ordered[-1].carrier if ordered else None


def _categories(shipment: Shipment) -> tuple[str, ...]:
    named = (item.category.strip().casefold() for item in shipment.items if item.category)
    return tuple(sorted({name for name in named if name}))


def _spans_holiday(
    calendar: AnalyticsCalendar,
    destination: str | None,
    shipped_on: date | None,
    delivered_on: date | None,
) -> bool | None:
    if destination is None or shipped_on is None or delivered_on is None:
        return None
    if delivered_on < shipped_on:
        return False
    return bool(calendar.holidays(destination, shipped_on, delivered_on))
