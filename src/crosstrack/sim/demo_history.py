"""The demo's past shipments, loaded as they happened: registered, then every scan ingested
through the real normalizer, timeline, estimates, alerts and analytics facts.

The services run on a clock that steps through the past: each parcel is registered at its
label time, its pick-up is ingested the day it happened (so the ETA model makes the first
estimate after pick-up, which the on-time-against-ETA figure needs), then everything else
that has happened by now. What history announces (status changes, milestones) is marked sent,
not delivered: it is the past. All of it is synthetic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from crosstrack import bootstrap
from crosstrack.carriers.connector import CarrierConnector
from crosstrack.config import Settings
from crosstrack.domain.model import RawEvent
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource
from crosstrack.sim.model import SimEvent, SimParcel

BATCH = 100
"""Parcels per ingested batch after their pick-up."""


@dataclass
class SteppedClock:
    """A clock the loader moves by hand."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True, slots=True)
class HistoryReport:
    rows: int
    created: int
    events_stored: int


def raw_event(event: SimEvent) -> RawEvent:
    """A simulated scan as its carrier reports it (local time with its offset)."""
    local = event.at.astimezone(timezone(timedelta(minutes=event.utc_offset_minutes)))
    return RawEvent(
        description=event.description,
        carrier=event.carrier,
        raw_status_code=event.code,
        location=event.location,
        timestamp=local.isoformat(),
        language=event.language,
        tracking_number=event.tracking_number,
    )


def load_history(
    settings: Settings,
    *,
    merchant_id: str,
    parcels: Iterable[SimParcel],
    now: datetime,
    connectors: Mapping[str, CarrierConnector],
    register: Callable[[Services, str, SimParcel], tuple[str, bool]],
) -> HistoryReport:
    """Register ``parcels`` for the merchant and ingest what they went through by ``now``
    (``register(services, merchant_id, parcel) -> (shipment id, created)``)."""
    clock = SteppedClock(now)
    services = bootstrap.build_services(
        settings, engine=bootstrap.build_engine(settings), clock=clock, connectors=connectors
    )
    ordered = sorted(parcels, key=lambda p: p.shipped_at)
    ids: dict[str, str] = {}
    created = 0
    for parcel in ordered:
        clock.now = min([parcel.shipped_at, *(e.at for e in parcel.events[:1])])
        ids[parcel.id], new = register(services, merchant_id, parcel)
        created += new
    stored = 0
    by_day: dict[date, list[SimParcel]] = defaultdict(list)
    for parcel in ordered:
        by_day[parcel.shipped_at.date()].append(parcel)
    for day in sorted(by_day):
        early = [(p, e) for p in by_day[day] for e in p.events if e.at <= p.shipped_at]
        if early:
            clock.now = max(e.at for _, e in early) + timedelta(hours=1)
            stored += _ingest(services, merchant_id, ids, early)
    clock.now = now
    for start in range(0, len(ordered), BATCH):
        rest = [
            (p, e)
            for p in ordered[start : start + BATCH]
            for e in p.events
            if p.shipped_at < e.at <= now
        ]
        stored += _ingest(services, merchant_id, ids, rest)
    _mark_sent(services, now)
    return HistoryReport(len(ordered), created, stored)


def _ingest(
    services: Services,
    merchant_id: str,
    ids: Mapping[str, str],
    events: list[tuple[SimParcel, SimEvent]],
) -> int:
    batch = [
        IncomingEvent(raw_event(e), EventSource.IMPORT, merchant_id, ids[p.id]) for p, e in events
    ]
    return services.ingestor.ingest(batch).stored if batch else 0


def _mark_sent(services: Services, now: datetime) -> None:
    """History's announcements are the past: mark them dispatched without sending them."""
    while True:
        with services.uow() as uow:
            pending = uow.outbox.pending(1000)
            uow.outbox.mark_dispatched([m.id for m in pending], now)
            uow.commit()
        if len(pending) < 1000:
            return
