"""The three vocabularies every part of crosstrack speaks: status, milestone and reason.

They are the product's contract (API, webhooks, analytics, translations); docs/vocabulary.md
documents every value and the crosswalk to AfterShip, 17TRACK and karrio.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """The headline state of an event or a shipment."""

    PENDING = "pending"
    """Shipment only: registered, but no carrier has reported anything yet."""
    INFO_RECEIVED = "info_received"
    """The carrier has the shipment's data (label created), but not the parcel."""
    IN_TRANSIT = "in_transit"
    """The carrier has the parcel and is moving it (including routine customs processing)."""
    OUT_FOR_DELIVERY = "out_for_delivery"
    """On the vehicle for delivery today."""
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    """Waiting for the recipient at a pick-up point, locker or post office."""
    ATTEMPT_FAILED = "attempt_failed"
    """A delivery attempt failed; the carrier will usually try again or hold the parcel."""
    DELIVERED = "delivered"
    """Delivered to the recipient (or their agent, neighbour, safe place)."""
    EXCEPTION = "exception"
    """Something is wrong: a customs hold, an address problem, damage, loss, a delay."""
    RETURNED = "returned"
    """Returning to, or returned to, the sender."""
    EXPIRED = "expired"
    """Shipment only: no update for too long; the carrier has gone silent."""
    UNKNOWN = "unknown"
    """Event only: the text says nothing we recognise as a tracking step (kept raw, never lost)."""


#: Precedence when one event text fits several statuses (highest first).
STATUS_PRECEDENCE: tuple[Status, ...] = (
    Status.DELIVERED,
    Status.RETURNED,
    Status.ATTEMPT_FAILED,
    Status.EXCEPTION,
    Status.AVAILABLE_FOR_PICKUP,
    Status.OUT_FOR_DELIVERY,
    Status.IN_TRANSIT,
    Status.INFO_RECEIVED,
    Status.UNKNOWN,
)

#: Statuses after which a shipment is finished unless later events say otherwise.
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.DELIVERED, Status.RETURNED})


class Milestone(StrEnum):
    """Where in the cross-border journey an event puts the parcel."""

    LABEL_CREATED = "label_created"
    PICKED_UP = "picked_up"
    FACILITY = "facility"
    EXPORT_CUSTOMS = "export_customs"
    DEPARTED_ORIGIN_COUNTRY = "departed_origin_country"
    ARRIVED_DESTINATION_COUNTRY = "arrived_destination_country"
    IMPORT_CUSTOMS = "import_customs"
    CUSTOMS_RELEASED = "customs_released"
    HANDED_TO_OTHER_CARRIER = "handed_to_other_carrier"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERY_ATTEMPT = "delivery_attempt"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERED = "delivered"
    RETURN = "return"
    NONE = "none"


#: The order milestones normally happen in; used to rank progress (``none`` ranks nowhere).
MILESTONE_ORDER: tuple[Milestone, ...] = (
    Milestone.LABEL_CREATED,
    Milestone.PICKED_UP,
    Milestone.FACILITY,
    Milestone.EXPORT_CUSTOMS,
    Milestone.DEPARTED_ORIGIN_COUNTRY,
    Milestone.ARRIVED_DESTINATION_COUNTRY,
    Milestone.IMPORT_CUSTOMS,
    Milestone.CUSTOMS_RELEASED,
    Milestone.HANDED_TO_OTHER_CARRIER,
    Milestone.OUT_FOR_DELIVERY,
    Milestone.DELIVERY_ATTEMPT,
    Milestone.AVAILABLE_FOR_PICKUP,
    Milestone.DELIVERED,
)


class Reason(StrEnum):
    """Why an exception or a failed attempt happened (``none`` for every other event)."""

    ADDRESS_ISSUE = "address_issue"
    RECIPIENT_UNAVAILABLE = "recipient_unavailable"
    CUSTOMS_DOCUMENTS_OR_DUTIES = "customs_documents_or_duties"
    CUSTOMS_HELD_OR_SEIZED = "customs_held_or_seized"
    REFUSED = "refused"
    DAMAGED = "damaged"
    LOST_OR_MISSING = "lost_or_missing"
    WEATHER_OR_FORCE_MAJEURE = "weather_or_force_majeure"
    CARRIER_DELAY_OR_CAPACITY = "carrier_delay_or_capacity"
    CANCELLED = "cancelled"
    OTHER = "other"
    NONE = "none"
