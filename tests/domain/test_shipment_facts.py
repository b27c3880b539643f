"""Shipment facts, specified by example: one definition of docs/analytics.md per test."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from crosstrack.domain.analytics import TagKind
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.analytics_rollup import counters_of, histogram_entries, summed_tags
from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.eta import DeliveryEstimate, EtaBasis
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.shipment import Endpoint, Shipment, ShipmentLeg, ShipmentState
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts, extract_facts
from crosstrack.domain.timeline import build_timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status

T0 = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shenzhen (UTC+8)
LEG = ("yanwen", "UG123456785CN")
LAST_MILE = ("la-poste-colissimo", "6A12345678901")


class Calendar:
    """Holidays by country, and the Spring Festival on 29 January every year."""

    def __init__(self, holidays: dict[str, set[date]] | None = None) -> None:
        self._holidays = holidays or {}

    def holidays(self, country: str, first: date, last: date) -> Collection[date]:
        return {d for d in self._holidays.get(country, set()) if first <= d <= last}

    def chinese_new_year(self, year: int) -> date:
        return date(year, 1, 29)


CALENDAR = Calendar()


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def ev(
    days: float,
    milestone: Milestone,
    status: Status = Status.IN_TRANSIT,
    *,
    reason: Reason = Reason.NONE,
    leg: tuple[str, str] = LEG,
    offset: int = 480,
) -> NormalizedEvent:
    carrier, number = leg
    when = at(days)
    return NormalizedEvent(
        raw=RawEvent(
            description=f"{status} {milestone} {reason} {days}",
            carrier=carrier,
            timestamp=when.isoformat(),
            tracking_number=number,
        ),
        status=status,
        milestone=milestone,
        reason=reason,
        confidence=1.0,
        location=Location(),
        occurred_at=when,
        utc_offset_minutes=offset,
        time_basis=TimeBasis.OFFSET_GIVEN,
        carrier=carrier,
    )


LABEL = ev(-1, Milestone.LABEL_CREATED, Status.INFO_RECEIVED)
PICKED_UP = ev(0, Milestone.PICKED_UP)
DEPARTED = ev(3, Milestone.DEPARTED_ORIGIN_COUNTRY)
ARRIVED = ev(4, Milestone.ARRIVED_DESTINATION_COUNTRY, offset=60)
AT_CUSTOMS = ev(4.25, Milestone.IMPORT_CUSTOMS, offset=60)
RELEASED = ev(5.5, Milestone.CUSTOMS_RELEASED, offset=60)
OUT = ev(9, Milestone.OUT_FOR_DELIVERY, Status.OUT_FOR_DELIVERY, leg=LAST_MILE, offset=60)
DELIVERED = ev(9.4, Milestone.DELIVERED, Status.DELIVERED, leg=LAST_MILE, offset=60)
JOURNEY = (LABEL, PICKED_UP, DEPARTED, ARRIVED, AT_CUSTOMS, RELEASED, OUT, DELIVERED)


def shipment(**changes: object) -> Shipment:
    base = Shipment(
        id="s1",
        merchant_id="m1",
        order_ref="SO-1",
        legs=(ShipmentLeg("l1", "yanwen", "UG123456785CN", 0),),
        created_at=at(-2),
        updated_at=at(-2),
        origin=Endpoint("CN"),
        destination=Endpoint("FR"),
        promised_date=date(2025, 3, 14),
        service="dedicated_line",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def facts(
    *events: NormalizedEvent,
    now: datetime | None = None,
    parcel: Shipment | None = None,
    state: ShipmentState | None = None,
    previous: ShipmentFacts | None = None,
    calendar: Calendar = CALENDAR,
) -> ShipmentFacts:
    moment = now or at(20)
    timeline = build_timeline(events, now=moment) if events else None
    return extract_facts(
        parcel or shipment(),
        state or ShipmentState(),
        timeline,
        now=moment,
        calendar=calendar,
        previous=previous,
    )


def estimate(p90: date, as_of: datetime) -> DeliveryEstimate:
    return DeliveryEstimate(p90, p90, p90, EtaBasis.MODEL, "v1", as_of)


def test_a_delivered_parcel_has_its_transit_time_and_is_on_time() -> None:
    found = facts(*JOURNEY)
    assert found.outcome is Outcome.DELIVERED
    assert found.shipped_at == PICKED_UP.occurred_at  # the pick-up, not the label
    assert found.delivered_at == DELIVERED.occurred_at
    assert found.transit == timedelta(days=9.4)
    assert found.shipped_on == date(2025, 3, 3) and found.week == date(2025, 3, 3)
    assert found.weekday == 1
    assert found.delivered_on == date(2025, 3, 12)
    assert found.on_time_promise is True
    assert (found.carrier, found.last_mile_carrier) == ("yanwen", "la-poste-colissimo")
    assert (found.origin, found.destination, found.service) == ("CN", "FR", "dedicated_line")
    assert found.customs_reached and not found.customs_held
    assert found.clearance == timedelta(days=1.25)
    assert (found.exception_reasons, found.failed_attempts) == ((), 0)
    assert found.season is Season.REST and found.spans_holiday is False


def test_a_parcel_delivered_after_the_promised_day_is_late() -> None:
    found = facts(*JOURNEY, parcel=shipment(promised_date=date(2025, 3, 11)))
    assert found.on_time_promise is False


def test_the_shipped_day_is_the_local_day_of_the_pick_up_scan() -> None:
    late_evening = ev(0.6, Milestone.PICKED_UP, offset=480)  # 16:24 UTC = 00:24 next day
    assert facts(late_evening).shipped_on == date(2025, 3, 4)
    assert facts(ev(0.6, Milestone.PICKED_UP, offset=0)).shipped_on == date(2025, 3, 3)


def test_without_a_pick_up_or_facility_scan_the_first_event_is_the_shipped_moment() -> None:
    found = facts(LABEL, DEPARTED)
    assert found.shipped_at == LABEL.occurred_at


def test_a_facility_scan_before_the_pick_up_is_the_shipped_moment() -> None:
    facility = ev(-0.5, Milestone.FACILITY)
    assert facts(LABEL, facility, PICKED_UP).shipped_at == facility.occurred_at


def test_a_returned_parcel_is_returned_and_late_with_no_transit_time() -> None:
    returning = ev(12, Milestone.RETURN, Status.RETURNED, leg=LAST_MILE)
    found = facts(*JOURNEY[:-2], returning)
    assert found.outcome is Outcome.RETURNED
    assert found.transit is None and found.delivered_at is None
    assert found.on_time_promise is False


def test_a_customs_hold_for_documents_is_a_hold_with_its_reason_and_a_longer_clearance() -> None:
    held = ev(
        4.5,
        Milestone.IMPORT_CUSTOMS,
        Status.EXCEPTION,
        reason=Reason.CUSTOMS_DOCUMENTS_OR_DUTIES,
        offset=60,
    )
    released = ev(8, Milestone.CUSTOMS_RELEASED, offset=60)
    delivered = ev(12, Milestone.DELIVERED, Status.DELIVERED, leg=LAST_MILE, offset=60)
    found = facts(LABEL, PICKED_UP, DEPARTED, ARRIVED, AT_CUSTOMS, held, released, delivered)
    assert found.customs_held
    assert found.customs_hold_reasons == (Reason.CUSTOMS_DOCUMENTS_OR_DUTIES,)
    assert found.exception_reasons == (Reason.CUSTOMS_DOCUMENTS_OR_DUTIES,)
    assert found.clearance == timedelta(days=3.75)
    assert found.outcome is Outcome.DELIVERED


def test_a_parcel_still_in_transit_is_open_and_not_judged_before_its_promised_day() -> None:
    found = facts(LABEL, PICKED_UP, DEPARTED, now=at(5))
    assert found.outcome is Outcome.OPEN
    assert found.transit is None and found.clearance is None
    assert found.on_time_promise is None
    assert not found.customs_reached


def test_an_open_parcel_is_late_once_its_promised_day_has_passed() -> None:
    found = facts(LABEL, PICKED_UP, DEPARTED, now=datetime(2025, 3, 15, 1, tzinfo=UTC))
    assert found.outcome is Outcome.OPEN and found.on_time_promise is False


def test_a_failed_attempt_then_delivery_counts_the_attempt_and_its_cause() -> None:
    failed = ev(
        9.2,
        Milestone.DELIVERY_ATTEMPT,
        Status.ATTEMPT_FAILED,
        reason=Reason.RECIPIENT_UNAVAILABLE,
        leg=LAST_MILE,
        offset=60,
    )
    again = ev(10.3, Milestone.DELIVERED, Status.DELIVERED, leg=LAST_MILE, offset=60)
    found = facts(*JOURNEY[:-1], failed, again)
    assert found.failed_attempts == 1
    assert found.exception_reasons == (Reason.RECIPIENT_UNAVAILABLE,)
    assert found.outcome is Outcome.DELIVERED
    assert found.transit == timedelta(days=10.3)
    assert not found.customs_held


def test_an_exception_without_a_reason_is_counted_as_other() -> None:
    problem = ev(6, Milestone.NONE, Status.EXCEPTION)
    assert facts(LABEL, PICKED_UP, problem).exception_reasons == (Reason.OTHER,)


def test_a_lost_or_missing_exception_makes_the_parcel_lost() -> None:
    lost = ev(6, Milestone.NONE, Status.EXCEPTION, reason=Reason.LOST_OR_MISSING)
    found = facts(LABEL, PICKED_UP, lost, now=at(7))
    assert found.outcome is Outcome.LOST and found.on_time_promise is False


def test_a_parcel_silent_for_thirty_days_is_lost() -> None:
    assert facts(LABEL, PICKED_UP, now=at(29.9)).outcome is Outcome.OPEN
    assert facts(LABEL, PICKED_UP, now=at(30)).outcome is Outcome.LOST


def test_the_first_estimate_made_after_pick_up_is_kept_and_judges_on_time() -> None:
    before_pickup = ShipmentState(eta=estimate(date(2025, 3, 10), at(-1)))
    assert facts(LABEL, PICKED_UP, state=before_pickup).eta_p90 is None
    first = facts(LABEL, PICKED_UP, state=ShipmentState(eta=estimate(date(2025, 3, 11), at(0.5))))
    assert (first.eta_p90, first.eta_made_at) == (date(2025, 3, 11), at(0.5))
    later = facts(
        *JOURNEY, state=ShipmentState(eta=estimate(date(2025, 3, 20), at(6))), previous=first
    )
    assert later.eta_p90 == date(2025, 3, 11)
    assert later.on_time_eta is False  # delivered on the 12th, after the first P90


def test_no_estimate_after_pick_up_leaves_on_time_against_the_eta_unjudged() -> None:
    found = facts(*JOURNEY)
    assert found.eta_p90 is None and found.on_time_eta is None


def test_clearance_starts_at_arrival_in_the_country_when_customs_arrival_is_not_reported() -> None:
    found = facts(LABEL, PICKED_UP, ARRIVED, RELEASED, DELIVERED)
    assert found.customs_arrived_at == ARRIVED.occurred_at
    assert found.clearance == timedelta(days=1.5)


def test_a_domestic_parcel_never_reaches_customs() -> None:
    domestic = shipment(origin=Endpoint("FR"))
    assert not facts(*JOURNEY, parcel=domestic).customs_reached


def test_a_journey_across_a_destination_holiday_spans_it() -> None:
    calendar = Calendar({"FR": {date(2025, 3, 8)}})
    assert facts(*JOURNEY, calendar=calendar).spans_holiday is True
    assert facts(*JOURNEY, calendar=Calendar({"DE": {date(2025, 3, 8)}})).spans_holiday is False
    assert facts(LABEL, PICKED_UP, calendar=calendar).spans_holiday is None


@pytest.mark.parametrize(
    ("day", "origin", "season"),
    [
        (date(2025, 11, 14), "CN", Season.REST),
        (date(2025, 11, 15), "CN", Season.PEAK),
        (date(2025, 12, 31), "HK", Season.PEAK),
        (date(2025, 1, 24), "CN", Season.CHINESE_NEW_YEAR),
        (date(2025, 2, 8), "CN", Season.CHINESE_NEW_YEAR),
        (date(2025, 2, 9), "CN", Season.REST),
        (date(2025, 1, 30), "HK", Season.REST),
    ],
)
def test_the_season_is_that_of_the_shipped_day_and_origin(
    day: date, origin: str, season: Season
) -> None:
    pickup = replace(PICKED_UP, occurred_at=datetime(day.year, day.month, day.day, 3, tzinfo=UTC))
    assert facts(pickup, parcel=shipment(origin=Endpoint(origin))).season is season


def test_declared_categories_and_hs_codes_are_kept_and_tagged() -> None:
    parcel = shipment(
        items=(
            DeclaredItem(category="Electronics", hs_code="851762"),
            DeclaredItem(category="electronics ", hs_code="85177900", value=Decimal("9.5")),
            DeclaredItem(description="T-shirt", category="Apparel", hs_code="61091000"),
        )
    )
    found = facts(*JOURNEY, parcel=parcel)
    assert found.categories == ("apparel", "electronics")
    assert found.hs_codes == ("61091000", "851762", "85177900")
    tags = {(kind, code) for kind, code, _ in summed_tags(found)}
    assert (TagKind.HS_CHAPTER, "85") in tags and (TagKind.HS_HEADING, "8517") in tags
    assert (TagKind.HS_HEADING, "6109") in tags
    assert len(tags) == 2 + 2 + 2  # categories, chapters (85, 61), headings (8517, 6109)
    assert (TagKind.HS_CODE, "85177900") in found.tags()  # kept with the facts, not summed


def test_a_registered_shipment_without_events_has_facts_but_counts_nowhere() -> None:
    found = facts()
    assert found.shipped_at is None and found.week is None
    assert found.outcome is Outcome.OPEN and histogram_entries(found) == []


def test_what_a_delivered_parcel_adds_to_the_rollups() -> None:
    found = facts(*JOURNEY)
    counts = counters_of(found)
    assert (counts.shipments, counts.delivered, counts.promise_judged) == (1, 1, 1)
    assert (counts.promise_on_time, counts.customs_reached, counts.customs_cleared) == (1, 1, 1)
    assert (counts.customs_held, counts.excepted, counts.eta_judged) == (0, 0, 0)
    metrics = {metric.value: bucket for metric, _, bucket in histogram_entries(found)}
    assert metrics == {"transit": 18, "transit_by_weekday": 9, "clearance": 30}
