"""What the dashboard's pages show, worked out from services' records (no I/O here); the
shipments form is read by the API's own listing query."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from pydantic import ValidationError

from crosstrack.api.commands import shipment_filter
from crosstrack.api.schemas import ShipmentQuery
from crosstrack.domain.alerts import Severity
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.shipment import Shipment
from crosstrack.services.errors import InvalidInput
from crosstrack.services.records import ShipmentFilter, StoredAlert

_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class Row:
    """One shipment in the table."""

    id: str
    order_ref: str
    numbers: str
    carriers: str
    lane: str
    status: str
    milestone: str
    last_event: str
    eta: str
    created: str


def rows(shipments: Sequence[Shipment]) -> list[Row]:
    return [
        Row(
            id=s.id,
            order_ref=s.order_ref,
            numbers=", ".join(leg.tracking_number for leg in s.legs),
            carriers=", ".join(dict.fromkeys(leg.carrier or "?" for leg in s.legs)),
            lane=lane(s),
            status=s.state.status.value,
            milestone=s.state.milestone.value,
            last_event=when(s.state.last_event_at),
            eta=(
                f"{s.state.eta.p50.isoformat()} ({s.state.eta.p10:%d %b}–{s.state.eta.p90:%d %b})"
                if s.state.eta
                else ""
            ),
            created=when(s.created_at),
        )
        for s in shipments
    ]


def lane(shipment: Shipment) -> str:
    origin = shipment.origin.country if shipment.origin else "?"
    destination = shipment.destination.country if shipment.destination else "?"
    return f"{origin} → {destination}"


def when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else ""


FORM_FIELDS = {
    "status": "status",
    "milestone": "milestone",
    "carrier": "carrier",
    "origin": "origin_country",
    "destination": "destination_country",
    "alert": "alert",
    "from": "created_from",
    "to": "created_to",
}
"""The table form's fields and the API listing query's fields they stand for."""


def filters(
    params: Mapping[str, str], carriers: CarrierDirectory
) -> tuple[ShipmentFilter, dict[str, str]]:
    """The listing filter for the table's form fields, read as the API reads its listing
    query (``ShipmentQuery``, ``shipment_filter``), and the fields as they were understood: a
    value the API would refuse is dropped (the form only offers good ones). Dates are whole
    UTC days. The search text ``q`` is not in the filter: see :func:`searches`."""
    kept = {
        name: value
        for name in ("q", *FORM_FIELDS)
        if (value := (params.get(name) or "").strip()[:200])
    }
    while True:
        given: dict[str, object] = {FORM_FIELDS[k]: v for k, v in kept.items() if k in FORM_FIELDS}
        for name, shift in (("from", 0), ("to", 1)):
            if name in kept:
                day = _day(kept[name])
                given[FORM_FIELDS[name]] = (
                    datetime.combine(day + timedelta(days=shift), time(), UTC)
                    if day
                    else kept[name]
                )
        try:
            query = ShipmentQuery.model_validate(given)
            return shipment_filter(query, carriers), kept
        except ValidationError as exc:
            wrong = str(exc.errors()[0]["loc"][0])
        except InvalidInput as exc:  # an unknown carrier
            wrong = exc.field or "carrier"
        kept.pop(next(k for k, v in FORM_FIELDS.items() if v == wrong), None)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def searches(base: ShipmentFilter, text: str | None) -> list[ShipmentFilter]:
    """What to try for the search box, in order: a tracking number, then an order reference."""
    if not text:
        return [base]
    return [replace(base, tracking_number=normalize_number(text)), replace(base, order_ref=text)]


@dataclass(frozen=True, slots=True)
class QueueItem:
    alert: StoredAlert
    shipment: Shipment | None
    age: str


def by_urgency(
    alerts: Sequence[StoredAlert], shipments: Mapping[str, Shipment], now: datetime
) -> list[QueueItem]:
    """Most urgent first: severity, then not yet taken by anyone, then the oldest problem."""
    ordered = sorted(
        alerts,
        key=lambda a: (_SEVERITY_RANK.get(a.severity, 3), a.acknowledged_at is not None, a.since),
    )
    return [QueueItem(a, shipments.get(a.shipment_id), _age(now - a.since)) for a in ordered]


def _age(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours < 48:
        return f"{max(hours, 0)} h"
    return f"{hours // 24} d"
