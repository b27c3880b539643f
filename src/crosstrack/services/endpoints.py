"""A merchant's webhook endpoints: subscribe, change, rotate the secret, test, watch the
deliveries and replay them."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crosstrack.domain.delivery import GIVE_UP_AFTER, Channel, DeliveryStatus
from crosstrack.notify.webhooks import Resolver, UnsafeUrl, check_url, resolve
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import (
    Delivery,
    OutboxMessage,
    Topic,
    WebhookEndpoint,
    WebhookFormat,
)

EVERY_TOPIC = "*"
MAX_ENDPOINTS = 16
MAX_OVERLAP = timedelta(days=7)
MAX_COALESCE_SECONDS = 3600


def new_secret() -> str:
    """A signing secret (256 random bits), shown to the merchant once."""
    return "whsec_" + secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class EndpointChange:
    """What ``update`` may change; ``None`` leaves a field as it is."""

    url: str | None = None
    topics: Collection[str] | None = None
    description: str | None = None
    contact_email: str | None = None
    coalesce_seconds: int | None = None
    active: bool | None = None
    payload_format: WebhookFormat | None = None
    """Deliveries still pending are sent in the format the endpoint has when they go."""


class EndpointDesk:
    """Webhook endpoint use cases of one installation."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
        allow_private: bool = False,
        resolver: Resolver = resolve,
        secret_factory: Callable[[], str] = new_secret,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._allow_private = allow_private
        self._resolver = resolver
        self._secret = secret_factory

    def create(
        self,
        merchant_id: str,
        url: str,
        topics: Collection[str],
        *,
        description: str = "",
        contact_email: str | None = None,
        coalesce_seconds: int = 0,
        payload_format: WebhookFormat = WebhookFormat.CROSSTRACK,
    ) -> WebhookEndpoint:
        """Subscribe ``url`` to ``topics`` (``*``: all), to receive them in
        ``payload_format``; the answer carries the secret."""
        endpoint = WebhookEndpoint(
            id=self._ids(),
            merchant_id=merchant_id,
            url=self._checked_url(url),
            secret=self._secret(),
            topics=_checked_topics(topics),
            created_at=self._clock(),
            description=description.strip()[:200],
            contact_email=contact_email,
            coalesce_seconds=_checked_coalesce(coalesce_seconds),
            payload_format=_checked_format(payload_format),
        )
        with self._uow() as uow:
            if len(uow.webhook_endpoints.for_merchant(merchant_id)) >= MAX_ENDPOINTS:
                raise InvalidInput(f"at most {MAX_ENDPOINTS} endpoints per merchant")
            uow.webhook_endpoints.add(endpoint)
            uow.commit()
        return endpoint

    def all(self, merchant_id: str) -> list[WebhookEndpoint]:
        with self._uow() as uow:
            return uow.webhook_endpoints.for_merchant(merchant_id)

    def get(self, merchant_id: str, endpoint_id: str) -> WebhookEndpoint:
        with self._uow() as uow:
            return _found(uow.webhook_endpoints.get(merchant_id, endpoint_id), endpoint_id)

    def update(self, merchant_id: str, endpoint_id: str, change: EndpointChange) -> WebhookEndpoint:
        """Change an endpoint; ``active=True`` on a disabled one starts it afresh."""
        with self._uow() as uow:
            endpoint = _found(uow.webhook_endpoints.get(merchant_id, endpoint_id), endpoint_id)
            changed = replace(
                endpoint,
                url=self._checked_url(change.url) if change.url is not None else endpoint.url,
                topics=(
                    _checked_topics(change.topics) if change.topics is not None else endpoint.topics
                ),
                description=(
                    change.description.strip()[:200]
                    if change.description is not None
                    else endpoint.description
                ),
                contact_email=(
                    change.contact_email
                    if change.contact_email is not None
                    else endpoint.contact_email
                ),
                coalesce_seconds=(
                    _checked_coalesce(change.coalesce_seconds)
                    if change.coalesce_seconds is not None
                    else endpoint.coalesce_seconds
                ),
                payload_format=(
                    _checked_format(change.payload_format)
                    if change.payload_format is not None
                    else endpoint.payload_format
                ),
            )
            if change.active is True and not endpoint.active:
                changed = replace(
                    changed,
                    active=True,
                    disabled_at=None,
                    disabled_reason=None,
                    failures_in_a_row=0,
                    failing_since=None,
                )
            elif change.active is False:
                changed = replace(changed, active=False)
            uow.webhook_endpoints.save(changed)
            uow.commit()
        return changed

    def delete(self, merchant_id: str, endpoint_id: str) -> None:
        with self._uow() as uow:
            if not uow.webhook_endpoints.delete(merchant_id, endpoint_id):
                raise NotFound(f"no webhook endpoint {endpoint_id!r}")
            uow.deliveries.give_up_pending(
                Channel.WEBHOOK, endpoint_id, "endpoint deleted", self._clock()
            )
            uow.commit()

    def rotate_secret(
        self, merchant_id: str, endpoint_id: str, *, keep_previous_for: timedelta
    ) -> WebhookEndpoint:
        """A new secret; the previous one also signs for ``keep_previous_for`` (at most 7
        days, 0 to stop it at once) so receivers can switch without losing a request."""
        if not timedelta(0) <= keep_previous_for <= MAX_OVERLAP:
            raise InvalidInput(
                "the previous secret is kept from 0 to 168 hours", field="keep_previous_hours"
            )
        now = self._clock()
        with self._uow() as uow:
            endpoint = _found(uow.webhook_endpoints.get(merchant_id, endpoint_id), endpoint_id)
            rotated = replace(
                endpoint,
                secret=self._secret(),
                previous_secret=endpoint.secret if keep_previous_for else None,
                previous_secret_expires_at=now + keep_previous_for if keep_previous_for else None,
            )
            uow.webhook_endpoints.save(rotated)
            uow.commit()
        return rotated

    def deliveries(
        self,
        merchant_id: str,
        endpoint_id: str,
        *,
        status: DeliveryStatus | None = None,
        limit: int = 50,
    ) -> list[Delivery]:
        """The endpoint's deliveries, newest first."""
        with self._uow() as uow:
            _found(uow.webhook_endpoints.get(merchant_id, endpoint_id), endpoint_id)
            return uow.deliveries.for_target(
                merchant_id, Channel.WEBHOOK, endpoint_id, status=status, limit=limit
            )

    def replay(self, merchant_id: str, delivery_id: str) -> Delivery:
        """Send a delivery again now (dead, delivered or superseded), with three more days."""
        now = self._clock()
        with self._uow() as uow:
            delivery = uow.deliveries.get(merchant_id, delivery_id)
            if delivery is None:
                raise NotFound(f"no delivery {delivery_id!r}")
            again = replay_of(delivery, now)
            uow.deliveries.save(again)
            uow.commit()
        return again

    def replay_dead(self, merchant_id: str | None, since: datetime, limit: int = 10_000) -> int:
        """Queue again every dead delivery made since ``since`` (of one merchant, or all:
        the operator's command after an outage); returns how many."""
        now = self._clock()
        with self._uow() as uow:
            dead = uow.deliveries.dead(merchant_id, since, limit)
            for delivery in dead:
                uow.deliveries.save(replay_of(delivery, now))
            uow.commit()
        return len(dead)

    def ping(self, merchant_id: str, endpoint_id: str) -> Delivery:
        """Queue a ``webhook.ping`` to one endpoint (to check its URL and signature check)."""
        now = self._clock()
        with self._uow() as uow:
            endpoint = _found(uow.webhook_endpoints.get(merchant_id, endpoint_id), endpoint_id)
            message = OutboxMessage(
                id=self._ids(),
                merchant_id=merchant_id,
                shipment_id=None,
                topic=Topic.PING,
                payload={"endpoint_id": endpoint.id, "url": endpoint.url},
                idempotency_key=f"ping:{endpoint.id}:{self._ids()}",
                created_at=now,
            )
            delivery = Delivery(
                id=self._ids(),
                merchant_id=merchant_id,
                message_id=message.id,
                channel=Channel.WEBHOOK,
                target=endpoint.id,
                status=DeliveryStatus.PENDING,
                created_at=now,
                next_attempt_at=now,
                expires_at=now + timedelta(hours=1),
            )
            uow.outbox.add_many([message])
            uow.outbox.mark_dispatched([message.id], now)
            uow.deliveries.add_many([delivery])
            uow.commit()
        return delivery

    def _checked_url(self, url: str) -> str:
        try:
            check_url(url.strip(), allow_private=self._allow_private, resolver=self._resolver)
        except UnsafeUrl as exc:
            raise InvalidInput(str(exc), field="url") from exc
        return url.strip()


