"""Contract: the parcel's weight (declared on the shipment, reported per leg) is stored with its
digits as given, alike in memory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine, select
from storage_samples import T0, leg, seed, shipment

from crosstrack.domain.shipment import Shipment
from crosstrack.domain.units import Measure, Unit
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import LegWeight, ShipmentFilter
from crosstrack.storage import unit_of_work_factory
from crosstrack.storage.tables import legs, shipments

A, B = "m-a", "m-b"
LATER = T0 + timedelta(hours=2)
KG_120 = Measure(Decimal("1.20"), Unit.KILOGRAM)
LB_26 = Measure(Decimal("2.6"), Unit.POUND)


def weighed(shipment_id: str = "s-1", merchant_id: str = A) -> Shipment:
    """A shipment with a declared weight and two legs, one with a reported weight."""
    return replace(
        shipment(shipment_id, merchant_id),
        weight=Measure(Decimal("950"), Unit.GRAM),
        legs=(
            replace(leg(f"{shipment_id}-l0", f"LX{shipment_id}", "china-post", 0), weight=LB_26),
            leg(f"{shipment_id}-l1", f"9400{shipment_id}", "usps", 1),
        ),
    )


def test_weights_read_back_equal_with_their_digits_as_given(
    uow_factory: UnitOfWorkFactory,
) -> None:
    original = replace(weighed(), weight=KG_120)
    seed(uow_factory, original)
    with uow_factory() as uow:
        for found in (
            uow.shipments.get(A, "s-1"),
            uow.shipments.get(A, "s-1", for_update=True),
            uow.shipments.get_many([(A, "s-1")])[(A, "s-1")],
            uow.shipments.list(A, ShipmentFilter(), limit=5).items[0],
            uow.shipments.find_by_reference(A, "ORDER-1", "LXs-1"),
        ):
            assert found == original
            assert found is not None and found.weight is not None
            assert str(found.weight.value) == "1.20" and found.weight.unit is Unit.KILOGRAM
            assert found.legs[0].weight == LB_26 and found.legs[1].weight is None


def test_a_shipment_without_weights_reads_back_without_them(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"))
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
    assert found is not None and found.weight is None
    assert [item.weight for item in found.legs] == [None]


def test_saving_leg_weights_sets_them_and_the_shipments_updated_at_only(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, weighed("s-1"), weighed("s-2"))
    with uow_factory() as uow:
        polls_before = uow.polls.find(["s-1-l0", "s-1-l1"])
        uow.shipments.save_leg_weights(
            [
                LegWeight(A, "s-1", "s-1-l0", KG_120),
                LegWeight(A, "s-1", "s-1-l1", Measure(Decimal("12.5"), Unit.OUNCE)),
            ],
            LATER,
        )
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
        untouched = uow.shipments.get(A, "s-2")
        polls_after = uow.polls.find(["s-1-l0", "s-1-l1"])
    assert found is not None
    assert [item.weight for item in found.legs] == [
        KG_120,
        Measure(Decimal("12.5"), Unit.OUNCE),
    ]
    assert found.legs[0].weight is not None and str(found.legs[0].weight.value) == "1.20"
    assert found.updated_at == LATER and found.weight == Measure(Decimal("950"), Unit.GRAM)
    assert found.state == weighed("s-1").state
    assert polls_after == polls_before  # the polling plan is untouched
    assert untouched == weighed("s-2")


def test_a_leg_weight_can_be_cleared(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, weighed())
    with uow_factory() as uow:
        uow.shipments.save_leg_weights([LegWeight(A, "s-1", "s-1-l0", None)], LATER)
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
    assert found is not None and found.legs[0].weight is None


def test_another_merchant_cannot_set_a_legs_weight(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, weighed())
    with uow_factory() as uow:
        uow.shipments.save_leg_weights([LegWeight(B, "s-1", "s-1-l0", KG_120)], LATER)
        uow.shipments.save_leg_weights([], LATER)
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1") == weighed()


def test_correcting_a_legs_carrier_keeps_its_weight(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, weighed())
    with uow_factory() as uow:
        first = weighed().legs[0]
        uow.shipments.update_leg(A, "s-1", replace(first, carrier="ems"), LATER)
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
    assert found is not None and found.legs[0].carrier == "ems"
    assert found.legs[0].weight == LB_26


def test_the_columns_hold_the_decimal_text_and_the_unit_symbol(sql_engine: Engine) -> None:
    seed(unit_of_work_factory(sql_engine), replace(weighed(), weight=KG_120))
    with sql_engine.connect() as connection:
        declared = connection.execute(
            select(shipments.c.weight_value, shipments.c.weight_unit)
        ).one()
        reported = connection.execute(
            select(legs.c.weight_value, legs.c.weight_unit).order_by(legs.c.position)
        ).all()
    assert tuple(declared) == ("1.20", "kg")
    assert [tuple(row) for row in reported] == [("2.6", "lb"), (None, None)]
