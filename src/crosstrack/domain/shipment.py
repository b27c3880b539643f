"""The shipment: what a buyer waits for, its legs, and the state derived from its events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.units import Measure
from crosstrack.domain.vocabulary import Milestone, Reason, Status


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a shipment starts or ends. Only the country is required."""

    country: str
    """ISO 3166-1 alpha-2 code."""
    region: str | None = None
    postcode: str | None = None
    city: str | None = None


@dataclass(frozen=True, slots=True)
class BuyerContact:
    """How to reach the buyer. Stored for notifications; never shown on public pages."""

    email: str | None = None
    phone: str | None = None
    locale: str | None = None
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class ShipmentLeg:
    """One carrier tracking number of a shipment."""

    id: str
    carrier: str | None
    """Carrier slug; ``None`` when it was not given and could not be detected."""
    tracking_number: str
    """Normalized: upper case, no spaces or dashes."""
    position: int
    """Order in which the leg was registered or discovered (0 first)."""
    carrier_confidence: float | None = None
    """How sure detection was, when the carrier was detected rather than given."""
    carrier_detected: bool = False
    weight: Measure | None = None
    """The parcel's weight as this leg's carrier last reported it (value and unit as given)."""


@dataclass(frozen=True, slots=True)
class ShipmentState:
    """What the events say about a shipment now (recomputed from its timeline)."""

    status: Status = Status.PENDING
    milestone: Milestone = Milestone.NONE
    reason: Reason = Reason.NONE
    first_event_at: datetime | None = None
    last_event_at: datetime | None = None
    delivered_at: datetime | None = None
    event_count: int = 0
    dwell: dict[Milestone, timedelta] = field(default_factory=dict)
    eta: DeliveryEstimate | None = None
    """The latest delivery estimate (``None`` once delivered, or with no model)."""


@dataclass(frozen=True, slots=True)
class Shipment:
    """A merchant's shipment: one parcel of an order, with one or more legs."""

    id: str
    merchant_id: str
    order_ref: str
    legs: tuple[ShipmentLeg, ...]
    created_at: datetime
    updated_at: datetime
    origin: Endpoint | None = None
    destination: Endpoint | None = None
    promised_date: date | None = None
    buyer: BuyerContact | None = None
    state: ShipmentState = ShipmentState()
    archived_at: datetime | None = None
    weight: Measure | None = None
    """The parcel's weight as the merchant declared it at registration (as given)."""
    service: str | None = None
    """The kind of service the merchant booked (``express``, ``postal``, ``dedicated_line``...),
    lower case, as given at registration; ``None`` when not given."""
    items: tuple[DeclaredItem, ...] = ()
    """What the parcel contains, as declared at registration (its customs lines)."""

    def leg_for(self, tracking_number: str, carrier: str | None = None) -> ShipmentLeg | None:
        """The leg with this (normalized) number, and this carrier when one is given."""
        for leg in self.legs:
            if leg.tracking_number == tracking_number and (
                carrier is None or leg.carrier in (carrier, None)
            ):
                return leg
        return None
