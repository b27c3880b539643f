"""Stored events: bulk insert that skips replays, and one query per shipment's history.

Statements are built once at import and reused: ingestion runs them per shipment, and a
prebuilt statement skips SQLAlchemy's per-call construction and cache-key work.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, select

from crosstrack.services.records import StoredEvent
from crosstrack.storage.repositories.conflicts import insert_skipping_duplicates
from crosstrack.storage.repositories.event_rows import event_from_row, event_values
from crosstrack.storage.tables import events

_OF_SHIPMENT = (
    events.c.shipment_id == bindparam("shipment_id"),
    events.c.merchant_id == bindparam("merchant_id"),
)
_FOR_SHIPMENT = select(events).where(*_OF_SHIPMENT).order_by(events.c.seq)
_UNIQUE = ("shipment_id", "fingerprint")
_CHUNK = 500
_FOR_SHIPMENTS = (
    select(events)
    .where(events.c.shipment_id.in_(bindparam("b_shipments", expanding=True)))
    .order_by(events.c.shipment_id, events.c.seq)
)


class SqlEventRepository:
    """``EventRepository`` over the ``events`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add_many(self, stored: Sequence[StoredEvent]) -> int:
        """Store events in one bulk insert; an event whose fingerprint its shipment already
        has (stored before, or earlier in the batch) is skipped. Returns how many were stored.

        The database decides duplicates (``ON CONFLICT DO NOTHING`` on the unique
        ``(shipment_id, fingerprint)``), so concurrent ingestion of the same input stores it once.
        """
        if not stored:
            return 0
        stmt = insert_skipping_duplicates(self._conn.dialect.name, events, _UNIQUE)
        return self._conn.execute(stmt, [event_values(e) for e in stored]).rowcount

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredEvent]:
        """The shipment's events in the order they were stored (one query)."""
        rows = self._conn.execute(
            _FOR_SHIPMENT, {"shipment_id": shipment_id, "merchant_id": merchant_id}
        )
        return [event_from_row(row) for row in rows]

    def for_shipments(
        self, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], list[StoredEvent]]:
        """Many shipments' events, in storing order, in one query per 500 shipments."""
        found: dict[tuple[str, str], list[StoredEvent]] = {key: [] for key in keys}
        ids = sorted({shipment_id for _, shipment_id in keys})
        for start in range(0, len(ids), _CHUNK):
            chunk = {"b_shipments": ids[start : start + _CHUNK]}
            for row in self._conn.execute(_FOR_SHIPMENTS, chunk):
                key = (row.merchant_id, row.shipment_id)
                if key in found:
                    found[key].append(event_from_row(row))
        return found
