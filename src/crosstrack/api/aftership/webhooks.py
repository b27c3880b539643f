"""Webhooks in AfterShip's format, for endpoints that ask for it (``payload_format``).

The body is ``{"event", "event_id", "is_tracking_first_tag", "msg", "ts"}`` with the tracking,
as it is when sent, in ``msg``; the ``aftership-hmac-sha256`` header is the base64 HMAC-SHA256
of the raw body with the endpoint's secret, which is how a receiver written for AfterShip
verifies it. Status changes and milestones are ``tracking_update``; a moved estimate is
``edd_revise``; other topics (alerts, endpoint notices) have no AfterShip form and are not sent
to such endpoints (docs/aftership-compat.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from crosstrack.api.aftership import documents
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.errors import NotFound
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.queries import Queries, TimelineRead
from crosstrack.services.records import (
    OutboxMessage,
    RenderedPayload,
    Topic,
    WebhookEndpoint,
)

HEADER = "aftership-hmac-sha256"
EVENTS = {
    Topic.STATUS_CHANGED: "tracking_update",
    Topic.MILESTONE_REACHED: "tracking_update",
    Topic.ETA_CHANGED: "edd_revise",
}
PING_EVENT = "crosstrack_ping"
"""The event of an endpoint test (AfterShip has none of its own; ``msg`` is empty)."""


def signature(secret: str, body: bytes) -> str:
    """AfterShip's webhook signature: base64 of the HMAC-SHA256 of the raw body."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


class AfterShipPayloads:
    """The ``PayloadRenderer`` of ``WebhookFormat.AFTERSHIP``."""

    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, context: documents.Context) -> None:
        self._uow = uow
        self._queries = Queries(uow=uow, clock=clock)
        self._context = context

    def accepts(self, message: OutboxMessage) -> bool:
        return message.shipment_id is not None and message.topic in EVENTS

    def render(
        self, message: OutboxMessage, endpoint: WebhookEndpoint, now: datetime
    ) -> RenderedPayload | None:
        if message.topic is Topic.PING:
            # A test of the endpoint (``POST /v1/webhooks/{id}/ping``): signed like the
            # rest, with an event name no AfterShip receiver mistakes for a tracking update.
            return _signed(endpoint, _body(message, PING_EVENT, first_tag=False, msg={}))
        if message.shipment_id is None or message.topic not in EVENTS:
            return None
        merchant, shipment_id = message.merchant_id, message.shipment_id
        try:
            view = self._queries.shipment(merchant, shipment_id)
        except NotFound:
            return None
        with self._uow() as uow:
            compat = uow.compat_trackings.get_many(merchant, [shipment_id]).get(shipment_id)
        msg = documents.tracking(TimelineRead.of(view), compat, self._context)
        first_tag = _first_of_tag(message)
        return _signed(endpoint, _body(message, EVENTS[message.topic], first_tag, msg))


def _body(
    message: OutboxMessage, event: str, first_tag: bool, msg: dict[str, Any]
) -> dict[str, Any]:
    return {
        "event": event,
        "event_id": message.id,
        "is_tracking_first_tag": first_tag,
        "msg": msg,
        "ts": int(message.created_at.timestamp()),
    }


def _signed(endpoint: WebhookEndpoint, document: dict[str, Any]) -> RenderedPayload:
    body = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return RenderedPayload(body=body, headers={HEADER: signature(endpoint.secret, body)})


def _first_of_tag(message: OutboxMessage) -> bool:
    """Whether the message moves the tracking to another AfterShip tag (a status change whose
    old and new statuses have different tags)."""
    if message.topic is not Topic.STATUS_CHANGED:
        return False
    before, after = message.payload.get("previous_status"), message.payload.get("status")
    if not isinstance(before, str) or not isinstance(after, str):
        return False
    return _tag(before) != _tag(after)


def _tag(status: str) -> str:
    return documents.tag_of(Status(status), Milestone.NONE, Reason.NONE)["tag"] or ""
