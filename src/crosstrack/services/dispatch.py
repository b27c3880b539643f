"""The dispatcher: from the outbox to every destination, at least once, never lost.

Two steps, each its own transaction, so a dispatcher killed at any moment loses nothing:

1. **Fan-out** turns each new outbox message into one *delivery* per destination (each of the
   merchant's active endpoints subscribed to its topic), stored before the message is marked
   dispatched. A message goes once to a destination (unique per message and destination).
   With coalescing on an endpoint, a newer update of the same shipment and topic replaces a
   delivery not yet attempted.
2. **Delivery** takes due deliveries with a lease (the attempt is counted and the delivery
   hidden until the lease ends), sends them outside any transaction, then records the
   outcome. A dispatcher that dies mid-send leaves the lease to expire: the delivery is sent
   again, with the same event id, which receivers use to drop the duplicate. Failures back off
   (``domain/delivery.py``) for three days, then the delivery is dead until replayed; an
   endpoint failing every attempt for three days is disabled and the merchant told.

An endpoint receives its deliveries in its ``payload_format``, through that format's
``PayloadRenderer``: it says at fan-out which messages it has anything to say of (the others
are not queued for the endpoint) and makes the body and headers at send time. ``crosstrack``,
our envelope signed with ``Crosstrack-Signature``, is always there and takes every message;
an endpoint whose format has no renderer here receives nothing.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from crosstrack.domain.delivery import (
    GIVE_UP_AFTER,
    Channel,
    DeliveryStatus,
    gives_up,
    retry_delay,
    should_disable,
)
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.signing import HEADER, sign
from crosstrack.services.buyer_messages import (
    Addressed,
    buyer_deliveries,
    prepare_buyer_messages,
)
from crosstrack.services.links import Links
from crosstrack.services.ports import (
    BuyerChannel,
    Clock,
    IdFactory,
    NoticePort,
    PayloadRenderer,
    UnitOfWork,
    UnitOfWorkFactory,
    WebhookPort,
)
from crosstrack.services.records import (
    Delivery,
    OutboxMessage,
    RenderedPayload,
    Topic,
    WebhookEndpoint,
    WebhookFormat,
)

log = logging.getLogger(__name__)

API_VERSION = "2026-11-26"
"""The version of the webhook payloads (docs/webhooks.md)."""
COALESCED_TOPICS = frozenset({Topic.STATUS_CHANGED, Topic.MILESTONE_REACHED, Topic.ETA_CHANGED})
"""Updates a newer one of the same shipment makes stale (alerts and the rest are each sent)."""


@dataclass(frozen=True, slots=True)
class DispatchSettings:
    lease: timedelta = timedelta(seconds=60)
    """How long a taken delivery stays hidden: longer than a send can take."""
    batch: int = 100
    """At most this many deliveries taken at once."""
    per_target: int = 4
    """At most this many sends in flight to one destination: a slow endpoint cannot take
    every slot."""
    threads: int = 8
    """Sends at once (twice as many may be taken and queued)."""


@dataclass(frozen=True, slots=True)
class DispatchReport:
    fanned_out: int = 0
    """Messages handed to their destinations."""
    delivered: int = 0
    failed: int = 0
    """Attempts that failed and will be tried again."""
    dead: int = 0
    disabled: int = 0
    """Endpoints disabled."""

    @property
    def attempts(self) -> int:
        return self.delivered + self.failed + self.dead


_TO_ENDPOINTS = frozenset({Channel.WEBHOOK, Channel.NOTICE})


def _add(first: DispatchReport, second: DispatchReport) -> DispatchReport:
    return DispatchReport(
        fanned_out=first.fanned_out + second.fanned_out,
        delivered=first.delivered + second.delivered,
        failed=first.failed + second.failed,
        dead=first.dead + second.dead,
        disabled=first.disabled + second.disabled,
    )


@dataclass(frozen=True, slots=True)
class _Outcome:
    delivery: Delivery
    status: int | None = None
    error: DeliveryFailed | None = None
    sent: bool = True
    """False when nothing reached the destination through no fault of its own (nothing to
    render): the endpoint's health does not change."""


