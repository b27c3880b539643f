"""Messages to buyers: which subscriptions a change reaches (fan-out), and what the message
says when it is sent (written from the shipment as it is then, so a coalesced message is
up to date).

The rules are in ``domain/buyer_notifications.py``; the channels (email, SMS) are adapters
behind ``BuyerChannel``. A subscription's delivery targets the subscription id, never the
address: the deliveries table holds no contact data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crosstrack.domain.buyer_notifications import (
    BUYER_COALESCE,
    DEFAULT_RULES,
    ETA_NEWS_GAP,
    BuyerRule,
    Trigger,
    send_at,
    triggers_of,
)
from crosstrack.domain.delivery import GIVE_UP_AFTER, Channel, DeliveryStatus
from crosstrack.domain.shipment import Shipment
from crosstrack.services.links import Links
from crosstrack.services.ports import IdFactory, UnitOfWork
from crosstrack.services.records import (
    BuyerUpdate,
    Delivery,
    OutboxMessage,
    StoredAlert,
    StoredEvent,
    Subscription,
    UpdateLine,
)

TIMELINE_LINES = 5


def rule_for(
    rules: Mapping[str, Mapping[str, BuyerRule]], merchant_id: str, channel: str
) -> BuyerRule:
    """The merchant's rule for ``channel``, or the default."""
    return rules.get(merchant_id, {}).get(channel) or DEFAULT_RULES[channel]


