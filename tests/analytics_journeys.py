"""A small data set for the analytics tests, every figure of which is worked out by hand.

The parcels go through the real services (registration, ingestion, facts, rollups); only the
normalizer is scripted: an event's ``raw_status_code`` says ``status/milestone/reason``, so
each scan means exactly what the test says. Times are UTC (offset 0). The ETA estimator is
:class:`~crosstrack.testing.FixedEtaEstimator` (P90 = the last scan's day + 7 days), asked
right after the pick-up, so the first estimate after pick-up is the shipped day + 7.

Merchant A ("Shenzhen Gadgets"):

| parcel | lane | shipped | outcome | transit | clearance | promise | notes |
|---|---|---|---|---|---|---|---|
| P1 | CN-FR yanwen dedicated_line | Mon 2026-03-02 | delivered 03-10 | 8.0 d | 24 h | 03-12 on time | electronics 8517.62 |
| P2 | CN-FR yanwen dedicated_line | Tue 03-03 | delivered 03-13 | 10.0 d | 72 h | 03-12 late | customs documents; electronics 8517.62 |
| P3 | CN-FR 4px dedicated_line | Wed 03-04 | delivered 03-10 | 6.0 d | 10 h | 03-20 on time | an attempt failed (nobody home); apparel 6109.10 |
| P4 | CN-FR 4px dedicated_line | Mon 03-09 | open | | | 03-30 | |
| P5 | CN-US dhl express | Fri 02-13 | delivered 02-16 | 3.0 d | 5 h | 02-17 on time | Chinese New Year, US holiday 02-16; toys 9503.00 |

Merchant B ("Lyon Books") has one CN-FR yanwen parcel, which A must never see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from crosstrack.carriers.directory import load_links
from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.shipment import Endpoint
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FixedEtaEstimator, FrozenClock
from crosstrack.testing.wiring import wired_services

END = datetime(2026, 3, 14, 12, tzinfo=UTC)
"""When the data set is read (P4's promised day and first estimate have not passed)."""


class ScriptedNormalizer:
    """Reads ``status/milestone/reason`` from the raw code and the UTC time as given."""

    def normalize(self, raw: RawEvent) -> NormalizedEvent:
        status, milestone, reason = (raw.raw_status_code or "unknown/none/none").split("/")
        when = datetime.fromisoformat(raw.timestamp) if raw.timestamp else None
        return NormalizedEvent(
            raw=raw,
            status=Status(status),
            milestone=Milestone(milestone),
            reason=Reason(reason),
            confidence=1.0,
            location=Location(),
            occurred_at=when,
            utc_offset_minutes=0 if when else None,
            time_basis=TimeBasis.OFFSET_GIVEN if when else TimeBasis.MISSING,
            carrier=raw.carrier,
        )


def analytics_services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    """Services with the scripted normalizer and a fixed ETA estimator."""
    return wired_services(
        uow,
        clock,
        normalizer=ScriptedNormalizer(),
        links=load_links(),
        eta=FixedEtaEstimator(days=5, spread=2),
    )


PICKED = "in_transit/picked_up/none"
DEPARTED = "in_transit/departed_origin_country/none"
AT_CUSTOMS = "in_transit/import_customs/none"
DOCUMENTS = "exception/import_customs/customs_documents_or_duties"
RELEASED = "in_transit/customs_released/none"
NOBODY_HOME = "attempt_failed/delivery_attempt/recipient_unavailable"
DELIVERED = "delivered/delivered/none"


@dataclass(frozen=True)
class Parcel:
    order_ref: str
    carrier: str
    number: str
    service: str
    destination: str
    shipped: datetime
    promised: date
    scans: tuple[tuple[float, str], ...]
    """(days after shipped, status/milestone/reason), the pick-up first."""
    items: tuple[DeclaredItem, ...] = ()


def _at(day: date, hour: int = 2) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


ELECTRONICS = (DeclaredItem("Phone", "Electronics", "8517.62", 1, None),)
PARCELS_A = (
    Parcel(
        "P1", "yanwen", "UG000000001CN", "dedicated_line", "FR", _at(date(2026, 3, 2)),
        date(2026, 3, 12),
        ((0, PICKED), (2, DEPARTED), (4, AT_CUSTOMS), (5, RELEASED), (8, DELIVERED)),
        ELECTRONICS,
    ),
    Parcel(
        "P2", "yanwen", "UG000000002CN", "dedicated_line", "FR", _at(date(2026, 3, 3)),
        date(2026, 3, 12),
        ((0, PICKED), (2, DEPARTED), (4, AT_CUSTOMS), (4.5, DOCUMENTS), (7, RELEASED),
         (10, DELIVERED)),
        ELECTRONICS,
    ),
    Parcel(
        "P3", "4px", "4PX0000000003", "dedicated_line", "FR", _at(date(2026, 3, 4)),
        date(2026, 3, 20),
        ((0, PICKED), (2, DEPARTED), (3, AT_CUSTOMS), (3 + 10 / 24, RELEASED),
         (5.5, NOBODY_HOME), (6, DELIVERED)),
        (DeclaredItem("T-shirt", "apparel", "6109.10", 2, None),),
    ),
    Parcel(
        "P4", "4px", "4PX0000000004", "dedicated_line", "FR", _at(date(2026, 3, 9)),
        date(2026, 3, 30),
        ((0, PICKED), (2, DEPARTED)),
    ),
    Parcel(
        "P5", "dhl", "1234567890", "express", "US", _at(date(2026, 2, 13)),
        date(2026, 2, 17),
        ((0, PICKED), (1, DEPARTED), (2, AT_CUSTOMS), (2 + 5 / 24, RELEASED), (3, DELIVERED)),
        (DeclaredItem("Robot", "Toys", "9503.00", 1, None),),
    ),
)  # fmt: skip
PARCEL_B = Parcel(
    "B1", "yanwen", "UG000000009CN", "dedicated_line", "FR", _at(date(2026, 3, 2)),
    date(2026, 3, 20), ((0, PICKED), (5, DELIVERED)),
)  # fmt: skip


def ship(services: Services, clock: FrozenClock, merchant_id: str, parcel: Parcel) -> str:
    """Register the parcel, ingest its pick-up (an estimate is made just after it), then the
    rest of its scans; the clock ends at :data:`END`."""
    clock.now = parcel.shipped - timedelta(days=1)
    registered = services.registrar.register(
        RegisterShipment(
            merchant_id=merchant_id,
            order_ref=parcel.order_ref,
            numbers=(NumberInput(parcel.number, parcel.carrier),),
            origin=Endpoint("CN"),
            destination=Endpoint(parcel.destination),
            promised_date=parcel.promised,
            service=parcel.service,
            items=parcel.items,
        )
    )
    shipment_id = registered.shipment.id

    def scan(days: float, code: str) -> IncomingEvent:
        when = parcel.shipped + timedelta(days=days)
        raw = RawEvent(
            description=code,
            carrier=parcel.carrier,
            raw_status_code=code,
            timestamp=when.isoformat(),
            tracking_number=parcel.number,
        )
        return IncomingEvent(raw, EventSource.API, merchant_id, shipment_id)

    first, rest = parcel.scans[:1], parcel.scans[1:]
    clock.now = parcel.shipped + timedelta(hours=2)
    services.ingestor.ingest([scan(d, c) for d, c in first])
    clock.now = END
    if rest:
        services.ingestor.ingest([scan(d, c) for d, c in rest])
    return shipment_id


def load(services: Services, clock: FrozenClock) -> tuple[str, str]:
    """Both merchants and their parcels; returns (merchant A's id, merchant B's id)."""
    a = services.accounts.create_merchant("Shenzhen Gadgets").id
    b = services.accounts.create_merchant("Lyon Books").id
    for parcel in PARCELS_A:
        ship(services, clock, a, parcel)
    ship(services, clock, b, PARCEL_B)
    clock.now = END
    return a, b
