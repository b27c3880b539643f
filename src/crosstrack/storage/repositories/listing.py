"""Listing shipments: ``ShipmentFilter`` as SQL conditions, and the opaque keyset cursor.

The cursor is the ``(created_at, id)`` of the last shipment of a page, base64url-encoded; the
next page is everything strictly older in that order, so rows inserted meanwhile never shift
a page (unlike ``OFFSET``).
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, and_, exists, or_, select

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.shipment import Shipment
from crosstrack.services.records import AnyOf, ShipmentFilter
from crosstrack.storage.errors import InvalidCursor
from crosstrack.storage.tables import alerts, legs, shipments


def filter_conditions(f: ShipmentFilter) -> list[ColumnElement[bool]]:
    """The ``WHERE`` conditions of a filter (``None`` fields add nothing)."""
    s = shipments.c
    conditions: list[ColumnElement[bool]] = []
    if not f.include_archived:
        conditions.append(s.archived_at.is_(None))
    if f.status is not None:
        conditions.append(s.status == f.status.value)
    if f.milestone is not None:
        conditions.append(s.milestone == f.milestone.value)
    if f.origin_country is not None:
        conditions.append(s.origin_country == f.origin_country)
    if f.destination_country is not None:
        conditions.append(s.destination_country == f.destination_country)
    if f.order_ref is not None:
        conditions.append(s.order_ref == f.order_ref)
    if f.carrier is not None:
        conditions.append(_has_leg(legs.c.carrier == f.carrier))
    if f.tracking_number is not None:
        conditions.append(_has_leg(legs.c.tracking_number == f.tracking_number))
    if f.created_from is not None:
        conditions.append(s.created_at >= f.created_from)
    if f.created_to is not None:
        conditions.append(s.created_at < f.created_to)
    if f.updated_from is not None:
        conditions.append(s.updated_at >= f.updated_from)
    if f.updated_to is not None:
        conditions.append(s.updated_at < f.updated_to)
    if f.promised_before is not None:
        conditions.append(s.promised_date < f.promised_before)
    if f.open_alert is not None:
        conditions.append(_has_open_alert(f.open_alert))
    if f.any_of is not None:
        conditions += _any_of(f.any_of)
    return conditions


def _any_of(a: AnyOf) -> list[ColumnElement[bool]]:
    s = shipments.c
    conditions: list[ColumnElement[bool]] = []
    if a.statuses is not None:
        conditions.append(s.status.in_(sorted(status.value for status in a.statuses)))
    if a.origin_countries is not None:
        conditions.append(s.origin_country.in_(sorted(a.origin_countries)))
    if a.destination_countries is not None:
        conditions.append(s.destination_country.in_(sorted(a.destination_countries)))
    if a.order_refs is not None:
        conditions.append(s.order_ref.in_(sorted(a.order_refs)))
    if a.carriers is not None:
        conditions.append(_has_leg(legs.c.carrier.in_(sorted(a.carriers))))
    if a.tracking_numbers is not None:
        conditions.append(_has_leg(legs.c.tracking_number.in_(sorted(a.tracking_numbers))))
    return conditions


def _has_open_alert(kind: AlertKind | Literal["any"]) -> ColumnElement[bool]:
    query = select(alerts.c.id).where(
        alerts.c.shipment_id == shipments.c.id,
        alerts.c.merchant_id == shipments.c.merchant_id,
        alerts.c.resolved_at.is_(None),
    )
    if kind != "any":
        query = query.where(alerts.c.kind == kind)
    return exists(query)


def _has_leg(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists(
        select(legs.c.id).where(
            legs.c.shipment_id == shipments.c.id,
            legs.c.merchant_id == shipments.c.merchant_id,
            condition,
        )
    )


def cursor_after(last: Shipment) -> str:
    """The cursor of the page that follows ``last``."""
    text = f"{last.created_at.isoformat()}|{last.id}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def after_cursor(cursor: str) -> ColumnElement[bool]:
    """Shipments strictly after the cursor's position, newest-first order."""
    created_at, shipment_id = _decode(cursor)
    return or_(
        shipments.c.created_at < created_at,
        and_(shipments.c.created_at == created_at, shipments.c.id < shipment_id),
    )


def _decode(cursor: str) -> tuple[datetime, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
        stamp, shipment_id = text.split("|", 1)
        created_at = datetime.fromisoformat(stamp)
    except (ValueError, UnicodeError, binascii.Error) as error:
        raise InvalidCursor(f"not a listing cursor: {cursor!r}", field="cursor") from error
    if created_at.tzinfo is None:
        raise InvalidCursor(f"not a listing cursor: {cursor!r}", field="cursor")
    return created_at, shipment_id
