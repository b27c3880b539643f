"""What each analytics view answers: typed, documented values (``docs/analytics.md`` defines
every number; the API serves them as JSON and CSV, the dashboard draws them).

Durations are floats in the report's ``unit`` (``days`` or ``hours``): the midpoint of the
bucket holding the percentile. A :class:`Rate` keeps its numerator and denominator beside the
ratio, so that readers can weigh it; its ratio is ``None`` when the denominator is zero.
Groups whose dimension is unknown have ``None`` there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from crosstrack.domain.analytics import AnalyticsFilter, HistogramSpec, percentile
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.vocabulary import Reason

MIN_SAMPLE = 30
"""Below this many parcels a comparison's figures are flagged ``small_sample``."""


@dataclass(frozen=True, slots=True)
class Scope:
    """What a report covers: whole ISO weeks (``first_day`` a Monday, ``last_day`` a Sunday;
    ``None``: from the first, or to the last, week there is), and the dimension filters."""

    first_day: date | None
    last_day: date | None
    origin: str | None = None
    destination: str | None = None
    carrier: str | None = None
    service: str | None = None

    @classmethod
    def of(cls, filters: AnalyticsFilter) -> Scope:
        last = filters.last_week + timedelta(days=6) if filters.last_week else None
        return cls(
            filters.first_week,
            last,
            filters.origin,
            filters.destination,
            filters.carrier,
            filters.service,
        )


@dataclass(frozen=True, slots=True)
class Spread:
    """How long parcels took: how many were measured and the P10, P50 (median) and P90."""

    count: int
    p10: float | None
    p50: float | None
    p90: float | None

    @classmethod
    def of(cls, histogram: Mapping[int, int], spec: HistogramSpec, unit: timedelta) -> Spread:
        def at(q: float) -> float | None:
            found = percentile(histogram, q, spec)
            return found / unit if found is not None else None

        return cls(sum(histogram.values()), at(0.1), at(0.5), at(0.9))


@dataclass(frozen=True, slots=True)
class Rate:
    """``numerator`` parcels out of ``denominator``."""

    numerator: int
    denominator: int

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True, slots=True)
class Lane:
    """Origin, destination, carrier and service (``None`` where unknown)."""

    origin: str | None
    destination: str | None
    carrier: str | None
    service: str | None


# --- transit ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LaneTransit:
    lane: Lane
    transit: Spread


@dataclass(frozen=True, slots=True)
class WeekTransit:
    week: date
    """The Monday of the ISO week the parcels were shipped in."""
    transit: Spread


@dataclass(frozen=True, slots=True)
class TransitReport:
    """Transit time (shipped to delivered, delivered parcels only) by lane and by week."""

    scope: Scope
    unit: str
    bucket_hours: float
    overall: Spread
    lanes: tuple[LaneTransit, ...]
    """Most parcels first."""
    weeks: tuple[WeekTransit, ...]
    """Oldest first."""


# --- on time ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OnTime:
    """On-time rates of a group: against the merchant's promise and against the ETA."""

    key: str | None
    """The carrier or destination (``None`` for every parcel, or unknown)."""
    shipments: int
    promise: Rate
    eta: Rate


@dataclass(frozen=True, slots=True)
class OnTimeReport:
    scope: Scope
    overall: OnTime
    by_carrier: tuple[OnTime, ...]
    by_destination: tuple[OnTime, ...]


# --- customs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldShare:
    """Parcels held by import customs for one reason, out of those that reached customs."""

    reason: Reason
    held: Rate


@dataclass(frozen=True, slots=True)
class CustomsRow:
    destination: str | None
    reached: int
    """Parcels that went through (or are in) import customs."""
    clearance: Spread
    held: Rate
    by_reason: tuple[HeldShare, ...]


@dataclass(frozen=True, slots=True)
class WeekClearance:
    week: date
    clearance: Spread


@dataclass(frozen=True, slots=True)
class CustomsReport:
    """Import customs: clearance time (arrival to release) and holds, by destination."""

    scope: Scope
    unit: str
    bucket_hours: float
    overall: CustomsRow
    by_destination: tuple[CustomsRow, ...]
    weeks: tuple[WeekClearance, ...]


# --- exceptions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cause:
    """Parcels that had an exception or failed attempt for ``reason``, out of those shipped."""

    reason: Reason
    parcels: Rate


@dataclass(frozen=True, slots=True)
class ExceptionRow:
    key: str | None
    shipments: int
    excepted: Rate
    """Parcels with at least one exception or failed attempt."""
    failed_attempts: int
    causes: tuple[Cause, ...]
    """Most parcels first."""


@dataclass(frozen=True, slots=True)
class ExceptionsReport:
    scope: Scope
    overall: ExceptionRow
    by_carrier: tuple[ExceptionRow, ...]
    by_destination: tuple[ExceptionRow, ...]


# --- seasonality -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekOfYear:
    week: int
    """ISO week number (1..53), every year of the period together."""
    shipments: int
    transit: Spread


@dataclass(frozen=True, slots=True)
class WeekdayRow:
    weekday: int
    """ISO weekday shipped: 1 Monday .. 7 Sunday."""
    shipments: int
    transit: Spread
    """In whole-day buckets."""


@dataclass(frozen=True, slots=True)
class SeasonRow:
    season: Season
    shipments: int
    transit: Spread


@dataclass(frozen=True, slots=True)
class HolidayRow:
    spans_holiday: bool
    """Whether the journey spanned a public holiday of the destination."""
    transit: Spread


@dataclass(frozen=True, slots=True)
class SeasonalityReport:
    scope: Scope
    unit: str
    by_week_of_year: tuple[WeekOfYear, ...]
    by_weekday: tuple[WeekdayRow, ...]
    seasons: tuple[SeasonRow, ...]
    holidays: tuple[HolidayRow, ...]


# --- carriers --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CarrierStanding:
    rank: int
    carrier: str | None
    shipments: int
    transit: Spread
    on_time: Rate
    """Against the promise."""
    exceptions: Rate
    small_sample: bool
    """Fewer than :data:`MIN_SAMPLE` delivered parcels: ranked after the others."""


@dataclass(frozen=True, slots=True)
class LaneComparison:
    origin: str | None
    destination: str | None
    service: str | None
    carriers: tuple[CarrierStanding, ...]
    """Best first."""


@dataclass(frozen=True, slots=True)
class CarriersReport:
    """Carriers compared on the lanes (origin, destination, service) that have two or more."""

    scope: Scope
    unit: str
    min_sample: int
    lanes: tuple[LaneComparison, ...]


# --- declarations ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeclarationRow:
    code: str
    """A category (case-folded), an HS chapter (2 digits) or heading (4 digits)."""
    parcels: int
    customs_problems: Rate
    """Held by customs, out of the parcels that reached customs."""
    small_sample: bool


@dataclass(frozen=True, slots=True)
class DeclarationsReport:
    scope: Scope
    min_sample: int
    categories: tuple[DeclarationRow, ...]
    chapters: tuple[DeclarationRow, ...]
    headings: tuple[DeclarationRow, ...]


Report = (
    TransitReport
    | OnTimeReport
    | CustomsReport
    | ExceptionsReport
    | SeasonalityReport
    | CarriersReport
    | DeclarationsReport
)
