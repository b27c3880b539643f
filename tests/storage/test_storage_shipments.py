"""Contract: shipments behave alike in memory, on SQLite and on PostgreSQL.

Merchant A owns the shipments; merchant B must never see or change them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from storage_samples import T0, delivered_state, leg, seed, shipment, stored_event

from crosstrack.domain.eta import DeliveryEstimate, EtaBasis
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter

A, B = "m-a", "m-b"


def test_a_shipment_reads_back_equal_with_legs_endpoints_buyer_and_state(
    uow_factory: UnitOfWorkFactory,
) -> None:
    original = replace(
        shipment("s-1"),
        legs=(leg("l-0", "LX123456789CN", "china-post", 0), leg("l-1", "9400111", None, 1)),
        state=delivered_state(),
        archived_at=T0 + timedelta(days=30),
    )
    seed(uow_factory, original)
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1") == original
        assert uow.shipments.get(A, "s-1", for_update=True) == original


def test_a_bare_shipment_reads_back_equal(uow_factory: UnitOfWorkFactory) -> None:
    bare = Shipment(
        id="s-bare", merchant_id=A, order_ref="O", legs=(), created_at=T0, updated_at=T0
    )
    seed(uow_factory, bare)
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-bare") == bare


def test_another_merchant_cannot_get_find_or_list_the_shipment(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1", order_ref="ORDER-1", tracking_number="LX1"))
    with uow_factory() as uow:
        assert uow.shipments.get(B, "s-1") is None
        assert uow.shipments.get(B, "s-1", for_update=True) is None
        assert uow.shipments.find_by_reference(B, "ORDER-1", "LX1") is None
        assert uow.shipments.list(B, ShipmentFilter(), limit=10).items == ()
        assert uow.shipments.list(B, ShipmentFilter(tracking_number="LX1"), limit=10).items == ()


def test_another_merchant_cannot_change_archive_or_delete_the_shipment(
    uow_factory: UnitOfWorkFactory,
) -> None:
    original = shipment("s-1")
    seed(uow_factory, original)
    later = T0 + timedelta(hours=1)
    with uow_factory() as uow:
        uow.events.add_many([stored_event("e-1", "s-1")])
        uow.shipments.save_state(B, "s-1", delivered_state(), later)
        uow.shipments.add_leg(B, "s-1", leg("l-x", "EVIL1"), later)
        uow.shipments.update_leg(B, "s-1", leg("s-1-leg-0", "EVIL2"), later)
        assert uow.shipments.archive(B, "s-1", later) is False
        assert uow.shipments.delete(B, "s-1") is False
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1") == original
        assert [e.id for e in uow.events.for_shipment(A, "s-1")] == ["e-1"]
        assert uow.shipments.targets(["EVIL1"]) == []


def test_find_by_reference_needs_the_order_ref_and_one_of_the_numbers(
    uow_factory: UnitOfWorkFactory,
) -> None:
    s = replace(
        shipment("s-1", order_ref="ORDER-9"),
        legs=(leg("l-0", "FIRST1", "yanwen", 0), leg("l-1", "LAST2", "colissimo", 1)),
    )
    seed(uow_factory, s, shipment("s-2", order_ref="ORDER-10", tracking_number="OTHER"))
    with uow_factory() as uow:
        assert uow.shipments.find_by_reference(A, "ORDER-9", "LAST2") == s
        assert uow.shipments.find_by_reference(A, "ORDER-9", "FIRST1") == s
        assert uow.shipments.find_by_reference(A, "ORDER-9", "OTHER") is None
        assert uow.shipments.find_by_reference(A, "ORDER-10", "LAST2") is None


def test_targets_cross_merchants_and_name_each_legs_carrier(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(
        uow_factory,
        shipment("s-a", A, tracking_number="LX1", carrier="china-post"),
        shipment("s-b", B, tracking_number="LX1", carrier=None, created_at=T0 + timedelta(1)),
        shipment("s-c", B, tracking_number="LX1", carrier="usps", created_at=T0 + timedelta(2)),
        shipment("s-d", A, tracking_number="LX2", carrier="china-post"),
    )
    with uow_factory() as uow:
        found = uow.shipments.targets(["LX1", "NOPE"])
        assert sorted((t.merchant_id, t.shipment_id, t.carrier or "") for t in found) == [
            (A, "s-a", "china-post"),
            (B, "s-b", ""),
            (B, "s-c", "usps"),
        ]
        assert {t.tracking_number for t in found} == {"LX1"}
        assert [t.shipment_id for t in uow.shipments.targets(["LX2"])] == ["s-d"]
        assert uow.shipments.targets(["NOPE"]) == []


def test_save_state_replaces_the_state_and_the_update_time(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"))
    later = T0 + timedelta(hours=5)
    with uow_factory() as uow:
        uow.shipments.save_state(A, "s-1", delivered_state(later), later)
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
        assert found is not None
        assert found.state == delivered_state(later)
        assert found.updated_at == later
        uow.shipments.save_state(A, "s-1", ShipmentState(), later)
        assert uow.shipments.get(A, "s-1") == replace(found, state=ShipmentState())


def test_legs_are_added_and_corrected(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory, shipment("s-1", tracking_number="LX1", carrier=None))
    later = T0 + timedelta(hours=1)
    with uow_factory() as uow:
        uow.shipments.add_leg(A, "s-1", leg("l-new", "9400222", "usps", 1), later)
        uow.shipments.update_leg(A, "s-1", leg("s-1-leg-0", "LX1", "china-post", 0), later)
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
        assert found is not None
        assert found.legs == (
            leg("s-1-leg-0", "LX1", "china-post", 0),
            leg("l-new", "9400222", "usps", 1),
        )
        assert found.updated_at == later
        assert [(x.shipment_id, x.carrier) for x in uow.shipments.targets(["9400222"])] == [
            ("s-1", "usps")
        ]


def test_archived_shipments_leave_listings_but_stay_readable(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2", created_at=T0 + timedelta(1)))
    at = T0 + timedelta(days=3)
    with uow_factory() as uow:
        assert uow.shipments.archive(A, "s-1", at) is True
        assert uow.shipments.archive(A, "nope", at) is False
        uow.commit()
    with uow_factory() as uow:
        archived = uow.shipments.get(A, "s-1")
        assert archived is not None and archived.archived_at == at and archived.updated_at == at
        assert [s.id for s in uow.shipments.list(A, ShipmentFilter(), limit=10).items] == ["s-2"]
        everything = uow.shipments.list(A, ShipmentFilter(include_archived=True), limit=10)
        assert [s.id for s in everything.items] == ["s-2", "s-1"]


def test_delete_removes_the_shipment_its_legs_and_its_events(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1", tracking_number="LX1"), shipment("s-2"))
    with uow_factory() as uow:
        uow.events.add_many([stored_event("e-1", "s-1", leg_id="s-1-leg-0")])
        uow.events.add_many([stored_event("e-2", "s-2")])
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.delete(A, "s-1") is True
        assert uow.shipments.delete(A, "s-1") is False
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1") is None
        assert uow.shipments.targets(["LX1"]) == []
        assert uow.events.for_shipment(A, "s-1") == []
        assert [e.id for e in uow.events.for_shipment(A, "s-2")] == ["e-2"]


def _ids(uow_factory: UnitOfWorkFactory, filters: ShipmentFilter, limit: int = 100) -> list[str]:
    """Every page of the listing, followed cursor by cursor."""
    ids: list[str] = []
    cursor: str | None = None
    with uow_factory() as uow:
        while True:
            page = uow.shipments.list(A, filters, limit=limit, cursor=cursor)
            assert len(page.items) <= limit
            ids.extend(s.id for s in page.items)
            if page.next_cursor is None:
                return ids
            cursor = page.next_cursor


def test_listing_is_newest_first_and_pages_cover_everything_once(
    uow_factory: UnitOfWorkFactory,
) -> None:
    many = [shipment(f"s-{i:02d}", created_at=T0 + timedelta(hours=i)) for i in range(23)]
    same_time = [shipment(f"t-{i}", created_at=T0 + timedelta(hours=5)) for i in range(3)]
    seed(uow_factory, *many, *same_time, shipment("s-b", B, created_at=T0 + timedelta(days=9)))
    everything = _ids(uow_factory, ShipmentFilter())
    assert everything[:3] == ["s-22", "s-21", "s-20"]
    assert everything.index("t-2") < everything.index("t-0") < everything.index("s-05")
    assert len(everything) == 26
    for limit in (1, 4, 7, 26, 100):
        assert _ids(uow_factory, ShipmentFilter(), limit) == everything
    with uow_factory() as uow:
        last = uow.shipments.list(A, ShipmentFilter(), limit=26)
        assert last.next_cursor is None
        assert uow.shipments.list(A, ShipmentFilter(), limit=0).items == ()


def test_listing_filters(uow_factory: UnitOfWorkFactory) -> None:
    day = timedelta(days=1)
    a = replace(shipment("s-a", tracking_number="LXA", carrier="china-post"), order_ref="R-A")
    b = replace(
        shipment("s-b", created_at=T0 + day, destination="DE", carrier="dhl"),
        state=delivered_state(),
        origin=None,
        promised_date=None,
    )
    c = replace(
        shipment("s-c", created_at=T0 + 2 * day, carrier="usps"),
        state=ShipmentState(status=Status.EXCEPTION, milestone=Milestone.IMPORT_CUSTOMS),
        updated_at=T0 + 5 * day,
        promised_date=T0.date() + timedelta(days=3),
    )
    seed(uow_factory, a, b, c, shipment("s-other", B, carrier="dhl", destination="DE"))

    def ids(**fields: object) -> list[str]:
        return _ids(uow_factory, ShipmentFilter(**fields), limit=2)

    assert ids() == ["s-c", "s-b", "s-a"]
    assert ids(status=Status.DELIVERED) == ["s-b"]
    assert ids(status=Status.EXCEPTION, milestone=Milestone.IMPORT_CUSTOMS) == ["s-c"]
    assert ids(milestone=Milestone.DELIVERED) == ["s-b"]
    assert ids(carrier="dhl") == ["s-b"]
    assert ids(carrier="china-post") == ["s-a"]
    assert ids(destination_country="DE") == ["s-b"]
    assert ids(origin_country="CN") == ["s-c", "s-a"]
    assert ids(order_ref="R-A") == ["s-a"]
    assert ids(tracking_number="LXA") == ["s-a"]
    assert ids(created_from=T0 + day) == ["s-c", "s-b"]
    assert ids(created_to=T0 + day) == ["s-a"]
    assert ids(created_from=T0 + day, created_to=T0 + 2 * day) == ["s-b"]
    assert ids(updated_from=T0 + 3 * day) == ["s-c"]
    assert ids(updated_to=T0 + 3 * day) == ["s-b", "s-a"]
    assert ids(promised_before=T0.date() + timedelta(days=4)) == ["s-c"]
    assert ids(status=Status.DELIVERED, carrier="usps") == []


def test_batch_reads_and_writes_keep_to_each_key_and_its_merchant(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"), shipment("s-2"), shipment("s-3", B))
    keys = [(A, "s-1"), (A, "s-2"), (A, "s-3"), (B, "s-1"), (A, "nope")]
    with uow_factory() as uow:
        uow.events.add_many([stored_event("e-1", "s-1"), stored_event("e-3", "s-3", B)])
        found = uow.shipments.get_many(keys, for_update=True)
        assert sorted(found) == [(A, "s-1"), (A, "s-2")]
        assert found[(A, "s-1")] == uow.shipments.get(A, "s-1")
        histories = uow.events.for_shipments(keys)
        assert [e.id for e in histories[(A, "s-1")]] == ["e-1"]
        assert histories[(A, "s-2")] == [] and histories[(A, "s-3")] == []
        assert histories[(B, "s-1")] == []
        later = T0 + timedelta(hours=1)
        uow.shipments.save_states(
            [(A, "s-1", delivered_state()), (B, "s-2", delivered_state())], later
        )
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipments.get(A, "s-1").state == delivered_state()  # type: ignore[union-attr]
        assert uow.shipments.get(A, "s-2").state == ShipmentState()  # type: ignore[union-attr]


def test_a_delivery_estimate_is_stored_with_the_state_and_read_back_equal(
    uow_factory: UnitOfWorkFactory,
) -> None:
    seed(uow_factory, shipment("s-1"))
    eta = DeliveryEstimate(
        p10=date(2026, 1, 9),
        p50=date(2026, 1, 11),
        p90=date(2026, 1, 15),
        basis=EtaBasis.NOT_ENOUGH_HISTORY,
        fallback="destination+stage",
        model_version="20260101T000000Z-abcdef12",
        as_of=T0,
        p_on_time=0.625,
    )
    in_transit = ShipmentState(status=Status.IN_TRANSIT, milestone=Milestone.FACILITY, eta=eta)
    with uow_factory() as uow:
        uow.shipments.save_states([(A, "s-1", in_transit)], T0)
        uow.commit()
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-1")
        assert found is not None and found.state.eta == eta
        listed = uow.shipments.list(A, ShipmentFilter(), limit=10).items
        assert listed[0].state.eta == eta


def test_shipments_due_for_the_sweep_are_found_oldest_checked_first_across_merchants(
    uow_factory: UnitOfWorkFactory,
) -> None:
    def checked(shipment_id: str, merchant_id: str, hours: int) -> Shipment:
        at = T0 + timedelta(hours=hours)
        return replace(shipment(shipment_id, merchant_id), created_at=at, updated_at=at)

    ended = replace(checked("s-6", A, 0), state=delivered_state())
    seed(
        uow_factory,
        checked("s-1", A, 5),
        checked("s-2", B, 1),
        checked("s-3", A, 30),
        checked("s-4", A, 3),  # no estimate: swept all the same (its alerts need it)
        checked("s-5", A, 2),
        ended,
    )
    with uow_factory() as uow:
        uow.shipments.archive(A, "s-5", T0)
        uow.commit()
    with uow_factory() as uow:
        due = uow.shipments.due_for_sweep(T0 + timedelta(hours=10), limit=10)
        assert list(due) == [(B, "s-2"), (A, "s-4"), (A, "s-1")]
        assert list(uow.shipments.due_for_sweep(T0 + timedelta(hours=10), limit=1)) == [(B, "s-2")]
    # Working a shipment out again (an event, or the sweep) puts it at the back.
    with uow_factory() as uow:
        uow.shipments.save_states([(B, "s-2", ShipmentState())], T0 + timedelta(hours=11))
        uow.commit()
    with uow_factory() as uow:
        due = uow.shipments.due_for_sweep(T0 + timedelta(hours=10), limit=10)
        assert list(due) == [(A, "s-4"), (A, "s-1")]
