"""Reads: one shipment with its merged timeline, and listings. Reads never write.

A merged timeline is rebuilt from the stored events, which is the costly part of a read. The
last views are remembered per shipment and reused while the stored shipment record is
unchanged (its legs, state and ``updated_at`` compare equal: ingestion rewrites the state with
every stored event) and the view is younger than ``view_ttl``; the open dwell at the current
milestone is therefore at most ``view_ttl`` old.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.shipment import Shipment
from crosstrack.domain.timeline import Timeline, build_timeline
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Status
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import (
    BuyerRequest,
    Page,
    ShipmentFilter,
    StoredAlert,
    StoredEvent,
    Topic,
)

#: A shipment not delivered or returned with no event for this long is shown as ``expired``
#: (AfterShip's convention is 30 days).
EXPIRE_AFTER = timedelta(days=30)
MAX_PAGE = 200
VIEW_TTL = timedelta(seconds=5)
VIEW_CACHE_SIZE = 2048


@dataclass(frozen=True, slots=True)
class ShipmentView:
    """A shipment as read now: its record, its stored events and their merged timeline."""

    shipment: Shipment
    events: tuple[StoredEvent, ...]
    timeline: Timeline
    alerts: tuple[StoredAlert, ...] = ()
    """Every alert the shipment has had, open (``resolved_at`` unset) and resolved."""
    tracking_token: str | None = None
    """The key of its public tracking page and buyer requests."""
    buyer_requests: tuple[BuyerRequest, ...] = ()
    """Corrections and notes the buyer sent, oldest first."""


@dataclass(frozen=True, slots=True)
class TimelineRead:
    """A shipment with its merged timeline, its open alerts and its page token: what a
    listing that shows timelines needs (``Queries.timelines`` reads many at once)."""

    shipment: Shipment
    events: tuple[StoredEvent, ...]
    timeline: Timeline
    open_alerts: tuple[StoredAlert, ...]
    tracking_token: str | None

    @classmethod
    def of(cls, view: ShipmentView) -> TimelineRead:
        """The part of a full view that a listing shows."""
        open_alerts = tuple(a for a in view.alerts if a.resolved_at is None)
        return cls(view.shipment, view.events, view.timeline, open_alerts, view.tracking_token)


@dataclass(frozen=True, slots=True)
class EtaChange:
    """A delivery estimate as it was announced."""

    at: datetime
    estimate: DeliveryEstimate


class Queries:
    """Read use cases."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        expire_after: timedelta = EXPIRE_AFTER,
        view_ttl: timedelta = VIEW_TTL,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._expire_after = expire_after
        self._view_ttl = view_ttl
        self._views: OrderedDict[tuple[str, str], tuple[datetime, Shipment, ShipmentView]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def shipment(self, merchant_id: str, shipment_id: str) -> ShipmentView:
        """One of the merchant's shipments; another merchant's id is simply not found."""
        now = self._clock()
        key = (merchant_id, shipment_id)
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id)
            if shipment is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            cached = self._cached(key, shipment, now)
            if cached is not None:
                return cached
            events = uow.events.for_shipment(merchant_id, shipment_id)
            alerts = uow.alerts.for_shipment(merchant_id, shipment_id)
            token = uow.tracking_links.for_shipments(merchant_id, [shipment_id]).get(shipment_id)
            requests = uow.buyer_requests.for_shipment(merchant_id, shipment_id)
        timeline = build_timeline(
            [e.event for e in events], now=now, expire_after=self._expire_after
        )
        view = ShipmentView(
            self._expired(shipment),
            tuple(events),
            timeline,
            tuple(alerts),
            tracking_token=token,
            buyer_requests=tuple(requests),
        )
        with self._lock:
            self._views[key] = (now, shipment, view)
            self._views.move_to_end(key)
            while len(self._views) > VIEW_CACHE_SIZE:
                self._views.popitem(last=False)
        return view

    def timelines(self, merchant_id: str, shipments: Sequence[Shipment]) -> list[TimelineRead]:
        """The timelines of listed shipments (as ``shipments`` gives them), read in one
        look-up per table instead of one per shipment."""
        keys = [(merchant_id, s.id) for s in shipments]
        if not keys:
            return []
        now = self._clock()
        with self._uow() as uow:
            events = uow.events.for_shipments(keys)
            alerts = uow.alerts.open_for(keys)
            tokens = uow.tracking_links.for_shipments(merchant_id, [s.id for s in shipments])
        return [
            TimelineRead(
                shipment,
                tuple(events.get(key, ())),
                build_timeline(
                    [e.event for e in events.get(key, ())],
                    now=now,
                    expire_after=self._expire_after,
                ),
                tuple(alerts.get(key, ())),
                tokens.get(shipment.id),
            )
            for key, shipment in zip(keys, shipments, strict=True)
        ]

    def eta_history(self, merchant_id: str, shipment_id: str) -> list[EtaChange]:
        """Every delivery estimate the shipment was given, oldest first (from its
        ``shipment.eta_changed`` messages, read by merchant: another merchant's shipment has
        none)."""
        changes: list[EtaChange] = []
        cursor = None
        with self._uow() as uow:
            while True:
                batch = uow.outbox.after(
                    merchant_id, shipment_id=shipment_id, cursor=cursor, limit=500
                )
                changes += [
                    EtaChange(m.created_at, DeliveryEstimate.from_document(m.payload["eta"]))
                    for m in batch
                    if m.topic is Topic.ETA_CHANGED and m.payload.get("eta")
                ]
                if len(batch) < 500:
                    return changes
                cursor = (batch[-1].created_at, batch[-1].id)

    def shipments_by_id(
        self, merchant_id: str, shipment_ids: Collection[str]
    ) -> dict[str, Shipment]:
        """The merchant's shipments among these ids, in one look-up (others are absent)."""
        with self._uow() as uow:
            found = uow.shipments.get_many([(merchant_id, i) for i in shipment_ids])
        return {key[1]: shipment for key, shipment in found.items()}

    def _cached(
        self, key: tuple[str, str], shipment: Shipment, now: datetime
    ) -> ShipmentView | None:
        with self._lock:
            found = self._views.get(key)
        if found is None:
            return None
        built_at, record, view = found
        fresh = timedelta(0) <= now - built_at < self._view_ttl
        if not fresh or record != shipment:
            return None
        return replace(view, shipment=self._expired(shipment))

    def require(self, merchant_id: str, shipment_id: str) -> Shipment:
        """The merchant's shipment record alone (no events, no timeline); NotFound otherwise."""
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id)
        if shipment is None:
            raise NotFound(f"no shipment {shipment_id!r}")
        return shipment

    def shipments(
        self,
        merchant_id: str,
        filters: ShipmentFilter,
        *,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page[Shipment]:
        """The merchant's shipments, newest first."""
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidInput(f"limit must be between 1 and {MAX_PAGE}", field="limit")
        with self._uow() as uow:
            page = uow.shipments.list(merchant_id, filters, limit=limit, cursor=cursor)
        return Page(tuple(self._expired(s) for s in page.items), page.next_cursor)

    def count(self, merchant_id: str, filters: ShipmentFilter) -> int:
        """How many of the merchant's shipments a listing with ``filters`` holds in all."""
        with self._uow() as uow:
            return uow.shipments.count(merchant_id, filters)

    def _expired(self, shipment: Shipment) -> Shipment:
        """Show a silent, unfinished shipment as expired (its stored state is untouched)."""
        state = shipment.state
        last = state.last_event_at
        if (
            last is None
            or state.status in TERMINAL_STATUSES
            or self._clock() - last < self._expire_after
        ):
            return shipment
        return replace(shipment, state=replace(state, status=Status.EXPIRED))
