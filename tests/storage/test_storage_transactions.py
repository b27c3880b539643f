"""Contract: a unit of work is one transaction; leaving it without commit changes nothing."""

from __future__ import annotations

import pytest
from storage_samples import merchant, message, shipment, stored_event

from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter

A = "m-a"


class Boom(Exception):
    pass


def test_leaving_without_commit_rolls_back(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
    with uow_factory() as uow:
        assert uow.merchants.get(A) is None


def test_an_exception_rolls_back_everything_of_the_block(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
        uow.commit()
    with pytest.raises(Boom), uow_factory() as uow:
        uow.shipments.add(shipment("s-1"))
        uow.events.add_many([stored_event("e-1", "s-1")])
        uow.outbox.add_many([message("k-1")])
        raise Boom
    with uow_factory() as uow:
        assert uow.merchants.get(A) == merchant(A)
        assert uow.shipments.get(A, "s-1") is None
        assert uow.shipments.list(A, ShipmentFilter(), limit=5).items == ()
        assert uow.events.for_shipment(A, "s-1") == []
        assert uow.outbox.pending(5) == []


def test_commit_keeps_the_unit_of_work_usable_and_rollback_undoes_only_the_rest(
    uow_factory: UnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
        uow.shipments.add(shipment("s-1"))
        uow.commit()
        uow.events.add_many([stored_event("e-1", "s-1")])
        uow.commit()
        uow.outbox.add_many([message("k-1")])
        uow.rollback()
        assert uow.outbox.pending(5) == []
        uow.outbox.add_many([message("k-2")])
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1") is not None
        assert [e.id for e in uow.events.for_shipment(A, "s-1")] == ["e-1"]
        assert [m.idempotency_key for m in uow.outbox.pending(5)] == ["k-2"]


def test_a_unit_of_work_sees_its_own_uncommitted_writes(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
        uow.shipments.add(shipment("s-1"))
        assert uow.shipments.get(A, "s-1") == shipment("s-1")
        assert uow.events.add_many([stored_event("e-1", "s-1")]) == 1
        assert {x.fingerprint for x in uow.events.for_shipment(A, "s-1")} == {"fp-e-1"}
