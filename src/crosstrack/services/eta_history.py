"""The stored shipments as ETA training data (``crosstrack eta train`` without a file).

A model is trained for the whole installation from every merchant's shipments
(``services.histories``); the timeline of each says when each milestone was first reached.
"""

from __future__ import annotations

from collections.abc import Iterator

from crosstrack.domain.eta import PastShipment
from crosstrack.services.estimates import eta_query
from crosstrack.services.histories import stored_histories
from crosstrack.services.ports import Clock, UnitOfWorkFactory


def past_shipments(uow: UnitOfWorkFactory, clock: Clock) -> Iterator[PastShipment]:
    """Every shipment with an origin, a destination and at least one event."""
    for shipment, timeline in stored_histories(uow, clock):
        query = eta_query(shipment, timeline)
        if query is None:
            continue
        yield PastShipment(
            shipment_id=shipment.id,
            query=query,
            delivered_at=shipment.state.delivered_at,
            status=shipment.state.status.value,
        )
