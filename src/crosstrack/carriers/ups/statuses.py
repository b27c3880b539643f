"""UPS Track API activity status types (``activity.status.type``).

A type is a family, not one event: ``I`` covers every in-transit scan including "Out For
Delivery Today", ``X`` every exception including failed attempts. They are inexact, so the
activity's description refines them.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

CODES: CodeTable = {
    "d": meaning(S.DELIVERED, M.DELIVERED, exact=False),  # Delivered
    "i": meaning(S.IN_TRANSIT, exact=False),  # In transit
    "m": meaning(
        S.INFO_RECEIVED, M.LABEL_CREATED, exact=False
    ),  # Manifest: billing information received
    "mv": meaning(S.EXCEPTION, reason=R.CANCELLED),  # Billing information voided
    "o": meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, exact=False),  # Out for delivery
    "p": meaning(S.IN_TRANSIT, M.PICKED_UP, exact=False),  # Pickup
    "rs": meaning(S.RETURNED, M.RETURN),  # Returned to shipper
    "w": meaning(S.IN_TRANSIT, M.FACILITY, exact=False),  # Warehousing
    "x": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # Exception
}
