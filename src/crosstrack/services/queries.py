"""Reads: one shipment with its merged timeline, and listings. Reads never write."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from crosstrack.domain.shipment import Shipment
from crosstrack.domain.timeline import Timeline, build_timeline
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Status
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import Page, ShipmentFilter, StoredEvent

#: A shipment not delivered or returned with no event for this long is shown as ``expired``
#: (AfterShip's convention is 30 days).
EXPIRE_AFTER = timedelta(days=30)
MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class ShipmentView:
    """A shipment as read now: its record, its stored events and their merged timeline."""

    shipment: Shipment
    events: tuple[StoredEvent, ...]
    timeline: Timeline


class Queries:
    """Read use cases."""

    def __init__(
        self, *, uow: UnitOfWorkFactory, clock: Clock, expire_after: timedelta = EXPIRE_AFTER
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._expire_after = expire_after

    def shipment(self, merchant_id: str, shipment_id: str) -> ShipmentView:
        """One of the merchant's shipments; another merchant's id is simply not found."""
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id)
            if shipment is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            events = uow.events.for_shipment(merchant_id, shipment_id)
        now = self._clock()
        timeline = build_timeline(
            [e.event for e in events], now=now, expire_after=self._expire_after
        )
        return ShipmentView(self._expired(shipment), tuple(events), timeline)

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
