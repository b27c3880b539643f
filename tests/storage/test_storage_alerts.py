"""Contract: alerts behave alike in memory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from storage_samples import T0, merchant, shipment

from crosstrack.domain.alerts import AlertKind, Severity
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import StoredAlert

A, B = "m-a", "m-b"


def _alert(alert_id: str, shipment_id: str, cause: str, merchant_id: str = A) -> StoredAlert:
    return StoredAlert(
        id=alert_id,
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        kind=AlertKind.CUSTOMS_DWELL,
        cause=cause,
        severity=Severity.MEDIUM,
        since=T0,
        opened_at=T0 + timedelta(hours=1),
        evidence={"dwell_hours": 130.5, "limit_hours": 120.0},
    )


def _seed(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant(A))
        uow.merchants.add(merchant(B))
        uow.shipments.add(shipment("s-1"))
        uow.shipments.add(shipment("s-2"))
        uow.shipments.add(shipment("s-3", B))
        uow.commit()


def test_alerts_read_back_equal_and_a_cause_is_stored_once_per_shipment(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _seed(uow_factory)
    first = _alert("a-1", "s-1", "customs_dwell:x")
    with uow_factory() as uow:
        assert uow.alerts.add_many([first, _alert("a-2", "s-2", "customs_dwell:x")]) == 2
        uow.commit()
    with uow_factory() as uow:
        # The same cause again, even with a new id: not stored.
        assert uow.alerts.add_many([_alert("a-3", "s-1", "customs_dwell:x")]) == 0
        assert uow.alerts.for_shipment(A, "s-1") == [first]
        uow.commit()


def test_open_alerts_by_shipment_and_resolution(uow_factory: UnitOfWorkFactory) -> None:
    _seed(uow_factory)
    with uow_factory() as uow:
        uow.alerts.add_many(
            [
                _alert("a-1", "s-1", "one"),
                _alert("a-2", "s-1", "two"),
                _alert("b-1", "s-3", "one", merchant_id=B),
            ]
        )
        uow.commit()
    later = T0 + timedelta(days=2)
    with uow_factory() as uow:
        found = uow.alerts.open_for([(A, "s-1"), (A, "s-2"), (A, "s-3")])
        assert [a.id for a in found[(A, "s-1")]] == ["a-1", "a-2"]
        assert found[(A, "s-2")] == []
        assert found[(A, "s-3")] == []  # merchant B's shipment is not merchant A's
        uow.alerts.resolve(["a-1"], later)
        uow.commit()
    with uow_factory() as uow:
        assert [a.id for a in uow.alerts.open_for([(A, "s-1")])[(A, "s-1")]] == ["a-2"]
        (resolved, still_open) = uow.alerts.for_shipment(A, "s-1")
        assert resolved.resolved_at == later and still_open.resolved_at is None
        uow.alerts.resolve(["a-1"], later + timedelta(days=1))  # already resolved: unchanged
        assert uow.alerts.for_shipment(A, "s-1")[0].resolved_at == later
        assert uow.alerts.for_shipment(B, "s-1") == []


def test_alerts_folded_under_a_lane_disruption_are_counted_and_kept_out_of_the_queue(
    uow_factory: UnitOfWorkFactory,
) -> None:
    from dataclasses import replace

    from crosstrack.services.records import AlertState

    _seed(uow_factory)
    folded = replace(_alert("a-1", "s-1", "one"), lane_disruption_id="lane-1")
    with uow_factory() as uow:
        uow.alerts.add_many([folded, _alert("a-2", "s-2", "two")])
        uow.commit()
    with uow_factory() as uow:
        queue = uow.alerts.queue(A, state=AlertState.OPEN, kind=None, limit=10)
        assert [a.id for a in queue] == ["a-2"]
        everything = uow.alerts.queue(
            A, state=AlertState.OPEN, kind=None, limit=10, include_folded=True
        )
        assert [a.id for a in everything] == ["a-1", "a-2"]
        assert everything[0] == folded
        assert uow.alerts.folded(A, ["lane-1", "lane-2"]) == {"lane-1": 1}
        assert uow.alerts.folded(B, ["lane-1"]) == {}
        uow.alerts.resolve(["a-1"], T0 + timedelta(days=1))
        assert uow.alerts.folded(A, ["lane-1"]) == {}
