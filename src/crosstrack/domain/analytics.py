"""The vocabulary of analytics: periods, filters, dimensions, histograms and percentiles.

Analytics never reads shipments one by one: each shipment's facts
(:mod:`crosstrack.domain.shipment_facts`) are summed into rollups keyed by merchant, ISO week
(and weekday), origin, destination, carrier and service. Durations are kept as histograms of
fixed-width buckets, so the percentiles of any union of rollup rows come from summed bucket
counts: the P10/P50/P90 reported is the midpoint of the bucket that holds the nearest-rank
percentile, which is never more than half a bucket width from the exact one (see
``docs/analytics.md``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from crosstrack.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class HistogramSpec:
    """Buckets ``[i * width, (i + 1) * width)`` for ``i < buckets``, and one last bucket
    (index ``buckets``) for everything from ``buckets * width`` on."""

    width: timedelta
    buckets: int

    @property
    def ceiling(self) -> timedelta:
        """Where the overflow bucket starts."""
        return self.width * self.buckets

    def bucket(self, duration: timedelta | None) -> int | None:
        """The bucket of ``duration`` (``None`` for none, or a negative one)."""
        if duration is None or duration < timedelta(0):
            return None
        return min(duration // self.width, self.buckets)

    def value(self, bucket: int) -> timedelta:
        """What a bucket stands for: its midpoint (the overflow bucket: its lower edge)."""
        if bucket >= self.buckets:
            return self.ceiling
        return self.width * bucket + self.width / 2


TRANSIT_BUCKETS = HistogramSpec(timedelta(hours=12), 180)
"""Transit times: half-day buckets up to 90 days (P50 within 6 hours of the exact one)."""
WEEKDAY_TRANSIT_BUCKETS = HistogramSpec(timedelta(days=1), 90)
"""Transit times by weekday shipped: whole-day buckets (each is two transit buckets)."""
CLEARANCE_BUCKETS = HistogramSpec(timedelta(hours=1), 720)
"""Import customs clearance: one-hour buckets up to 30 days (within 30 minutes)."""


class Metric(StrEnum):
    """The durations kept as histograms in the rollups."""

    TRANSIT = "transit"
    """Delivered parcels: shipped to delivered (:data:`TRANSIT_BUCKETS`)."""
    TRANSIT_HOLIDAY = "transit_holiday"
    """Those of them whose journey spans a public holiday of the destination."""
    TRANSIT_PEAK = "transit_peak"
    """Those of them shipped in peak season."""
    TRANSIT_CNY = "transit_cny"
    """Those of them shipped from China around Chinese New Year."""
    TRANSIT_BY_WEEKDAY = "transit_by_weekday"
    """Transit by weekday shipped (:data:`WEEKDAY_TRANSIT_BUCKETS`)."""
    CLEARANCE = "clearance"
    """Import customs clearance (:data:`CLEARANCE_BUCKETS`)."""


SPECS: Mapping[Metric, HistogramSpec] = {
    Metric.TRANSIT: TRANSIT_BUCKETS,
    Metric.TRANSIT_HOLIDAY: TRANSIT_BUCKETS,
    Metric.TRANSIT_PEAK: TRANSIT_BUCKETS,
    Metric.TRANSIT_CNY: TRANSIT_BUCKETS,
    Metric.TRANSIT_BY_WEEKDAY: WEEKDAY_TRANSIT_BUCKETS,
    Metric.CLEARANCE: CLEARANCE_BUCKETS,
}

WHOLE_WEEK = 0
"""The ``weekday`` of rollup rows that are not split by weekday (others: ISO 1–7)."""


class TagKind(StrEnum):
    """What a shipment is tagged with besides its dimensions (several values each)."""

    REASON = "reason"
    """An exception cause seen on its timeline."""
    CATEGORY = "category"
    """A declared product category (case-folded)."""
    HS_CHAPTER = "hs_chapter"
    HS_HEADING = "hs_heading"
    HS_CODE = "hs_code"
    """A declared HS code (kept with the facts, not summed)."""


SUMMED_TAGS = (TagKind.REASON, TagKind.CATEGORY, TagKind.HS_CHAPTER, TagKind.HS_HEADING)
"""The tag kinds the rollups count."""


class Dim(StrEnum):
    """What rollup rows can be grouped by."""

    WEEK = "week"
    WEEKDAY = "weekday"
    ORIGIN = "origin"
    DESTINATION = "destination"
    CARRIER = "carrier"
    SERVICE = "service"


LANE: tuple[Dim, ...] = (Dim.ORIGIN, Dim.DESTINATION, Dim.CARRIER, Dim.SERVICE)
"""Origin, destination, carrier and service: the unit of every statistic."""
UNKNOWN = ""
"""How an unknown origin, destination, carrier or service is keyed in the rollups."""


def week_of(day: date) -> date:
    """The Monday of ``day``'s ISO week (the rollups' week key)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class AnalyticsFilter:
    """Which parcels a view counts: shipped in the ISO weeks that meet ``first_day`` to
    ``last_day`` (inclusive; open-ended when ``None``), on these dimensions when given."""

    first_day: date | None = None
    last_day: date | None = None
    origin: str | None = None
    destination: str | None = None
    carrier: str | None = None
    service: str | None = None

    def __post_init__(self) -> None:
        for name in ("first_day", "last_day"):  # a datetime means its calendar day
            value = getattr(self, name)
            if isinstance(value, datetime):
                object.__setattr__(self, name, value.date())
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise DomainError("`to` is before `from`", field="to")

    @property
    def first_week(self) -> date | None:
        """The Monday of the first week counted."""
        return week_of(self.first_day) if self.first_day else None

    @property
    def last_week(self) -> date | None:
        """The Monday of the last week counted."""
        return week_of(self.last_day) if self.last_day else None

    @property
    def dimensions(self) -> dict[Dim, str]:
        """The dimensions fixed by the filter, and their values."""
        given = {
            Dim.ORIGIN: self.origin,
            Dim.DESTINATION: self.destination,
            Dim.CARRIER: self.carrier,
            Dim.SERVICE: self.service,
        }
        return {dim: value for dim, value in given.items() if value is not None}

    def admits_week(self, week: date) -> bool:
        """Whether rows of the week starting ``week`` (a Monday) are counted."""
        first, last = self.first_week, self.last_week
        return (first is None or week >= first) and (last is None or week <= last)


