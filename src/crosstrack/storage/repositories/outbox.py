"""The outbox: notifications written in the same transaction as the change they announce."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, select

from crosstrack.services.records import OutboxMessage, Topic
from crosstrack.storage.repositories.conflicts import insert_skipping_duplicates
from crosstrack.storage.tables import outbox

_PENDING = (
    select(outbox)
    .where(outbox.c.dispatched_at.is_(None))
    .order_by(outbox.c.created_at, outbox.c.id)
    .limit(bindparam("limit"))
)


class SqlOutboxRepository:
    """``OutboxRepository`` over the ``outbox`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add_many(self, messages: Sequence[OutboxMessage]) -> int:
        """Store messages in one bulk insert; a message whose idempotency key is already
        stored (or comes earlier in the batch) is skipped. Returns how many were stored."""
        if not messages:
            return 0
        rows = [
            {
                "id": m.id,
                "merchant_id": m.merchant_id,
                "shipment_id": m.shipment_id,
                "topic": m.topic.value,
                "payload": dict(m.payload),
                "idempotency_key": m.idempotency_key,
                "created_at": m.created_at,
                "attempts": 0,
            }
            for m in messages
        ]
        stmt = insert_skipping_duplicates(self._conn.dialect.name, outbox, ("idempotency_key",))
        return self._conn.execute(stmt, rows).rowcount

    def pending(self, limit: int) -> list[OutboxMessage]:
        """Messages not yet dispatched, oldest first."""
        rows = self._conn.execute(_PENDING, {"limit": limit})
        return [
            OutboxMessage(
                id=row.id,
                merchant_id=row.merchant_id,
                shipment_id=row.shipment_id,
                topic=Topic(row.topic),
                payload=row.payload,
                idempotency_key=row.idempotency_key,
                created_at=row.created_at,
            )
            for row in rows
        ]
