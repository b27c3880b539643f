"""Every stored shipment with its rebuilt timeline, a page at a time (system side).

What learns from history reads through here: the ETA model's training data
(``services.eta_history``) and the lane norms of alerts (``services.alert_inputs``). Every
merchant's shipments are read, archived ones too; what is kept of them is counts and
quantiles, never a shipment.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from crosstrack.domain.shipment import Shipment
from crosstrack.domain.timeline import Timeline, build_timeline
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter

PAGE = 500


def stored_histories(
    uow: UnitOfWorkFactory, clock: Clock, *, created_from: datetime | None = None
) -> Iterator[tuple[Shipment, Timeline]]:
    """Every shipment that has at least one event (registered since ``created_from``, when
    given), with its timeline as of now."""
    now = clock()
    filters = ShipmentFilter(include_archived=True, created_from=created_from)
    with uow() as work:
        merchant_ids = work.merchants.all_ids()
    for merchant_id in merchant_ids:
        cursor: str | None = None
        while True:
            with uow() as work:
                page = work.shipments.list(merchant_id, filters, limit=PAGE, cursor=cursor)
                histories = work.events.for_shipments([(merchant_id, s.id) for s in page.items])
            for shipment in page.items:
                events = [e.event for e in histories[(merchant_id, shipment.id)]]
                if events:
                    yield shipment, build_timeline(events, now=now)
            cursor = page.next_cursor
            if not cursor:
                break
