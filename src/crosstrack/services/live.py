"""Live updates: the outbox read as a stream, for a merchant (every shipment) or for one
shipment's public page (by its tracking token).

Each message has a stream id made of its time and id, so a client that reconnects with
``Last-Event-ID`` resumes right after the last message it had, without a gap or a repeat.
A public stream carries only what the tracking page shows (status, milestone, ETA, alert
kinds with the buyer's action), never a buyer request or other contact data.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crosstrack.services.errors import NotFound
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import OutboxMessage, Topic

Cursor = tuple[datetime, str]
BATCH = 100
PUBLIC_TOPICS = frozenset(
    {
        Topic.STATUS_CHANGED,
        Topic.MILESTONE_REACHED,
        Topic.ETA_CHANGED,
        Topic.ALERT_RAISED,
        Topic.ALERT_RESOLVED,
    }
)
_PUBLIC_FIELDS = (
    "status",
    "previous_status",
    "milestone",
    "reason",
    "occurred_at",
    "eta",
    "kind",
    "severity",
    "buyer_action",
)


def stream_id(message: OutboxMessage) -> str:
    raw = f"{message.created_at.isoformat()}|{message.id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def cursor_of(last_event_id: str | None) -> Cursor | None:
    """The position a ``Last-Event-ID`` names; ``None`` when absent or unreadable."""
    if not last_event_id:
        return None
    try:
        raw = base64.urlsafe_b64decode(last_event_id + "=" * (-len(last_event_id) % 4))
        at, _, message_id = raw.decode("utf-8").partition("|")
        return datetime.fromisoformat(at), message_id
    except (ValueError, UnicodeDecodeError):
        return None


def public_event(message: OutboxMessage) -> dict[str, Any] | None:
    """What a public page may see of a message (``None``: nothing)."""
    if message.topic not in PUBLIC_TOPICS:
        return None
    data = {k: message.payload[k] for k in _PUBLIC_FIELDS if k in message.payload}
    return {
        "type": message.topic.value,
        "created_at": message.created_at.isoformat(),
        "data": data,
    }


@dataclass(frozen=True, slots=True)
class Subject:
    """Whose messages a stream follows."""

    merchant_id: str
    shipment_id: str | None = None


class LiveFeed:
    """Reads the outbox for live streams (read-only)."""

    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def for_token(self, token: str) -> Subject:
        with self._uow() as uow:
            link = uow.tracking_links.find(token)
        if link is None:
            raise NotFound("no shipment for this tracking link")
        return Subject(link.merchant_id, link.shipment_id)

    def start(self, last_event_id: str | None) -> Cursor:
        """Where a stream begins: after ``Last-Event-ID``, else at the present."""
        return cursor_of(last_event_id) or (self._clock(), "")

    def next(self, subject: Subject, cursor: Cursor, limit: int = BATCH) -> list[OutboxMessage]:
        with self._uow() as uow:
            return uow.outbox.after(
                subject.merchant_id, shipment_id=subject.shipment_id, cursor=cursor, limit=limit
            )