def buyer_deliveries(
    uow: UnitOfWork,
    messages: Sequence[OutboxMessage],
    channels: Sequence[Channel],
    *,
    ids: IdFactory,
    now: datetime,
) -> list[Delivery]:
    """The deliveries of ``messages`` to the subscribed buyers, on the ``channels`` this
    installation can send, per each merchant's rules and each buyer's quiet hours."""
    about = [
        m for m in messages if m.shipment_id is not None and triggers_of(m.topic.value, m.payload)
    ]
    if not about or not channels:
        return []
    subscribed = uow.subscriptions.active_for({m.shipment_id for m in about if m.shipment_id})
    if not subscribed:
        return []
    rules = uow.notification_rules.for_merchants({m.merchant_id for m in about})
    shipments = uow.shipments.get_many(
        [(m.merchant_id, m.shipment_id) for m in about if m.shipment_id in subscribed]
    )
    # Subscriptions sent something lately (one query): a moved date alone is not news to them.
    told = uow.deliveries.told_since(
        [s.id for subs in subscribed.values() for s in subs], now - ETA_NEWS_GAP
    )
    out: list[Delivery] = []
    for message in about:
        shipment = shipments.get((message.merchant_id, message.shipment_id or ""))
        if shipment is None:
            continue
        triggers = triggers_of(message.topic.value, message.payload)
        for subscription in subscribed.get(shipment.id, []):
            if subscription.channel not in channels:
                continue
            rule = rule_for(rules, message.merchant_id, subscription.channel.value)
            matched = triggers & rule.triggers
            if not rule.enabled or not matched:
                continue
            if matched == {Trigger.ETA_MOVED} and subscription.id in told:
                continue
            told.add(subscription.id)
            due = send_at(message.created_at + BUYER_COALESCE, _zone(shipment), rule.quiet)
            out.append(
                Delivery(
                    id=ids(),
                    merchant_id=message.merchant_id,
                    message_id=message.id,
                    channel=subscription.channel,
                    target=subscription.id,
                    status=DeliveryStatus.PENDING,
                    created_at=now,
                    next_attempt_at=max(due, now),
                    expires_at=now + GIVE_UP_AFTER,
                    coalesce_key=f"buyer:{subscription.id}",
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class Addressed:
    """A buyer message ready to send: where to, and what."""

    to: str
    update: BuyerUpdate


def prepare_buyer_messages(
    uow: UnitOfWork,
    claimed: Sequence[tuple[Delivery, OutboxMessage]],
    links: Links,
) -> dict[str, Addressed | None]:
    """Delivery id -> the message to send (``None``: unsubscribed or gone since), read in the
    claim's transaction."""
    buyer = [(d, m) for d, m in claimed if d.channel is not Channel.WEBHOOK]
    if not buyer:
        return {}
    subscriptions = uow.subscriptions.get_many({d.target for d, _ in buyer})
    keys = sorted(
        {
            (s.merchant_id, s.shipment_id)
            for s in subscriptions.values()
            if s.unsubscribed_at is None
        }
    )
    shipments = uow.shipments.get_many(keys)
    events = uow.events.for_shipments(keys)
    alerts = uow.alerts.open_for(keys)
    tokens: dict[str, str] = {}
    names: dict[str, str] = {}
    for merchant_id in {k[0] for k in keys}:
        tokens.update(
            uow.tracking_links.for_shipments(merchant_id, [s for m, s in keys if m == merchant_id])
        )
        merchant = uow.merchants.get(merchant_id)
        names[merchant_id] = merchant.name if merchant else ""
    out: dict[str, Addressed | None] = {}
    for delivery, message in buyer:
        subscription = subscriptions.get(delivery.target)
        key = (subscription.merchant_id, subscription.shipment_id) if subscription else None
        shipment = shipments.get(key) if key else None
        if subscription is None or subscription.unsubscribed_at is not None or shipment is None:
            out[delivery.id] = None
            continue
        out[delivery.id] = Addressed(
            to=subscription.address,
            update=compose(
                message,
                shipment,
                subscription,
                merchant_name=names.get(subscription.merchant_id, ""),
                events=events.get(key, []) if key else [],
                open_alerts=alerts.get(key, []) if key else [],
                tracking_url=links.tracking_page(tokens.get(shipment.id, "")),
                unsubscribe_url=links.unsubscribe(subscription.id),
            ),
        )
    return out


def compose(
    message: OutboxMessage,
    shipment: Shipment,
    subscription: Subscription,
    *,
    merchant_name: str,
    events: Sequence[StoredEvent],
    open_alerts: Sequence[StoredAlert],
    tracking_url: str,
    unsubscribe_url: str,
) -> BuyerUpdate:
    """What the buyer is told: the shipment now, the latest message's topic, the open alert
    that matters most, the last few events in local time."""
    state = shipment.state
    alert = _most_urgent(open_alerts)
    buyer = shipment.buyer
    locale = subscription.locale or (buyer.locale if buyer else None) or "en"
    eta = state.eta
    return BuyerUpdate(
        locale=locale,
        merchant_name=merchant_name,
        order_ref=shipment.order_ref,
        topic=message.topic.value,
        status=state.status.value,
        milestone=state.milestone.value,
        tracking_url=tracking_url,
        unsubscribe_url=unsubscribe_url,
        eta_from=eta.p10 if eta else None,
        eta_to=eta.p90 if eta else None,
        alert_kind=alert.kind.value if alert else None,
        buyer_action=alert.actions.buyer if alert else None,
        timeline=_lines(events, _zone(shipment)),
    )


def _lines(events: Sequence[StoredEvent], zone: ZoneInfo | None) -> tuple[UpdateLine, ...]:
    timed = sorted(
        (e.event for e in events if e.event.occurred_at is not None),
        key=lambda event: event.occurred_at or datetime.min.replace(tzinfo=UTC),
        reverse=True,
    )[:TIMELINE_LINES]
    lines = []
    for event in timed:
        at = event.occurred_at
        assert at is not None
        if event.utc_offset_minutes is not None:
            local = at.astimezone(timezone(timedelta(minutes=event.utc_offset_minutes)))
        else:
            local = at.astimezone(zone) if zone else at
        place = ", ".join(p for p in (event.location.city, event.location.country) if p) or None
        lines.append(UpdateLine(f"{local:%Y-%m-%d %H:%M}", event.raw.description, place))
    return tuple(lines)


def _most_urgent(alerts: Sequence[StoredAlert]) -> StoredAlert | None:
    order = {"high": 0, "medium": 1, "low": 2}
    ranked = sorted(alerts, key=lambda a: (order.get(a.severity.value, 3), a.opened_at))
    return ranked[0] if ranked else None


def _zone(shipment: Shipment) -> ZoneInfo | None:
    name = shipment.buyer.timezone if shipment.buyer else None
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
