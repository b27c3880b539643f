"""Where notifications go and how their delivery went: webhook endpoints, buyers' subscriptions
and merchants' rules for them, and deliveries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, delete, insert, select, update

from crosstrack.domain.buyer_notifications import BuyerRule, QuietHours, Trigger
from crosstrack.domain.delivery import Channel, DeliveryStatus
from crosstrack.services.records import (
    Delivery,
    OutboxMessage,
    Subscription,
    WebhookEndpoint,
    WebhookFormat,
)
from crosstrack.storage.repositories.conflicts import insert_skipping_duplicates
from crosstrack.storage.repositories.outbox import message_from_row
from crosstrack.storage.tables import (
    deliveries,
    notification_rules,
    outbox,
    subscriptions,
    webhook_endpoints,
)

_CHUNK = 500
_PENDING = DeliveryStatus.PENDING.value


class SqlWebhookEndpointRepository:
    """``WebhookEndpointRepository`` over the ``webhook_endpoints`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, endpoint: WebhookEndpoint) -> None:
        self._conn.execute(insert(webhook_endpoints).values(**_endpoint_values(endpoint)))

    def get(self, merchant_id: str, endpoint_id: str) -> WebhookEndpoint | None:
        row = self._conn.execute(
            select(webhook_endpoints).where(
                webhook_endpoints.c.merchant_id == merchant_id,
                webhook_endpoints.c.id == endpoint_id,
            )
        ).first()
        return None if row is None else _endpoint(row)

    def for_merchant(self, merchant_id: str) -> list[WebhookEndpoint]:
        rows = self._conn.execute(
            select(webhook_endpoints)
            .where(webhook_endpoints.c.merchant_id == merchant_id)
            .order_by(webhook_endpoints.c.created_at, webhook_endpoints.c.id)
        )
        return [_endpoint(row) for row in rows]

    def active_for(self, merchant_ids: Collection[str]) -> dict[str, list[WebhookEndpoint]]:
        found: dict[str, list[WebhookEndpoint]] = defaultdict(list)
        ids = sorted(set(merchant_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(webhook_endpoints)
                .where(
                    webhook_endpoints.c.merchant_id.in_(ids[start : start + _CHUNK]),
                    webhook_endpoints.c.active.is_(True),
                )
                .order_by(webhook_endpoints.c.created_at, webhook_endpoints.c.id)
            )
            for row in rows:
                found[row.merchant_id].append(_endpoint(row))
        return dict(found)

    def get_many(self, endpoint_ids: Collection[str]) -> dict[str, WebhookEndpoint]:
        found: dict[str, WebhookEndpoint] = {}
        ids = sorted(set(endpoint_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(webhook_endpoints).where(
                    webhook_endpoints.c.id.in_(ids[start : start + _CHUNK])
                )
            )
            found.update({row.id: _endpoint(row) for row in rows})
        return found

    def save(self, endpoint: WebhookEndpoint) -> None:
        values = _endpoint_values(endpoint)
        del values["id"], values["merchant_id"], values["created_at"]
        self._conn.execute(
            update(webhook_endpoints)
            .where(
                webhook_endpoints.c.merchant_id == endpoint.merchant_id,
                webhook_endpoints.c.id == endpoint.id,
            )
            .values(**values)
        )

    def delete(self, merchant_id: str, endpoint_id: str) -> bool:
        gone = self._conn.execute(
            delete(webhook_endpoints).where(
                webhook_endpoints.c.merchant_id == merchant_id,
                webhook_endpoints.c.id == endpoint_id,
            )
        )
        return gone.rowcount > 0


class SqlDeliveryRepository:
    """``DeliveryRepository`` over the ``deliveries`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add_many(self, items: Sequence[Delivery]) -> int:
        if not items:
            return 0
        stmt = insert_skipping_duplicates(
            self._conn.dialect.name, deliveries, ("message_id", "channel", "target")
        )
        return self._conn.execute(stmt, [_delivery_values(d) for d in items]).rowcount

    def supersede(self, coalesce_key: str, keep: str) -> int:
        return self._conn.execute(
            update(deliveries)
            .where(
                deliveries.c.coalesce_key == coalesce_key,
                deliveries.c.status == _PENDING,
                deliveries.c.attempts == 0,
                deliveries.c.id != keep,
            )
            .values(status=DeliveryStatus.SUPERSEDED.value)
        ).rowcount

    def claim_due(
        self,
        now: datetime,
        lease_until: datetime,
        limit: int,
        per_target: int,
        *,
        skip_targets: Collection[str] = (),
    ) -> list[tuple[Delivery, OutboxMessage]]:
        query = (
            select(deliveries.c.id, deliveries.c.target)
            .where(deliveries.c.status == _PENDING, deliveries.c.next_attempt_at <= now)
            .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
            .limit(limit * 5)
        )
        if skip_targets:
            query = query.where(deliveries.c.target.not_in(list(skip_targets)))
        if self._conn.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        taken: list[str] = []
        per: dict[str, int] = defaultdict(int)
        for row in self._conn.execute(query):
            if per[row.target] < per_target and len(taken) < limit:
                per[row.target] += 1
                taken.append(row.id)
        if not taken:
            return []
        self._conn.execute(
            update(deliveries)
            .where(deliveries.c.id.in_(taken))
            .values(
                attempts=deliveries.c.attempts + 1,
                last_attempt_at=now,
                next_attempt_at=lease_until,
            )
        )
        labelled = [c.label(f"m_{c.name}") for c in outbox.c]
        rows = self._conn.execute(
            select(deliveries, *labelled)
            .join(outbox, outbox.c.id == deliveries.c.message_id)
            .where(deliveries.c.id.in_(taken))
            .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
        )
        order = {delivery_id: n for n, delivery_id in enumerate(taken)}
        found = [(_delivery(row), message_from_row(row, "m_")) for row in rows]
        return sorted(found, key=lambda pair: order[pair[0].id])

    def save(self, delivery: Delivery) -> None:
        values = _delivery_values(delivery)
        for fixed in ("id", "merchant_id", "message_id", "channel", "target", "created_at"):
            del values[fixed]
        self._conn.execute(
            update(deliveries).where(deliveries.c.id == delivery.id).values(**values)
        )

    def get(self, merchant_id: str, delivery_id: str) -> Delivery | None:
        row = self._conn.execute(
            select(deliveries).where(
                deliveries.c.merchant_id == merchant_id, deliveries.c.id == delivery_id
            )
        ).first()
        return None if row is None else _delivery(row)

    def for_target(
        self,
        merchant_id: str,
        channel: Channel,
        target: str,
        *,
        status: DeliveryStatus | None,
        limit: int,
    ) -> list[Delivery]:
        query = select(deliveries).where(
            deliveries.c.merchant_id == merchant_id,
            deliveries.c.channel == channel.value,
            deliveries.c.target == target,
        )
        if status is not None:
            query = query.where(deliveries.c.status == status.value)
        query = query.order_by(deliveries.c.created_at.desc(), deliveries.c.id.desc())
        return [_delivery(row) for row in self._conn.execute(query.limit(limit))]

    def told_since(self, targets: Collection[str], since: datetime) -> set[str]:
        ids = sorted(set(targets))
        found: set[str] = set()
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(deliveries.c.target)
                .where(
                    deliveries.c.target.in_(ids[start : start + _CHUNK]),
                    deliveries.c.created_at >= since,
                    deliveries.c.status != DeliveryStatus.SUPERSEDED.value,
                )
                .distinct()
            )
            found.update(row.target for row in rows)
        return found

    def give_up_pending(self, channel: Channel, target: str, reason: str, at: datetime) -> int:
        return self._conn.execute(
            update(deliveries)
            .where(
                and_(
                    deliveries.c.channel == channel.value,
                    deliveries.c.target == target,
                    deliveries.c.status == _PENDING,
                )
            )
            .values(status=DeliveryStatus.DEAD.value, last_error=reason, next_attempt_at=at)
        ).rowcount

    def dead(self, merchant_id: str | None, since: datetime, limit: int) -> list[Delivery]:
        query = select(deliveries).where(
            deliveries.c.status == DeliveryStatus.DEAD.value, deliveries.c.created_at >= since
        )
        if merchant_id is not None:
            query = query.where(deliveries.c.merchant_id == merchant_id)
        query = query.order_by(deliveries.c.created_at, deliveries.c.id).limit(limit)
        return [_delivery(row) for row in self._conn.execute(query)]


