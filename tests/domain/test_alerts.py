"""Exception alerts from a timeline and the clock (pure): kinds, causes, resolution."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crosstrack.domain.alerts import (
    AlertContext,
    AlertKind,
    AlertPolicy,
    LaneNorms,
    Severity,
    business_days_between,
    detect_alerts,
)
from crosstrack.domain.eta import DeliveryEstimate, EtaBasis
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.timeline import build_timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status

FRIDAY = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)  # a Friday


def day(n: float) -> datetime:
    return FRIDAY + timedelta(days=n)


def ev(
    text: str,
    when: datetime,
    status: Status = Status.IN_TRANSIT,
    milestone: Milestone = Milestone.FACILITY,
    reason: Reason = Reason.NONE,
) -> NormalizedEvent:
    return NormalizedEvent(
        raw=RawEvent(
            description=text,
            carrier="postnl",
            timestamp=when.isoformat(),
            tracking_number="3SABCD0123456",
        ),
        status=status,
        milestone=milestone,
        reason=reason,
        confidence=0.9,
        location=Location(),
        occurred_at=when,
        utc_offset_minutes=0,
        time_basis=TimeBasis.OFFSET_GIVEN,
    )


def detect(*events: NormalizedEvent, now: datetime, **context: object):  # type: ignore[no-untyped-def]
    timeline = build_timeline(events, now=now)
    return detect_alerts(timeline, AlertContext(created_at=FRIDAY, now=now, **context))  # type: ignore[arg-type]


def kinds(alerts: list) -> set[AlertKind]:  # type: ignore[type-arg]
    return {a.kind for a in alerts}


ACCEPTED = ev("Accepted at origin", FRIDAY, milestone=Milestone.PICKED_UP)


def test_an_address_problem_is_raised_with_evidence_and_actions_and_resolves_when_it_moves() -> (
    None
):
    problem = ev(
        "Address incomplete", day(1), Status.EXCEPTION, Milestone.NONE, Reason.ADDRESS_ISSUE
    )
    (alert,) = detect(ACCEPTED, problem, now=day(1.5))
    assert alert.kind is AlertKind.ADDRESS_PROBLEM and alert.severity is Severity.HIGH
    assert alert.since == day(1)
    assert alert.evidence["event"] == "Address incomplete"
    assert "address" in alert.actions.buyer and alert.actions.merchant
    moved = ev("Out for delivery", day(2), Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY)
    assert detect(ACCEPTED, problem, moved, now=day(2.1)) == []


def test_a_courier_who_cannot_reach_the_phone_is_a_contact_problem() -> None:
    attempt = ev(
        "Delivery attempted - unable to reach recipient by phone",
        day(3),
        Status.ATTEMPT_FAILED,
        Milestone.DELIVERY_ATTEMPT,
        Reason.RECIPIENT_UNAVAILABLE,
    )
    (alert,) = detect(ACCEPTED, attempt, now=day(3.2))
    assert alert.kind is AlertKind.CONTACT_PROBLEM


def test_failed_attempts_are_counted_in_one_alert_for_the_latest() -> None:
    ofd = Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY
    missed = Status.ATTEMPT_FAILED, Milestone.DELIVERY_ATTEMPT, Reason.RECIPIENT_UNAVAILABLE
    events = [
        ACCEPTED,
        ev("Out for delivery", day(3), *ofd),
        ev("Recipient not at home", day(3.3), *missed),
        ev("Out for delivery", day(4), *ofd),
        ev("Recipient not at home", day(4.3), *missed),
    ]
    (alert,) = detect(*events, now=day(4.5))
    assert alert.kind is AlertKind.FAILED_ATTEMPT
    assert alert.evidence["attempts"] == 2
    assert alert.since == day(4.3)
    assert alert.cause.startswith("failed_attempt:")


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        (Reason.CUSTOMS_DOCUMENTS_OR_DUTIES, AlertKind.CUSTOMS_DOCUMENTS),
        (Reason.CUSTOMS_HELD_OR_SEIZED, AlertKind.CUSTOMS_HELD),
        (Reason.REFUSED, AlertKind.REFUSED),
        (Reason.DAMAGED, AlertKind.DAMAGED),
        (Reason.LOST_OR_MISSING, AlertKind.LOST),
        (Reason.WEATHER_OR_FORCE_MAJEURE, AlertKind.CARRIER_EXCEPTION),
    ],
)
def test_each_exception_reason_raises_its_kind(reason: Reason, kind: AlertKind) -> None:
    problem = ev("Exception", day(1), Status.EXCEPTION, Milestone.NONE, reason)
    assert kinds(detect(ACCEPTED, problem, now=day(1.2))) == {kind}


def test_a_return_to_sender_is_an_alert_until_the_end() -> None:
    back = ev("Returned to sender", day(6), Status.IN_TRANSIT, Milestone.RETURN)
    alerts = detect(ACCEPTED, back, now=day(6.1))
    assert AlertKind.RETURNING in kinds(alerts)


def test_a_delivered_parcel_has_no_alerts() -> None:
    problem = ev(
        "Address incomplete", day(1), Status.EXCEPTION, Milestone.NONE, Reason.ADDRESS_ISSUE
    )
    done = ev("Delivered", day(2), Status.DELIVERED, Milestone.DELIVERED)
    assert detect(ACCEPTED, problem, done, now=day(30)) == []


def test_no_first_scan_counts_business_days_after_the_label() -> None:
    label = ev(
        "Shipment information received", day(0), Status.INFO_RECEIVED, Milestone.LABEL_CREATED
    )
    assert detect(label, now=day(2)) == []  # Saturday and Sunday do not count
    assert detect(label, now=day(4)) == []  # Monday to Tuesday: 2 business days
    (alert,) = detect(label, now=day(5))  # Wednesday: 3
    assert alert.kind is AlertKind.NO_FIRST_SCAN and alert.evidence["business_days"] == 3
    assert kinds(detect(now=day(5))) == {AlertKind.NO_FIRST_SCAN}  # no event at all


def test_a_parcel_is_stalled_after_five_business_days_abroad_or_three_at_home() -> None:
    assert detect(ACCEPTED, now=day(6)) == []  # Thursday: 4 business days
    (alert,) = detect(ACCEPTED, now=day(7))
    assert alert.kind is AlertKind.STALLED and alert.cause == f"stalled:{FRIDAY.isoformat()}:5bd"
    assert kinds(detect(ACCEPTED, now=day(5), international=False)) == {AlertKind.STALLED}
    # A public holiday on the Monday pushes it a day.
    assert detect(ACCEPTED, now=day(7), holidays=frozenset({date(2024, 3, 4)})) == []


def test_a_lane_normally_quiet_for_longer_waits_longer_but_never_less_than_the_rule() -> None:
    # P95 gap of 14 days = 10 business days: stalled after 11.
    norms = LaneNorms(gap_p95={Milestone.PICKED_UP: timedelta(days=14)})
    assert detect(ACCEPTED, now=day(7), norms=norms) == []
    assert detect(ACCEPTED, now=day(16), norms=norms) == []  # Sunday: 10 business days
    assert kinds(detect(ACCEPTED, now=day(17), norms=norms)) == {AlertKind.STALLED}
    quick = LaneNorms(gap_p95={Milestone.PICKED_UP: timedelta(days=1)})
    assert detect(ACCEPTED, now=day(6), norms=quick) == []  # still 5 business days at least


def test_customs_dwell_above_the_floor_or_the_lanes_p95_raises_an_alert_with_a_stable_cause() -> (
    None
):
    customs = ev("Held at import customs", day(0), Status.IN_TRANSIT, Milestone.IMPORT_CUSTOMS)
    assert detect(customs, now=day(4), service_class="postal") == []
    first = detect(customs, now=day(6), service_class="postal")
    later = detect(customs, now=day(7), service_class="postal")
    assert kinds(first) == {AlertKind.CUSTOMS_DWELL}
    assert first[0].cause == later[0].cause
    assert first[0].since == day(5)  # when the 5-day floor was crossed
    # Express has a 2-day floor; a lane whose P95 is 8 days raises only after 8.
    assert kinds(detect(customs, now=day(3), service_class="express")) == {AlertKind.CUSTOMS_DWELL}
    slow_lane = LaneNorms(dwell_p95={Milestone.IMPORT_CUSTOMS: timedelta(days=8)})
    assert detect(customs, now=day(6), service_class="postal", norms=slow_lane) == []


def test_a_parcel_waiting_at_a_pickup_point_is_flagged_after_five_days() -> None:
    waiting = ev(
        "Ready for pickup", day(0), Status.AVAILABLE_FOR_PICKUP, Milestone.AVAILABLE_FOR_PICKUP
    )
    assert detect(waiting, now=day(4)) == []
    (alert,) = detect(waiting, now=day(6))
    assert alert.kind is AlertKind.NOT_COLLECTED


def _eta(p_on_time: float) -> DeliveryEstimate:
    return DeliveryEstimate(
        p10=date(2024, 3, 8),
        p50=date(2024, 3, 12),
        p90=date(2024, 3, 20),
        basis=EtaBasis.MODEL,
        model_version="v",
        as_of=day(1),
        p_on_time=p_on_time,
    )


def test_late_risk_comes_from_the_eta_models_probability() -> None:
    moving = ev("Departed", day(1), milestone=Milestone.DEPARTED_ORIGIN_COUNTRY)
    promised = date(2024, 3, 10)
    (alert,) = detect(ACCEPTED, moving, now=day(1.5), promised_on=promised, eta=_eta(0.3))
    assert alert.kind is AlertKind.LATE_RISK and alert.evidence["p_late"] == 0.7
    assert detect(ACCEPTED, moving, now=day(1.5), promised_on=promised, eta=_eta(0.8)) == []
    assert detect(ACCEPTED, moving, now=day(1.5), eta=_eta(0.1)) == []  # no promise
    strict = AlertPolicy(late_risk_probability=0.15)
    timeline = build_timeline([ACCEPTED, moving], now=day(1.5))
    context = AlertContext(created_at=FRIDAY, now=day(1.5), promised_on=promised, eta=_eta(0.8))
    assert kinds(detect_alerts(timeline, context, strict)) == {AlertKind.LATE_RISK}


def test_business_days_between() -> None:
    assert business_days_between(FRIDAY, FRIDAY) == 0
    assert business_days_between(FRIDAY, day(3)) == 1  # Friday to Monday
    assert business_days_between(FRIDAY, day(7)) == 5
    assert business_days_between(FRIDAY, day(7), frozenset({date(2024, 3, 5)})) == 4


def test_a_shipment_silent_for_a_month_is_expired_and_gets_no_time_alerts() -> None:
    assert kinds(detect(ACCEPTED, now=day(20))) == {AlertKind.STALLED}
    assert detect(ACCEPTED, now=day(31)) == []
