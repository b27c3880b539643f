"""FedEx Track API scan event codes (``scanEvents[].eventType``), as FedEx documents them.

Codes whose meaning depends on the accompanying text are marked inexact.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

CODES: CodeTable = {
    "aa": meaning(S.IN_TRANSIT, M.FACILITY),  # At airport
    "ac": meaning(S.IN_TRANSIT, M.FACILITY),  # At Canada Post facility
    "ae": meaning(S.IN_TRANSIT),  # Shipment arriving early
    "af": meaning(S.IN_TRANSIT, M.FACILITY),  # At local FedEx facility
    "ao": meaning(S.IN_TRANSIT),  # Shipment arriving on-time
    "ar": meaning(S.IN_TRANSIT, M.FACILITY),  # Arrived at FedEx location
    "ax": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # At USPS facility
    "ca": meaning(S.EXCEPTION, reason=R.CANCELLED),  # Shipment cancelled
    "cc": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # Cleared customs
    "cd": meaning(
        S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False
    ),  # Clearance delay
    "ch": meaning(S.IN_TRANSIT),  # Location changed
    "cp": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS),  # Clearance in progress
    "dd": meaning(S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False),  # Delivery delay
    "de": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # Delivery exception
    "dl": meaning(S.DELIVERED, M.DELIVERED),  # Delivered
    "dp": meaning(S.IN_TRANSIT, M.FACILITY),  # Departed FedEx location
    "dy": meaning(
        S.IN_TRANSIT, exact=False
    ),  # Delay (informational; a cause makes it an exception)
    "eo": meaning(S.IN_TRANSIT),  # Enroute to origin airport
    "fd": meaning(S.IN_TRANSIT, M.FACILITY),  # At FedEx destination
    "hl": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Hold at location
    "hp": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Ready for recipient pickup
    "it": meaning(S.IN_TRANSIT),  # In transit
    "ix": meaning(S.IN_TRANSIT),  # In transit (see details)
    "lo": meaning(S.IN_TRANSIT, M.FACILITY),  # Left origin
    "oc": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Order created / shipment information sent
    "od": meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),  # On FedEx vehicle for delivery
    "of": meaning(S.IN_TRANSIT, M.FACILITY),  # At FedEx origin facility
    "ox": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # Shipment information sent to USPS
    "pd": meaning(S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False),  # Pickup delay
    "pf": meaning(S.IN_TRANSIT),  # Plane in flight
    "pl": meaning(S.IN_TRANSIT),  # Plane landed
    "pm": meaning(S.IN_TRANSIT),  # In progress
    "pu": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Picked up
    "px": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Picked up (see details)
    "rr": meaning(S.IN_TRANSIT),  # Delivery option requested (CDO)
    "rm": meaning(S.IN_TRANSIT),  # Delivery option modified
    "rc": meaning(S.IN_TRANSIT),  # Delivery option cancelled
    "rs": meaning(S.RETURNED, M.RETURN),  # Return to shipper
    "se": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # Shipment exception
    "sf": meaning(S.IN_TRANSIT, M.FACILITY),  # At sort facility
    "sp": meaning(S.IN_TRANSIT),  # Split status
    "tr": meaning(S.IN_TRANSIT, M.FACILITY),  # Transfer
}
