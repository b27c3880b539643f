"""DHL status codes: Express checkpoint event codes, as DHL documents them for its tracking
services, and the five ``statusCode`` values of the Shipment Tracking – Unified API.

The Unified API's ``statusCode`` is only a family (``transit`` covers every scan between pick-up
and delivery), so those entries are inexact and the event text refines them.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

CODES: CodeTable = {
    "af": meaning(S.IN_TRANSIT, M.FACILITY),  # Arrived at facility
    "ar": meaning(S.IN_TRANSIT, M.FACILITY),  # Arrival at delivery facility
    "ba": meaning(S.EXCEPTION, reason=R.ADDRESS_ISSUE),  # Bad address
    "cr": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # Clearance release
    "df": meaning(S.IN_TRANSIT, M.FACILITY),  # Departed facility
    "hp": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES),  # Held for payment
    "ms": meaning(S.IN_TRANSIT),  # Mis-sort
    "nh": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE),  # Not home
    "ok": meaning(S.DELIVERED, M.DELIVERED),  # Delivered
    "pl": meaning(S.IN_TRANSIT, M.FACILITY),  # Processed at location
    "pu": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Shipment picked up
    "rd": meaning(S.EXCEPTION, M.DELIVERY_ATTEMPT, R.REFUSED),  # Refused delivery
    "rt": meaning(S.RETURNED, M.RETURN),  # Returned to consignor
    "sa": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Shipment acceptance
    "tp": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # Forwarded to third party
    "wc": meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),  # With delivery courier
    # Shipment Tracking – Unified API ``statusCode`` values ("unknown" says nothing: no entry).
    "pre_transit": meaning(S.INFO_RECEIVED, M.LABEL_CREATED, exact=False),  # pre-transit
    "transit": meaning(S.IN_TRANSIT, exact=False),  # transit
    "delivered": meaning(S.DELIVERED, M.DELIVERED, exact=False),  # delivered
    "failure": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # failure (not a failed attempt)
}
