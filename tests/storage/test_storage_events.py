"""Contract: events, outbox, accounts and idempotent responses behave alike on every back-end."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage_samples import (
    T0,
    api_key,
    idempotent_response,
    merchant,
    message,
    shipment,
    sparse_event,
    stored_event,
)

from crosstrack.services.ports import UnitOfWorkFactory

A, B = "m-a", "m-b"


def seed(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
        uow.merchants.add(merchant(B))
        uow.shipments.add(shipment("s-1", A))
        uow.shipments.add(shipment("s-2", A))
        uow.shipments.add(shipment("s-b", B))
        uow.commit()


def test_a_stored_event_reads_back_equal_raw_and_normalized(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory)
    full = stored_event("e-1", "s-1", leg_id="s-1-leg-0")
    sparse = sparse_event("e-2", "s-1")
    with uow_factory() as uow:
        assert uow.events.add_many([full, sparse]) == 2
        uow.commit()
    with uow_factory() as uow:
        assert uow.events.for_shipment(A, "s-1") == [full, sparse]
        assert {x.fingerprint for x in uow.events.for_shipment(A, "s-1")} == {"fp-e-1", "fp-e-2"}


def test_events_come_back_in_the_order_they_were_stored(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory)
    batches = [
        [stored_event(f"e-{b}-{i}", "s-1", received_at=T0 - timedelta(minutes=b)) for i in range(5)]
        for b in range(3)
    ]
    with uow_factory() as uow:
        for batch in batches:
            uow.events.add_many(batch)
        uow.commit()
    with uow_factory() as uow:
        stored = [e.id for e in uow.events.for_shipment(A, "s-1")]
    assert stored == [e.id for batch in batches for e in batch]


def test_replaying_the_same_fingerprints_stores_nothing(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory)
    first = [stored_event(f"e-{i}", "s-1") for i in range(4)]
    with uow_factory() as uow:
        assert uow.events.add_many(first) == 4
        uow.commit()
    replay = [replace(e, id=f"again-{e.id}", received_at=T0 + timedelta(1)) for e in first]
    newcomer = stored_event("e-new", "s-1")
    with uow_factory() as uow:
        assert uow.events.add_many(replay) == 0
        assert uow.events.add_many([*replay[:2], newcomer]) == 1
        uow.commit()
    with uow_factory() as uow:
        assert uow.events.for_shipment(A, "s-1") == [*first, newcomer]


def test_a_fingerprint_twice_in_one_batch_is_stored_once(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory)
    twice = [
        stored_event("e-1", "s-1", fingerprint="same"),
        stored_event("e-2", "s-1", fingerprint="same"),
    ]
    with uow_factory() as uow:
        assert uow.events.add_many(twice) == 1
        assert [e.id for e in uow.events.for_shipment(A, "s-1")] == ["e-1"]
        assert uow.events.add_many([]) == 0


def test_the_same_fingerprint_on_two_shipments_is_two_events(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory)
    with uow_factory() as uow:
        stored = uow.events.add_many(
            [
                stored_event("e-1", "s-1", fingerprint="same"),
                stored_event("e-2", "s-2", fingerprint="same"),
            ]
        )
        assert stored == 2


def test_another_merchant_cannot_read_the_events(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory)
    with uow_factory() as uow:
        uow.events.add_many([stored_event("e-1", "s-1"), stored_event("e-b", "s-b", B)])
        uow.commit()
    with uow_factory() as uow:
        assert uow.events.for_shipment(B, "s-1") == []
        assert {x.fingerprint for x in uow.events.for_shipment(B, "s-1")} == set()
        assert [e.id for e in uow.events.for_shipment(B, "s-b")] == ["e-b"]
        assert uow.events.for_shipment(A, "s-b") == []


def test_outbox_skips_known_idempotency_keys_and_lists_oldest_first(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory)
    hour = timedelta(hours=1)
    late, early, middle = (
        message("k-3", created_at=T0 + 2 * hour),
        message("k-1"),
        message("k-2", B, created_at=T0 + hour, shipment_id="s-b"),
    )
    with uow_factory() as uow:
        assert uow.outbox.add_many([late, early]) == 2
        uow.commit()
    with uow_factory() as uow:
        again = replace(early, id="msg-other", payload={"different": True})
        assert uow.outbox.add_many([again, middle, middle]) == 1
        assert uow.outbox.add_many([]) == 0
        uow.commit()
    with uow_factory() as uow:
        assert uow.outbox.pending(10) == [early, middle, late]
        assert uow.outbox.pending(2) == [early, middle]


def test_merchants_and_api_keys_read_back_equal(uow_factory: UnitOfWorkFactory) -> None:
    key = api_key("k-1", A)
    revoked = replace(api_key("k-2", A), revoked_at=T0 + timedelta(1), name=None)
    with uow_factory() as uow:
        uow.merchants.add(merchant(A, "Shenzhen Gadgets"))
        uow.api_keys.add(key)
        uow.api_keys.add(revoked)
        uow.commit()
    with uow_factory() as uow:
        assert uow.merchants.get(A) == merchant(A, "Shenzhen Gadgets")
        assert uow.merchants.by_name("Shenzhen Gadgets") == merchant(A, "Shenzhen Gadgets")
        assert uow.merchants.get("nope") is None
        assert uow.merchants.by_name("nope") is None
        assert uow.api_keys.by_hash(key.key_hash) == key
        assert uow.api_keys.by_hash(revoked.key_hash) == revoked
        assert uow.api_keys.by_hash("0" * 64) is None


def test_idempotent_responses_are_per_merchant_and_replaced_by_put(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory)
    first = idempotent_response("idem-1", A)
    with uow_factory() as uow:
        uow.idempotency.put(first)
        uow.commit()
    with uow_factory() as uow:
        assert uow.idempotency.get(A, "idem-1") == first
        assert uow.idempotency.get(B, "idem-1") is None
        replaced = replace(first, status_code=200, body="{}", extra={})
        uow.idempotency.put(replaced)
        uow.idempotency.put(replace(first, merchant_id=B))
        uow.commit()
    with uow_factory() as uow:
        assert uow.idempotency.get(A, "idem-1") == replaced
        assert uow.idempotency.get(B, "idem-1") == replace(first, merchant_id=B)