Histogram = Mapping[int, int]
"""Bucket index -> parcels."""
K = TypeVar("K")
V = TypeVar("V", int, float)


def merged(histograms: Iterable[Mapping[K, int]]) -> dict[K, int]:
    """The bucket-wise sum (of histograms, or of any counts by key)."""
    total: dict[K, int] = {}
    for histogram in histograms:
        for bucket, count in histogram.items():
            total[bucket] = total.get(bucket, 0) + count
    return total


def without(histogram: Histogram, part: Histogram) -> dict[int, int]:
    """``histogram`` less the parcels of ``part`` (a sub-histogram of it)."""
    rest = {b: n - part.get(b, 0) for b, n in histogram.items()}
    return {b: n for b, n in rest.items() if n > 0}


def nearest_rank(counted: Mapping[V, int], q: float) -> V | None:
    """The nearest-rank ``q`` quantile (0 < q <= 1) of values counted ``{value: parcels}``;
    ``None`` when nothing is counted."""
    if not 0 < q <= 1:
        raise DomainError(f"a percentile is in (0, 1], not {q}")
    total = sum(counted.values())
    if total <= 0:
        return None
    rank = max(1, math.ceil(q * total - 1e-9))
    seen = 0
    for value in sorted(counted):
        seen += counted[value]
        if seen >= rank:
            return value
    return max(counted)  # pragma: no cover - unreachable: seen reaches total


def percentile(histogram: Histogram, q: float, spec: HistogramSpec) -> timedelta | None:
    """The nearest-rank ``q`` percentile (0 < q <= 1) as its bucket's value; ``None`` for an
    empty histogram."""
    bucket = nearest_rank(histogram, q)
    return spec.value(bucket) if bucket is not None else None
