"""Sample records for the storage tests: full of values, so that round trips prove something."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.shipment import (
    BuyerContact,
    Endpoint,
    Shipment,
    ShipmentLeg,
    ShipmentState,
)
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import (
    ApiKey,
    EventSource,
    IdempotentResponse,
    Merchant,
    OutboxMessage,
    Scope,
    StoredEvent,
    Topic,
)

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def merchant(merchant_id: str = "m-a", name: str | None = None) -> Merchant:
    return Merchant(id=merchant_id, name=name or f"Merchant {merchant_id}", created_at=T0)


def seed(uow_factory: UnitOfWorkFactory, *shipments: Shipment) -> None:
    """Merchants ``m-a`` and ``m-b``, and these shipments, committed."""
    with uow_factory() as uow:
        uow.merchants.add(merchant("m-a"))
        uow.merchants.add(merchant("m-b"))
        for item in shipments:
            uow.shipments.add(item)
        uow.commit()


def leg(
    leg_id: str,
    tracking_number: str,
    carrier: str | None = "usps",
    position: int = 0,
) -> ShipmentLeg:
    return ShipmentLeg(
        id=leg_id,
        carrier=carrier,
        tracking_number=tracking_number,
        position=position,
        carrier_confidence=0.875 if carrier else None,
        carrier_detected=carrier is not None,
    )


def shipment(
    shipment_id: str,
    merchant_id: str = "m-a",
    *,
    order_ref: str = "ORDER-1",
    tracking_number: str | None = None,
    carrier: str | None = "usps",
    created_at: datetime = T0,
    destination: str = "FR",
) -> Shipment:
    """A registered shipment with one leg (numbered after the shipment unless given)."""
    number = tracking_number or f"9400{shipment_id.upper().replace('-', '')}"
    return Shipment(
        id=shipment_id,
        merchant_id=merchant_id,
        order_ref=order_ref,
        legs=(leg(f"{shipment_id}-leg-0", number, carrier),),
        created_at=created_at,
        updated_at=created_at,
        origin=Endpoint(country="CN", region="GD", postcode="518000", city="Shenzhen"),
        destination=Endpoint(country=destination, city="Lyon"),
        promised_date=date(2026, 1, 20),
        buyer=BuyerContact(
            email="buyer@example.com", phone="+33600000000", locale="fr-FR", timezone="Europe/Paris"
        ),
    )


def delivered_state(at: datetime = T0) -> ShipmentState:
    return ShipmentState(
        status=Status.DELIVERED,
        milestone=Milestone.DELIVERED,
        reason=Reason.NONE,
        first_event_at=at - timedelta(days=9),
        last_event_at=at,
        delivered_at=at,
        event_count=7,
        dwell={
            Milestone.IMPORT_CUSTOMS: timedelta(days=2, hours=3, microseconds=17),
            Milestone.EXPORT_CUSTOMS: timedelta(hours=9, minutes=30),
        },
    )


def normalized(description: str = "Arrived at facility", **raw_extra: object) -> NormalizedEvent:
    raw = RawEvent(
        description=description,
        carrier="USPS",
        raw_status_code="10",
        location="NEW YORK, NY 10001",
        timestamp="2026-01-02 08:15",
        language="en",
        tracking_number="9400111899223344556677",
        extra={"facility": {"id": 42, "hub": True}, "weights": [1.5, 2], **raw_extra},
    )
    return NormalizedEvent(
        raw=raw,
        status=Status.IN_TRANSIT,
        milestone=Milestone.FACILITY,
        reason=Reason.NONE,
        confidence=0.93,
        location=Location(
            text="NEW YORK, NY 10001",
            city="New York",
            region="NY",
            postcode="10001",
            country="US",
            latitude=40.7505045,
            longitude=-73.9934387,
            timezone="America/New_York",
        ),
        occurred_at=datetime(2026, 1, 2, 13, 15, 0, 123456, tzinfo=UTC),
        utc_offset_minutes=-300,
        time_basis=TimeBasis.LOCATION_ZONE,
        rule="usps:code:10",
        carrier="usps",
    )


def stored_event(
    event_id: str,
    shipment_id: str,
    merchant_id: str = "m-a",
    *,
    fingerprint: str | None = None,
    leg_id: str | None = None,
    received_at: datetime = T0,
) -> StoredEvent:
    return StoredEvent(
        id=event_id,
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        leg_id=leg_id,
        fingerprint=fingerprint or f"fp-{event_id}",
        source=EventSource.POLL,
        received_at=received_at,
        event=normalized(f"Scan {event_id}"),
    )


def sparse_event(event_id: str, shipment_id: str, merchant_id: str = "m-a") -> StoredEvent:
    """An event with nothing but a description: no place, no time, no extra."""
    return StoredEvent(
        id=event_id,
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        leg_id=None,
        fingerprint=f"fp-{event_id}",
        source=EventSource.WEBHOOK,
        received_at=T0,
        event=NormalizedEvent(
            raw=RawEvent(description="???"),
            status=Status.UNKNOWN,
            milestone=Milestone.NONE,
            reason=Reason.NONE,
            confidence=0.0,
            location=Location(),
            occurred_at=None,
            utc_offset_minutes=None,
            time_basis=TimeBasis.MISSING,
        ),
    )


def message(
    key: str, merchant_id: str = "m-a", *, created_at: datetime = T0, shipment_id: str | None = None
) -> OutboxMessage:
    return OutboxMessage(
        id=f"msg-{key}",
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        topic=Topic.STATUS_CHANGED,
        payload={"status": "delivered", "at": created_at.isoformat(), "n": [1, 2.5, None]},
        idempotency_key=key,
        created_at=created_at,
    )


def api_key(key_id: str = "k-1", merchant_id: str = "m-a") -> ApiKey:
    return ApiKey(
        id=key_id,
        merchant_id=merchant_id,
        key_hash=f"{key_id:0>64}"[-64:],
        prefix="ct_live_ab",
        scopes=frozenset({Scope.READ, Scope.WRITE}),
        created_at=T0,
        name="shop back-end",
    )


def idempotent_response(key: str = "idem-1", merchant_id: str = "m-a") -> IdempotentResponse:
    return IdempotentResponse(
        merchant_id=merchant_id,
        key=key,
        request_hash="sha256:abc",
        status_code=201,
        body='{"id": "s-1"}',
        created_at=T0,
        extra={"location": "/v1/shipments/s-1"},
    )
