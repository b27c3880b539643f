"""Contract: the AfterShip-compatible API's own fields of a shipment (``compat_trackings``)
read back equal, are replaced whole, stay with their merchant and go with their shipment;
alike in memory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage_samples import T0, seed, shipment, stored_event

from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import CompatTracking, CompletionReason

A, B = "m-a", "m-b"

FIELDS = {
    "title": "Blue kettle",
    "note": "gift — wrap it",
    "custom_fields": {"priority": "high", "n": 3, "ratio": 0.25, "none": None},
    "order_number": "#1001",
    "emails": ["buyer@example.com", "other@example.com"],
    "smses": [],
    "order_promised_delivery_date": "2026-01-20",
    "language": "zh",
}


def tracking(shipment_id: str = "s-1", merchant_id: str = A, **fields: object) -> CompatTracking:
    made = CompatTracking(
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        created_at=T0,
        updated_at=T0 + timedelta(minutes=5),
        fields=FIELDS,
    )
    return replace(made, **fields)  # type: ignore[arg-type]


def test_a_tracking_reads_back_equal_with_its_json_fields_and_completion(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"))
    completed = tracking(
        "s-2",
        fields={},
        completed_at=T0 + timedelta(days=2, microseconds=7),
        completed_reason=CompletionReason.RETURNED_TO_SENDER,
        retracks=2,
    )
    with uow_factory() as uow:
        uow.compat_trackings.put(tracking("s-1"))
        uow.compat_trackings.put(completed)
        uow.commit()
    with uow_factory() as uow:
        found = uow.compat_trackings.get_many(A, ["s-1", "s-2", "s-none"])
    assert found == {"s-1": tracking("s-1"), "s-2": completed}
    assert found["s-1"].fields == FIELDS
    assert found["s-2"].completed_reason is CompletionReason.RETURNED_TO_SENDER
    assert found["s-1"].completed_at is None and found["s-1"].completed_reason is None


def test_get_many_answers_only_the_ids_asked_and_nothing_for_none(
    uow_factory: UnitOfWorkFactory,
) -> None:
    many = [shipment(f"s-{n}") for n in range(5)]
    seed(uow_factory, *many)
    with uow_factory() as uow:
        for item in many:
            uow.compat_trackings.put(tracking(item.id, fields={"title": item.id}))
        uow.commit()
    with uow_factory() as uow:
        some = uow.compat_trackings.get_many(A, ["s-1", "s-3", "s-3"])
        assert {k: v.fields["title"] for k, v in some.items()} == {"s-1": "s-1", "s-3": "s-3"}
        assert uow.compat_trackings.get_many(A, []) == {}


def test_put_replaces_the_row_whole(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.compat_trackings.put(tracking(completed_at=T0, completed_reason=CompletionReason.LOST))
        uow.commit()
    later = tracking(
        fields={"title": "Red kettle"},
        created_at=T0 + timedelta(hours=1),
        updated_at=T0 + timedelta(days=1),
        retracks=1,
    )
    with uow_factory() as uow:
        uow.compat_trackings.put(later)
        uow.commit()
    with uow_factory() as uow:
        # No field of the first row survives: not the completion, not the other fields.
        assert uow.compat_trackings.get_many(A, ["s-1"]) == {"s-1": later}


def test_an_uncommitted_put_is_rolled_back(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        uow.compat_trackings.put(tracking())
        assert uow.compat_trackings.get_many(A, ["s-1"]) == {"s-1": tracking()}
    with uow_factory() as uow:
        assert uow.compat_trackings.get_many(A, ["s-1"]) == {}


def test_another_merchant_can_neither_read_make_nor_overwrite_a_row(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"), shipment("s-b", B))
    with uow_factory() as uow:
        uow.compat_trackings.put(tracking("s-1"))
        uow.compat_trackings.put(tracking("s-b", B, fields={"title": "B's own"}))
        uow.commit()
    with uow_factory() as uow:
        # B writes over A's row, and makes one for A's other shipment: neither happens.
        uow.compat_trackings.put(tracking("s-1", B, fields={"title": "taken over"}))
        uow.compat_trackings.put(tracking("s-2", B, fields={"title": "planted"}))
        uow.compat_trackings.put(tracking("s-missing", A))
        uow.commit()
    with uow_factory() as uow:
        assert uow.compat_trackings.get_many(B, ["s-1", "s-2"]) == {}
        assert uow.compat_trackings.get_many(A, ["s-1", "s-2", "s-b", "s-missing"]) == {
            "s-1": tracking("s-1")
        }
        assert uow.compat_trackings.get_many(B, ["s-b"]) == {
            "s-b": tracking("s-b", B, fields={"title": "B's own"})
        }


def test_deleting_a_shipment_deletes_its_row_and_only_its_row(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"))
    with uow_factory() as uow:
        uow.events.add_many([stored_event("e-1", "s-1", leg_id="s-1-leg-0")])
        uow.compat_trackings.put(tracking("s-1"))
        uow.compat_trackings.put(tracking("s-2"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.delete(B, "s-1") is False  # not B's to delete
        assert uow.shipments.delete(A, "s-1") is True
        uow.commit()
    with uow_factory() as uow:
        assert uow.compat_trackings.get_many(A, ["s-1", "s-2"]) == {"s-2": tracking("s-2")}
    # A shipment made again with the same id starts without the old row.
    with uow_factory() as uow:
        uow.shipments.add(shipment("s-1"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.compat_trackings.get_many(A, ["s-1"]) == {}


def test_fields_read_back_are_a_copy(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1"))
    given = {"custom_fields": {"a": 1}, "emails": ("x@example.com",)}
    with uow_factory() as uow:
        uow.compat_trackings.put(tracking(fields=given))
        uow.commit()
    given["custom_fields"]["a"] = 2  # type: ignore[index]
    with uow_factory() as uow:
        read = uow.compat_trackings.get_many(A, ["s-1"])["s-1"].fields
        # JSON round trip: the value as it was put, tuples become lists.
        assert read == {"custom_fields": {"a": 1}, "emails": ["x@example.com"]}
        read["custom_fields"]["a"] = 3
    with uow_factory() as uow:
        assert uow.compat_trackings.get_many(A, ["s-1"])["s-1"].fields["custom_fields"] == {"a": 1}
