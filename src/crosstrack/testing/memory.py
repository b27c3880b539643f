"""An in-memory unit of work and repositories implementing the service ports.

A unit of work works on a copy of the store and writes it back on ``commit``, so leaving the
block without committing (or raising) changes nothing, as a database transaction would.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import TracebackType
from typing import Any, Self

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.buyer_notifications import BuyerRule
from crosstrack.domain.lane_norms import Norm
from crosstrack.domain.shipment import (
    BuyerContact,
    Endpoint,
    Shipment,
    ShipmentLeg,
    ShipmentState,
)
from crosstrack.domain.vocabulary import TERMINAL_STATUSES
from crosstrack.services.records import (
    AlertNote,
    AlertState,
    AnyOf,
    ApiKey,
    Branding,
    BuyerRequest,
    CompatTracking,
    Delivery,
    IdempotentResponse,
    LegTarget,
    LegWeight,
    Merchant,
    OutboxMessage,
    Page,
    PollState,
    QuarantinedPayload,
    ShipmentChanges,
    ShipmentFilter,
    ShippingRate,
    StoredAlert,
    StoredDisruption,
    StoredEvent,
    Subscription,
    TrackingLink,
    WebhookEndpoint,
)
from crosstrack.testing.memory_analytics import AnalyticsData, InMemoryAnalytics
from crosstrack.testing.memory_notifications import (
    InMemoryDeliveries,
    InMemoryNotificationRules,
    InMemorySubscriptions,
    InMemoryWebhookEndpoints,
)
from crosstrack.testing.memory_polling import (
    InMemoryPollRepository,
    InMemoryQuarantineRepository,
    fresh_poll_state,
)


@dataclass
class _Data:
    merchants: dict[str, Merchant] = field(default_factory=dict)
    api_keys: dict[str, ApiKey] = field(default_factory=dict)
    shipments: dict[str, Shipment] = field(default_factory=dict)
    events: dict[str, list[StoredEvent]] = field(default_factory=dict)
    outbox: dict[str, OutboxMessage] = field(default_factory=dict)
    idempotency: dict[tuple[str, str], IdempotentResponse] = field(default_factory=dict)
    polls: dict[str, PollState] = field(default_factory=dict)
    quarantine: list[QuarantinedPayload] = field(default_factory=list)
    alerts: dict[str, StoredAlert] = field(default_factory=dict)
    tracking_links: dict[str, TrackingLink] = field(default_factory=dict)
    checked: dict[str, datetime] = field(default_factory=dict)
    lane_norms: list[Norm] = field(default_factory=list)
    norms_computed_at: datetime | None = None
    lane_disruptions: dict[str, StoredDisruption] = field(default_factory=dict)
    webhook_endpoints: dict[str, WebhookEndpoint] = field(default_factory=dict)
    dispatched: set[str] = field(default_factory=set)
    """Ids of outbox messages fanned out."""
    deliveries: dict[str, Delivery] = field(default_factory=dict)
    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    notification_rules: dict[tuple[str, str], BuyerRule] = field(default_factory=dict)
    branding: dict[str, Branding] = field(default_factory=dict)
    shipping_rates: dict[str, list[ShippingRate]] = field(default_factory=dict)
    alert_notes: list[AlertNote] = field(default_factory=list)
    alert_settings: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    """Shipment id -> when its estimate and alerts were worked out (while it is going)."""
    buyer_requests: dict[str, BuyerRequest] = field(default_factory=dict)
    analytics: AnalyticsData = field(default_factory=AnalyticsData)
    compat_trackings: dict[str, CompatTracking] = field(default_factory=dict)
    """Shipment id -> the AfterShip-compatible API's fields of it."""


class InMemoryStore:
    """The data every unit of work made from it shares (one "database")."""

    def __init__(self) -> None:
        self.data = _Data()
        self.commits = 0

    def unit_of_work(self) -> InMemoryUnitOfWork:
        """A ``UnitOfWorkFactory``: pass ``store.unit_of_work`` to the services."""
        return InMemoryUnitOfWork(self)


