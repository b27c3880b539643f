"""The poller: due legs are asked in batches per carrier, answers ingested, next polls planned;
one carrier's failure never stops the others."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from polling_fakes import FakeConnector

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.vocabulary import Status
from crosstrack.services.circuit import BreakerPolicy
from crosstrack.services.facade import Services
from crosstrack.services.jobs import InProcessJobQueue
from crosstrack.services.polling import Poller, PollerSettings, PollReport
from crosstrack.services.records import Merchant, PollState, QuarantineSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock, SequentialIds
from crosstrack.workers.poller import run_poller

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@pytest.fixture
def usps() -> FakeConnector:
    return FakeConnector("usps", batch_size=2)


@pytest.fixture
def dhl() -> FakeConnector:
    return FakeConnector("dhl", batch_size=10)


def make_poller(
    services: Services, clock: FrozenClock, *connectors: FakeConnector, **settings: object
) -> Poller:
    return Poller(
        uow=services.uow,
        ingestor=services.ingestor,
        connectors={c.slug: c for c in connectors},
        clock=clock,
        ids=SequentialIds("q"),
        settings=PollerSettings(**settings),  # type: ignore[arg-type]
    )


def register(services: Services, merchant: Merchant, number: str, carrier: str | None) -> str:
    command = RegisterShipment(merchant.id, f"SO-{number}", (NumberInput(number, carrier),))
    shipment = services.registrar.register(command).shipment
    return shipment.legs[0].id


def poll_state(services: Services, leg_id: str) -> PollState:
    with services.uow() as uow:
        state = uow.polls.state(leg_id)
    assert state is not None
    return state


def status_of(services: Services, merchant: Merchant, number: str) -> Status:
    with services.uow() as uow:
        [target] = uow.shipments.targets([number])
        shipment = uow.shipments.get(merchant.id, target.shipment_id)
    assert shipment is not None
    return shipment.state.status


def test_only_due_legs_with_a_carrier_are_polled(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    register(services, merchant, "9400100000000000000001", "usps")
    register(services, merchant, "UNKNOWNCARRIER1", None)
    poller = make_poller(services, clock, usps)
    report = poller.run_once()
    assert usps.calls == [["9400100000000000000001"]]
    assert report.due == 1 and report.polled == 1
    assert poller.run_once().due == 0  # nothing due again until its next poll
    assert usps.calls == [["9400100000000000000001"]]


def test_legs_are_batched_per_carrier_by_the_connectors_batch_size(
    services: Services,
    merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
    dhl: FakeConnector,
) -> None:
    for i in range(5):
        register(services, merchant, f"940010000000000000000{i}", "usps")
    for i in range(3):
        register(services, merchant, f"123456789{i}", "dhl")
    report = make_poller(services, clock, usps, dhl).run_once()
    assert [len(call) for call in usps.calls] == [2, 2, 1]
    assert [len(call) for call in dhl.calls] == [3]
    assert report.requests == 4 and report.polled == 8


def test_a_number_two_merchants_track_is_asked_once_and_serves_both(
    services: Services,
    merchant: Merchant,
    other_merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
) -> None:
    number = "9400100000000000000009"
    first = register(services, merchant, number, "usps")
    second = register(services, other_merchant, number, "usps")
    usps.found(number, ("Out for Delivery", "2026-01-05T08:00:00Z"))
    report = make_poller(services, clock, usps).run_once()
    assert usps.calls == [[number]]
    assert report.events_stored == 2
    assert poll_state(services, first).last_outcome is PollOutcome.FOUND
    assert poll_state(services, second).last_outcome is PollOutcome.FOUND


def test_found_events_are_ingested_and_the_next_poll_follows_the_new_status(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    number = "9400100000000000000001"
    leg = register(services, merchant, number, "usps")
    usps.found(
        number,
        ("Accepted at USPS Origin Facility", "2026-01-04T10:00:00Z"),
        ("Out for Delivery", "2026-01-05T08:00:00Z"),
    )
    report = make_poller(services, clock, usps).run_once()
    assert (report.events_received, report.events_stored) == (2, 2)
    assert status_of(services, merchant, number) is Status.OUT_FOR_DELIVERY
    state = poll_state(services, leg)
    assert state.last_outcome is PollOutcome.FOUND and state.consecutive_failures == 0
    assert state.next_poll_at is not None
    assert HOUR <= state.next_poll_at - clock.now <= 2 * HOUR


def test_one_carrier_down_does_not_stop_the_others_and_recovers_when_it_comes_back(
    services: Services,
    merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
    dhl: FakeConnector,
) -> None:
    down = register(services, merchant, "9400100000000000000001", "usps")
    up = register(services, merchant, "1234567890", "dhl")
    dhl.found("1234567890", ("Shipment picked up", "2026-01-05T08:00:00Z"))
    usps.failure = CarrierUnavailable("usps is unavailable: 503", retry_after=3600)
    poller = make_poller(services, clock, usps, dhl)
    report = poller.run_once()
    assert report.failed_carriers == {"usps"}
    assert report.events_stored == 1
    assert report.outcomes[PollOutcome.UNAVAILABLE] == 1
    failed = poll_state(services, down)
    assert failed.last_outcome is PollOutcome.UNAVAILABLE and failed.consecutive_failures == 1
    assert failed.next_poll_at is not None and failed.next_poll_at - clock.now >= HOUR
    assert poll_state(services, up).last_outcome is PollOutcome.FOUND

    usps.failure = None
    usps.found(
        "9400100000000000000001", ("Accepted at USPS Origin Facility", "2026-01-05T09:00:00Z")
    )
    clock.advance(2 * HOUR)
    report = poller.run_once()
    assert report.failed_carriers == set()
    recovered = poll_state(services, down)
    assert recovered.last_outcome is PollOutcome.FOUND and recovered.consecutive_failures == 0


def test_a_carrier_refusing_our_credentials_backs_off_only_its_legs(
    services: Services,
    merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
    dhl: FakeConnector,
) -> None:
    refused = register(services, merchant, "9400100000000000000001", "usps")
    register(services, merchant, "1234567890", "dhl")
    usps.failure = CarrierAuthenticationFailed("usps refused our credentials")
    report = make_poller(services, clock, usps, dhl).run_once()
    assert report.outcomes == {PollOutcome.ERROR: 1, PollOutcome.NOT_FOUND: 1}
    state = poll_state(services, refused)
    assert state.next_poll_at is not None
    assert timedelta(minutes=13) <= state.next_poll_at - clock.now <= timedelta(minutes=17)


def test_a_failing_carrier_is_skipped_after_repeated_failures_until_its_cooldown(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    usps = FakeConnector("usps", batch_size=1)
    legs = [register(services, merchant, f"940010000000000000000{i}", "usps") for i in range(5)]
    usps.failure = CarrierUnavailable("usps is unavailable: timeout")
    breaker = BreakerPolicy(threshold=3, cooldown=timedelta(minutes=30))
    poller = make_poller(services, clock, usps, breaker=breaker)
    report = poller.run_once()
    assert len(usps.calls) == 3
    assert report.failed_requests == 3 and report.skipped_circuit_open == 2
    skipped = [s for s in (poll_state(services, leg) for leg in legs) if s.last_polled_at is None]
    assert len(skipped) == 2
    for state in skipped:  # not asked: rescheduled to when the circuit closes, no failure
        assert state.next_poll_at == clock.now + timedelta(minutes=30)
        assert state.consecutive_failures == 0

    clock.advance(timedelta(minutes=10))
    assert poller.run_once().requests == 0  # still open, nothing due yet

    usps.failure = None
    clock.advance(timedelta(hours=7))
    report = poller.run_once()
    assert report.failed_requests == 0 and report.polled == 5
    assert poller.breaker.failures("usps") == 0


def test_unknown_numbers_back_off_from_an_hour_growing_to_twelve(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    leg = register(services, merchant, "9400100000000000000001", "usps")
    plan = PollerSettings().plan
    poller = make_poller(services, clock, usps, plan=type(plan)(jitter=0.0))
    waits = []
    for _ in range(6):
        poller.run_once()
        state = poll_state(services, leg)
        assert state.next_poll_at is not None and state.last_outcome is PollOutcome.NOT_FOUND
        waits.append(state.next_poll_at - clock.now)
        clock.now = state.next_poll_at
    assert waits == [HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR, 12 * HOUR]


def test_an_invalid_number_stops_its_polling(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    number = "9400100000000000000001"
    leg = register(services, merchant, number, "usps")
    usps.answers[number] = TrackingResult(number, Outcome.INVALID, error="not a USPS number")
    report = make_poller(services, clock, usps).run_once()
    assert report.stopped == {StopReason.INVALID_NUMBER: 1}
    assert poll_state(services, leg).polling_stopped_reason is StopReason.INVALID_NUMBER


def test_a_delivered_leg_is_polled_once_more_a_day_later_then_never(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    number = "9400100000000000000001"
    leg = register(services, merchant, number, "usps")
    usps.found(number, ("Delivered, In/At Mailbox", "2026-01-05T11:00:00Z"))
    poller = make_poller(services, clock, usps)
    poller.run_once()
    assert status_of(services, merchant, number) is Status.DELIVERED
    state = poll_state(services, leg)
    assert state.next_poll_at is not None
    assert DAY - HOUR <= state.next_poll_at - clock.now <= DAY + 2 * HOUR

    clock.now = state.next_poll_at
    report = poller.run_once()
    assert report.stopped == {StopReason.TERMINAL: 1}
    assert len(usps.calls) == 2
    clock.advance(timedelta(days=60))
    assert poller.run_once().due == 0
    assert len(usps.calls) == 2


def test_a_leg_silent_for_thirty_days_expires(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    number = "9400100000000000000001"
    leg = register(services, merchant, number, "usps")
    usps.found(number, ("Departed USPS Regional Facility", "2026-01-05T09:00:00Z"))
    poller = make_poller(services, clock, usps)
    poller.run_once()
    clock.advance(timedelta(days=31))
    report = poller.run_once()
    assert report.stopped == {StopReason.EXPIRED: 1}
    assert poll_state(services, leg).polling_stopped_reason is StopReason.EXPIRED


def test_a_malformed_answer_is_quarantined_and_the_legs_back_off(
    services: Services,
    merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
    dhl: FakeConnector,
) -> None:
    leg = register(services, merchant, "9400100000000000000001", "usps")
    register(services, merchant, "1234567890", "dhl")
    usps.failure = MalformedPayload("usps answered HTTP 200 with text/html, not JSON")
    report = make_poller(services, clock, usps, dhl).run_once()
    assert report.quarantined == 1
    with services.uow() as uow:
        [item] = uow.quarantine.recent(10)
    assert item.source is QuarantineSource.POLL and item.carrier == "usps"
    assert "text/html, not JSON" in item.reason and item.reason.startswith("malformed_payload")
    assert "9400100000000000000001" in item.body
    assert poll_state(services, leg).last_outcome is PollOutcome.ERROR
    assert report.outcomes[PollOutcome.NOT_FOUND] == 1  # dhl still polled


def test_a_body_the_connector_attaches_is_what_gets_quarantined(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    register(services, merchant, "9400100000000000000001", "usps")
    failure = MalformedPayload("usps answered with an HTML page")
    failure.body = b"<html><script>alert(1)</script></html>"  # type: ignore[attr-defined]
    failure.content_type = "text/html"  # type: ignore[attr-defined]
    usps.failure = failure
    make_poller(services, clock, usps).run_once()
    with services.uow() as uow:
        [item] = uow.quarantine.recent(1)
    assert item.body == "<html><script>alert(1)</script></html>"
    assert item.content_type == "text/html"


def test_replaying_the_same_answers_stores_nothing_new(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    number = "9400100000000000000001"
    register(services, merchant, number, "usps")
    usps.found(
        number,
        ("Accepted at USPS Origin Facility", "2026-01-04T10:00:00Z"),
        ("Arrived at USPS Regional Facility", "2026-01-05T02:00:00Z"),
    )
    poller = make_poller(services, clock, usps)
    first = poller.run_once()
    with services.uow() as uow:
        outbox_before = len(uow.outbox.pending(1000))
    clock.advance(DAY)
    second = poller.run_once()
    assert first.events_stored == 2
    assert (second.events_received, second.events_stored) == (2, 0)
    with services.uow() as uow:
        assert len(uow.outbox.pending(1000)) == outbox_before


def test_legs_of_a_carrier_without_a_connector_are_skipped_and_looked_at_later(
    services: Services, merchant: Merchant, clock: FrozenClock, usps: FakeConnector
) -> None:
    leg = register(services, merchant, "1Z999AA10123456784", "ups")
    report = make_poller(services, clock, usps).run_once()
    assert report.skipped_no_connector == 1 and report.requests == 0
    state = poll_state(services, leg)
    assert state.next_poll_at is not None
    assert 5 * HOUR <= state.next_poll_at - clock.now <= 7 * HOUR
    assert state.last_polled_at is None


def test_a_connector_with_a_bug_fails_only_its_own_carrier(
    services: Services,
    merchant: Merchant,
    clock: FrozenClock,
    usps: FakeConnector,
    dhl: FakeConnector,
) -> None:
    register(services, merchant, "9400100000000000000001", "usps")
    register(services, merchant, "1234567890", "dhl")
    usps.failure = KeyError("trackResults")
    report = make_poller(services, clock, usps, dhl).run_once()
    assert report.failed_carriers == {"usps"}
    assert report.outcomes == {PollOutcome.ERROR: 1, PollOutcome.NOT_FOUND: 1}


def test_the_in_process_queue_runs_every_job_even_after_one_fails() -> None:
    queue = InProcessJobQueue()
    ran: list[str] = []

    def boom() -> None:
        raise RuntimeError("boom")

    queue.submit("a", lambda: ran.append("a"))
    queue.submit("boom", boom)
    queue.submit("b", lambda: ran.append("b"))
    result = queue.run_pending()
    assert ran == ["a", "b"]
    assert (result.ran, result.failed) == (3, ("boom",))
    assert queue.run_pending().ran == 0


def test_the_worker_loop_polls_until_stopped(
    services: Services, merchant: Merchant, usps: FakeConnector
) -> None:
    register(services, merchant, "9400100000000000000001", "usps")
    stop = threading.Event()
    reports: list[PollReport] = []

    def seen(report: PollReport) -> None:
        reports.append(report)
        stop.set()

    run_poller(services, {"usps": usps}, interval=0.01, stop_event=stop, on_report=seen)
    assert len(reports) == 1 and reports[0].polled == 1


def test_the_worker_loop_survives_a_failing_run(services: Services) -> None:
    stop = threading.Event()
    calls = 0

    def broken_uow() -> object:
        nonlocal calls
        calls += 1
        if calls >= 2:
            stop.set()
        raise RuntimeError("database is gone")

    broken = Services.build(
        uow=broken_uow,  # type: ignore[arg-type]
        normalizer=services.ingestor._normalizer,
        detector=services.detector,
        carriers=services.carriers,
        clock=services.clock,
        ids=SequentialIds(),
    )
    run_poller(broken, {}, interval=0.001, stop_event=stop)
    assert calls >= 2