def _endpoint_values(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": endpoint.id,
        "merchant_id": endpoint.merchant_id,
        "url": endpoint.url,
        "secret": endpoint.secret,
        "topics": " ".join(sorted(endpoint.topics)),
        "active": endpoint.active,
        "created_at": endpoint.created_at,
        "description": endpoint.description or None,
        "previous_secret": endpoint.previous_secret,
        "previous_secret_expires_at": endpoint.previous_secret_expires_at,
        "disabled_at": endpoint.disabled_at,
        "disabled_reason": endpoint.disabled_reason,
        "failures_in_a_row": endpoint.failures_in_a_row,
        "failing_since": endpoint.failing_since,
        "coalesce_seconds": endpoint.coalesce_seconds,
        "contact_email": endpoint.contact_email,
        "payload_format": endpoint.payload_format.value,
    }


def _endpoint(row: Row[Any]) -> WebhookEndpoint:
    return WebhookEndpoint(
        id=row.id,
        merchant_id=row.merchant_id,
        url=row.url,
        secret=row.secret,
        topics=frozenset(row.topics.split()),
        created_at=row.created_at,
        active=bool(row.active),
        description=row.description or "",
        previous_secret=row.previous_secret,
        previous_secret_expires_at=row.previous_secret_expires_at,
        disabled_at=row.disabled_at,
        disabled_reason=row.disabled_reason,
        failures_in_a_row=row.failures_in_a_row,
        failing_since=row.failing_since,
        coalesce_seconds=row.coalesce_seconds,
        contact_email=row.contact_email,
        payload_format=WebhookFormat(row.payload_format),
    )


