"""Stored events to ``events`` rows and back: the raw event side by side with its meaning.

The raw event's ``extra`` is stored as a JSON document (``NULL`` when empty), so it reads back
equal when it holds JSON values (objects with string keys, arrays as lists, numbers, strings,
booleans, null).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.records import EventSource, StoredEvent


def event_values(stored: StoredEvent) -> dict[str, Any]:
    """The ``events`` row of a stored event (``seq`` is given by the database)."""
    event, raw, place = stored.event, stored.event.raw, stored.event.location
    return {
        "id": stored.id,
        "merchant_id": stored.merchant_id,
        "shipment_id": stored.shipment_id,
        "leg_id": stored.leg_id,
        "fingerprint": stored.fingerprint,
        "source": stored.source.value,
        "received_at": stored.received_at,
        "raw_carrier": raw.carrier,
        "raw_code": raw.raw_status_code,
        "raw_description": raw.description,
        "raw_location": raw.location,
        "raw_timestamp": raw.timestamp,
        "raw_language": raw.language,
        "raw_tracking_number": raw.tracking_number,
        "raw_extra": dict(raw.extra) if raw.extra else None,
        "status": event.status.value,
        "milestone": event.milestone.value,
        "reason": event.reason.value,
        "confidence": event.confidence,
        "rule": event.rule,
        "carrier": event.carrier,
        "location_text": place.text,
        "location_city": place.city,
        "location_region": place.region,
        "location_postcode": place.postcode,
        "location_country": place.country,
        "location_lat": place.latitude,
        "location_lon": place.longitude,
        "location_timezone": place.timezone,
        "occurred_at": event.occurred_at,
        "utc_offset_minutes": event.utc_offset_minutes,
        "time_basis": event.time_basis.value,
    }


def event_from_row(row: Row[Any]) -> StoredEvent:
    """A stored event from its ``events`` row."""
    raw = RawEvent(
        description=row.raw_description,
        carrier=row.raw_carrier,
        raw_status_code=row.raw_code,
        location=row.raw_location,
        timestamp=row.raw_timestamp,
        language=row.raw_language,
        tracking_number=row.raw_tracking_number,
        extra=row.raw_extra or {},
    )
    place = Location(
        text=row.location_text,
        city=row.location_city,
        region=row.location_region,
        postcode=row.location_postcode,
        country=row.location_country,
        latitude=row.location_lat,
        longitude=row.location_lon,
        timezone=row.location_timezone,
    )
    event = NormalizedEvent(
        raw=raw,
        status=Status(row.status),
        milestone=Milestone(row.milestone),
        reason=Reason(row.reason),
        confidence=row.confidence,
        location=place,
        occurred_at=row.occurred_at,
        utc_offset_minutes=row.utc_offset_minutes,
        time_basis=TimeBasis(row.time_basis),
        rule=row.rule,
        carrier=row.carrier,
    )
    return StoredEvent(
        id=row.id,
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        leg_id=row.leg_id,
        fingerprint=row.fingerprint,
        source=EventSource(row.source),
        received_at=row.received_at,
        event=event,
    )
