"""What the AfterShip-compatible API keeps of a shipment beyond our model
(``compat_trackings``, docs/aftership-compat.md)."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from crosstrack.services.records import CompatTracking, CompletionReason
from crosstrack.storage.tables import compat_trackings, shipments

_CHUNK = 500
_VALUES = ("fields", "completed_at", "completed_reason", "retracks", "created_at", "updated_at")


@cache
def _upsert(dialect: str) -> Insert:
    """Insert the row, or replace it when it is the same merchant's (another merchant's row
    is left as it is: the statement then changes nothing)."""
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(compat_trackings)
    return stmt.on_conflict_do_update(
        index_elements=["shipment_id"],
        set_={name: stmt.excluded[name] for name in _VALUES},
        where=compat_trackings.c.merchant_id == stmt.excluded.merchant_id,
    )


class SqlCompatTrackingRepository:
    """``CompatTrackingRepository`` over ``compat_trackings`` (deleted with the shipment)."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def get_many(
        self, merchant_id: str, shipment_ids: Collection[str]
    ) -> dict[str, CompatTracking]:
        found: dict[str, CompatTracking] = {}
        ids = sorted(set(shipment_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(compat_trackings).where(
                    compat_trackings.c.merchant_id == merchant_id,
                    compat_trackings.c.shipment_id.in_(ids[start : start + _CHUNK]),
                )
            )
            found.update({row.shipment_id: _tracking(row) for row in rows})
        return found

    def put(self, tracking: CompatTracking) -> None:
        """Insert or replace the row; nothing happens unless the merchant owns the shipment
        (a row is never made for, nor taken over from, another merchant)."""
        owned = self._conn.execute(
            select(shipments.c.id).where(
                shipments.c.id == tracking.shipment_id,
                shipments.c.merchant_id == tracking.merchant_id,
            )
        ).first()
        if owned is None:
            return
        values: dict[str, Any] = {
            "shipment_id": tracking.shipment_id,
            "merchant_id": tracking.merchant_id,
            "fields": dict(tracking.fields),
            "completed_at": tracking.completed_at,
            "completed_reason": (
                None if tracking.completed_reason is None else tracking.completed_reason.value
            ),
            "retracks": tracking.retracks,
            "created_at": tracking.created_at,
            "updated_at": tracking.updated_at,
        }
        self._conn.execute(_upsert(self._conn.dialect.name), values)


def _tracking(row: Row[Any]) -> CompatTracking:
    return CompatTracking(
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        fields=row.fields,
        completed_at=row.completed_at,
        completed_reason=(
            None if row.completed_reason is None else CompletionReason(row.completed_reason)
        ),
        retracks=row.retracks,
    )
