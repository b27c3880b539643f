"""Contract: deliveries behave alike in memory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage_samples import T0, merchant

from crosstrack.domain.delivery import Channel, DeliveryStatus
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import Delivery, OutboxMessage, Topic


def _delivery(delivery_id: str, target: str, hours: int) -> Delivery:
    at = T0 + timedelta(hours=hours)
    return Delivery(
        id=delivery_id,
        merchant_id="m-a",
        message_id="msg-1",
        channel=Channel.EMAIL,
        target=target,
        status=DeliveryStatus.PENDING,
        created_at=at,
        next_attempt_at=at,
        expires_at=at + timedelta(days=3),
    )


def test_told_since_finds_the_targets_sent_something_lately_but_not_a_superseded_one(
    uow_factory: UnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant("m-a"))
        uow.outbox.add_many([OutboxMessage("msg-1", "m-a", None, Topic.PING, {}, "key-1", T0)])
        uow.deliveries.add_many(
            [
                _delivery("d-1", "sub-old", 0),
                _delivery("d-2", "sub-new", 20),
                replace(_delivery("d-3", "sub-replaced", 20), status=DeliveryStatus.SUPERSEDED),
            ]
        )
        uow.commit()
    with uow_factory() as uow:
        found = uow.deliveries.told_since(
            ["sub-old", "sub-new", "sub-replaced", "sub-never"], T0 + timedelta(hours=10)
        )
    assert found == {"sub-new"}