def replay_of(delivery: Delivery, now: datetime) -> Delivery:
    """The delivery queued again now, with a fresh three-day deadline."""
    return replace(
        delivery,
        status=DeliveryStatus.PENDING,
        next_attempt_at=now,
        expires_at=now + GIVE_UP_AFTER,
    )


def _checked_topics(topics: Collection[str]) -> frozenset[str]:
    chosen = frozenset(t.strip() for t in topics if t.strip())
    if not chosen:
        raise InvalidInput("subscribe to at least one topic, or * for all", field="topics")
    known = {t.value for t in Topic} | {EVERY_TOPIC}
    unknown = sorted(chosen - known)
    if unknown:
        raise InvalidInput(
            f"unknown topics {', '.join(unknown)} (see docs/webhooks.md)", field="topics"
        )
    return chosen


def _checked_coalesce(seconds: int) -> int:
    if not 0 <= seconds <= MAX_COALESCE_SECONDS:
        raise InvalidInput(
            f"coalesce_seconds is from 0 to {MAX_COALESCE_SECONDS}", field="coalesce_seconds"
        )
    return seconds


def _checked_format(value: str) -> WebhookFormat:
    try:
        return WebhookFormat(value)
    except ValueError:
        known = ", ".join(f.value for f in WebhookFormat)
        raise InvalidInput(
            f"payload_format is one of {known} (see docs/webhooks.md)", field="payload_format"
        ) from None


def _found(endpoint: WebhookEndpoint | None, endpoint_id: str) -> WebhookEndpoint:
    if endpoint is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}")
    return endpoint
