"""Shipments and legs to table rows and back (flat columns, no ORM).

An endpoint is stored as four columns and read back as ``None`` when its country is ``NULL``;
a buyer contact likewise when all four of its columns are ``NULL`` (so ``BuyerContact()`` with
nothing in it reads back as ``None``). Dwell times are stored as whole microseconds per
milestone, so they read back exactly. A weight is two columns, ``weight_value`` (decimal text,
digits as given) and ``weight_unit`` (the unit's symbol), and reads back as ``None`` when the
value is ``NULL``. A shipment's service is one column; its declared items a JSON list (``NULL``
for none), each value as decimal text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Row

from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.shipment import (
    BuyerContact,
    Endpoint,
    Shipment,
    ShipmentLeg,
    ShipmentState,
)
from crosstrack.domain.units import Measure, Unit
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone, Reason, Status

_MICROSECOND = timedelta(microseconds=1)


def shipment_values(shipment: Shipment) -> dict[str, Any]:
    """The ``shipments`` row of a shipment (its legs go to :func:`leg_values`)."""
    origin, destination = shipment.origin, shipment.destination
    buyer = shipment.buyer or BuyerContact()
    return {
        "id": shipment.id,
        "merchant_id": shipment.merchant_id,
        "order_ref": shipment.order_ref,
        **_endpoint_values("origin", origin),
        **_endpoint_values("destination", destination),
        "promised_date": shipment.promised_date,
        "buyer_email": buyer.email,
        "buyer_phone": buyer.phone,
        "buyer_locale": buyer.locale,
        "buyer_timezone": buyer.timezone,
        **state_values(shipment.state, shipment.updated_at),
        "created_at": shipment.created_at,
        "updated_at": shipment.updated_at,
        "archived_at": shipment.archived_at,
        **weight_values(shipment.weight),
        "service": shipment.service,
        "items": [item.to_document() for item in shipment.items] or None,
    }


def _endpoint_values(prefix: str, endpoint: Endpoint | None) -> dict[str, Any]:
    return {
        f"{prefix}_country": endpoint.country if endpoint else None,
        f"{prefix}_region": endpoint.region if endpoint else None,
        f"{prefix}_postcode": endpoint.postcode if endpoint else None,
        f"{prefix}_city": endpoint.city if endpoint else None,
    }


def state_values(state: ShipmentState, at: datetime) -> dict[str, Any]:
    """The state columns of a ``shipments`` row written at ``at`` (when the estimate and
    alerts were worked out: ``checked_at``, left empty once the shipment has ended)."""
    return {
        "checked_at": None if state.status in TERMINAL_STATUSES else at,
        "status": state.status.value,
        "milestone": state.milestone.value,
        "reason": state.reason.value,
        "first_event_at": state.first_event_at,
        "last_event_at": state.last_event_at,
        "delivered_at": state.delivered_at,
        "event_count": state.event_count,
        "dwell": {m.value: d // _MICROSECOND for m, d in state.dwell.items()} or None,
        "eta": state.eta.to_document() if state.eta else None,
        "eta_as_of": state.eta.as_of if state.eta else None,
    }


def leg_values(merchant_id: str, shipment_id: str, leg: ShipmentLeg) -> dict[str, Any]:
    """The ``legs`` row of one leg of a shipment."""
    return {
        "id": leg.id,
        "merchant_id": merchant_id,
        "shipment_id": shipment_id,
        "carrier": leg.carrier,
        "tracking_number": leg.tracking_number,
        "position": leg.position,
        "carrier_confidence": leg.carrier_confidence,
        "carrier_detected": leg.carrier_detected,
        **weight_values(leg.weight),
    }


def weight_values(weight: Measure | None) -> dict[str, str | None]:
    """The ``weight_value`` and ``weight_unit`` columns of a weight (both ``NULL`` for none)."""
    return {
        "weight_value": str(weight.value) if weight else None,
        "weight_unit": weight.unit.value if weight else None,
    }


def _weight(row: Row[Any], prefix: str = "") -> Measure | None:
    values = row._mapping
    value = values[f"{prefix}weight_value"]
    if value is None:
        return None
    return Measure(Decimal(value), Unit(values[f"{prefix}weight_unit"]))


LEG_PREFIX = "leg_"
"""Label prefix of the leg columns when a query selects a shipment joined with its legs."""


def leg_from_row(row: Row[Any], prefix: str = "") -> ShipmentLeg:
    """A leg from a ``legs`` row, or from the ``prefix``-labelled columns of a joined row."""
    values = row._mapping
    return ShipmentLeg(
        id=values[f"{prefix}id"],
        carrier=values[f"{prefix}carrier"],
        tracking_number=values[f"{prefix}tracking_number"],
        position=values[f"{prefix}position"],
        carrier_confidence=values[f"{prefix}carrier_confidence"],
        carrier_detected=bool(values[f"{prefix}carrier_detected"]),
        weight=_weight(row, prefix),
    )


def shipment_from_row(row: Row[Any], legs: Iterable[ShipmentLeg]) -> Shipment:
    """A shipment from its ``shipments`` row and its legs (in their stored order)."""
    return Shipment(
        id=row.id,
        merchant_id=row.merchant_id,
        order_ref=row.order_ref,
        legs=tuple(legs),
        created_at=row.created_at,
        updated_at=row.updated_at,
        origin=_endpoint(row, "origin"),
        destination=_endpoint(row, "destination"),
        promised_date=row.promised_date,
        buyer=_buyer(row),
        state=_state(row),
        archived_at=row.archived_at,
        weight=_weight(row),
        service=row.service,
        items=tuple(DeclaredItem.from_document(item) for item in row.items or ()),
    )


def _endpoint(row: Row[Any], prefix: str) -> Endpoint | None:
    values = row._mapping
    country = values[f"{prefix}_country"]
    if country is None:
        return None
    return Endpoint(
        country=country,
        region=values[f"{prefix}_region"],
        postcode=values[f"{prefix}_postcode"],
        city=values[f"{prefix}_city"],
    )


def _buyer(row: Row[Any]) -> BuyerContact | None:
    contact = BuyerContact(
        email=row.buyer_email,
        phone=row.buyer_phone,
        locale=row.buyer_locale,
        timezone=row.buyer_timezone,
    )
    return None if contact == BuyerContact() else contact


def _state(row: Row[Any]) -> ShipmentState:
    dwell: Mapping[str, int] = row.dwell or {}
    return ShipmentState(
        status=Status(row.status),
        milestone=Milestone(row.milestone),
        reason=Reason(row.reason),
        first_event_at=row.first_event_at,
        last_event_at=row.last_event_at,
        delivered_at=row.delivered_at,
        event_count=row.event_count,
        dwell={Milestone(m): timedelta(microseconds=us) for m, us in dwell.items()},
        eta=DeliveryEstimate.from_document(row.eta) if row.eta else None,
    )
