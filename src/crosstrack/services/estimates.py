"""The delivery estimate of a shipment at event time, and the message when its P50 day moves."""

from __future__ import annotations

from datetime import datetime

from crosstrack.domain.eta import ETA_MILESTONES, DeliveryEstimate, EtaQuery
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.timeline import Timeline
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.ports import EtaEstimator, IdFactory
from crosstrack.services.queries import EXPIRE_AFTER
from crosstrack.services.records import OutboxMessage, Topic

NO_ESTIMATE = frozenset({Status.DELIVERED, Status.RETURNED, Status.EXPIRED})
"""States with nothing left to predict."""


def eta_query(shipment: Shipment, timeline: Timeline | None) -> EtaQuery | None:
    """What the ETA model needs to know (``timeline`` is ``None`` before the first event), or
    ``None`` without origin and destination countries."""
    if shipment.origin is None or shipment.destination is None:
        return None
    reached: dict[Milestone, datetime] = {}
    for entry in timeline.events if timeline else ():
        event = entry.event
        if entry.affects_state and event.milestone in ETA_MILESTONES and event.occurred_at:
            current = reached.get(event.milestone)
            if current is None or event.occurred_at < current:
                reached[event.milestone] = event.occurred_at
    carrier = shipment.legs[0].carrier if shipment.legs else None
    return EtaQuery(
        origin_country=shipment.origin.country,
        destination_country=shipment.destination.country,
        created_at=(timeline.first_event_at if timeline else None) or shipment.created_at,
        carrier=carrier or "",
        origin_region=shipment.origin.region or "",
        destination_region=shipment.destination.region or "",
        promised_on=shipment.promised_date,
        reached=reached,
        last_event_at=timeline.last_event_at if timeline else None,
    )


def estimate_for(
    estimator: EtaEstimator,
    shipment: Shipment,
    state: ShipmentState,
    timeline: Timeline | None,
    now: datetime,
) -> DeliveryEstimate | None:
    """The shipment's estimate in ``state`` (``None`` once there is nothing to predict)."""
    if state.status in NO_ESTIMATE:
        return None
    last = timeline.last_event_at if timeline else None
    if last is not None and now - last > EXPIRE_AFTER:
        return None  # expired: silent for a month, nothing to predict any more
    query = eta_query(shipment, timeline)
    return estimator.estimate(query, now) if query else None


def announce_eta(
    shipment: Shipment, state: ShipmentState, *, ids: IdFactory, now: datetime
) -> list[OutboxMessage]:
    """An ``eta_changed`` message when the P50 day moved (or a first estimate appeared).

    Keyed by the new P50 day and the event count, so one change is never announced twice.
    """
    new, old = state.eta, shipment.state.eta
    if new is None or not new.moved_from(old):
        return []
    return [
        OutboxMessage(
            id=ids(),
            merchant_id=shipment.merchant_id,
            shipment_id=shipment.id,
            topic=Topic.ETA_CHANGED,
            payload={
                "shipment_id": shipment.id,
                "order_ref": shipment.order_ref,
                "previous": old.to_document() if old else None,
                "eta": new.to_document(),
            },
            idempotency_key=f"{shipment.id}:eta:{new.p50.isoformat()}:{state.event_count}",
            created_at=now,
        )
    ]
