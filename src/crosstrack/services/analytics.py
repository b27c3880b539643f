"""Merchant analytics: which carriers and lanes perform, where customs stalls, what to fix.

Views read the rollups, never the shipments (``docs/analytics.md``): facts are written with
each shipment's state (``services.analytics_facts``) and summed per merchant and week. A
week whose facts changed is *stale*; :meth:`Analytics.refresh` rebuilds the stale weeks (the
``crosstrack analytics refresh`` command and the sweep worker run it), and every view first
rebuilds the stale weeks it covers, so an answer is never older than the facts.

    analytics = services.analytics
    report = analytics.transit(merchant_id, AnalyticsFilter(first_day=date(2026, 1, 1)))
    report.lanes[0].transit.p50   # median transit of the busiest lane, in days
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from crosstrack.domain.analytics import AnalyticsFilter, Dim, Metric
from crosstrack.domain.analytics_calendar import AnalyticsCalendar
from crosstrack.domain.analytics_reports import (
    CarriersReport,
    CustomsReport,
    DeclarationsReport,
    ExceptionsReport,
    OnTimeReport,
    Report,
    SeasonalityReport,
    TransitReport,
)
from crosstrack.services import analytics_views as views
from crosstrack.services.analytics_facts import PUBLIC_HOLIDAYS, rebuild_facts
from crosstrack.services.ports import AnalyticsRepository, Clock, UnitOfWorkFactory

R = TypeVar("R")

WEEKS_PER_TRANSACTION = 4
"""Weeks rebuilt per transaction (a SQLite writer holds the lock that long)."""


class View(StrEnum):
    """The views, as the API names them (``GET /v1/analytics/{view}``)."""

    TRANSIT = "transit"
    ON_TIME = "on-time"
    CUSTOMS = "customs"
    EXCEPTIONS = "exceptions"
    SEASONALITY = "seasonality"
    CARRIERS = "carriers"
    DECLARATIONS = "declarations"


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh did."""

    weeks: int
    """(merchant, week) pairs rebuilt."""
    merchants: int
    facts: int = 0
    """Shipments whose facts were worked out again (``facts=True``) and changed."""


class Analytics:
    """The analytics views and the refresh of their rollups."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        read_uow: UnitOfWorkFactory | None = None,
        calendar: AnalyticsCalendar = PUBLIC_HOLIDAYS,
        weeks_per_transaction: int = WEEKS_PER_TRANSACTION,
    ) -> None:
        self._uow = uow
        self._read = read_uow or uow
        self._clock = clock
        self._calendar = calendar
        self._batch = weeks_per_transaction

    def refresh(
        self, merchant_id: str | None = None, *, full: bool = False, facts: bool = False
    ) -> RefreshReport:
        """Rebuild the stale weeks (of one merchant, or all). ``full`` rebuilds every week;
        ``facts`` first works out every shipment's facts again from its events."""
        rebuilt_facts = 0
        if facts:
            rebuilt_facts = rebuild_facts(
                self._uow, self._clock, merchant_id=merchant_id, calendar=self._calendar
            )
        if full:
            with self._uow() as uow:
                uow.analytics.mark_all_stale(merchant_id, self._clock())
                uow.commit()
        with self._uow() as uow:
            stale = uow.analytics.stale_weeks(merchant_id)
        weeks = self._rebuild(stale)
        merchants = len({merchant for merchant, _ in stale})
        return RefreshReport(weeks=weeks, merchants=merchants, facts=rebuilt_facts)

    def _rebuild(self, stale: list[tuple[str, date]]) -> int:
        by_merchant: dict[str, list[date]] = defaultdict(list)
        for merchant_id, week in stale:
            by_merchant[merchant_id].append(week)
        rebuilt = 0
        for merchant_id, weeks in by_merchant.items():
            weeks.sort()
            for start in range(0, len(weeks), self._batch):
                with self._uow() as uow:
                    done = uow.analytics.refresh(merchant_id, weeks[start : start + self._batch])
                    uow.commit()
                rebuilt += len(done)
        return rebuilt

    def stale(self, merchant_id: str, filters: AnalyticsFilter | None = None) -> list[date]:
        """The merchant's stale weeks (those a view of ``filters`` covers)."""
        filters = filters or AnalyticsFilter()
        with self._read() as uow:
            found = uow.analytics.stale_weeks(
                merchant_id, first=filters.first_week, last=filters.last_week
            )
        return [week for _, week in found]

    def _answer(
        self,
        merchant_id: str,
        filters: AnalyticsFilter,
        build: Callable[[AnalyticsRepository, str, AnalyticsFilter], R],
    ) -> R:
        weeks = self.stale(merchant_id, filters)
        if weeks:
            self._rebuild([(merchant_id, week) for week in weeks])
        with self._read() as uow:
            return build(uow.analytics, merchant_id, filters)

    def histograms(
        self, merchant_id: str, metric: Metric, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], dict[int, int]]:
        """A metric's histograms by the values of ``by``, from fresh rollups (checkout help
        reads transit times this way)."""
        return self._answer(
            merchant_id, filters, lambda reader, m, f: reader.histograms(m, metric, f, by)
        )

    def view(self, view: View, merchant_id: str, filters: AnalyticsFilter) -> Report:
        """One view by name (what the API serves)."""
        build: dict[View, Callable[[AnalyticsRepository, str, AnalyticsFilter], Report]] = {
            View.TRANSIT: views.transit,
            View.ON_TIME: views.on_time,
            View.CUSTOMS: views.customs,
            View.EXCEPTIONS: views.exceptions,
            View.SEASONALITY: self._seasonality,
            View.CARRIERS: views.carriers,
            View.DECLARATIONS: views.declarations,
        }
        return self._answer(merchant_id, filters, build[view])

    def _seasonality(
        self, reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
    ) -> SeasonalityReport:
        return views.seasonality(reader, merchant_id, filters, self._calendar.chinese_new_year)

    def transit(self, merchant_id: str, filters: AnalyticsFilter) -> TransitReport:
        """Transit time P10/P50/P90 and count by lane, carrier and service, and by week."""
        return self._answer(merchant_id, filters, views.transit)

    def on_time(self, merchant_id: str, filters: AnalyticsFilter) -> OnTimeReport:
        """On-time rates against the promise and the ETA, by carrier and by destination."""
        return self._answer(merchant_id, filters, views.on_time)

    def customs(self, merchant_id: str, filters: AnalyticsFilter) -> CustomsReport:
        """Clearance median and P90 by destination and week; parcels held, by reason."""
        return self._answer(merchant_id, filters, views.customs)

    def exceptions(self, merchant_id: str, filters: AnalyticsFilter) -> ExceptionsReport:
        """Exception causes by carrier and destination (parcels and rates)."""
        return self._answer(merchant_id, filters, views.exceptions)

    def seasonality(self, merchant_id: str, filters: AnalyticsFilter) -> SeasonalityReport:
        """Volume and median transit by week of year and weekday; seasons; holidays."""
        return self._answer(merchant_id, filters, self._seasonality)

    def carriers(self, merchant_id: str, filters: AnalyticsFilter) -> CarriersReport:
        """Carriers compared on lanes with two or more, ranked, samples flagged."""
        return self._answer(merchant_id, filters, views.carriers)

    def declarations(self, merchant_id: str, filters: AnalyticsFilter) -> DeclarationsReport:
        """Categories, HS chapters and headings with their customs-problem rate."""
        return self._answer(merchant_id, filters, views.declarations)
