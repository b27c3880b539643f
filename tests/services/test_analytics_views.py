"""The analytics views against a small data set worked out by hand (tests/analytics_journeys.py),
through the real registration, ingestion, facts and rollups, on every storage back-end.

Percentiles are the midpoint of the bucket holding the nearest-rank percentile: a transit of
exactly 8.0 days (half-day bucket 16) reads 8.25, a clearance of 24 hours reads 24.5.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from analytics_journeys import END, PARCELS_A, analytics_services, load, ship
from backends import BACKENDS, engine_for
from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.analytics_reports import Lane, Rate, Spread
from crosstrack.domain.errors import DomainError
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts
from crosstrack.domain.vocabulary import Reason
from crosstrack.services.analytics import View
from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import FrozenClock, InMemoryStore

ALL = AnalyticsFilter()
FR_YANWEN = Lane("CN", "FR", "yanwen", "dedicated_line")
FR_4PX = Lane("CN", "FR", "4px", "dedicated_line")
US_DHL = Lane("CN", "US", "dhl", "express")


@pytest.fixture(params=BACKENDS)
def uow(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    if request.param == "memory":
        return InMemoryStore().unit_of_work
    return unit_of_work_factory(engine_for(request.param, request))


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    return analytics_services(uow, clock)


@pytest.fixture
def merchants(services: Services, clock: FrozenClock) -> tuple[str, str]:
    return load(services, clock)


def test_transit_by_lane_and_week(services: Services, merchants: tuple[str, str]) -> None:
    a, _ = merchants
    report = services.analytics.transit(a, ALL)
    assert report.unit == "days" and report.bucket_hours == 12
    assert report.overall == Spread(4, 3.25, 6.25, 10.25)
    lanes = {row.lane: row.transit for row in report.lanes}
    assert lanes == {
        FR_YANWEN: Spread(2, 8.25, 8.25, 10.25),
        FR_4PX: Spread(1, 6.25, 6.25, 6.25),
        US_DHL: Spread(1, 3.25, 3.25, 3.25),
    }
    assert report.lanes[0].lane == FR_YANWEN  # most parcels first
    assert [(w.week, w.transit) for w in report.weeks] == [
        (date(2026, 2, 9), Spread(1, 3.25, 3.25, 3.25)),
        (date(2026, 3, 2), Spread(3, 6.25, 8.25, 10.25)),
    ]


def test_the_median_is_within_half_a_bucket_of_the_exact_one(
    services: Services, merchants: tuple[str, str]
) -> None:
    exact = sorted(p.scans[-1][0] for p in PARCELS_A if p.scans[-1][1].startswith("delivered"))
    median = services.analytics.transit(merchants[0], ALL).overall.p50
    assert median is not None and abs(median - exact[1]) <= 0.25  # nearest rank of four: 2nd


def test_filters_narrow_every_figure(services: Services, merchants: tuple[str, str]) -> None:
    a, _ = merchants
    france = services.analytics.transit(a, AnalyticsFilter(destination="FR"))
    assert france.overall == Spread(3, 6.25, 8.25, 10.25)
    march = services.analytics.transit(a, AnalyticsFilter(first_day=date(2026, 3, 4)))
    assert march.overall.count == 3 and march.scope.first_day == date(2026, 3, 2)
    yanwen = services.analytics.on_time(a, AnalyticsFilter(carrier="yanwen"))
    assert yanwen.overall.shipments == 2
    express = services.analytics.exceptions(a, AnalyticsFilter(service="express"))
    assert express.overall.shipments == 1 and express.overall.excepted == Rate(0, 1)
    assert services.analytics.transit(a, AnalyticsFilter(origin="HK")).overall.count == 0


def test_on_time_against_the_promise_and_the_eta(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.on_time(merchants[0], ALL)
    assert (report.overall.promise, report.overall.eta) == (Rate(3, 4), Rate(2, 4))
    carriers = {row.key: (row.shipments, row.promise, row.eta) for row in report.by_carrier}
    assert carriers == {
        "yanwen": (2, Rate(1, 2), Rate(0, 2)),
        "4px": (2, Rate(1, 1), Rate(1, 1)),
        "dhl": (1, Rate(1, 1), Rate(1, 1)),
    }
    destinations = {row.key: (row.promise, row.eta) for row in report.by_destination}
    assert destinations == {"FR": (Rate(2, 3), Rate(1, 3)), "US": (Rate(1, 1), Rate(1, 1))}
    assert [row.key for row in report.by_carrier] == ["4px", "yanwen", "dhl"]  # most first
    assert report.by_carrier[1].promise.rate == 0.5 and report.overall.promise.rate == 0.75


def test_customs_clearance_and_holds_by_destination(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.customs(merchants[0], ALL)
    assert report.unit == "hours"
    france = report.by_destination[0]
    assert (france.destination, france.reached) == ("FR", 3)
    assert france.clearance == Spread(3, 10.5, 24.5, 72.5)
    assert france.held == Rate(1, 3)
    reasons = {share.reason: share.held for share in france.by_reason}
    assert reasons == {
        Reason.CUSTOMS_DOCUMENTS_OR_DUTIES: Rate(1, 3),
        Reason.CUSTOMS_HELD_OR_SEIZED: Rate(0, 3),
    }
    us = report.by_destination[1]
    assert (us.destination, us.clearance, us.held) == ("US", Spread(1, 5.5, 5.5, 5.5), Rate(0, 1))
    assert report.overall.reached == 4 and report.overall.held == Rate(1, 4)
    assert [(w.week, w.clearance.p50, w.clearance.p90) for w in report.weeks] == [
        (date(2026, 2, 9), 5.5, 5.5),
        (date(2026, 3, 2), 24.5, 72.5),
    ]


def test_exception_causes_by_carrier_and_destination(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.exceptions(merchants[0], ALL)
    overall = report.overall
    assert (overall.shipments, overall.excepted, overall.failed_attempts) == (5, Rate(2, 5), 1)
    assert {c.reason: c.parcels for c in overall.causes} == {
        Reason.CUSTOMS_DOCUMENTS_OR_DUTIES: Rate(1, 5),
        Reason.RECIPIENT_UNAVAILABLE: Rate(1, 5),
    }
    carriers = {
        row.key: (row.excepted, [(c.reason, c.parcels) for c in row.causes])
        for row in report.by_carrier
    }
    assert carriers == {
        "yanwen": (Rate(1, 2), [(Reason.CUSTOMS_DOCUMENTS_OR_DUTIES, Rate(1, 2))]),
        "4px": (Rate(1, 2), [(Reason.RECIPIENT_UNAVAILABLE, Rate(1, 2))]),
        "dhl": (Rate(0, 1), []),
    }
    destinations = {row.key: row.excepted for row in report.by_destination}
    assert destinations == {"FR": Rate(2, 4), "US": Rate(0, 1)}


def test_seasonality_by_week_weekday_season_and_holiday(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.seasonality(merchants[0], ALL)
    weeks = {w.week: (w.shipments, w.transit.count, w.transit.p50) for w in report.by_week_of_year}
    assert weeks == {7: (1, 1, 3.25), 10: (3, 3, 8.25), 11: (1, 0, None)}
    weekdays = {d.weekday: (d.shipments, d.transit.p50) for d in report.by_weekday}
    assert weekdays == {
        1: (2, 8.5),
        2: (1, 10.5),
        3: (1, 6.5),
        4: (0, None),
        5: (1, 3.5),
        6: (0, None),
        7: (0, None),
    }
    seasons = {s.season: (s.shipments, s.transit.count, s.transit.p50) for s in report.seasons}
    assert seasons == {
        Season.PEAK: (0, 0, None),
        Season.CHINESE_NEW_YEAR: (1, 1, 3.25),  # P5 left Shenzhen 4 days before the new year
        Season.REST: (4, 3, 8.25),
    }
    holidays = {h.spans_holiday: h.transit for h in report.holidays}
    assert holidays == {True: Spread(1, 3.25, 3.25, 3.25), False: Spread(3, 6.25, 8.25, 10.25)}


def test_carriers_compared_on_lanes_with_two_or_more(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.carriers(merchants[0], ALL)
    assert [(lane.origin, lane.destination, lane.service) for lane in report.lanes] == [
        ("CN", "FR", "dedicated_line")  # dhl alone on CN-US express: not compared
    ]
    first, second = report.lanes[0].carriers
    assert (first.rank, first.carrier, first.transit.p50, first.shipments) == (1, "4px", 6.25, 2)
    assert (first.on_time, first.exceptions, first.small_sample) == (Rate(1, 1), Rate(1, 2), True)
    assert (second.rank, second.carrier, second.transit.p50) == (2, "yanwen", 8.25)
    assert second.on_time == Rate(1, 2)


def test_declarations_with_their_customs_problem_rate(
    services: Services, merchants: tuple[str, str]
) -> None:
    report = services.analytics.declarations(merchants[0], ALL)
    categories = {r.code: (r.parcels, r.customs_problems) for r in report.categories}
    assert categories == {
        "electronics": (2, Rate(1, 2)),
        "apparel": (1, Rate(0, 1)),
        "toys": (1, Rate(0, 1)),
    }
    assert {r.code: r.customs_problems for r in report.chapters} == {
        "85": Rate(1, 2),
        "61": Rate(0, 1),
        "95": Rate(0, 1),
    }
    assert [r.code for r in report.headings] == ["8517", "6109", "9503"]
    assert all(r.small_sample for r in report.headings)


def test_a_merchant_sees_only_its_own_parcels(
    services: Services, merchants: tuple[str, str]
) -> None:
    _, b = merchants
    assert services.analytics.transit(b, ALL).overall == Spread(1, 5.25, 5.25, 5.25)
    assert services.analytics.declarations(b, ALL).categories == ()
    assert services.analytics.carriers(b, ALL).lanes == ()
    nobody = services.analytics.on_time("no-such-merchant", ALL)
    assert nobody.overall.shipments == 0 and nobody.by_carrier == ()


def test_a_view_rebuilds_the_stale_weeks_it_covers_first(
    services: Services, merchants: tuple[str, str], clock: FrozenClock
) -> None:
    a, _ = merchants
    assert services.analytics.stale(a) != []  # nothing refreshed yet: the view does it
    assert services.analytics.transit(a, ALL).overall.count == 4
    assert services.analytics.stale(a) == []
    delivered = replace(PARCELS_A[3], order_ref="P4b", number="4PX0000000044", scans=(
        (0, "in_transit/picked_up/none"), (4, "delivered/delivered/none")
    ))  # fmt: skip
    ship(services, clock, a, delivered)
    assert services.analytics.stale(a) == [date(2026, 3, 9)]
    assert services.analytics.transit(a, ALL).overall.count == 5


def test_the_refresh_job_rebuilds_every_stale_week(
    services: Services, merchants: tuple[str, str], clock: FrozenClock
) -> None:
    report = services.analytics.refresh()
    assert (report.weeks, report.merchants) == (4, 2)  # A: 3 weeks, B: 1
    assert services.analytics.refresh().weeks == 0
    assert services.analytics.refresh(merchants[0], full=True).weeks == 3
    assert services.analytics.refresh(facts=True).facts == 0  # the stored facts are current
    clock.now = END + timedelta(days=40)
    rebuilt = services.analytics.refresh(facts=True)  # worked out again from the events
    assert (rebuilt.facts, rebuilt.weeks) == (1, 1)  # P4, silent for 30 days: lost
    assert services.analytics.exceptions(merchants[0], ALL).overall.shipments == 5


def test_the_sweep_turns_a_silent_open_parcel_lost_and_late_after_thirty_days(
    services: Services, merchants: tuple[str, str], clock: FrozenClock
) -> None:
    a, _ = merchants
    before = services.analytics.on_time(a, ALL).overall
    clock.now = END + timedelta(days=40)
    services.eta_refresher.run_once()
    assert Outcome.LOST in {f.outcome for f in _facts(services, a)}
    after = services.analytics.on_time(a, ALL).overall
    assert (before.promise, before.eta) == (Rate(3, 4), Rate(2, 4))
    assert (after.promise, after.eta) == (Rate(3, 5), Rate(2, 5))  # P4: lost, so late


def _facts(services: Services, merchant_id: str) -> list[ShipmentFacts]:
    page = services.queries.shipments(merchant_id, ShipmentFilter(), limit=50)
    with services.uow() as uow:
        return list(uow.analytics.facts_for([(merchant_id, s.id) for s in page.items]).values())


def test_a_view_by_name_answers_like_its_method(
    services: Services, merchants: tuple[str, str]
) -> None:
    a, _ = merchants
    assert services.analytics.view(View.CUSTOMS, a, ALL) == services.analytics.customs(a, ALL)
    analytics = services.analytics
    methods = {
        View.TRANSIT: analytics.transit,
        View.ON_TIME: analytics.on_time,
        View.CUSTOMS: analytics.customs,
        View.EXCEPTIONS: analytics.exceptions,
        View.SEASONALITY: analytics.seasonality,
        View.CARRIERS: analytics.carriers,
        View.DECLARATIONS: analytics.declarations,
    }
    assert set(methods) == set(View)
    for view, method in methods.items():
        assert analytics.view(view, a, ALL) == method(a, ALL), view
    with pytest.raises(DomainError):
        AnalyticsFilter(first_day=date(2026, 3, 2), last_day=date(2026, 3, 1))
