"""What the dashboard's pages show, worked out from services' records (no I/O here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from crosstrack.domain.alerts import AlertKind, Severity
from crosstrack.domain.shipment import Shipment
from crosstrack.domain.vocabulary import Milestone, Status
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


def filters(query: Mapping[str, str]) -> tuple[ShipmentFilter, dict[str, str]]:
    """The listing filter for the table's form fields, and the fields as they were understood
    (an unknown value is dropped rather than an error: the form only offers known ones).
    The search text ``q`` is not in the filter: see :func:`searches`."""
    kept: dict[str, str] = {}

    def field(name: str) -> str | None:
        value = (query.get(name) or "").strip()[:200]
        if value:
            kept[name] = value
        return value or None

    field("q")  # kept for the form; searched separately (searches)
    status = _member(Status, field("status"), kept, "status")
    milestone = _member(Milestone, field("milestone"), kept, "milestone")
    alert = field("alert")
    open_alert: AlertKind | str | None = None
    if alert == "any":
        open_alert = "any"
    elif alert is not None:
        open_alert = _member(AlertKind, alert, kept, "alert")
    start, end = _day(field("from"), kept, "from"), _day(field("to"), kept, "to")
    return (
        ShipmentFilter(
            status=status,
            milestone=milestone,
            carrier=field("carrier"),
            origin_country=(field("origin") or "").upper() or None,
            destination_country=(field("destination") or "").upper() or None,
            created_from=datetime.combine(start, time(), UTC) if start else None,
            created_to=datetime.combine(end + timedelta(days=1), time(), UTC) if end else None,
            open_alert=open_alert,  # type: ignore[arg-type]
        ),
        kept,
    )


E = TypeVar("E", Status, Milestone, AlertKind)


def _member(enum: type[E], value: str | None, kept: dict[str, str], name: str) -> E | None:
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        kept.pop(name, None)
        return None


def _day(value: str | None, kept: dict[str, str], name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        kept.pop(name, None)
        return None


def searches(base: ShipmentFilter, text: str | None) -> list[ShipmentFilter]:
    """What to try for the search box, in order: a tracking number, then an order reference."""
    if not text:
        return [base]
    compact = text.replace(" ", "").upper()
    return [replace(base, tracking_number=compact), replace(base, order_ref=text)]


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
