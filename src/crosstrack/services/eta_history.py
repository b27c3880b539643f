"""The stored shipments as ETA training data (``crosstrack eta train`` without a file).

Every merchant's shipments are read (a model is trained for the whole installation; what it
keeps of a lane is counts and quantiles, never a shipment), a page at a time, with their events
rebuilt into a timeline to find when each milestone was first reached.
"""

from __future__ import annotations

from collections.abc import Iterator

from crosstrack.domain.eta import PastShipment
from crosstrack.domain.timeline import build_timeline
from crosstrack.services.estimates import eta_query
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter

PAGE = 500


def past_shipments(uow: UnitOfWorkFactory, clock: Clock) -> Iterator[PastShipment]:
    """Every shipment with an origin, a destination and at least one event."""
    now = clock()
    with uow() as work:
        merchant_ids = work.merchants.all_ids()
    for merchant_id in merchant_ids:
        cursor: str | None = None
        while True:
            with uow() as work:
                page = work.shipments.list(
                    merchant_id, ShipmentFilter(include_archived=True), limit=PAGE, cursor=cursor
                )
                histories = work.events.for_shipments([(merchant_id, s.id) for s in page.items])
            for shipment in page.items:
                events = [e.event for e in histories[(merchant_id, shipment.id)]]
                if not events:
                    continue
                query = eta_query(shipment, build_timeline(events, now=now))
                if query is None:
                    continue
                yield PastShipment(
                    shipment_id=shipment.id,
                    query=query,
                    delivered_at=shipment.state.delivered_at,
                    status=shipment.state.status.value,
                )
            cursor = page.next_cursor
            if not cursor:
                break
