"""Live updates over Server-Sent Events: a merchant's stream (API key) and a shipment's
public stream (its tracking token). Reconnecting with ``Last-Event-ID`` resumes without a
gap; a comment every 15 seconds keeps proxies from closing an idle stream."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import StreamingResponse

from crosstrack.api.auth import Reader
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.routes.tracking import Token, public_rate
from crosstrack.services.live import Cursor, LiveFeed, Subject, public_event, stream_id
from crosstrack.services.records import OutboxMessage

router = APIRouter(tags=["live"])
public = APIRouter(tags=["live"], dependencies=[Depends(public_rate)])

POLL_SECONDS = 0.5
KEEP_ALIVE_SECONDS = 15.0
RETRY_MS = 3000
LastEventId = Annotated[str | None, Header(alias="Last-Event-ID", max_length=500)]
_STREAM: dict[str, Any] = {
    "content": {"text/event-stream": {"schema": {"type": "string"}}},
    "description": "An event stream.",
}


def _response(body: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(
        body,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _events(
    request: Request,
    feed: LiveFeed,
    subject: Subject,
    cursor: Cursor,
    shape: Callable[[OutboxMessage], dict[str, Any] | None],
) -> AsyncIterator[str]:
    yield f"retry: {RETRY_MS}\n\n"
    idle = 0.0
    while not await request.is_disconnected():
        batch = await anyio.to_thread.run_sync(feed.next, subject, cursor)
        for message in batch:
            cursor = (message.created_at, message.id)
            shown = shape(message)
            if shown is not None:
                data = json.dumps(shown, separators=(",", ":"), default=str)
                yield f"id: {stream_id(message)}\nevent: {message.topic.value}\ndata: {data}\n\n"
        if batch:
            idle = 0.0
            continue
        await anyio.sleep(POLL_SECONDS)
        idle += POLL_SECONDS
        if idle >= KEEP_ALIVE_SECONDS:
            idle = 0.0
            yield ": keep-alive\n\n"


def _merchant_event(message: OutboxMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "type": message.topic.value,
        "shipment_id": message.shipment_id,
        "created_at": message.created_at.isoformat(),
        "data": dict(message.payload),
    }


@router.get(
    "/v1/stream",
    summary="Live updates of every shipment (Server-Sent Events)",
    response_class=StreamingResponse,
    responses={
        200: _STREAM,
        **documented(401, 403, 422, 429),
    },
)
def merchant_stream(
    request: Request, key: Reader, services: ServicesDep, last_event_id: LastEventId = None
) -> StreamingResponse:
    """Every change of your shipments as it is written (the webhook topics and payloads,
    docs/webhooks.md), from now, or after `Last-Event-ID`."""
    feed = services.live
    subject = Subject(key.merchant_id)
    return _response(_events(request, feed, subject, feed.start(last_event_id), _merchant_event))


@public.get(
    "/v1/tracking/{token}/stream",
    summary="Live updates of one shipment (public, Server-Sent Events)",
    response_class=StreamingResponse,
    responses={
        200: _STREAM,
        **documented(404, 422, 429),
    },
)
def shipment_stream(
    request: Request, token: Token, services: ServicesDep, last_event_id: LastEventId = None
) -> StreamingResponse:
    """What the tracking page shows, as it changes: status, milestone, ETA and alerts (with
    the buyer's action); never contact data."""
    feed = services.live
    subject = feed.for_token(token)
    return _response(_events(request, feed, subject, feed.start(last_event_id), public_event))
