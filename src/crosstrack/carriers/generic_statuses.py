"""Codes that are status words, used whatever the carrier (``DELIVERED``, ``in_transit``).

Many carriers and platforms put a status word where a code would go. They are families, not
events (a "delivered" code may carry "Left at front door" or "Signed for by JIMMY"), so all
are inexact and the text refines them.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, code_key, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_WORDS = {
    S.DELIVERED: (M.DELIVERED, ["delivered", "delivery successful", "complete", "completed"]),
    S.IN_TRANSIT: (
        M.NONE,
        ["in transit", "intransit", "transit", "en route", "enroute", "in_transit"],
    ),
    S.OUT_FOR_DELIVERY: (M.OUT_FOR_DELIVERY, ["out for delivery", "outfordelivery", "in delivery"]),
    S.INFO_RECEIVED: (
        M.LABEL_CREATED,
        [
            "pre transit",
            "info received",
            "inforeceived",
            "label created",
            "information received",
            "pre shipment",
            "created",
            "manifested",
            "electronic notification",
        ],
    ),
    S.AVAILABLE_FOR_PICKUP: (
        M.AVAILABLE_FOR_PICKUP,
        ["available for pickup", "ready for pickup", "availableforpickup", "awaiting collection"],
    ),
    S.ATTEMPT_FAILED: (
        M.DELIVERY_ATTEMPT,
        [
            "attempt fail",
            "attemptfail",
            "delivery failed",
            "failed attempt",
            "delivery failure",
            "deliveryfailure",
            "failure",
        ],
    ),
    S.RETURNED: (M.RETURN, ["returned", "return to sender", "returned to sender", "returning"]),
    S.EXCEPTION: (M.NONE, ["exception", "on hold", "delivery delayed", "delayed", "alert"]),
}

_PICKED_UP = ["picked up", "pickup", "pick up", "collected", "accepted", "registered"]

CODES: CodeTable = {
    **{
        code_key(word): meaning(
            status,
            milestone,
            R.OTHER if status in (S.EXCEPTION, S.ATTEMPT_FAILED) else R.NONE,
            exact=False,
        )
        for status, (milestone, words) in _WORDS.items()
        for word in words
    },
    **{code_key(word): meaning(S.IN_TRANSIT, M.PICKED_UP, exact=False) for word in _PICKED_UP},
    code_key("cancelled"): meaning(S.EXCEPTION, reason=R.CANCELLED, exact=False),
    code_key("canceled"): meaning(S.EXCEPTION, reason=R.CANCELLED, exact=False),
}
