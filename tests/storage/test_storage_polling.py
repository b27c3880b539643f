"""Contract: the polling plan's state and the quarantine behave alike in memory, on SQLite and
on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage_samples import T0, delivered_state, leg, seed, shipment

from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import (
    QUARANTINE_BODY_MAX,
    PollRecord,
    PollState,
    QuarantinedPayload,
    QuarantineSource,
)

A, B = "m-a", "m-b"
HOUR = timedelta(hours=1)


def due_ids(uow_factory: UnitOfWorkFactory, at: object = T0, **kwargs: object) -> list[str]:
    with uow_factory() as uow:
        return [d.leg_id for d in uow.polls.due(at, limit=kwargs.pop("limit", 100), **kwargs)]  # type: ignore[arg-type]


def test_a_registered_leg_with_a_carrier_is_due_from_its_creation(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1", created_at=T0))
    assert due_ids(uow_factory, T0 - timedelta(seconds=1)) == []
    with uow_factory() as uow:
        [due] = uow.polls.due(T0, limit=10)
    assert due.leg_id == "s-1-leg-0"
    assert (due.merchant_id, due.shipment_id, due.carrier) == (A, "s-1", "usps")
    assert due.tracking_number == "9400S1"
    assert (due.status, due.milestone, due.last_event_at) == (Status.PENDING, Milestone.NONE, None)
    assert due.registered_at == T0
    assert due.poll == PollState("s-1-leg-0", next_poll_at=T0)


def test_a_leg_without_a_carrier_is_never_due(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1", carrier=None))
    assert due_ids(uow_factory, T0 + timedelta(days=400)) == []
    with uow_factory() as uow:
        assert uow.polls.state("s-1-leg-0") == PollState("s-1-leg-0")
        assert uow.polls.find(["s-1-leg-0"]) == {}


def test_a_leg_added_later_is_due_from_when_it_was_added(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.shipments.add_leg(A, "s-1", leg("l-new", "LM1", "colissimo", 1), T0 + 2 * HOUR)
        uow.commit()
    assert due_ids(uow_factory, T0 + HOUR) == ["s-1-leg-0"]
    assert due_ids(uow_factory, T0 + 2 * HOUR) == ["s-1-leg-0", "l-new"]


def test_due_legs_come_oldest_due_first_across_merchants_up_to_the_limit(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(
        uow_factory,
        shipment("s-3", created_at=T0 + 2 * HOUR),
        shipment("s-1", B, created_at=T0),
        shipment("s-2", created_at=T0 + HOUR),
    )
    later = T0 + 3 * HOUR
    assert due_ids(uow_factory, later) == ["s-1-leg-0", "s-2-leg-0", "s-3-leg-0"]
    assert due_ids(uow_factory, later, limit=2) == ["s-1-leg-0", "s-2-leg-0"]
    assert due_ids(uow_factory, later, limit=0) == []


def test_due_can_be_limited_to_some_carriers(uow_factory: UnitOfWorkFactory) -> None:
    seed(
        uow_factory,
        shipment("s-1", carrier="usps"),
        shipment("s-2", carrier="dhl"),
        shipment("s-3", carrier="ups"),
    )
    assert due_ids(uow_factory, carriers={"dhl", "ups"}) == ["s-2-leg-0", "s-3-leg-0"]
    assert due_ids(uow_factory, carriers=set()) == []


def test_due_shows_the_shipments_current_state(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.shipments.save_state(A, "s-1", delivered_state(T0), T0)
        uow.commit()
    with uow_factory() as uow:
        [due] = uow.polls.due(T0, limit=1)
    assert (due.status, due.milestone, due.last_event_at) == (
        Status.DELIVERED,
        Milestone.DELIVERED,
        T0,
    )


def test_recording_a_poll_moves_the_next_poll_and_keeps_the_outcome(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.polls.record("s-1-leg-0", T0, PollOutcome.NOT_FOUND, T0 + 2 * HOUR, failures=2)
        uow.commit()
    assert due_ids(uow_factory, T0 + HOUR) == []
    assert due_ids(uow_factory, T0 + 2 * HOUR) == ["s-1-leg-0"]
    with uow_factory() as uow:
        assert uow.polls.state("s-1-leg-0") == PollState(
            "s-1-leg-0",
            next_poll_at=T0 + 2 * HOUR,
            last_polled_at=T0,
            last_outcome=PollOutcome.NOT_FOUND,
            consecutive_failures=2,
        )


def test_a_stopped_leg_is_never_due_again_until_rescheduled(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"))
    with uow_factory() as uow:
        uow.polls.record_many(
            [
                PollRecord("s-1-leg-0", T0, PollOutcome.FOUND, T0, 0, StopReason.TERMINAL),
                PollRecord(
                    "s-2-leg-0", T0, PollOutcome.INVALID, None, 1, StopReason.INVALID_NUMBER
                ),
            ]
        )
        uow.commit()
    assert due_ids(uow_factory, T0 + timedelta(days=400)) == []
    with uow_factory() as uow:
        stopped = uow.polls.state("s-1-leg-0")
        assert stopped is not None
        assert stopped.next_poll_at is None
        assert stopped.polling_stopped_at == T0
        assert stopped.polling_stopped_reason is StopReason.TERMINAL
        uow.polls.schedule("s-1-leg-0", T0 + HOUR)
        uow.commit()
    assert due_ids(uow_factory, T0 + HOUR) == ["s-1-leg-0"]
    with uow_factory() as uow:
        state = uow.polls.state("s-1-leg-0")
        assert state is not None and state.polling_stopped_reason is None


def test_find_gives_the_view_of_legs_due_or_not(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"))
    with uow_factory() as uow:
        uow.polls.schedule("s-2-leg-0", T0 + timedelta(days=1))
        found = uow.polls.find(["s-1-leg-0", "s-2-leg-0", "nope"])
    assert sorted(found) == ["s-1-leg-0", "s-2-leg-0"]
    assert found["s-2-leg-0"].poll.next_poll_at == T0 + timedelta(days=1)


def test_correcting_a_legs_carrier_restarts_its_plan_and_removing_it_stops_it(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.polls.record(
            "s-1-leg-0",
            T0,
            PollOutcome.INVALID,
            None,
            failures=1,
            stopped_reason=StopReason.INVALID_NUMBER,
        )
        original = leg("s-1-leg-0", "9400S1", "usps")
        uow.shipments.update_leg(A, "s-1", original, T0 + HOUR)  # same carrier: no change
        uow.commit()
    assert due_ids(uow_factory, T0 + timedelta(days=1)) == []
    with uow_factory() as uow:
        uow.shipments.update_leg(A, "s-1", replace(original, carrier="dhl"), T0 + HOUR)
        uow.commit()
    assert due_ids(uow_factory, T0 + HOUR) == ["s-1-leg-0"]
    with uow_factory() as uow:
        assert uow.polls.state("s-1-leg-0") == PollState("s-1-leg-0", next_poll_at=T0 + HOUR)
        uow.shipments.update_leg(A, "s-1", replace(original, carrier=None), T0 + HOUR)
        uow.commit()
    assert due_ids(uow_factory, T0 + timedelta(days=1)) == []


def test_a_deleted_shipments_legs_are_not_due(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"))
    with uow_factory() as uow:
        uow.shipments.delete(A, "s-1")
        uow.commit()
    assert due_ids(uow_factory) == ["s-2-leg-0"]


def test_recorded_polls_roll_back_with_the_unit_of_work(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.polls.record("s-1-leg-0", T0, PollOutcome.FOUND, T0 + HOUR, failures=0)
    assert due_ids(uow_factory) == ["s-1-leg-0"]


def _item(
    item_id: str, at: object = T0, body: str = "<html>502 Bad Gateway</html>"
) -> QuarantinedPayload:
    return QuarantinedPayload.capture(
        id=item_id,
        source=QuarantineSource.POLL,
        carrier="usps",
        reason="usps answered HTTP 502 with text/html, not JSON",
        body=body,
        received_at=at,  # type: ignore[arg-type]
        content_type="text/html",
    )


def test_quarantined_payloads_read_back_newest_first(uow_factory: UnitOfWorkFactory) -> None:
    first, second = _item("q-1", T0), _item("q-2", T0 + HOUR)
    webhook = QuarantinedPayload.capture(
        id="q-3",
        source=QuarantineSource.WEBHOOK,
        carrier=None,
        merchant_id=A,
        reason="not JSON",
        body=b"\xff\xfe binary \x00 junk",
        received_at=T0 + 2 * HOUR,
    )
    with uow_factory() as uow:
        for item in (first, second, webhook):
            uow.quarantine.add(item)
        uow.commit()
    with uow_factory() as uow:
        assert uow.quarantine.recent(10) == [webhook, second, first]
        assert uow.quarantine.recent(1) == [webhook]
    assert "\x00" not in webhook.body and "binary" in webhook.body


def test_a_quarantined_body_is_cut_to_the_documented_maximum(
    uow_factory: UnitOfWorkFactory,
) -> None:
    huge = _item("q-big", body="x" * (QUARANTINE_BODY_MAX + 10))
    assert len(huge.body) == QUARANTINE_BODY_MAX and huge.truncated
    with uow_factory() as uow:
        uow.quarantine.add(huge)
        uow.commit()
    with uow_factory() as uow:
        [back] = uow.quarantine.recent(1)
    assert back == huge
