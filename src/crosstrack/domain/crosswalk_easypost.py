"""Crosswalk between our vocabularies and EasyPost's tracker status and status detail.

EasyPost gives each tracker and tracking detail a ``status`` (10 values) and a
``status_detail`` (28 values). The detail is the finer statement of what happened, so it may
raise the status by our precedence rule: ``in_transit`` with ``weather_delay`` is, for us, an
exception with reason ``weather_or_force_majeure``. EasyPost has no failed-attempt status and
no customs details: those directions are lossy and listed in ``docs/crosswalk.md``.
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
    refine,
)
from crosstrack.domain.vocabulary import Milestone, Reason, Status

S, M, R = Status, Milestone, Reason


@dataclass(frozen=True, slots=True)
class EasyPostStatus:
    """An EasyPost ``status`` and ``status_detail``, e.g. ``("pre_transit", "label_created")``."""

    status: str
    status_detail: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("status", "status_detail")

    def cells(self) -> tuple[str, ...]:
        """The values in :attr:`COLUMNS` order, for tables."""
        return (self.status, self.status_detail)


def _code(code: str, description: str, meaning: Meaning, note: str = "") -> VendorCode:
    return VendorCode(code, description, meaning, note)


def _exception(reason: Reason, milestone: Milestone = M.NONE) -> Meaning:
    return Meaning(S.EXCEPTION, milestone, reason)


_IN_TRANSIT = Meaning(S.IN_TRANSIT)

#: Theirs → ours: EasyPost's 10 tracker statuses.
EASYPOST_STATUSES: tuple[VendorCode, ...] = (
    _code("unknown", "No usable information", Meaning(S.UNKNOWN)),
    _code(
        "pre_transit",
        "Label created, not yet with the carrier",
        Meaning(S.INFO_RECEIVED, M.LABEL_CREATED),
    ),
    _code("in_transit", "In transit", _IN_TRANSIT),
    _code("out_for_delivery", "Out for delivery", Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)),
    _code("delivered", "Delivered", Meaning(S.DELIVERED, M.DELIVERED)),
    _code(
        "available_for_pickup",
        "Available for pickup",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ),
    _code("return_to_sender", "Returning to the sender", Meaning(S.RETURNED, M.RETURN)),
    _code(
        "failure",
        "Delivery failed or the shipment cannot continue",
        _exception(R.OTHER),
        "unverified: read as an exception; EasyPost may also use it for a failed attempt",
    ),
    _code("cancelled", "Cancelled", _exception(R.CANCELLED)),
    _code(
        "error",
        "EasyPost could not track the shipment",
        Meaning(S.UNKNOWN),
        "unverified: read as a tracking error, not a carrier event",
    ),
)

#: Theirs → ours: EasyPost's 28 ``status_detail`` values.
EASYPOST_STATUS_DETAILS: tuple[VendorCode, ...] = (
    _code(
        "address_correction", "The carrier corrected the address; the parcel moves on", _IN_TRANSIT
    ),
    _code(
        "arrived_at_destination",
        "Arrived at the destination (country or final place)",
        Meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
        "unverified: EasyPost also sends it with status delivered (the status then wins)",
    ),
    _code(
        "arrived_at_facility", "Arrived at a carrier facility", Meaning(S.IN_TRANSIT, M.FACILITY)
    ),
    _code(
        "arrived_at_pickup_location",
        "Arrived at the pickup location",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ),
    _code(
        "awaiting_information",
        "The carrier awaits information (usually customs paperwork)",
        _exception(R.CUSTOMS_DOCUMENTS_OR_DUTIES),
        "unverified: customs reading is ours; EasyPost does not say who must act",
    ),
    _code("cancelled", "Cancelled", _exception(R.CANCELLED)),
    _code("damaged", "Reported damaged", _exception(R.DAMAGED)),
    _code("delayed", "Delayed", _exception(R.CARRIER_DELAY_OR_CAPACITY)),
    _code("delivery_exception", "Delivery exception", _exception(R.OTHER)),
    _code("departed_facility", "Departed a carrier facility", Meaning(S.IN_TRANSIT, M.FACILITY)),
    _code(
        "departed_origin_facility",
        "Departed the origin facility",
        Meaning(S.IN_TRANSIT, M.FACILITY),
    ),
    _code("expired", "Tracking expired", Meaning(S.EXPIRED)),
    _code("failure", "Failure", _exception(R.OTHER)),
    _code("held", "Held at a carrier facility", _exception(R.OTHER)),
    _code("in_transit", "In transit", _IN_TRANSIT),
    _code("label_created", "Label created", Meaning(S.INFO_RECEIVED, M.LABEL_CREATED)),
    _code("lost", "Reported lost", _exception(R.LOST_OR_MISSING)),
    _code("missorted", "Missorted", _exception(R.CARRIER_DELAY_OR_CAPACITY)),
    _code("out_for_delivery", "Out for delivery", Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)),
    _code(
        "received_at_destination_facility",
        "Received at the destination facility",
        Meaning(S.IN_TRANSIT, M.FACILITY),
    ),
    _code(
        "received_at_origin_facility",
        "Received at the origin facility (first scan)",
        Meaning(S.IN_TRANSIT, M.PICKED_UP),
    ),
    _code("refused", "Refused by the recipient", _exception(R.REFUSED, M.DELIVERY_ATTEMPT)),
    _code("return", "Returning to the sender", Meaning(S.RETURNED, M.RETURN)),
    _code("status_update", "Informational update", Meaning(S.UNKNOWN)),
    _code(
        "transferred_to_destination_carrier",
        "Handed to the destination (last-mile) carrier",
        Meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),
    ),
    _code("transit_exception", "Exception in transit", _exception(R.OTHER)),
    _code("unknown", "Unknown", Meaning(S.UNKNOWN)),
    _code("weather_delay", "Weather delay", _exception(R.WEATHER_OR_FORCE_MAJEURE)),
)

_STATUS_INDEX: Mapping[str, VendorCode] = index_codes(EASYPOST_STATUSES)
_DETAIL_INDEX: Mapping[str, VendorCode] = index_codes(EASYPOST_STATUS_DETAILS)


def _rule(
    status: Status, milestone: Milestone | None, reason: Reason | None, ep_status: str, detail: str
) -> ForwardRule[EasyPostStatus]:
    return ForwardRule(status, milestone, reason, EasyPostStatus(ep_status, detail))


def _by_reason(status: Status) -> tuple[ForwardRule[EasyPostStatus], ...]:
    pairs: tuple[tuple[Reason, str, str], ...] = (
        (R.CANCELLED, "cancelled", "cancelled"),
        (R.WEATHER_OR_FORCE_MAJEURE, "in_transit", "weather_delay"),
        (R.CARRIER_DELAY_OR_CAPACITY, "in_transit", "delayed"),
        (R.CUSTOMS_DOCUMENTS_OR_DUTIES, "in_transit", "awaiting_information"),
        (R.CUSTOMS_HELD_OR_SEIZED, "in_transit", "held"),
        (R.REFUSED, "failure", "refused"),
        (R.DAMAGED, "failure", "damaged"),
        (R.LOST_OR_MISSING, "failure", "lost"),
        (R.ADDRESS_ISSUE, "failure", "delivery_exception"),
        (R.RECIPIENT_UNAVAILABLE, "failure", "delivery_exception"),
    )
    rules = tuple(_rule(status, None, reason, ep, detail) for reason, ep, detail in pairs)
    return (*rules, _rule(status, None, None, "failure", "transit_exception"))


#: Ours → theirs, most specific first; the first rule that fits wins.
EASYPOST_FORWARD: tuple[ForwardRule[EasyPostStatus], ...] = (
    # Lossy: a tracker with nothing to say is "unknown" at EasyPost.
    _rule(S.PENDING, None, None, "unknown", "unknown"),
    _rule(S.INFO_RECEIVED, None, None, "pre_transit", "label_created"),
    _rule(S.IN_TRANSIT, M.PICKED_UP, None, "in_transit", "received_at_origin_facility"),
    _rule(S.IN_TRANSIT, M.FACILITY, None, "in_transit", "arrived_at_facility"),
    _rule(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, None, "in_transit", "departed_facility"),
    _rule(
        S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, None, "in_transit", "arrived_at_destination"
    ),
    _rule(
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        None,
        "in_transit",
        "transferred_to_destination_carrier",
    ),
    _rule(S.IN_TRANSIT, None, None, "in_transit", "in_transit"),
    _rule(S.OUT_FOR_DELIVERY, None, None, "out_for_delivery", "out_for_delivery"),
    _rule(S.AVAILABLE_FOR_PICKUP, None, None, "available_for_pickup", "arrived_at_pickup_location"),
    # Lossy: EasyPost has no failed-attempt status; it comes back as an exception.
    _rule(S.ATTEMPT_FAILED, None, R.REFUSED, "failure", "refused"),
    _rule(S.ATTEMPT_FAILED, None, None, "failure", "delivery_exception"),
    # unverified: EasyPost has no "delivered" detail; arrived_at_destination is our best match.
    _rule(S.DELIVERED, None, None, "delivered", "arrived_at_destination"),
    *_by_reason(S.EXCEPTION),
    _rule(S.RETURNED, None, None, "return_to_sender", "return"),
    _rule(S.EXPIRED, None, None, "unknown", "expired"),
    _rule(S.UNKNOWN, None, None, "unknown", "unknown"),
)


def to_easypost(status: Status, milestone: Milestone, reason: Reason) -> EasyPostStatus:
    """Our triple → the closest EasyPost status and status detail."""
    return first_fit(EASYPOST_FORWARD, status, milestone, reason)


def easypost_status_code(code: str | None) -> VendorCode | None:
    """The table entry for an EasyPost tracker status, or ``None``."""
    return look_up(_STATUS_INDEX, code)


def easypost_detail_code(code: str | None) -> VendorCode | None:
    """The table entry for an EasyPost status detail, or ``None``."""
    return look_up(_DETAIL_INDEX, code)


def from_easypost(status: str | None, status_detail: str | None = None) -> Meaning | None:
    """An EasyPost status and optional status detail → our meaning.

    The detail refines the status and may raise it by precedence (``in_transit`` +
    ``weather_delay`` is an exception). A single code that is not a status is looked up as a
    status detail. Values we do not know give ``None``; an unknown detail next to a known
    status is ignored.
    """
    status_entry = easypost_status_code(status)
    if status_entry is None and status_detail is None:
        detail_entry = easypost_detail_code(status)
    else:
        detail_entry = easypost_detail_code(status_detail)
    if status_entry is None:
        return None if detail_entry is None else detail_entry.meaning
    if detail_entry is None:
        return status_entry.meaning
    return refine(status_entry.meaning, detail_entry.meaning, detail_may_change_status=True)
