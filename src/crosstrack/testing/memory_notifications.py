"""In-memory webhook endpoints, subscriptions, rules and deliveries (the
``crosstrack.testing`` store's)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from crosstrack.domain.buyer_notifications import BuyerRule
from crosstrack.domain.delivery import Channel, DeliveryStatus
from crosstrack.services.records import Delivery, OutboxMessage, Subscription, WebhookEndpoint


class InMemoryWebhookEndpoints:
    def __init__(self, endpoints: dict[str, WebhookEndpoint]) -> None:
        self._e = endpoints

    def add(self, endpoint: WebhookEndpoint) -> None:
        self._e[endpoint.id] = endpoint

    def get(self, merchant_id: str, endpoint_id: str) -> WebhookEndpoint | None:
        found = self._e.get(endpoint_id)
        return found if found is not None and found.merchant_id == merchant_id else None

    def for_merchant(self, merchant_id: str) -> list[WebhookEndpoint]:
        mine = (e for e in self._e.values() if e.merchant_id == merchant_id)
        return sorted(mine, key=lambda e: (e.created_at, e.id))

    def active_for(self, merchant_ids: Collection[str]) -> dict[str, list[WebhookEndpoint]]:
        found: dict[str, list[WebhookEndpoint]] = defaultdict(list)
        for e in sorted(self._e.values(), key=lambda e: (e.created_at, e.id)):
            if e.merchant_id in merchant_ids and e.active:
                found[e.merchant_id].append(e)
        return dict(found)

    def get_many(self, endpoint_ids: Collection[str]) -> dict[str, WebhookEndpoint]:
        return {i: self._e[i] for i in endpoint_ids if i in self._e}

    def save(self, endpoint: WebhookEndpoint) -> None:
        if self.get(endpoint.merchant_id, endpoint.id) is not None:
            self._e[endpoint.id] = endpoint

    def delete(self, merchant_id: str, endpoint_id: str) -> bool:
        if self.get(merchant_id, endpoint_id) is None:
            return False
        del self._e[endpoint_id]
        return True


class InMemoryDeliveries:
    def __init__(self, items: dict[str, Delivery], outbox: Mapping[str, OutboxMessage]) -> None:
        self._d = items
        self._outbox = outbox

    def add_many(self, deliveries: Sequence[Delivery]) -> int:
        taken = {(d.message_id, d.channel, d.target) for d in self._d.values()}
        added = 0
        for d in deliveries:
            if (d.message_id, d.channel, d.target) not in taken:
                self._d[d.id] = d
                taken.add((d.message_id, d.channel, d.target))
                added += 1
        return added

    def supersede(self, coalesce_key: str, keep: str) -> int:
        count = 0
        for d in list(self._d.values()):
            if (
                d.coalesce_key == coalesce_key
                and d.status is DeliveryStatus.PENDING
                and d.attempts == 0
                and d.id != keep
            ):
                self._d[d.id] = replace(d, status=DeliveryStatus.SUPERSEDED)
                count += 1
        return count

    def claim_due(
        self,
        now: datetime,
        lease_until: datetime,
        limit: int,
        per_target: int,
        *,
        skip_targets: Collection[str] = (),
    ) -> list[tuple[Delivery, OutboxMessage]]:
        messages = {m.id: m for m in self._outbox.values()}
        due = sorted(
            (
                d
                for d in self._d.values()
                if d.status is DeliveryStatus.PENDING and d.next_attempt_at <= now
            ),
            key=lambda d: (d.next_attempt_at, d.id),
        )
        per: dict[str, int] = defaultdict(int)
        out: list[tuple[Delivery, OutboxMessage]] = []
        for d in due:
            if per[d.target] >= per_target or len(out) >= limit or d.target in skip_targets:
                continue
            per[d.target] += 1
            taken = replace(
                d, attempts=d.attempts + 1, last_attempt_at=now, next_attempt_at=lease_until
            )
            self._d[d.id] = taken
            out.append((taken, messages[d.message_id]))
        return out

    def save(self, delivery: Delivery) -> None:
        self._d[delivery.id] = delivery

    def get(self, merchant_id: str, delivery_id: str) -> Delivery | None:
        found = self._d.get(delivery_id)
        return found if found is not None and found.merchant_id == merchant_id else None

    def for_target(
        self,
        merchant_id: str,
        channel: Channel,
        target: str,
        *,
        status: DeliveryStatus | None,
        limit: int,
    ) -> list[Delivery]:
        mine = [
            d
            for d in self._d.values()
            if d.merchant_id == merchant_id
            and d.channel is channel
            and d.target == target
            and (status is None or d.status is status)
        ]
        return sorted(mine, key=lambda d: (d.created_at, d.id), reverse=True)[:limit]

    def told_since(self, targets: Collection[str], since: datetime) -> set[str]:
        return {
            d.target
            for d in self._d.values()
            if d.target in targets
            and d.created_at >= since
            and d.status is not DeliveryStatus.SUPERSEDED
        }

    def give_up_pending(self, channel: Channel, target: str, reason: str, at: datetime) -> int:
        count = 0
        for d in list(self._d.values()):
            if d.channel is channel and d.target == target and d.status is DeliveryStatus.PENDING:
                self._d[d.id] = replace(
                    d, status=DeliveryStatus.DEAD, last_error=reason, next_attempt_at=at
                )
                count += 1
        return count

    def dead(self, merchant_id: str | None, since: datetime, limit: int) -> list[Delivery]:
        found = [
            d
            for d in self._d.values()
            if d.status is DeliveryStatus.DEAD
            and d.created_at >= since
            and (merchant_id is None or d.merchant_id == merchant_id)
        ]
        return sorted(found, key=lambda d: (d.created_at, d.id))[:limit]


class InMemorySubscriptions:
    def __init__(self, items: dict[str, Subscription]) -> None:
        self._s = items

    def add(self, subscription: Subscription) -> bool:
        key = (subscription.shipment_id, subscription.channel, subscription.address)
        if any((s.shipment_id, s.channel, s.address) == key for s in self._s.values()):
            return False
        self._s[subscription.id] = subscription
        return True

    def get(self, merchant_id: str, subscription_id: str) -> Subscription | None:
        found = self._s.get(subscription_id)
        return found if found is not None and found.merchant_id == merchant_id else None

    def get_many(self, subscription_ids: Collection[str]) -> dict[str, Subscription]:
        return {i: self._s[i] for i in subscription_ids if i in self._s}

    def active_for(self, shipment_ids: Collection[str]) -> dict[str, list[Subscription]]:
        found: dict[str, list[Subscription]] = defaultdict(list)
        for s in sorted(self._s.values(), key=lambda s: (s.created_at, s.id)):
            if s.shipment_id in shipment_ids and s.unsubscribed_at is None:
                found[s.shipment_id].append(s)
        return dict(found)

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[Subscription]:
        mine = (
            s
            for s in self._s.values()
            if s.merchant_id == merchant_id and s.shipment_id == shipment_id
        )
        return sorted(mine, key=lambda s: (s.created_at, s.id))

    def unsubscribe(self, subscription_id: str, at: datetime) -> bool:
        found = self._s.get(subscription_id)
        if found is None or found.unsubscribed_at is not None:
            return False
        self._s[subscription_id] = replace(found, unsubscribed_at=at)
        return True


class InMemoryNotificationRules:
    def __init__(self, items: dict[tuple[str, str], BuyerRule]) -> None:
        self._r = items

    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, BuyerRule]]:
        found: dict[str, dict[str, BuyerRule]] = defaultdict(dict)
        for (merchant_id, channel), rule in self._r.items():
            if merchant_id in merchant_ids:
                found[merchant_id][channel] = rule
        return dict(found)

    def put(self, merchant_id: str, channel: str, rule: BuyerRule, at: datetime) -> None:
        self._r[(merchant_id, channel)] = rule