class InMemoryUnitOfWork:
    """A transaction over an :class:`InMemoryStore`."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._data = _Data()
        self._bind()

    def _bind(self) -> None:
        self.merchants = _Merchants(self._data)
        self.api_keys = _ApiKeys(self._data)
        self.shipments = _Shipments(self._data)
        self.events = _Events(self._data)
        self.outbox = _Outbox(self._data)
        self.idempotency = _Idempotency(self._data)
        self.polls = InMemoryPollRepository(self._data.polls, self._data.shipments)
        self.quarantine = InMemoryQuarantineRepository(self._data.quarantine)
        self.alerts = _Alerts(self._data)
        self.tracking_links = _TrackingLinks(self._data)
        self.buyer_requests = _BuyerRequests(self._data)
        self.lane_norms = _LaneNorms(self._data)
        self.alert_settings = _AlertSettings(self._data)
        self.lane_disruptions = _LaneDisruptions(self._data)
        self.webhook_endpoints = InMemoryWebhookEndpoints(self._data.webhook_endpoints)
        self.deliveries = InMemoryDeliveries(self._data.deliveries, self._data.outbox)
        self.subscriptions = InMemorySubscriptions(self._data.subscriptions)
        self.notification_rules = InMemoryNotificationRules(self._data.notification_rules)
        self.branding = _Branding(self._data.branding)
        self.shipping_rates = _ShippingRates(self._data.shipping_rates)
        self.alert_notes = _AlertNotes(self._data)
        self.analytics = InMemoryAnalytics(self._data.analytics)
        self.compat_trackings = _CompatTrackings(self._data)

    def __enter__(self) -> Self:
        self._data = copy.copy(self._store.data)
        for name in vars(self._data):
            setattr(self._data, name, copy.copy(getattr(self._data, name)))
        self._data.events = {k: list(v) for k, v in self._data.events.items()}
        self._bind()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._store.data = self._data
        self._store.commits += 1
        self.__enter__()

    def rollback(self) -> None:
        self.__enter__()


class _Merchants:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, merchant: Merchant) -> None:
        self._d.merchants[merchant.id] = merchant

    def get(self, merchant_id: str) -> Merchant | None:
        return self._d.merchants.get(merchant_id)

    def by_name(self, name: str) -> Merchant | None:
        return next((m for m in self._d.merchants.values() if m.name == name), None)

    def all_ids(self) -> list[str]:
        ordered = sorted(self._d.merchants.values(), key=lambda m: (m.created_at, m.id))
        return [m.id for m in ordered]


class _ApiKeys:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, key: ApiKey) -> None:
        self._d.api_keys[key.key_hash] = key

    def by_hash(self, key_hash: str) -> ApiKey | None:
        return self._d.api_keys.get(key_hash)

    def for_merchant(self, merchant_id: str) -> list[ApiKey]:
        mine = [k for k in self._d.api_keys.values() if k.merchant_id == merchant_id]
        return sorted(mine, key=lambda k: (k.created_at, k.id))

    def revoke(self, merchant_id: str, key_id: str, at: datetime) -> ApiKey | None:
        for digest, key in self._d.api_keys.items():
            if key.merchant_id == merchant_id and key.id == key_id:
                if key.revoked_at is None:
                    self._d.api_keys[digest] = replace(key, revoked_at=at)
                return self._d.api_keys[digest]
        return None


class _Shipments:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, shipment: Shipment) -> None:
        self._d.shipments[shipment.id] = shipment
        self._check(shipment.id, shipment.state, shipment.updated_at)
        for leg in shipment.legs:
            self._d.polls[leg.id] = fresh_poll_state(leg, shipment.created_at)

    def get(
        self, merchant_id: str, shipment_id: str, *, for_update: bool = False
    ) -> Shipment | None:
        found = self._d.shipments.get(shipment_id)
        return found if found is not None and found.merchant_id == merchant_id else None

    def get_many(
        self, keys: Sequence[tuple[str, str]], *, for_update: bool = False
    ) -> dict[tuple[str, str], Shipment]:
        found = {key: self.get(*key) for key in keys}
        return {key: s for key, s in found.items() if s is not None}

    def find_by_reference(
        self, merchant_id: str, order_ref: str, tracking_number: str
    ) -> Shipment | None:
        return next(
            (
                s
                for s in self._d.shipments.values()
                if s.merchant_id == merchant_id
                and s.order_ref == order_ref
                and any(leg.tracking_number == tracking_number for leg in s.legs)
            ),
            None,
        )

    def by_order_ref(self, order_ref: str, limit: int) -> list[Shipment]:
        found = [s for s in self._d.shipments.values() if s.order_ref == order_ref]
        return found[:limit]

    def targets(self, tracking_numbers: Collection[str]) -> list[LegTarget]:
        wanted = set(tracking_numbers)
        return [
            LegTarget(s.merchant_id, s.id, leg.tracking_number, leg.carrier)
            for s in sorted(self._d.shipments.values(), key=lambda s: (s.created_at, s.id))
            for leg in s.legs
            if leg.tracking_number in wanted
        ]

    def _alerted(self, shipment_id: str, filters: ShipmentFilter) -> bool:
        wanted = filters.open_alert
        if wanted is None:
            return True
        kinds = _open_alert_kinds(self._d, shipment_id)
        return bool(kinds) if wanted == "any" else wanted in kinds

    def count(self, merchant_id: str, filters: ShipmentFilter) -> int:
        return sum(
            1
            for s in self._d.shipments.values()
            if s.merchant_id == merchant_id and _fits(s, filters) and self._alerted(s.id, filters)
        )

    def list(
        self, merchant_id: str, filters: ShipmentFilter, *, limit: int, cursor: str | None = None
    ) -> Page[Shipment]:
        rows = sorted(
            (
                s
                for s in self._d.shipments.values()
                if s.merchant_id == merchant_id
                and _fits(s, filters)
                and self._alerted(s.id, filters)
            ),
            key=lambda s: (s.created_at, s.id),
            reverse=True,
        )
        if cursor is not None:
            rows = [
                s for s in rows if (s.created_at.isoformat(), s.id) < tuple(cursor.split("|", 1))
            ]
        page = rows[:limit]
        more = len(rows) > limit
        next_cursor = f"{page[-1].created_at.isoformat()}|{page[-1].id}" if more and page else None
        return Page(tuple(page), next_cursor)

    def save_state(
        self, merchant_id: str, shipment_id: str, state: ShipmentState, updated_at: datetime
    ) -> None:
        found = self.get(merchant_id, shipment_id)
        if found is not None:
            self._d.shipments[shipment_id] = replace(found, state=state, updated_at=updated_at)
            self._check(shipment_id, state, updated_at)

    def _check(self, shipment_id: str, state: ShipmentState, at: datetime) -> None:
        if state.status in TERMINAL_STATUSES:
            self._d.checked.pop(shipment_id, None)
        else:
            self._d.checked[shipment_id] = at

    def save_states(
        self, states: Sequence[tuple[str, str, ShipmentState]], updated_at: datetime
    ) -> None:
        for merchant_id, shipment_id, state in states:
            self.save_state(merchant_id, shipment_id, state, updated_at)

    def due_for_sweep(self, before: datetime, limit: int) -> Sequence[tuple[str, str]]:
        due = sorted(
            (at, shipment_id, self._d.shipments[shipment_id].merchant_id)
            for shipment_id, at in self._d.checked.items()
            if at < before
        )
        return [(merchant_id, shipment_id) for _, shipment_id, merchant_id in due[:limit]]

    def add_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None:
        found = self.get(merchant_id, shipment_id)
        if found is not None:
            self._d.shipments[shipment_id] = replace(
                found, legs=(*found.legs, leg), updated_at=updated_at
            )
            self._d.polls[leg.id] = fresh_poll_state(leg, updated_at)

    def update_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None:
        found = self.get(merchant_id, shipment_id)
        if found is not None:
            before = next((old for old in found.legs if old.id == leg.id), None)
            if before is not None and (leg.carrier is None or before.carrier != leg.carrier):
                self._d.polls[leg.id] = fresh_poll_state(leg, updated_at)
            legs = tuple(leg if old.id == leg.id else old for old in found.legs)
            self._d.shipments[shipment_id] = replace(found, legs=legs, updated_at=updated_at)

    def save_leg_weights(self, weights: Sequence[LegWeight], updated_at: datetime) -> None:
        for item in weights:
            found = self.get(item.merchant_id, item.shipment_id)
            if found is not None and any(leg.id == item.leg_id for leg in found.legs):
                legs = tuple(
                    replace(leg, weight=item.weight) if leg.id == item.leg_id else leg
                    for leg in found.legs
                )
                self._d.shipments[found.id] = replace(found, legs=legs, updated_at=updated_at)

    def archive(self, merchant_id: str, shipment_id: str, at: datetime) -> bool:
        found = self.get(merchant_id, shipment_id)
        if found is None:
            return False
        self._d.shipments[shipment_id] = replace(found, archived_at=at, updated_at=at)
        self._d.checked.pop(shipment_id, None)
        return True

    def delete(self, merchant_id: str, shipment_id: str) -> bool:
        if self.get(merchant_id, shipment_id) is None:
            return False
        facts = self._d.analytics.facts.get(shipment_id)
        if facts is not None:
            InMemoryAnalytics(self._d.analytics).forget(merchant_id, shipment_id, facts.as_of)
        for leg in self._d.shipments.pop(shipment_id).legs:
            self._d.polls.pop(leg.id, None)
        self._d.events.pop(shipment_id, None)
        self._d.checked.pop(shipment_id, None)
        self._d.compat_trackings.pop(shipment_id, None)
        return True

    def amend(
        self, merchant_id: str, shipment_id: str, changes: ShipmentChanges, at: datetime
    ) -> None:
        found = self.get(merchant_id, shipment_id)
        if found is None:
            return
        self._d.shipments[shipment_id] = replace(
            found,
            origin=changes.origin or found.origin,
            destination=changes.destination or found.destination,
            promised_date=changes.promised_date or found.promised_date,
            buyer=changes.buyer or found.buyer,
            service=changes.service or found.service,
            updated_at=at,
        )

    def correct_buyer(
        self,
        merchant_id: str,
        shipment_id: str,
        *,
        phone: str | None,
        destination: Endpoint | None,
        at: datetime,
    ) -> None:
        found = self.get(merchant_id, shipment_id)
        if found is None:
            return
        buyer = found.buyer or BuyerContact()
        self._d.shipments[shipment_id] = replace(
            found,
            buyer=replace(buyer, phone=phone) if phone is not None else found.buyer,
            destination=destination or found.destination,
            updated_at=at,
        )


def _open_alert_kinds(data: _Data, shipment_id: str) -> set[str]:
    return {
        a.kind.value
        for a in data.alerts.values()
        if a.shipment_id == shipment_id and a.resolved_at is None
    }


def _fits(s: Shipment, f: ShipmentFilter) -> bool:
    checks = (
        f.include_archived or s.archived_at is None,
        f.status is None or s.state.status is f.status,
        f.milestone is None or s.state.milestone is f.milestone,
        f.carrier is None or any(leg.carrier == f.carrier for leg in s.legs),
        f.origin_country is None or (s.origin is not None and s.origin.country == f.origin_country),
        f.destination_country is None
        or (s.destination is not None and s.destination.country == f.destination_country),
        f.order_ref is None or s.order_ref == f.order_ref,
        f.tracking_number is None
        or any(leg.tracking_number == f.tracking_number for leg in s.legs),
        f.created_from is None or s.created_at >= f.created_from,
        f.created_to is None or s.created_at < f.created_to,
        f.updated_from is None or s.updated_at >= f.updated_from,
        f.updated_to is None or s.updated_at < f.updated_to,
        f.promised_before is None
        or (s.promised_date is not None and s.promised_date < f.promised_before),
        f.any_of is None or _fits_any_of(s, f.any_of),
    )
    return all(checks)


def _fits_any_of(s: Shipment, a: AnyOf) -> bool:
    origin = s.origin.country if s.origin else None
    destination = s.destination.country if s.destination else None
    checks = (
        a.statuses is None or s.state.status in a.statuses,
        a.origin_countries is None or origin in a.origin_countries,
        a.destination_countries is None or destination in a.destination_countries,
        a.order_refs is None or s.order_ref in a.order_refs,
        a.carriers is None or any(leg.carrier in a.carriers for leg in s.legs),
        a.tracking_numbers is None
        or any(leg.tracking_number in a.tracking_numbers for leg in s.legs),
    )
    return all(checks)


class _Events:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add_many(self, events: Sequence[StoredEvent]) -> int:
        added = 0
        for event in events:
            stored = self._d.events.setdefault(event.shipment_id, [])
            if any(e.fingerprint == event.fingerprint for e in stored):
                continue
            stored.append(event)
            added += 1
        return added

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredEvent]:
        return [e for e in self._d.events.get(shipment_id, []) if e.merchant_id == merchant_id]

    def for_shipments(
        self, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], list[StoredEvent]]:
        return {key: self.for_shipment(*key) for key in keys}


class _Outbox:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add_many(self, messages: Sequence[OutboxMessage]) -> int:
        added = 0
        for message in messages:
            if message.idempotency_key not in self._d.outbox:
                self._d.outbox[message.idempotency_key] = message
                added += 1
        return added

    def mark_dispatched(self, message_ids: Sequence[str], at: datetime) -> None:
        self._d.dispatched.update(message_ids)

    def pending(self, limit: int) -> list[OutboxMessage]:
        waiting = (m for m in self._d.outbox.values() if m.id not in self._d.dispatched)
        return sorted(waiting, key=lambda m: (m.created_at, m.id))[:limit]

    def after(
        self,
        merchant_id: str,
        *,
        shipment_id: str | None,
        cursor: tuple[datetime, str] | None,
        limit: int,
    ) -> list[OutboxMessage]:
        mine = sorted(
            (
                m
                for m in self._d.outbox.values()
                if m.merchant_id == merchant_id
                and (shipment_id is None or m.shipment_id == shipment_id)
                and (cursor is None or (m.created_at, m.id) > cursor)
            ),
            key=lambda m: (m.created_at, m.id),
        )
        return mine[:limit]


class _Alerts:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add_many(self, items: Sequence[StoredAlert]) -> int:
        added = 0
        for alert in items:
            taken = any(
                a.shipment_id == alert.shipment_id and a.cause == alert.cause
                for a in self._d.alerts.values()
            )
            if not taken:
                self._d.alerts[alert.id] = alert
                added += 1
        return added

    def open_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[StoredAlert]]:
        found: dict[tuple[str, str], list[StoredAlert]] = {key: [] for key in keys}
        for alert in sorted(self._d.alerts.values(), key=lambda a: (a.opened_at, a.id)):
            key = (alert.merchant_id, alert.shipment_id)
            if key in found and alert.resolved_at is None:
                found[key].append(alert)
        return found

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredAlert]:
        return sorted(
            (
                a
                for a in self._d.alerts.values()
                if a.merchant_id == merchant_id and a.shipment_id == shipment_id
            ),
            key=lambda a: (a.opened_at, a.id),
        )

    def get(self, merchant_id: str, alert_id: str) -> StoredAlert | None:
        found = self._d.alerts.get(alert_id)
        return found if found is not None and found.merchant_id == merchant_id else None

    def queue(
        self,
        merchant_id: str,
        *,
        state: AlertState,
        kind: AlertKind | None,
        limit: int,
        include_folded: bool = False,
    ) -> list[StoredAlert]:
        mine = [
            a
            for a in self._d.alerts.values()
            if a.merchant_id == merchant_id
            and (include_folded or a.lane_disruption_id is None)
            and (kind is None or a.kind is kind)
            and (state is AlertState.ALL or (state is AlertState.OPEN) == (a.resolved_at is None))
        ]
        mine.sort(key=lambda a: (a.opened_at, a.id), reverse=state is not AlertState.OPEN)
        return mine[:limit]

    def save(self, alert: StoredAlert) -> None:
        found = self._d.alerts.get(alert.id)
        if found is not None and found.merchant_id == alert.merchant_id:
            self._d.alerts[alert.id] = replace(
                found,
                acknowledged_at=alert.acknowledged_at,
                assigned_to=alert.assigned_to,
                resolved_at=alert.resolved_at,
            )

    def folded(self, merchant_id: str, disruption_ids: Sequence[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for a in self._d.alerts.values():
            if (
                a.merchant_id == merchant_id
                and a.resolved_at is None
                and a.lane_disruption_id in disruption_ids
                and a.lane_disruption_id is not None
            ):
                counts[a.lane_disruption_id] = counts.get(a.lane_disruption_id, 0) + 1
        return counts

    def resolve(self, alert_ids: Sequence[str], at: datetime) -> None:
        for alert_id in alert_ids:
            alert = self._d.alerts.get(alert_id)
            if alert is not None and alert.resolved_at is None:
                self._d.alerts[alert_id] = replace(alert, resolved_at=at)


class _TrackingLinks:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, link: TrackingLink) -> None:
        self._d.tracking_links[link.token] = link

    def find(self, token: str) -> TrackingLink | None:
        return self._d.tracking_links.get(token)

    def for_shipments(self, merchant_id: str, shipment_ids: Collection[str]) -> dict[str, str]:
        wanted = set(shipment_ids)
        links = sorted(self._d.tracking_links.values(), key=lambda link: link.created_at)
        return {
            link.shipment_id: link.token
            for link in reversed(links)
            if link.merchant_id == merchant_id and link.shipment_id in wanted
        }


class _BuyerRequests:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, request: BuyerRequest) -> None:
        self._d.buyer_requests[request.id] = request

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[BuyerRequest]:
        return sorted(
            (
                r
                for r in self._d.buyer_requests.values()
                if r.merchant_id == merchant_id and r.shipment_id == shipment_id
            ),
            key=lambda r: (r.created_at, r.id),
        )


class _LaneNorms:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def replace_all(self, norms: Sequence[Norm], at: datetime) -> None:
        self._d.lane_norms = list(norms)
        self._d.norms_computed_at = at

    def all(self) -> list[Norm]:
        return list(self._d.lane_norms)

    def computed_at(self) -> datetime | None:
        return self._d.norms_computed_at


class _LaneDisruptions:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def current(self, since: date) -> list[StoredDisruption]:
        return sorted(
            (
                d
                for d in self._d.lane_disruptions.values()
                if d.ended_on is None or d.ended_on >= since
            ),
            key=lambda d: (d.raised_on, d.id),
        )

    def add(self, disruption: StoredDisruption) -> None:
        self._d.lane_disruptions[disruption.id] = disruption

    def save(self, disruption: StoredDisruption) -> None:
        self._d.lane_disruptions[disruption.id] = disruption


class _AlertSettings:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, dict[str, Any]]]:
        found: dict[str, dict[str, dict[str, Any]]] = {}
        for (merchant_id, lane), settings in self._d.alert_settings.items():
            if merchant_id in merchant_ids:
                found.setdefault(merchant_id, {})[lane] = dict(settings)
        return found

    def put(self, merchant_id: str, lane: str, settings: Mapping[str, Any], at: datetime) -> None:
        self._d.alert_settings[(merchant_id, lane)] = dict(settings)

    def delete(self, merchant_id: str, lane: str) -> bool:
        return self._d.alert_settings.pop((merchant_id, lane), None) is not None


class _Branding:
    def __init__(self, items: dict[str, Branding]) -> None:
        self._b = items

    def get(self, merchant_id: str) -> Branding | None:
        return self._b.get(merchant_id)

    def put(self, branding: Branding) -> None:
        self._b[branding.merchant_id] = branding


class _ShippingRates:
    def __init__(self, items: dict[str, list[ShippingRate]]) -> None:
        self._r = items

    def for_merchant(self, merchant_id: str) -> list[ShippingRate]:
        return list(self._r.get(merchant_id, []))

    def replace(self, merchant_id: str, rates: Sequence[ShippingRate]) -> None:
        self._r[merchant_id] = list(rates)


class _AlertNotes:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def add(self, note: AlertNote) -> None:
        self._d.alert_notes = [*self._d.alert_notes, note]

    def for_alerts(self, merchant_id: str, alert_ids: Sequence[str]) -> dict[str, list[AlertNote]]:
        wanted = set(alert_ids)
        found: dict[str, list[AlertNote]] = {}
        for note in sorted(self._d.alert_notes, key=lambda n: (n.created_at, n.id)):
            if note.merchant_id == merchant_id and note.alert_id in wanted:
                found.setdefault(note.alert_id, []).append(note)
        return found


class _CompatTrackings:
    """Like ``SqlCompatTrackingRepository``: fields go through JSON (a copy, tuples become
    lists), and a row is only made or replaced for a shipment of the same merchant."""

    def __init__(self, data: _Data) -> None:
        self._d = data

    def get_many(
        self, merchant_id: str, shipment_ids: Collection[str]
    ) -> dict[str, CompatTracking]:
        found = (self._d.compat_trackings.get(i) for i in set(shipment_ids))
        return {
            t.shipment_id: replace(t, fields=_json_copy(t.fields))
            for t in found
            if t is not None and t.merchant_id == merchant_id
        }

    def put(self, tracking: CompatTracking) -> None:
        owner = self._d.shipments.get(tracking.shipment_id)
        if owner is None or owner.merchant_id != tracking.merchant_id:
            return
        self._d.compat_trackings[tracking.shipment_id] = replace(
            tracking, fields=_json_copy(tracking.fields)
        )


def _json_copy(value: Mapping[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(dict(value)))
    return copied


class _Idempotency:
    def __init__(self, data: _Data) -> None:
        self._d = data

    def get(self, merchant_id: str, key: str) -> IdempotentResponse | None:
        return self._d.idempotency.get((merchant_id, key))

    def put(self, response: IdempotentResponse) -> None:
        self._d.idempotency[(response.merchant_id, response.key)] = response
