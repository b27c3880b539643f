"""The steps of a simulated cross-border journey and the ground truth each one stands for.

A step is what happened to the parcel (a pick-up, a customs release, a failed attempt); the
carrier's text and code for it come from :mod:`crosstrack.sim.texts` and
:mod:`crosstrack.sim.codes`. The truth (status, milestone, reason) is fixed per step, so every
carrier's wording of one step is checked against the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crosstrack.domain.vocabulary import Milestone, Reason, Status


class Step(StrEnum):
    """One kind of scan in a simulated journey."""

    LABEL_CREATED = "label_created"
    PICKED_UP = "picked_up"
    ORIGIN_ARRIVED = "origin_arrived"
    """Arrived at the first-mile sorting centre."""
    ORIGIN_DEPARTED = "origin_departed"
    """Left the first-mile sorting centre (towards the export hub)."""
    EXPORT_CUSTOMS = "export_customs"
    DEPARTED_ORIGIN = "departed_origin"
    """Line-haul flight left the origin country."""
    ARRIVED_DESTINATION = "arrived_destination"
    IMPORT_CUSTOMS = "import_customs"
    CUSTOMS_DOCUMENTS = "customs_documents"
    """Held: customs need documents or information."""
    CUSTOMS_DUTIES = "customs_duties"
    """Held: duties and taxes to pay."""
    CUSTOMS_RELEASED = "customs_released"
    HANDED_OVER = "handed_over"
    """The first-mile carrier hands the parcel to the last-mile one (names the new number)."""
    LAST_MILE_ACCEPTED = "last_mile_accepted"
    """The last-mile carrier accepts the parcel (its first scan, when it words it so)."""
    TRANSIT = "transit"
    """A scan that says only that the parcel is moving."""
    DEST_FACILITY = "dest_facility"
    OUT_FOR_DELIVERY = "out_for_delivery"
    ATTEMPT_ABSENT = "attempt_absent"
    """Delivery attempted, nobody home (a card left)."""
    ATTEMPT_ADDRESS = "attempt_address"
    """Delivery attempted, the address could not be found or is incomplete."""
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERED = "delivered"
    DELIVERED_NEIGHBOUR = "delivered_neighbour"
    DELIVERED_MAILBOX = "delivered_mailbox"
    COLLECTED = "collected"
    """Collected by the recipient at a pick-up point, locker or post office."""
    RETURNING = "returning"
    RETURNED = "returned"


@dataclass(frozen=True, slots=True)
class Truth:
    """What a step means in crosstrack's vocabularies."""

    status: Status
    milestone: Milestone
    reason: Reason = Reason.NONE


_T = Truth
_S = Status
_M = Milestone

TRUTH: dict[Step, Truth] = {
    Step.LABEL_CREATED: _T(_S.INFO_RECEIVED, _M.LABEL_CREATED),
    Step.PICKED_UP: _T(_S.IN_TRANSIT, _M.PICKED_UP),
    Step.ORIGIN_ARRIVED: _T(_S.IN_TRANSIT, _M.FACILITY),
    Step.ORIGIN_DEPARTED: _T(_S.IN_TRANSIT, _M.FACILITY),
    Step.EXPORT_CUSTOMS: _T(_S.IN_TRANSIT, _M.EXPORT_CUSTOMS),
    Step.DEPARTED_ORIGIN: _T(_S.IN_TRANSIT, _M.DEPARTED_ORIGIN_COUNTRY),
    Step.ARRIVED_DESTINATION: _T(_S.IN_TRANSIT, _M.ARRIVED_DESTINATION_COUNTRY),
    Step.IMPORT_CUSTOMS: _T(_S.IN_TRANSIT, _M.IMPORT_CUSTOMS),
    Step.CUSTOMS_DOCUMENTS: _T(_S.EXCEPTION, _M.IMPORT_CUSTOMS, Reason.CUSTOMS_DOCUMENTS_OR_DUTIES),
    Step.CUSTOMS_DUTIES: _T(_S.EXCEPTION, _M.IMPORT_CUSTOMS, Reason.CUSTOMS_DOCUMENTS_OR_DUTIES),
    Step.CUSTOMS_RELEASED: _T(_S.IN_TRANSIT, _M.CUSTOMS_RELEASED),
    Step.HANDED_OVER: _T(_S.IN_TRANSIT, _M.HANDED_TO_OTHER_CARRIER),
    Step.LAST_MILE_ACCEPTED: _T(_S.IN_TRANSIT, _M.PICKED_UP),
    Step.TRANSIT: _T(_S.IN_TRANSIT, _M.NONE),
    Step.DEST_FACILITY: _T(_S.IN_TRANSIT, _M.FACILITY),
    Step.OUT_FOR_DELIVERY: _T(_S.OUT_FOR_DELIVERY, _M.OUT_FOR_DELIVERY),
    Step.ATTEMPT_ABSENT: _T(_S.ATTEMPT_FAILED, _M.DELIVERY_ATTEMPT, Reason.RECIPIENT_UNAVAILABLE),
    Step.ATTEMPT_ADDRESS: _T(_S.ATTEMPT_FAILED, _M.DELIVERY_ATTEMPT, Reason.ADDRESS_ISSUE),
    Step.AVAILABLE_FOR_PICKUP: _T(_S.AVAILABLE_FOR_PICKUP, _M.AVAILABLE_FOR_PICKUP),
    Step.DELIVERED: _T(_S.DELIVERED, _M.DELIVERED),
    Step.DELIVERED_NEIGHBOUR: _T(_S.DELIVERED, _M.DELIVERED),
    Step.DELIVERED_MAILBOX: _T(_S.DELIVERED, _M.DELIVERED),
    Step.COLLECTED: _T(_S.DELIVERED, _M.DELIVERED),
    Step.RETURNING: _T(_S.RETURNED, _M.RETURN),
    Step.RETURNED: _T(_S.RETURNED, _M.RETURN),
}
"""The ground truth of every step."""
