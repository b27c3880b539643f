"""Contract: listing filters that take several values (``ShipmentFilter.any_of``, the
AfterShip API's comma-separated filters) keep a shipment when its field has one of them, and
combine with each other and with the single-valued filters by "and"; alike in memory, on
SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from storage_samples import T0, delivered_state, leg, seed, shipment

from crosstrack.domain.shipment import ShipmentState
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import AnyOf, ShipmentFilter

A, B = "m-a", "m-b"
DAY = timedelta(days=1)


@pytest.fixture
def listed(uow_factory: UnitOfWorkFactory) -> UnitOfWorkFactory:
    """Merchant A's s-a (pending, CN to FR, two legs: china-post then usps), s-b (delivered,
    no origin, to DE, dhl) and s-c (exception, CN to US, usps); B's s-x matches everything."""
    a = replace(
        shipment("s-a", order_ref="R-A"),
        legs=(leg("a-0", "LXA", "china-post", 0), leg("a-1", "9400A", "usps", 1)),
    )
    b = replace(
        shipment("s-b", order_ref="R-B", created_at=T0 + DAY, destination="DE", carrier="dhl"),
        legs=(leg("b-0", "JDB", "dhl", 0),),
        state=delivered_state(),
        origin=None,
    )
    c = replace(
        shipment("s-c", order_ref="R-C", created_at=T0 + 2 * DAY, destination="US"),
        legs=(leg("c-0", "9400C", "usps", 0),),
        state=ShipmentState(status=Status.EXCEPTION, milestone=Milestone.IMPORT_CUSTOMS),
    )
    x = replace(
        shipment("s-x", B, order_ref="R-A", created_at=T0 + 3 * DAY, destination="DE"),
        legs=(leg("x-0", "LXA", "usps", 0), leg("x-1", "JDB", "dhl", 1)),
    )
    seed(uow_factory, a, b, c, x)
    return uow_factory


def _ids(uow_factory: UnitOfWorkFactory, filters: ShipmentFilter) -> list[str]:
    """Every page of merchant A's listing (two at a time), followed cursor by cursor."""
    ids: list[str] = []
    cursor: str | None = None
    with uow_factory() as uow:
        while True:
            page = uow.shipments.list(A, filters, limit=2, cursor=cursor)
            ids.extend(s.id for s in page.items)
            if page.next_cursor is None:
                return ids
            cursor = page.next_cursor


def _any(listed: UnitOfWorkFactory, **values: frozenset[object]) -> list[str]:
    return _ids(listed, ShipmentFilter(any_of=AnyOf(**values)))  # type: ignore[arg-type]


def test_statuses(listed: UnitOfWorkFactory) -> None:
    assert _any(listed, statuses=frozenset({Status.DELIVERED, Status.EXCEPTION})) == [
        "s-c",
        "s-b",
    ]
    assert _any(listed, statuses=frozenset({Status.PENDING})) == ["s-a"]
    assert _any(listed, statuses=frozenset({Status.IN_TRANSIT})) == []


def test_carriers_match_any_leg_and_list_a_shipment_once(listed: UnitOfWorkFactory) -> None:
    assert _any(listed, carriers=frozenset({"usps"})) == ["s-c", "s-a"]  # s-a's second leg
    assert _any(listed, carriers=frozenset({"dhl", "yanwen"})) == ["s-b"]
    # Both of s-a's legs match: it is still listed once.
    assert _any(listed, carriers=frozenset({"china-post", "usps"})) == ["s-c", "s-a"]
    assert _any(listed, carriers=frozenset({"yanwen"})) == []


def test_origin_countries_never_match_a_shipment_without_an_origin(
    listed: UnitOfWorkFactory,
) -> None:
    assert _any(listed, origin_countries=frozenset({"CN", "XX"})) == ["s-c", "s-a"]
    assert _any(listed, origin_countries=frozenset({"DE", "FR"})) == []


def test_destination_countries(listed: UnitOfWorkFactory) -> None:
    assert _any(listed, destination_countries=frozenset({"DE", "US"})) == ["s-c", "s-b"]
    assert _any(listed, destination_countries=frozenset({"FR"})) == ["s-a"]


def test_order_refs(listed: UnitOfWorkFactory) -> None:
    assert _any(listed, order_refs=frozenset({"R-A", "R-C", "nope"})) == ["s-c", "s-a"]
    assert _any(listed, order_refs=frozenset({"nope"})) == []


def test_tracking_numbers_match_any_leg(listed: UnitOfWorkFactory) -> None:
    assert _any(listed, tracking_numbers=frozenset({"9400A"})) == ["s-a"]  # the second leg
    assert _any(listed, tracking_numbers=frozenset({"JDB", "9400C"})) == ["s-c", "s-b"]
    assert _any(listed, tracking_numbers=frozenset({"LXA", "9400A"})) == ["s-a"]


def test_several_fields_must_all_match(listed: UnitOfWorkFactory) -> None:
    assert _any(
        listed,
        carriers=frozenset({"usps", "dhl"}),
        destination_countries=frozenset({"FR", "DE"}),
    ) == ["s-b", "s-a"]
    assert _any(
        listed,
        statuses=frozenset({Status.EXCEPTION, Status.PENDING}),
        order_refs=frozenset({"R-A", "R-B"}),
        origin_countries=frozenset({"CN"}),
    ) == ["s-a"]
    assert _any(listed, statuses=frozenset({Status.DELIVERED}), carriers=frozenset({"usps"})) == []


def test_single_valued_filters_still_apply_beside_them(listed: UnitOfWorkFactory) -> None:
    def ids(any_of: AnyOf, **single: object) -> list[str]:
        return _ids(listed, ShipmentFilter(any_of=any_of, **single))  # type: ignore[arg-type]

    assert ids(AnyOf(destination_countries=frozenset({"DE", "US"})), status=Status.DELIVERED) == [
        "s-b"
    ]
    # The two leg conditions may be met by different legs of one shipment.
    assert ids(AnyOf(carriers=frozenset({"usps"})), carrier="china-post") == ["s-a"]
    assert ids(AnyOf(tracking_numbers=frozenset({"9400A"})), tracking_number="LXA") == ["s-a"]
    assert ids(AnyOf(carriers=frozenset({"usps"})), carrier="dhl") == []
    assert ids(AnyOf(order_refs=frozenset({"R-A", "R-C"})), destination_country="US") == ["s-c"]
    assert ids(
        AnyOf(statuses=frozenset({Status.PENDING, Status.EXCEPTION})), created_from=T0 + DAY
    ) == ["s-c"]
    assert ids(AnyOf(origin_countries=frozenset({"CN"})), milestone=Milestone.IMPORT_CUSTOMS) == [
        "s-c"
    ]
    assert ids(AnyOf(), order_ref="R-B") == ["s-b"]  # nothing in any_of: no condition


def test_archived_shipments_stay_out_unless_asked_for(listed: UnitOfWorkFactory) -> None:
    with listed() as uow:
        assert uow.shipments.archive(A, "s-c", T0 + 5 * DAY)
        uow.commit()
    usps = AnyOf(carriers=frozenset({"usps"}))
    assert _ids(listed, ShipmentFilter(any_of=usps)) == ["s-a"]
    assert _ids(listed, ShipmentFilter(any_of=usps, include_archived=True)) == ["s-c", "s-a"]
