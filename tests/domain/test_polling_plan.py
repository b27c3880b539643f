"""The polling plan: how often a leg is asked, by where its parcel is and what the carrier said."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.domain.polling import (
    PollDecision,
    PollOutcome,
    PollPolicy,
    StopReason,
    backoff,
    jitter_fraction,
    next_poll,
)
from crosstrack.domain.vocabulary import Milestone, Status

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
NO_JITTER = PollPolicy(jitter=0.0)


def plan(
    *,
    status: Status = Status.IN_TRANSIT,
    milestone: Milestone = Milestone.FACILITY,
    last_event_at: datetime | None = NOW - HOUR,
    last_polled_at: datetime | None = NOW - 5 * HOUR,
    outcome: PollOutcome = PollOutcome.FOUND,
    failures: int = 0,
    registered_at: datetime = NOW - timedelta(days=3),
    policy: PollPolicy = NO_JITTER,
    key: str = "leg-1",
    retry_after: timedelta | None = None,
) -> PollDecision:
    return next_poll(
        NOW,
        key=key,
        status=status,
        milestone=milestone,
        last_event_at=last_event_at,
        last_polled_at=last_polled_at,
        outcome=outcome,
        consecutive_failures=failures,
        registered_at=registered_at,
        policy=policy,
        retry_after=retry_after,
    )


def wait(decision: PollDecision) -> timedelta:
    assert decision.stop is None and decision.next_at is not None
    return decision.next_at - NOW


@pytest.mark.parametrize(
    "status", [Status.OUT_FOR_DELIVERY, Status.AVAILABLE_FOR_PICKUP, Status.ATTEMPT_FAILED]
)
def test_near_delivery_is_polled_every_hour_or_two(status: Status) -> None:
    assert HOUR <= wait(plan(status=status)) <= 2 * HOUR


def test_after_an_exception_the_leg_is_polled_about_every_two_hours() -> None:
    assert wait(plan(status=Status.EXCEPTION, milestone=Milestone.IMPORT_CUSTOMS)) == 2 * HOUR


def test_during_line_haul_the_leg_is_polled_rarely() -> None:
    line_haul = wait(plan(milestone=Milestone.DEPARTED_ORIGIN_COUNTRY))
    assert 8 * HOUR <= line_haul <= 12 * HOUR


def test_once_arrived_in_the_destination_country_polling_is_moderate_again() -> None:
    assert 4 * HOUR <= wait(plan(milestone=Milestone.ARRIVED_DESTINATION_COUNTRY)) <= 6 * HOUR


@pytest.mark.parametrize("status", [Status.PENDING, Status.INFO_RECEIVED, Status.IN_TRANSIT])
def test_anything_else_is_polled_moderately(status: Status) -> None:
    assert 4 * HOUR <= wait(plan(status=status, milestone=Milestone.PICKED_UP)) <= 6 * HOUR


def test_a_delivered_leg_gets_one_confirmation_poll_a_day_after_delivery() -> None:
    delivered_at = NOW - HOUR
    decision = plan(
        status=Status.DELIVERED, milestone=Milestone.DELIVERED, last_event_at=delivered_at
    )
    assert decision == PollDecision.at(delivered_at + timedelta(hours=24))


def test_the_confirmation_poll_stops_polling() -> None:
    decision = plan(
        status=Status.DELIVERED,
        milestone=Milestone.DELIVERED,
        last_event_at=NOW - timedelta(hours=24),
        last_polled_at=NOW - timedelta(hours=23),
    )
    assert decision == PollDecision.stopped(StopReason.TERMINAL)


def test_a_return_is_terminal_too() -> None:
    returned = plan(
        status=Status.RETURNED, milestone=Milestone.RETURN, last_event_at=NOW - 2 * HOUR
    )
    assert wait(returned) == 22 * HOUR


def test_a_leg_first_seen_long_after_its_delivery_stops_at_once() -> None:
    decision = plan(
        status=Status.DELIVERED,
        milestone=Milestone.DELIVERED,
        last_event_at=NOW - timedelta(days=5),
        last_polled_at=None,
    )
    assert decision.stop is StopReason.TERMINAL


def test_a_terminal_leg_without_event_times_is_confirmed_by_the_next_poll() -> None:
    first = plan(status=Status.DELIVERED, last_event_at=None, last_polled_at=None)
    assert wait(first) == 24 * HOUR
    second = plan(status=Status.DELIVERED, last_event_at=None, last_polled_at=NOW - 24 * HOUR)
    assert second.stop is StopReason.TERMINAL


def test_silence_for_thirty_days_expires_the_leg() -> None:
    decision = plan(last_event_at=NOW - timedelta(days=30))
    assert decision == PollDecision.stopped(StopReason.EXPIRED)
    assert plan(last_event_at=NOW - timedelta(days=29)).stop is None


def test_a_number_never_found_expires_thirty_days_after_registration() -> None:
    never = plan(
        outcome=PollOutcome.NOT_FOUND,
        last_event_at=None,
        failures=40,
        registered_at=NOW - timedelta(days=31),
    )
    assert never.stop is StopReason.EXPIRED


def test_the_silence_allowed_is_configurable() -> None:
    policy = PollPolicy(jitter=0.0, expire_after=timedelta(days=7))
    assert plan(last_event_at=NOW - timedelta(days=8), policy=policy).stop is StopReason.EXPIRED


def test_not_found_backs_off_from_one_hour_to_twelve() -> None:
    waits = [wait(plan(outcome=PollOutcome.NOT_FOUND, failures=n)) for n in range(1, 8)]
    assert waits[0] == HOUR
    assert waits[1] == 2 * HOUR
    assert waits[2] == 4 * HOUR
    assert waits == sorted(waits)
    assert waits[-1] == 12 * HOUR


def test_an_invalid_number_stops_polling() -> None:
    assert plan(outcome=PollOutcome.INVALID).stop is StopReason.INVALID_NUMBER


@pytest.mark.parametrize("outcome", [PollOutcome.ERROR, PollOutcome.UNAVAILABLE])
def test_carrier_failures_back_off_exponentially_up_to_a_cap(outcome: PollOutcome) -> None:
    waits = [wait(plan(outcome=outcome, failures=n)) for n in range(1, 12)]
    assert waits[0] == timedelta(minutes=15)
    assert waits[1] == timedelta(minutes=30)
    assert waits[-1] == timedelta(hours=6)
    assert waits == sorted(waits)


def test_a_carrier_failure_never_expires_the_leg() -> None:
    down = plan(outcome=PollOutcome.UNAVAILABLE, failures=3, last_event_at=NOW - timedelta(days=60))
    assert down.stop is None


def test_retry_after_is_honoured_even_with_jitter() -> None:
    for key in ("a", "b", "c", "d", "e"):
        decision = plan(
            outcome=PollOutcome.UNAVAILABLE,
            failures=1,
            retry_after=3 * HOUR,
            policy=PollPolicy(),
            key=key,
        )
        assert wait(decision) >= 3 * HOUR


def test_jitter_is_small_deterministic_and_spreads_legs() -> None:
    policy = PollPolicy(jitter=0.1)
    waits = {key: wait(plan(policy=policy, key=key)) for key in (f"leg-{i}" for i in range(50))}
    assert all(4.5 * HOUR <= w <= 5.5 * HOUR for w in waits.values())
    assert len(set(waits.values())) > 40
    assert waits["leg-7"] == wait(plan(policy=policy, key="leg-7"))
    assert -1.0 <= jitter_fraction("x") < 1.0


def test_no_poll_is_planned_sooner_than_the_minimum() -> None:
    policy = PollPolicy(jitter=0.0, near_delivery=timedelta(minutes=1))
    assert wait(plan(status=Status.OUT_FOR_DELIVERY, policy=policy)) == timedelta(minutes=5)


def test_backoff_doubles_and_caps() -> None:
    assert backoff(HOUR, 12 * HOUR, 0) == HOUR
    assert backoff(HOUR, 12 * HOUR, 3) == 4 * HOUR
    assert backoff(HOUR, 12 * HOUR, 1_000) == 12 * HOUR
