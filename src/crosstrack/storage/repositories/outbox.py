"""The outbox: notifications written in the same transaction as the change they announce."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, and_, bindparam, or_, select, update

from crosstrack.services.records import OutboxMessage, Topic
from crosstrack.storage.repositories.conflicts import insert_skipping_duplicates
from crosstrack.storage.tables import outbox

_PENDING = (
    select(outbox)
    .where(outbox.c.dispatched_at.is_(None))
    .order_by(outbox.c.created_at, outbox.c.id)
    .limit(bindparam("limit"))
)


_DISPATCHED = (
    update(outbox).where(outbox.c.id == bindparam("b_id")).values(dispatched_at=bindparam("b_at"))
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

    def mark_dispatched(self, message_ids: Sequence[str], at: datetime) -> None:
        """Mark messages as handed to their destinations (fanned out into deliveries)."""
        if message_ids:
            self._conn.execute(
                _DISPATCHED, [{"b_id": message_id, "b_at": at} for message_id in message_ids]
            )

    def pending(self, limit: int) -> list[OutboxMessage]:
        """Messages not yet dispatched, oldest first."""
        rows = self._conn.execute(_PENDING, {"limit": limit})
        return [message_from_row(row) for row in rows]

    def after(
        self,
        merchant_id: str,
        *,
        shipment_id: str | None,
        cursor: tuple[datetime, str] | None,
        limit: int,
    ) -> list[OutboxMessage]:
        rows = self._conn.execute(_after_query(merchant_id, shipment_id, cursor, limit))
        return [message_from_row(row) for row in rows]


def _after_query(
    merchant_id: str, shipment_id: str | None, cursor: tuple[datetime, str] | None, limit: int
) -> Select[Any]:
    query = select(outbox).where(outbox.c.merchant_id == merchant_id)
    if shipment_id is not None:
        query = query.where(outbox.c.shipment_id == shipment_id)
    if cursor is not None:
        at, message_id = cursor
        query = query.where(
            or_(outbox.c.created_at > at, and_(outbox.c.created_at == at, outbox.c.id > message_id))
        )
    return query.order_by(outbox.c.created_at, outbox.c.id).limit(limit)


def message_from_row(row: Row[Any], prefix: str = "") -> OutboxMessage:
    """A message from an ``outbox`` row (or its ``prefix``-labelled columns in a join)."""
    values = row._mapping
    return OutboxMessage(
        id=values[f"{prefix}id"],
        merchant_id=values[f"{prefix}merchant_id"],
        shipment_id=values[f"{prefix}shipment_id"],
        topic=Topic(values[f"{prefix}topic"]),
        payload=values[f"{prefix}payload"],
        idempotency_key=values[f"{prefix}idempotency_key"],
        created_at=values[f"{prefix}created_at"],
    )
