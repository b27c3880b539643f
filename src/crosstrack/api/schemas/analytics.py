"""The analytics views as the API serves them (``GET /v1/analytics/{view}``).

Each model reads the service's report of the same shape (``crosstrack.domain.analytics_reports``;
``model_validate(report)``). docs/analytics.md defines every number.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.vocabulary import Reason


def _upper(value: str) -> str:
    return value.upper()


Country = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$"), AfterValidator(_upper)]


class AnalyticsQuery(BaseModel):
    """Filters every view takes; parcels count in the ISO week of the day they were shipped."""

    model_config = ConfigDict(populate_by_name=True)

    first_day: date | None = Field(
        default=None,
        alias="from",
        description="First day (YYYY-MM-DD); the whole ISO week it falls in is counted.",
    )
    last_day: date | None = Field(
        default=None,
        alias="to",
        description="Last day (YYYY-MM-DD), inclusive; the whole ISO week it falls in is counted.",
    )
    origin: Country | None = Field(default=None, description="Origin country (ISO alpha-2).")
    destination: Country | None = Field(default=None, description="Destination country.")
    carrier: Annotated[str, Field(min_length=1, max_length=64)] | None = Field(
        default=None, description="The first-mile carrier: slug, name or alias."
    )
    service: Annotated[str, Field(min_length=1, max_length=64)] | None = Field(
        default=None, description="The service given at registration (`express`...)."
    )
    format: Literal["json", "csv"] = Field(
        default="json", description="`csv`: the same figures as a CSV table (docs/api.md)."
    )


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ScopeOut(_Read):
    """What the figures cover: whole ISO weeks (Monday to Sunday; null: open-ended), and the
    filters."""

    first_day: date | None
    last_day: date | None
    origin: str | None
    destination: str | None
    carrier: str | None
    service: str | None


class SpreadOut(_Read):
    """Parcels measured and their P10, P50 (median) and P90, in the report's `unit`; null when
    none was measured. Each is the midpoint of its histogram bucket."""

    count: int
    p10: float | None
    p50: float | None
    p90: float | None


class RateOut(_Read):
    """`numerator` parcels out of `denominator`; `rate` is null when the denominator is 0."""

    numerator: int
    denominator: int
    rate: float | None


class LaneOut(_Read):
    origin: str | None
    destination: str | None
    carrier: str | None
    service: str | None


class LaneTransitOut(_Read):
    lane: LaneOut
    transit: SpreadOut


class WeekTransitOut(_Read):
    week: date = Field(description="The Monday of the ISO week shipped.")
    transit: SpreadOut


class TransitOut(_Read):
    """Transit time (shipped to delivered; delivered parcels only), by lane and by week."""

    scope: ScopeOut
    unit: Literal["days"]
    bucket_hours: float = Field(description="Histogram bucket width: the P's precision.")
    overall: SpreadOut
    lanes: list[LaneTransitOut] = Field(description="By lane, carrier and service; most first.")
    weeks: list[WeekTransitOut] = Field(description="By week shipped, oldest first.")


class OnTimeOut(_Read):
    key: str | None = Field(description="The carrier or destination (null: all, or unknown).")
    shipments: int
    promise: RateOut = Field(description="Delivered by the promised day, of those judged.")
    eta: RateOut = Field(description="Delivered by the first post-pick-up estimate's P90 day.")


class OnTimeReportOut(_Read):
    """On-time rates against the promise and against the ETA."""

    scope: ScopeOut
    overall: OnTimeOut
    by_carrier: list[OnTimeOut]
    by_destination: list[OnTimeOut]


class HeldShareOut(_Read):
    reason: Reason
    held: RateOut


class CustomsRowOut(_Read):
    destination: str | None
    reached: int = Field(description="Parcels that went through (or are in) import customs.")
    clearance: SpreadOut
    held: RateOut
    by_reason: list[HeldShareOut]


class WeekClearanceOut(_Read):
    week: date
    clearance: SpreadOut


class CustomsOut(_Read):
    """Import customs clearance (arrival to release) and holds, by destination and week."""

    scope: ScopeOut
    unit: Literal["hours"]
    bucket_hours: float
    overall: CustomsRowOut
    by_destination: list[CustomsRowOut]
    weeks: list[WeekClearanceOut]


class CauseOut(_Read):
    reason: Reason
    parcels: RateOut = Field(description="Parcels with this cause, of those shipped.")


class ExceptionRowOut(_Read):
    key: str | None
    shipments: int
    excepted: RateOut = Field(description="Parcels with at least one exception or failed attempt.")
    failed_attempts: int
    causes: list[CauseOut]


class ExceptionsOut(_Read):
    """Exception causes by carrier and by destination."""

    scope: ScopeOut
    overall: ExceptionRowOut
    by_carrier: list[ExceptionRowOut]
    by_destination: list[ExceptionRowOut]


class WeekOfYearOut(_Read):
    week: int = Field(description="ISO week number, 1 to 53 (every year together).")
    shipments: int
    transit: SpreadOut


class WeekdayOut(_Read):
    weekday: int = Field(description="ISO weekday shipped: 1 Monday to 7 Sunday.")
    shipments: int
    transit: SpreadOut = Field(description="In whole-day buckets.")


class SeasonOut(_Read):
    season: Season
    shipments: int
    transit: SpreadOut


class HolidayOut(_Read):
    spans_holiday: bool
    transit: SpreadOut


class SeasonalityOut(_Read):
    """Volume and median transit by week of year and weekday, seasons, holidays."""

    scope: ScopeOut
    unit: Literal["days"]
    by_week_of_year: list[WeekOfYearOut]
    by_weekday: list[WeekdayOut]
    seasons: list[SeasonOut]
    holidays: list[HolidayOut]


class CarrierStandingOut(_Read):
    rank: int
    carrier: str | None
    shipments: int
    transit: SpreadOut
    on_time: RateOut = Field(description="Against the promise.")
    exceptions: RateOut
    small_sample: bool = Field(description="Fewer delivered parcels than `min_sample`.")


class LaneComparisonOut(_Read):
    origin: str | None
    destination: str | None
    service: str | None
    carriers: list[CarrierStandingOut] = Field(description="Best first.")


class CarriersOut(_Read):
    """Carriers compared on each lane (origin, destination, service) with two or more."""

    scope: ScopeOut
    unit: Literal["days"]
    min_sample: int
    lanes: list[LaneComparisonOut]


class DeclarationOut(_Read):
    code: str
    parcels: int
    customs_problems: RateOut = Field(description="Held by customs, of those that reached it.")
    small_sample: bool


class DeclarationsOut(_Read):
    """Declared categories, HS chapters and headings with their customs-problem rate."""

    scope: ScopeOut
    min_sample: int
    categories: list[DeclarationOut]
    chapters: list[DeclarationOut]
    headings: list[DeclarationOut]
