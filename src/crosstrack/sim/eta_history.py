"""Simulated parcels as ETA history records (docs/eta.md's history CSV).

``created_at`` is the parcel's first event (label created, else the first scan); each
milestone column is the first event with that milestone; ``status`` is ``delivered``,
``returned`` (a return to sender), ``lost`` or ``in_transit`` (at the end of the simulation).
``shipment_id`` keeps the ``sim-`` prefix: synthetic records never pass for real ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from crosstrack.domain.eta import ETA_MILESTONES
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.eta.history import HistoryRecord, ZoneLookup
from crosstrack.sim.model import SimParcel


def eta_records(
    parcels: Iterable[SimParcel], zone_of: ZoneLookup, *, until: datetime | None = None
) -> list[HistoryRecord]:
    """One record per parcel, as known at ``until`` (default: everything that will happen)."""
    records = []
    for parcel in parcels:
        events = parcel.events_until(until) if until else parcel.events
        if not events:
            continue
        first_at: dict[Milestone, datetime] = {}
        for event in events:
            first_at.setdefault(event.milestone, event.at)
        delivered = next((e.at for e in events if e.status is Status.DELIVERED), None)
        if delivered is not None:
            status = "delivered"
        elif any(e.status is Status.RETURNED or e.milestone is Milestone.RETURN for e in events):
            status = "returned"
        elif parcel.problem == "lost" and until is None:
            status = "lost"
        else:
            status = "in_transit"
        lane = parcel.lane
        records.append(
            HistoryRecord(
                shipment_id=parcel.id,
                carrier=parcel.legs[0].carrier,
                service=lane.service,
                origin_country=lane.origin,
                destination_country=lane.destination,
                created_at=events[0].at,
                promised_on=parcel.promised_date,
                delivered_at=delivered,
                status=status,
                milestones=tuple(first_at.get(m) for m in ETA_MILESTONES),
                destination_zone=zone_of(lane.destination, ""),
                origin_zone=zone_of(lane.origin, ""),
            )
        )
    return records
