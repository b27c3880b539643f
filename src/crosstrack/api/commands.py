"""From request schemas to the services' commands and values (shapes only, no decisions)."""

from __future__ import annotations

from datetime import UTC, datetime

from crosstrack.api import schemas
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.model import RawEvent
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.domain.units import Measure
from crosstrack.services.errors import InvalidInput
from crosstrack.services.records import ShipmentFilter
from crosstrack.services.registration import NumberInput, RegisterShipment


def number(given: schemas.TrackingNumberIn) -> NumberInput:
    """A tracking number as the registrar takes it."""
    return NumberInput(number=given.number, carrier=given.carrier)


def register(body: schemas.CreateShipment, merchant_id: str) -> RegisterShipment:
    """The command registering the shipment ``body`` describes."""
    return RegisterShipment(
        merchant_id=merchant_id,
        order_ref=body.order_ref,
        numbers=tuple(number(n) for n in body.tracking_numbers),
        origin=_endpoint(body.origin),
        destination=_endpoint(body.destination),
        promised_date=body.promised_date,
        buyer=_buyer(body.buyer),
        weight=_weight(body.parcel.weight if body.parcel else None),
        service=body.service,
        items=tuple(_item(given) for given in body.items),
        address_lines=tuple(body.destination.address_lines or ()) if body.destination else (),
    )


def _item(given: schemas.ItemIn) -> DeclaredItem:
    return DeclaredItem(
        given.description, given.category, given.hs_code, given.quantity, given.value
    )


def _weight(given: schemas.WeightIn | None) -> Measure | None:
    return Measure.of(given.value, given.unit) if given else None


def raw_event(body: schemas.EventIn) -> RawEvent:
    """The raw event as reported (nothing parsed here: ingestion normalizes it)."""
    return RawEvent(
        description=body.description,
        carrier=body.carrier,
        raw_status_code=body.raw_status_code,
        location=body.location,
        timestamp=body.timestamp,
        language=body.language,
        tracking_number=body.tracking_number,
    )


def carrier_slug(label: str | None, carriers: CarrierDirectory) -> str | None:
    """The slug of the carrier a filter names (``None`` for none); 422 for an unknown one."""
    if label is None:
        return None
    found = carriers.resolve(label)
    if found is None:
        raise InvalidInput(f"unknown carrier {label!r} (see GET /v1/carriers)", field="carrier")
    return found.slug


def shipment_filter(query: schemas.ShipmentQuery, carriers: CarrierDirectory) -> ShipmentFilter:
    """The listing filter; a carrier label must name a known carrier (422 otherwise)."""
    return ShipmentFilter(
        status=query.status,
        milestone=query.milestone,
        carrier=carrier_slug(query.carrier, carriers),
        origin_country=query.origin_country.upper() if query.origin_country else None,
        destination_country=(
            query.destination_country.upper() if query.destination_country else None
        ),
        order_ref=query.order_ref,
        tracking_number=normalize_number(query.tracking_number) if query.tracking_number else None,
        created_from=as_utc(query.created_from),
        created_to=as_utc(query.created_to),
        updated_from=as_utc(query.updated_from),
        updated_to=as_utc(query.updated_to),
        promised_before=query.promised_before,
        include_archived=query.include_archived,
        open_alert=query.alert,
    )


def _endpoint(given: schemas.Endpoint | None) -> Endpoint | None:
    if given is None:
        return None
    return Endpoint(
        country=given.country, region=given.region, postcode=given.postcode, city=given.city
    )


def _buyer(given: schemas.Buyer | None) -> BuyerContact | None:
    if given is None:
        return None
    return BuyerContact(
        email=given.email, phone=given.phone, locale=given.locale, timezone=given.timezone
    )


def as_utc(moment: datetime | None) -> datetime | None:
    """``moment`` in UTC (a naive one is read as UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