def _delivery_values(d: Delivery) -> dict[str, Any]:
    return {
        "id": d.id,
        "merchant_id": d.merchant_id,
        "message_id": d.message_id,
        "channel": d.channel.value,
        "target": d.target,
        "status": d.status.value,
        "attempts": d.attempts,
        "created_at": d.created_at,
        "next_attempt_at": d.next_attempt_at,
        "expires_at": d.expires_at,
        "last_attempt_at": d.last_attempt_at,
        "last_error": d.last_error,
        "last_status": d.last_status,
        "delivered_at": d.delivered_at,
        "coalesce_key": d.coalesce_key,
    }


def _delivery(row: Row[Any]) -> Delivery:
    values = row._mapping
    return Delivery(
        id=values["id"],
        merchant_id=values["merchant_id"],
        message_id=values["message_id"],
        channel=Channel(values["channel"]),
        target=values["target"],
        status=DeliveryStatus(values["status"]),
        created_at=values["created_at"],
        next_attempt_at=values["next_attempt_at"],
        expires_at=values["expires_at"],
        attempts=values["attempts"],
        last_attempt_at=values["last_attempt_at"],
        last_error=values["last_error"],
        last_status=values["last_status"],
        delivered_at=values["delivered_at"],
        coalesce_key=values["coalesce_key"],
    )


