"""Crosswalk between our vocabularies and 17TRACK's API v2 statuses and sub-statuses.

17TRACK reports a main ``status`` (9 values) and a ``sub_status`` (30 values, each prefixed by
its main status, except ``InfoReceived``), plus a milestone ``key_stage``. One deliberate
difference: ``InTransit_CustomsRequiringInformation`` is, for us, an exception (the parcel
waits for the buyer or the merchant to act), not routine transit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from crosstrack.domain.crosswalk_model import (
    ForwardRule,
    Meaning,
    VendorCode,
    first_fit,
    index_codes,
    look_up,
)
from crosstrack.domain.vocabulary import Milestone, Reason, Status

S, M, R = Status, Milestone, Reason


@dataclass(frozen=True, slots=True)
class SeventeenTrackStatus:
    """A 17TRACK main status and sub-status, e.g. ``("InTransit", "InTransit_Arrival")``."""

    status: str
    sub_status: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("status", "sub_status")

    def cells(self) -> tuple[str, ...]:
        """The values in :attr:`COLUMNS` order, for tables."""
        return (self.status, self.sub_status)


#: The 9 main statuses of 17TRACK API v2.
SEVENTEENTRACK_STATUSES: tuple[str, ...] = (
    "NotFound",
    "InfoReceived",
    "InTransit",
    "Expired",
    "AvailableForPickup",
    "OutForDelivery",
    "DeliveryFailure",
    "Delivered",
    "Exception",
)

_ATTEMPT = M.DELIVERY_ATTEMPT


def _code(code: str, description: str, meaning: Meaning, note: str = "") -> VendorCode:
    return VendorCode(code, description, meaning, note)


def _failure(reason: Reason) -> Meaning:
    return Meaning(S.ATTEMPT_FAILED, _ATTEMPT, reason)


def _exception(reason: Reason) -> Meaning:
    return Meaning(S.EXCEPTION, M.NONE, reason)


#: Theirs → ours: the 30 sub-statuses of 17TRACK API v2.
SEVENTEENTRACK_SUB_STATUSES: tuple[VendorCode, ...] = (
    _code("NotFound_Other", "The carrier returned no information", Meaning(S.PENDING)),
    _code("NotFound_InvalidCode", "The tracking number is invalid", Meaning(S.PENDING)),
    _code(
        "InfoReceived",
        "The carrier has the shipment's data",
        Meaning(S.INFO_RECEIVED, M.LABEL_CREATED),
    ),
    _code("InTransit_PickedUp", "Collected from the sender", Meaning(S.IN_TRANSIT, M.PICKED_UP)),
    _code("InTransit_Other", "In transit (no finer sub-status)", Meaning(S.IN_TRANSIT)),
    _code(
        "InTransit_Departure",
        "Left the origin country's port",
        Meaning(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
    ),
    _code(
        "InTransit_Arrival",
        "Arrived at the destination country's port",
        Meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
    ),
    _code(
        "InTransit_CustomsProcessing",
        "In customs clearance (import or export; we read import)",
        Meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS),
    ),
    _code(
        "InTransit_CustomsReleased",
        "Customs clearance completed",
        Meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),
    ),
    _code(
        "InTransit_CustomsRequiringInformation",
        "Customs needs information to clear",
        Meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES),
    ),
    _code("Expired_Other", "In transit too long without an end", Meaning(S.EXPIRED)),
    _code(
        "AvailableForPickup_Other",
        "Waiting for the recipient at a pickup point",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ),
    _code(
        "OutForDelivery_Other",
        "Out for delivery",
        Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
    ),
    _code("DeliveryFailure_Other", "Delivery failed (other cause)", _failure(R.OTHER)),
    _code(
        "DeliveryFailure_NoBody",
        "Recipient could not be reached",
        _failure(R.RECIPIENT_UNAVAILABLE),
    ),
    _code(
        "DeliveryFailure_Security",
        "Delivery failed on a security, customs or fee issue",
        _failure(R.OTHER),
    ),
    _code("DeliveryFailure_Rejected", "Recipient refused the parcel", _failure(R.REFUSED)),
    _code("DeliveryFailure_InvalidAddress", "Wrong address", _failure(R.ADDRESS_ISSUE)),
    _code("Delivered_Other", "Delivered", Meaning(S.DELIVERED, M.DELIVERED)),
    _code("Exception_Other", "Exception (other cause)", _exception(R.OTHER)),
    _code("Exception_Returning", "Returning to the sender", Meaning(S.RETURNED, M.RETURN)),
    _code("Exception_Returned", "Returned to the sender", Meaning(S.RETURNED, M.RETURN)),
    _code("Exception_NoBody", "Recipient cannot be found", _exception(R.RECIPIENT_UNAVAILABLE)),
    _code(
        "Exception_Security",
        "Held for security, customs or fee reasons",
        _exception(R.CUSTOMS_HELD_OR_SEIZED),
        "unverified: 17TRACK's wording mixes security, customs and fees; we read a customs hold",
    ),
    _code("Exception_Damage", "Damaged", _exception(R.DAMAGED)),
    _code("Exception_Rejected", "Refused by the recipient", _exception(R.REFUSED)),
    _code("Exception_Delayed", "Delayed", _exception(R.CARRIER_DELAY_OR_CAPACITY)),
    _code("Exception_Lost", "Lost", _exception(R.LOST_OR_MISSING)),
    _code("Exception_Destroyed", "Destroyed or disposed of", _exception(R.LOST_OR_MISSING)),
    _code("Exception_Cancel", "Cancelled", _exception(R.CANCELLED)),
)

#: 17TRACK ``key_stage`` (milestone) values → our milestone.
SEVENTEENTRACK_KEY_STAGES: Mapping[str, Milestone] = {
    "InfoReceived": M.LABEL_CREATED,
    "PickedUp": M.PICKED_UP,
    "Departure": M.DEPARTED_ORIGIN_COUNTRY,
    "Arrival": M.ARRIVED_DESTINATION_COUNTRY,
    "AvailableForPickup": M.AVAILABLE_FOR_PICKUP,
    "OutForDelivery": M.OUT_FOR_DELIVERY,
    "Delivered": M.DELIVERED,
    "Returning": M.RETURN,
    "Returned": M.RETURN,
}

_INDEX: Mapping[str, VendorCode] = index_codes(SEVENTEENTRACK_SUB_STATUSES)

#: Main status → the sub-status read when only the main status is given.
_MAIN_DEFAULT: Mapping[str, str] = {
    "notfound": "NotFound_Other",
    "inforeceived": "InfoReceived",
    "intransit": "InTransit_Other",
    "expired": "Expired_Other",
    "availableforpickup": "AvailableForPickup_Other",
    "outfordelivery": "OutForDelivery_Other",
    "deliveryfailure": "DeliveryFailure_Other",
    "delivered": "Delivered_Other",
    "exception": "Exception_Other",
}


def _rule(
    status: Status, milestone: Milestone | None, reason: Reason | None, sub_status: str
) -> ForwardRule[SeventeenTrackStatus]:
    main = sub_status.split("_")[0]
    return ForwardRule(status, milestone, reason, SeventeenTrackStatus(main, sub_status))


#: Ours → theirs, most specific first; the first rule that fits wins.
SEVENTEENTRACK_FORWARD: tuple[ForwardRule[SeventeenTrackStatus], ...] = (
    _rule(S.PENDING, None, None, "NotFound_Other"),
    _rule(S.INFO_RECEIVED, None, None, "InfoReceived"),
    _rule(S.IN_TRANSIT, M.PICKED_UP, None, "InTransit_PickedUp"),
    _rule(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, None, "InTransit_Departure"),
    _rule(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, None, "InTransit_Arrival"),
    _rule(S.IN_TRANSIT, M.EXPORT_CUSTOMS, None, "InTransit_CustomsProcessing"),
    _rule(S.IN_TRANSIT, M.IMPORT_CUSTOMS, None, "InTransit_CustomsProcessing"),
    _rule(S.IN_TRANSIT, M.CUSTOMS_RELEASED, None, "InTransit_CustomsReleased"),
    _rule(S.IN_TRANSIT, None, None, "InTransit_Other"),
    _rule(S.OUT_FOR_DELIVERY, None, None, "OutForDelivery_Other"),
    _rule(S.AVAILABLE_FOR_PICKUP, None, None, "AvailableForPickup_Other"),
    _rule(S.ATTEMPT_FAILED, None, R.RECIPIENT_UNAVAILABLE, "DeliveryFailure_NoBody"),
    _rule(S.ATTEMPT_FAILED, None, R.REFUSED, "DeliveryFailure_Rejected"),
    _rule(S.ATTEMPT_FAILED, None, R.ADDRESS_ISSUE, "DeliveryFailure_InvalidAddress"),
    _rule(S.ATTEMPT_FAILED, None, R.CUSTOMS_DOCUMENTS_OR_DUTIES, "DeliveryFailure_Security"),
    _rule(S.ATTEMPT_FAILED, None, R.CUSTOMS_HELD_OR_SEIZED, "DeliveryFailure_Security"),
    _rule(S.ATTEMPT_FAILED, None, None, "DeliveryFailure_Other"),
    _rule(S.DELIVERED, None, None, "Delivered_Other"),
    _rule(
        S.EXCEPTION, None, R.CUSTOMS_DOCUMENTS_OR_DUTIES, "InTransit_CustomsRequiringInformation"
    ),
    _rule(S.EXCEPTION, None, R.CUSTOMS_HELD_OR_SEIZED, "Exception_Security"),
    _rule(S.EXCEPTION, None, R.RECIPIENT_UNAVAILABLE, "Exception_NoBody"),
    _rule(S.EXCEPTION, None, R.REFUSED, "Exception_Rejected"),
    _rule(S.EXCEPTION, None, R.DAMAGED, "Exception_Damage"),
    _rule(S.EXCEPTION, None, R.LOST_OR_MISSING, "Exception_Lost"),
    _rule(S.EXCEPTION, None, R.CARRIER_DELAY_OR_CAPACITY, "Exception_Delayed"),
    _rule(S.EXCEPTION, None, R.WEATHER_OR_FORCE_MAJEURE, "Exception_Delayed"),
    _rule(S.EXCEPTION, None, R.CANCELLED, "Exception_Cancel"),
    _rule(S.EXCEPTION, None, None, "Exception_Other"),
    _rule(S.RETURNED, None, None, "Exception_Returning"),
    _rule(S.EXPIRED, None, None, "Expired_Other"),
    # Lossy: 17TRACK has no "unrecognised event"; InTransit_Other is its "anything else".
    _rule(S.UNKNOWN, None, None, "InTransit_Other"),
)


def to_seventeentrack(status: Status, milestone: Milestone, reason: Reason) -> SeventeenTrackStatus:
    """Our triple → the most specific 17TRACK main status and sub-status."""
    return first_fit(SEVENTEENTRACK_FORWARD, status, milestone, reason)


def seventeentrack_code(code: str | None) -> VendorCode | None:
    """The table entry for a 17TRACK sub-status, or for a main status (its ``_Other``)."""
    entry = look_up(_INDEX, code)
    if entry is None and code is not None:
        default = _MAIN_DEFAULT.get(code.strip().lower())
        entry = look_up(_INDEX, default)
    return entry


def from_seventeentrack(code: str | None, sub_status: str | None = None) -> Meaning | None:
    """A 17TRACK sub-status (``InTransit_CustomsProcessing``) or main status → our meaning.

    Pass the main status and the sub-status separately if you have both: the sub-status wins
    when known; an unknown sub-status falls back to its main status (the part before ``_``);
    anything else unknown gives ``None``.
    """
    for candidate in (sub_status, code):
        entry = seventeentrack_code(candidate)
        if entry is None and candidate is not None and "_" in candidate:
            entry = seventeentrack_code(candidate.strip().split("_")[0])
        if entry is not None:
            return entry.meaning
    return None


def milestone_from_seventeentrack_key_stage(key_stage: str | None) -> Milestone | None:
    """A 17TRACK ``key_stage`` (``Departure``, ``Arrival``...) → our milestone, or ``None``."""
    if key_stage is None:
        return None
    wanted = key_stage.strip().lower()
    for stage, milestone in SEVENTEENTRACK_KEY_STAGES.items():
        if stage.lower() == wanted:
            return milestone
    return None
