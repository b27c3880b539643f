"""Quarantine: payloads we could not read, kept as text for people to inspect."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select

from crosstrack.services.records import QuarantinedPayload, QuarantineSource
from crosstrack.storage.tables import quarantine

_RECENT = (
    select(quarantine)
    .order_by(quarantine.c.received_at.desc(), quarantine.c.id.desc())
    .limit(bindparam("b_limit"))
)
_INSERT = quarantine.insert()


class SqlQuarantineRepository:
    """``QuarantineRepository`` over the ``quarantine`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, item: QuarantinedPayload) -> None:
        """Store an item as built (``QuarantinedPayload.capture`` enforces the size limits)."""
        self._conn.execute(
            _INSERT,
            {
                "id": item.id,
                "source": item.source.value,
                "carrier": item.carrier,
                "merchant_id": item.merchant_id,
                "reason": item.reason,
                "content_type": item.content_type,
                "body": item.body,
                "truncated": item.truncated,
                "received_at": item.received_at,
            },
        )

    def recent(self, limit: int) -> list[QuarantinedPayload]:
        """The newest items first."""
        if limit <= 0:
            return []
        return [
            QuarantinedPayload(
                id=row.id,
                source=QuarantineSource(row.source),
                carrier=row.carrier,
                merchant_id=row.merchant_id,
                reason=row.reason,
                content_type=row.content_type,
                body=row.body,
                received_at=row.received_at,
                truncated=bool(row.truncated),
            )
            for row in self._conn.execute(_RECENT, {"b_limit": limit})
        ]