class SqlSubscriptionRepository:
    """``SubscriptionRepository`` over the ``subscriptions`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, subscription: Subscription) -> bool:
        stmt = insert_skipping_duplicates(
            self._conn.dialect.name, subscriptions, ("shipment_id", "channel", "address")
        )
        row = {
            "id": subscription.id,
            "merchant_id": subscription.merchant_id,
            "shipment_id": subscription.shipment_id,
            "channel": subscription.channel.value,
            "address": subscription.address,
            "locale": subscription.locale,
            "source": subscription.source,
            "created_at": subscription.created_at,
            "unsubscribed_at": subscription.unsubscribed_at,
        }
        return self._conn.execute(stmt, [row]).rowcount > 0

    def get(self, merchant_id: str, subscription_id: str) -> Subscription | None:
        row = self._conn.execute(
            select(subscriptions).where(
                subscriptions.c.merchant_id == merchant_id, subscriptions.c.id == subscription_id
            )
        ).first()
        return None if row is None else _subscription(row)

    def get_many(self, subscription_ids: Collection[str]) -> dict[str, Subscription]:
        ids = sorted(set(subscription_ids))
        found: dict[str, Subscription] = {}
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(subscriptions).where(subscriptions.c.id.in_(ids[start : start + _CHUNK]))
            )
            found.update({row.id: _subscription(row) for row in rows})
        return found

    def active_for(self, shipment_ids: Collection[str]) -> dict[str, list[Subscription]]:
        ids = sorted(set(shipment_ids))
        found: dict[str, list[Subscription]] = defaultdict(list)
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(subscriptions)
                .where(
                    subscriptions.c.shipment_id.in_(ids[start : start + _CHUNK]),
                    subscriptions.c.unsubscribed_at.is_(None),
                )
                .order_by(subscriptions.c.created_at, subscriptions.c.id)
            )
            for row in rows:
                found[row.shipment_id].append(_subscription(row))
        return dict(found)

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[Subscription]:
        rows = self._conn.execute(
            select(subscriptions)
            .where(
                subscriptions.c.merchant_id == merchant_id,
                subscriptions.c.shipment_id == shipment_id,
            )
            .order_by(subscriptions.c.created_at, subscriptions.c.id)
        )
        return [_subscription(row) for row in rows]

    def unsubscribe(self, subscription_id: str, at: datetime) -> bool:
        return (
            self._conn.execute(
                update(subscriptions)
                .where(
                    subscriptions.c.id == subscription_id,
                    subscriptions.c.unsubscribed_at.is_(None),
                )
                .values(unsubscribed_at=at)
            ).rowcount
            > 0
        )


class SqlNotificationRuleRepository:
    """``NotificationRuleRepository`` over the ``notification_rules`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, BuyerRule]]:
        ids = sorted(set(merchant_ids))
        found: dict[str, dict[str, BuyerRule]] = defaultdict(dict)
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(notification_rules).where(
                    notification_rules.c.merchant_id.in_(ids[start : start + _CHUNK])
                )
            )
            for row in rows:
                found[row.merchant_id][row.channel] = BuyerRule(
                    enabled=bool(row.enabled),
                    triggers=frozenset(Trigger(t) for t in row.triggers.split()),
                    quiet=QuietHours.parse(row.quiet_hours) if row.quiet_hours else None,
                )
        return dict(found)

    def put(self, merchant_id: str, channel: str, rule: BuyerRule, at: datetime) -> None:
        self._conn.execute(
            delete(notification_rules).where(
                notification_rules.c.merchant_id == merchant_id,
                notification_rules.c.channel == channel,
            )
        )
        self._conn.execute(
            insert(notification_rules).values(
                merchant_id=merchant_id,
                channel=channel,
                enabled=rule.enabled,
                triggers=" ".join(sorted(t.value for t in rule.triggers)),
                quiet_hours=rule.quiet.to_text() if rule.quiet else None,
                updated_at=at,
            )
        )


def _subscription(row: Row[Any]) -> Subscription:
    return Subscription(
        id=row.id,
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        channel=Channel(row.channel),
        address=row.address,
        source=row.source,
        created_at=row.created_at,
        locale=row.locale,
        unsubscribed_at=row.unsubscribed_at,
    )