def envelope(message: OutboxMessage) -> dict[str, Any]:
    """The JSON body of a webhook (docs/webhooks.md)."""
    return {
        "id": message.id,
        "type": message.topic.value,
        "api_version": API_VERSION,
        "created_at": message.created_at.isoformat().replace("+00:00", "Z"),
        "data": dict(message.payload),
    }


class CrosstrackPayloads:
    """Our own format (docs/webhooks.md): every message, in ``envelope``, signed with
    ``Crosstrack-Signature`` by the current secret and, during a rotation, the previous one."""

    def accepts(self, message: OutboxMessage) -> bool:
        return True

    def render(
        self, message: OutboxMessage, endpoint: WebhookEndpoint, now: datetime
    ) -> RenderedPayload:
        body = json.dumps(envelope(message), separators=(",", ":")).encode("utf-8")
        headers = {
            HEADER: sign(endpoint.signing_secrets(now), int(now.timestamp()), body),
            "Crosstrack-Event-Id": message.id,
            "Crosstrack-Event-Type": message.topic.value,
        }
        return RenderedPayload(body=body, headers=headers)


class Dispatcher:
    """Fans out the outbox and delivers what is due."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
        webhooks: WebhookPort,
        settings: DispatchSettings | None = None,
        jitter: Callable[[], float] = random.random,
        buyer_channels: Mapping[Channel, BuyerChannel] | None = None,
        links: Links | None = None,
        notices: NoticePort | None = None,
        renderers: Mapping[WebhookFormat, PayloadRenderer] | None = None,
    ) -> None:
        """``renderers``: the webhook payload formats other than ``crosstrack`` this
        installation can send, each with what renders it."""
        self._uow = uow
        self._renderers: dict[WebhookFormat, PayloadRenderer] = {
            WebhookFormat.CROSSTRACK: CrosstrackPayloads(),
            **(renderers or {}),
        }
        self._unrenderable: set[str] = set()
        """Endpoints whose format has no renderer, already logged."""
        self._notices = notices
        self._buyer_channels = dict(buyer_channels or {}) if links is not None else {}
        self._links = links
        self._clock = clock
        self._ids = ids
        self._webhooks = webhooks
        self.settings = settings or DispatchSettings()
        self._jitter = jitter
        self._pool = ThreadPoolExecutor(
            max_workers=self.settings.threads, thread_name_prefix="crosstrack-send"
        )
        self._lock = threading.Lock()
        self._flying: dict[futures.Future[_Outcome], str] = {}
        self._per_target: Counter[str] = Counter()

    def run_once(self, *, wait: bool = True) -> DispatchReport:
        """Fan out what is new, then deliver what is due (``wait``: until every send in
        flight has been recorded; else only start them, as the worker loop does)."""
        fanned = self.fan_out()
        delivered = self.deliver_due(wait=wait)
        return replace(delivered, fanned_out=fanned)

    @property
    def in_flight(self) -> int:
        with self._lock:
            return len(self._flying)

    def wait_for_progress(self, timeout: float) -> None:
        """Block until a send in flight ends, or ``timeout`` seconds."""
        with self._lock:
            flying = list(self._flying)
        if flying:
            futures.wait(flying, timeout=timeout, return_when=futures.FIRST_COMPLETED)

    def fan_out(self, limit: int = 500) -> int:
        """Turn new outbox messages into deliveries; returns how many messages."""
        now = self._clock()
        with self._uow() as uow:
            messages = uow.outbox.pending(limit)
            if not messages:
                return 0
            endpoints = uow.webhook_endpoints.active_for({m.merchant_id for m in messages})
            created: list[Delivery] = []
            for message in messages:
                for endpoint in endpoints.get(message.merchant_id, []):
                    if self._wants(endpoint, message):
                        created.append(self._delivery(message, endpoint, now))
            created += [self._notice(m, now) for m in messages if self._notifies(m)]
            created += buyer_deliveries(
                uow, messages, list(self._buyer_channels), ids=self._ids, now=now
            )
            uow.deliveries.add_many(created)
            for delivery in created:
                if delivery.coalesce_key is not None:
                    uow.deliveries.supersede(delivery.coalesce_key, keep=delivery.id)
            uow.outbox.mark_dispatched([m.id for m in messages], now)
            uow.commit()
        return len(messages)

    def _wants(self, endpoint: WebhookEndpoint, message: OutboxMessage) -> bool:
        """Whether the endpoint gets a delivery of the message: it takes the topic, and its
        payload format has something to say of the message."""
        if not endpoint.accepts(message.topic.value):
            return False
        renderer = self._renderers.get(endpoint.payload_format)
        if renderer is None:
            if endpoint.id not in self._unrenderable:
                self._unrenderable.add(endpoint.id)
                log.warning(
                    "webhook endpoint %s wants payload format %r, which this installation "
                    "does not render: it gets no deliveries",
                    endpoint.id,
                    endpoint.payload_format.value,
                )
            return False
        return renderer.accepts(message)

    def deliver_due(self, *, wait: bool = True) -> DispatchReport:
        """Record the sends that ended, then start sends of due deliveries while there are
        free slots (at most ``per_target`` in flight to one destination: a slow endpoint
        holds its own slots, never the others'); with ``wait``, until all have ended."""
        report = self._collect(block=False)
        now = self._clock()
        settings = self.settings
        with self._lock:
            free = 2 * settings.threads - len(self._flying)
            busy = [t for t, n in self._per_target.items() if n >= settings.per_target]
        if free > 0:
            with self._uow() as uow:
                claimed = uow.deliveries.claim_due(
                    now,
                    now + settings.lease,
                    min(free, settings.batch),
                    settings.per_target,
                    skip_targets=busy,
                )
                endpoints = uow.webhook_endpoints.get_many(
                    {d.target for d, _ in claimed if d.channel in _TO_ENDPOINTS}
                )
                buyers = prepare_buyer_messages(uow, claimed, self._links) if self._links else {}
                uow.commit()
            for delivery, message in claimed:
                where: WebhookEndpoint | Addressed | None = (
                    endpoints.get(delivery.target)
                    if delivery.channel in _TO_ENDPOINTS
                    else buyers.get(delivery.id)
                )
                self._start(delivery, message, where)
        if wait:
            report = _add(report, self._collect(block=True))
        return report

    def drain(self) -> DispatchReport:
        """Wait for the sends in flight and record them (taking nothing new)."""
        return self._collect(block=True)

    def close(self) -> None:
        self.drain()
        self._pool.shutdown(wait=True)

    def _start(
        self,
        delivery: Delivery,
        message: OutboxMessage,
        where: WebhookEndpoint | Addressed | None,
    ) -> None:
        future = self._pool.submit(self._send, delivery, message, where)
        with self._lock:
            self._flying[future] = delivery.target
            self._per_target[delivery.target] += 1

    def _collect(self, *, block: bool) -> DispatchReport:
        """Record the outcomes of the sends that ended (all of them, with ``block``)."""
        with self._lock:
            flying = list(self._flying)
        if block and flying:
            futures.wait(flying)
        done = [f for f in flying if f.done()]
        if not done:
            return DispatchReport()
        with self._lock:
            for future in done:
                target = self._flying.pop(future)
                self._per_target[target] -= 1
                if self._per_target[target] <= 0:
                    del self._per_target[target]
        return self._record([f.result() for f in done])

    def _delivery(
        self, message: OutboxMessage, endpoint: WebhookEndpoint, now: datetime
    ) -> Delivery:
        coalesce = (
            endpoint.coalesce_seconds > 0
            and message.shipment_id is not None
            and message.topic in COALESCED_TOPICS
        )
        return Delivery(
            id=self._ids(),
            merchant_id=message.merchant_id,
            message_id=message.id,
            channel=Channel.WEBHOOK,
            target=endpoint.id,
            status=DeliveryStatus.PENDING,
            created_at=now,
            next_attempt_at=(
                message.created_at + timedelta(seconds=endpoint.coalesce_seconds)
                if coalesce
                else now
            ),
            expires_at=now + GIVE_UP_AFTER,
            coalesce_key=(
                f"{endpoint.id}:{message.shipment_id}:{message.topic.value}" if coalesce else None
            ),
        )

    def _send(
        self,
        delivery: Delivery,
        message: OutboxMessage,
        where: WebhookEndpoint | Addressed | None,
    ) -> _Outcome:
        if delivery.channel is Channel.NOTICE:
            return self._send_notice(delivery, message, where)
        if delivery.channel is not Channel.WEBHOOK:
            return self._send_to_buyer(delivery, where)
        endpoint = where if isinstance(where, WebhookEndpoint) else None
        if endpoint is None or not endpoint.active:
            gone = DeliveryFailed("the endpoint was deleted or disabled", retryable=False)
            return _Outcome(delivery, error=gone)
        rendered = self._render(delivery, message, endpoint, self._clock())
        if isinstance(rendered, _Outcome):
            return rendered
        body, headers = rendered.body, dict(rendered.headers)
        # Receivers of any format can spot a duplicate (a retry, or a send again after a
        # lease ran out) by the delivery id.
        headers["Crosstrack-Delivery-Id"] = delivery.id
        headers["Crosstrack-Attempt"] = str(delivery.attempts)
        try:
            status = self._webhooks.send(endpoint.url, body, headers)
        except DeliveryFailed as exc:
            return _Outcome(delivery, status=exc.status, error=exc)
        return _Outcome(delivery, status=status)

    def _render(
        self,
        delivery: Delivery,
        message: OutboxMessage,
        endpoint: WebhookEndpoint,
        now: datetime,
    ) -> RenderedPayload | _Outcome:
        """The body and headers of a delivery in the endpoint's format, or the outcome when
        there is nothing to send (the endpoint's health unchanged)."""
        renderer = self._renderers.get(endpoint.payload_format)
        if renderer is None:
            failed = DeliveryFailed(
                f"this installation does not render the {endpoint.payload_format.value} "
                "payload format",
                retryable=False,
            )
            return _Outcome(delivery, error=failed, sent=False)
        try:
            rendered = renderer.render(message, endpoint, now)
        except Exception:
            # A renderer's bug or a passing database failure: tried again later.
            log.exception(
                "could not render delivery %s (message %s) in payload format %r",
                delivery.id,
                message.id,
                endpoint.payload_format.value,
            )
            failed = DeliveryFailed("the payload could not be rendered", retryable=True)
            return _Outcome(delivery, error=failed, sent=False)
        if rendered is None:
            gone = DeliveryFailed("nothing to send: the shipment is gone", retryable=False)
            return _Outcome(delivery, error=gone, sent=False)
        return rendered

    def _notifies(self, message: OutboxMessage) -> bool:
        return (
            self._notices is not None
            and message.topic is Topic.ENDPOINT_DISABLED
            and bool(message.payload.get("contact_email"))
        )

    def _notice(self, message: OutboxMessage, now: datetime) -> Delivery:
        return Delivery(
            id=self._ids(),
            merchant_id=message.merchant_id,
            message_id=message.id,
            channel=Channel.NOTICE,
            target=str(message.payload["endpoint_id"]),
            status=DeliveryStatus.PENDING,
            created_at=now,
            next_attempt_at=now,
            expires_at=now + GIVE_UP_AFTER,
        )

    def _send_notice(
        self,
        delivery: Delivery,
        message: OutboxMessage,
        where: WebhookEndpoint | Addressed | None,
    ) -> _Outcome:
        endpoint = where if isinstance(where, WebhookEndpoint) else None
        if self._notices is None or endpoint is None or not endpoint.contact_email:
            gone = DeliveryFailed("no contact address any more", retryable=False)
            return _Outcome(delivery, error=gone)
        text = (
            f"crosstrack stopped sending webhooks to {endpoint.url} (endpoint {endpoint.id}):\n"
            f"{message.payload.get('reason', '')}\n\n"
            "Fix the endpoint, switch it on again (PATCH /v1/webhooks/{id} with "
            '{"active": true}), then replay what it missed (docs/webhooks.md).\n'
        )
        try:
            self._notices.send_notice(
                endpoint.contact_email,
                "Your crosstrack webhook endpoint was disabled",
                text,
                message_id=delivery.id,
            )
        except DeliveryFailed as exc:
            return _Outcome(delivery, status=exc.status, error=exc)
        return _Outcome(delivery)

    def _send_to_buyer(
        self, delivery: Delivery, where: WebhookEndpoint | Addressed | None
    ) -> _Outcome:
        channel = self._buyer_channels.get(delivery.channel)
        if not isinstance(where, Addressed) or channel is None:
            gone = DeliveryFailed("unsubscribed, or the shipment is gone", retryable=False)
            return _Outcome(delivery, error=gone)
        try:
            channel.send(where.to, where.update, message_id=delivery.id)
        except DeliveryFailed as exc:
            return _Outcome(delivery, status=exc.status, error=exc)
        return _Outcome(delivery)

    def _record(self, outcomes: list[_Outcome]) -> DispatchReport:
        now = self._clock()
        delivered = failed = dead = disabled = 0
        with self._uow() as uow:
            endpoints = uow.webhook_endpoints.get_many(
                {o.delivery.target for o in outcomes if o.delivery.channel is Channel.WEBHOOK}
            )
            health = dict(endpoints)
            for outcome in outcomes:
                delivery = outcome.delivery
                if outcome.error is None:
                    uow.deliveries.save(
                        replace(
                            delivery,
                            status=DeliveryStatus.DELIVERED,
                            delivered_at=now,
                            last_status=outcome.status,
                            last_error=None,
                        )
                    )
                    delivered += 1
                else:
                    final = self._failed(uow, delivery, outcome, now)
                    dead += final
                    failed += not final
                endpoint = (
                    health.get(delivery.target)
                    if delivery.channel is Channel.WEBHOOK and outcome.sent
                    else None
                )
                if endpoint is not None and endpoint.active:
                    endpoint = _health(endpoint, outcome.error is None, now)
                    if should_disable(endpoint.failures_in_a_row, endpoint.failing_since, now):
                        endpoint = self._disable(uow, endpoint, outcome, now)
                        disabled += 1
                    health[delivery.target] = endpoint
            for endpoint_id, endpoint in health.items():
                if endpoint != endpoints.get(endpoint_id):
                    uow.webhook_endpoints.save(endpoint)
            uow.commit()
        return DispatchReport(delivered=delivered, failed=failed, dead=dead, disabled=disabled)

    def _failed(
        self, uow: UnitOfWork, delivery: Delivery, outcome: _Outcome, now: datetime
    ) -> bool:
        """Record a failed attempt; True when the delivery is now dead."""
        error = outcome.error
        assert error is not None
        retry_at = now + retry_delay(delivery.attempts, self._jitter)
        final = not error.retryable or gives_up(delivery.expires_at, retry_at)
        uow.deliveries.save(
            replace(
                delivery,
                status=DeliveryStatus.DEAD if final else DeliveryStatus.PENDING,
                next_attempt_at=now if final else retry_at,
                last_status=outcome.status,
                last_error=error.message[:1000],
            )
        )
        return final

    def _disable(
        self, uow: UnitOfWork, endpoint: WebhookEndpoint, outcome: _Outcome, now: datetime
    ) -> WebhookEndpoint:
        reason = (
            f"every attempt failed since {endpoint.failing_since:%Y-%m-%d %H:%M} UTC "
            f"({endpoint.failures_in_a_row} in a row); last: "
            f"{outcome.error.message if outcome.error else 'unknown'}"
        )
        off = replace(endpoint, active=False, disabled_at=now, disabled_reason=reason)
        uow.deliveries.give_up_pending(Channel.WEBHOOK, endpoint.id, "endpoint disabled", now)
        uow.outbox.add_many(
            [
                OutboxMessage(
                    id=self._ids(),
                    merchant_id=endpoint.merchant_id,
                    shipment_id=None,
                    topic=Topic.ENDPOINT_DISABLED,
                    payload={
                        "endpoint_id": endpoint.id,
                        "url": endpoint.url,
                        "reason": reason,
                        "contact_email": endpoint.contact_email,
                    },
                    idempotency_key=f"endpoint:{endpoint.id}:disabled:{now.isoformat()}",
                    created_at=now,
                )
            ]
        )
        return off


def _health(endpoint: WebhookEndpoint, succeeded: bool, now: datetime) -> WebhookEndpoint:
    if succeeded:
        if endpoint.failures_in_a_row == 0 and endpoint.failing_since is None:
            return endpoint
        return replace(endpoint, failures_in_a_row=0, failing_since=None)
    return replace(
        endpoint,
        failures_in_a_row=endpoint.failures_in_a_row + 1,
        failing_since=endpoint.failing_since or now,
    )
