"""What one shipment's facts add to the rollups (the reference the SQL aggregation follows).

A shipment counts in the rollups once it has a shipped day. It adds:

- to its **day row** (merchant, week, weekday, origin, destination, carrier, service) the
  :class:`Counters` of :func:`counters_of`;
- to the **histograms** the buckets of :func:`histogram_entries` (metric, weekday, bucket);
- to the **tag rows** one parcel for each tag of :func:`summed_tags`, with whether it went
  through customs and had a customs problem there.

The in-memory store sums these in Python; the SQL repositories compute the same sums with
``INSERT ... SELECT ... GROUP BY`` (a test runs both on the same facts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from crosstrack.domain.analytics import (
    SUMMED_TAGS,
    UNKNOWN,
    WEEKDAY_TRANSIT_BUCKETS,
    WHOLE_WEEK,
    Dim,
    Metric,
    TagKind,
)
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts


@dataclass(frozen=True, slots=True)
class Counters:
    """Parcel counts of a set of shipments (every field is a number of parcels but
    ``failed_attempts``, a number of attempts)."""

    shipments: int = 0
    delivered: int = 0
    returned: int = 0
    lost: int = 0
    open: int = 0
    promise_judged: int = 0
    """With a promised day, and judged (see ``ShipmentFacts.on_time_promise``)."""
    promise_on_time: int = 0
    eta_judged: int = 0
    eta_on_time: int = 0
    customs_reached: int = 0
    customs_cleared: int = 0
    """With a clearance time."""
    customs_held: int = 0
    excepted: int = 0
    """With at least one exception or failed attempt."""
    attempted: int = 0
    """With at least one failed delivery attempt."""
    failed_attempts: int = 0
    holiday_spanning: int = 0
    """Delivered, across a public holiday of the destination."""

    def __add__(self, other: Counters) -> Counters:
        return Counters(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counters)))

    @staticmethod
    def total(items: Iterable[Counters]) -> Counters:
        """The field-wise sum."""
        return sum(items, Counters())


COUNTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Counters))


@dataclass(frozen=True, slots=True)
class DayKey:
    """The day row a shipment counts in."""

    week: date
    weekday: int
    origin: str
    destination: str
    carrier: str
    service: str

    def dimension(self, dim: Dim) -> str | date | int:
        return getattr(self, dim.value)  # type: ignore[no-any-return]


def day_key(facts: ShipmentFacts) -> DayKey | None:
    """Where a shipment counts (``None`` before it has a shipped day)."""
    if facts.week is None or facts.weekday is None:
        return None
    return DayKey(
        week=facts.week,
        weekday=facts.weekday,
        origin=facts.origin or UNKNOWN,
        destination=facts.destination or UNKNOWN,
        carrier=facts.carrier or UNKNOWN,
        service=facts.service or UNKNOWN,
    )


def counters_of(facts: ShipmentFacts) -> Counters:
    """What one shipment adds to its day row."""
    return Counters(
        shipments=1,
        delivered=int(facts.outcome is Outcome.DELIVERED),
        returned=int(facts.outcome is Outcome.RETURNED),
        lost=int(facts.outcome is Outcome.LOST),
        open=int(facts.outcome is Outcome.OPEN),
        promise_judged=int(facts.on_time_promise is not None),
        promise_on_time=int(facts.on_time_promise is True),
        eta_judged=int(facts.on_time_eta is not None),
        eta_on_time=int(facts.on_time_eta is True),
        customs_reached=int(facts.customs_reached),
        customs_cleared=int(facts.clearance_bucket is not None),
        customs_held=int(facts.customs_held),
        excepted=int(bool(facts.exception_reasons)),
        attempted=int(facts.failed_attempts > 0),
        failed_attempts=facts.failed_attempts,
        holiday_spanning=int(facts.spans_holiday is True and facts.transit_bucket is not None),
    )


def histogram_entries(facts: ShipmentFacts) -> list[tuple[Metric, int, int]]:
    """The (metric, weekday, bucket) entries one shipment adds a parcel to."""
    entries: list[tuple[Metric, int, int]] = []
    transit = facts.transit_bucket
    if transit is not None and facts.weekday is not None:
        entries.append((Metric.TRANSIT, WHOLE_WEEK, transit))
        if facts.spans_holiday:
            entries.append((Metric.TRANSIT_HOLIDAY, WHOLE_WEEK, transit))
        if facts.season is Season.PEAK:
            entries.append((Metric.TRANSIT_PEAK, WHOLE_WEEK, transit))
        if facts.season is Season.CHINESE_NEW_YEAR:
            entries.append((Metric.TRANSIT_CNY, WHOLE_WEEK, transit))
        entries.append((Metric.TRANSIT_BY_WEEKDAY, facts.weekday, weekday_bucket(transit)))
    if facts.clearance_bucket is not None:
        entries.append((Metric.CLEARANCE, WHOLE_WEEK, facts.clearance_bucket))
    return entries


def weekday_bucket(transit_bucket: int) -> int:
    """A transit bucket's whole-day bucket (two half-day buckets make a day)."""
    return min(transit_bucket // 2, WEEKDAY_TRANSIT_BUCKETS.buckets)


@dataclass(frozen=True, slots=True)
class TagCounts:
    """Parcels with a tag: all of them, those that reached customs, those held there."""

    parcels: int = 0
    customs_reached: int = 0
    customs_problems: int = 0

    def __add__(self, other: TagCounts) -> TagCounts:
        return TagCounts(
            self.parcels + other.parcels,
            self.customs_reached + other.customs_reached,
            self.customs_problems + other.customs_problems,
        )


def summed_tags(facts: ShipmentFacts) -> list[tuple[TagKind, str, TagCounts]]:
    """The tags one shipment adds a parcel to, each with its customs counts."""
    counts = TagCounts(1, int(facts.customs_reached), int(facts.customs_held))
    return [(kind, code, counts) for kind, code in facts.tags() if kind in SUMMED_TAGS]
