"""USPS tracking event codes (Tracking API ``eventCode``), as USPS documents them."""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_ADDRESS = meaning(S.EXCEPTION, M.NONE, R.ADDRESS_ISSUE)

CODES: CodeTable = {
    "01": meaning(S.DELIVERED, M.DELIVERED),  # Delivered
    "02": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),  # Notice left
    "03": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Accepted or picked up
    "04": meaning(S.EXCEPTION, M.DELIVERY_ATTEMPT, R.REFUSED),  # Refused
    "05": _ADDRESS,  # Undeliverable as addressed
    "06": meaning(S.IN_TRANSIT),  # Forwarded
    "07": meaning(S.IN_TRANSIT, M.FACILITY),  # Arrival at unit
    "08": meaning(S.IN_TRANSIT),  # Missent
    "09": meaning(S.RETURNED, M.RETURN),  # Return to sender
    "10": meaning(S.IN_TRANSIT, M.FACILITY),  # Processed through sort facility
    "11": meaning(S.EXCEPTION, M.NONE, R.LOST_OR_MISSING),  # Dead letter
    "14": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Arrival at pickup point
    "16": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Available for pickup
    "17": meaning(S.DELIVERED, M.DELIVERED),  # Picked up by agent
    "21": _ADDRESS,  # No such number
    "22": _ADDRESS,  # Insufficient address
    "23": _ADDRESS,  # Moved, left no address
    "24": _ADDRESS,  # Forward expired
    "25": _ADDRESS,  # Addressee unknown
    "26": _ADDRESS,  # Vacant
    "29": meaning(S.RETURNED, M.RETURN),  # Return to sender: not picked up
    "51": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE),  # Business closed
    "52": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),  # Notice left
    "53": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),  # Receptacle full / oversized
    "54": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),  # No secure location
    "55": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Held at post office
    "80": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Picked up by shipping partner
    "81": meaning(S.IN_TRANSIT, M.FACILITY),  # Arrived shipping partner facility
    "82": meaning(S.IN_TRANSIT, M.FACILITY),  # Departed shipping partner facility
    "gx": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Shipping label created
    "ma": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Pre-shipment information sent
    "oa": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Origin acceptance
    "of": meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),  # Out for delivery
    "pc": meaning(S.IN_TRANSIT, M.FACILITY),  # Sorting complete
}
