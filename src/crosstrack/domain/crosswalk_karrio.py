"""Crosswalk between our vocabularies and karrio's tracker status and incident reason.

karrio (``karrio.core.units``) normalises every carrier to ``TrackingStatus`` (the server's
``TrackerStatus``, 12 values) and, per event, a ``TrackingIncidentReason`` (35 values in the
core enum, grouped ``carrier_*``, ``retailer_*``, ``consignee_*``, ``customs_*``, weather and
other). karrio connectors derive the reason from the carrier's event code even for routine
events (a customs scan gets ``customs_delay`` with status ``in_transit``), so here the status is
authoritative: a reason refines the milestone, and is kept only on an exception or a failed
attempt.
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
class KarrioStatus:
    """A karrio tracker status and, when there is one, its incident reason."""

    status: str
    reason: str | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("status", "reason")

    def cells(self) -> tuple[str, ...]:
        """The values in :attr:`COLUMNS` order, for tables (an absent reason is ``-``)."""
        return (self.status, self.reason or "-")


def _code(code: str, description: str, meaning: Meaning, note: str = "") -> VendorCode:
    return VendorCode(code, description, meaning, note)


#: Theirs → ours: karrio's 12 tracker statuses.
KARRIO_STATUSES: tuple[VendorCode, ...] = (
    _code(
        "pending",
        "No scan yet, or label data only (connectors map label-created codes here)",
        Meaning(S.INFO_RECEIVED, M.LABEL_CREATED),
    ),
    _code("picked_up", "Picked up from the shipper", Meaning(S.IN_TRANSIT, M.PICKED_UP)),
    _code("on_hold", "Held by the carrier or customs", Meaning(S.EXCEPTION, M.NONE, R.OTHER)),
    _code("in_transit", "In transit", Meaning(S.IN_TRANSIT)),
    _code("out_for_delivery", "Out for delivery", Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)),
    _code(
        "ready_for_pickup",
        "Ready for pickup by the recipient",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ),
    _code(
        "delivery_delayed",
        "Delivery delayed",
        Meaning(S.EXCEPTION, M.NONE, R.CARRIER_DELAY_OR_CAPACITY),
    ),
    _code(
        "delivery_failed",
        "Delivery failed",
        Meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),
    ),
    _code("delivered", "Delivered", Meaning(S.DELIVERED, M.DELIVERED)),
    _code("return_to_sender", "Returning to the sender", Meaning(S.RETURNED, M.RETURN)),
    _code("cancelled", "Cancelled", Meaning(S.EXCEPTION, M.NONE, R.CANCELLED)),
    _code("unknown", "Not recognised by karrio", Meaning(S.UNKNOWN)),
)


def _reason(code: str, reason: Reason, milestone: Milestone = M.NONE, note: str = "") -> VendorCode:
    description = code.replace("_", " ")
    return VendorCode(code, description, Meaning(S.EXCEPTION, milestone, reason), note)


_CONNECTOR = "karrio connector value, not in the core enum"
_CUSTOMS = M.IMPORT_CUSTOMS

#: Theirs → ours: karrio's ``TrackingIncidentReason`` (core enum first, then values some
#: connectors emit). Each reads as an exception with that reason when it stands alone.
KARRIO_INCIDENT_REASONS: tuple[VendorCode, ...] = (
    _reason("carrier_damaged_parcel", R.DAMAGED),
    _reason("carrier_sorting_error", R.CARRIER_DELAY_OR_CAPACITY),
    _reason("carrier_address_not_found", R.ADDRESS_ISSUE),
    _reason("carrier_parcel_lost", R.LOST_OR_MISSING),
    _reason("carrier_not_enough_time", R.CARRIER_DELAY_OR_CAPACITY),
    _reason("carrier_vehicle_issue", R.CARRIER_DELAY_OR_CAPACITY),
    _reason("carrier_capacity_exceeded", R.CARRIER_DELAY_OR_CAPACITY),
    _reason("carrier_mechanical_delay", R.CARRIER_DELAY_OR_CAPACITY),
    _reason("retailer_cancelled", R.CANCELLED),
    _reason("retailer_incorrect_data", R.ADDRESS_ISSUE),
    _reason("retailer_not_ready", R.OTHER),
    _reason("retailer_incorrect_parcel", R.OTHER),
    _reason("retailer_incorrect_dimensions", R.OTHER),
    _reason("retailer_packaging_issue", R.OTHER),
    _reason("consignee_refused", R.REFUSED, M.DELIVERY_ATTEMPT),
    _reason("consignee_business_closed", R.RECIPIENT_UNAVAILABLE, M.DELIVERY_ATTEMPT),
    _reason("consignee_not_available", R.RECIPIENT_UNAVAILABLE, M.DELIVERY_ATTEMPT),
    _reason("consignee_not_home", R.RECIPIENT_UNAVAILABLE, M.DELIVERY_ATTEMPT),
    _reason("consignee_cancelled", R.CANCELLED),
    _reason("consignee_verification_failed", R.OTHER, M.DELIVERY_ATTEMPT),
    _reason("consignee_incorrect_address", R.ADDRESS_ISSUE),
    _reason("consignee_access_restricted", R.ADDRESS_ISSUE, M.DELIVERY_ATTEMPT),
    _reason("consignee_safe_place_unavailable", R.RECIPIENT_UNAVAILABLE, M.DELIVERY_ATTEMPT),
    _reason("customs_delay", R.CUSTOMS_HELD_OR_SEIZED, _CUSTOMS),
    _reason("customs_documentation", R.CUSTOMS_DOCUMENTS_OR_DUTIES, _CUSTOMS),
    _reason("customs_duties_unpaid", R.CUSTOMS_DOCUMENTS_OR_DUTIES, _CUSTOMS),
    _reason("customs_prohibited", R.CUSTOMS_HELD_OR_SEIZED, _CUSTOMS),
    _reason("customs_inspection", R.CUSTOMS_HELD_OR_SEIZED, _CUSTOMS),
    _reason("weather_delay", R.WEATHER_OR_FORCE_MAJEURE),
    _reason("natural_disaster", R.WEATHER_OR_FORCE_MAJEURE),
    _reason("force_majeure", R.WEATHER_OR_FORCE_MAJEURE),
    _reason("parcel_being_researched", R.LOST_OR_MISSING),
    _reason("security_issue", R.OTHER),
    _reason("regulatory_hold", R.CUSTOMS_HELD_OR_SEIZED),
    _reason("unknown", R.OTHER),
    _reason("carrier_delay", R.CARRIER_DELAY_OR_CAPACITY, note=_CONNECTOR),
    _reason("delivery_delayed", R.CARRIER_DELAY_OR_CAPACITY, note=_CONNECTOR),
    _reason("delivery_exception_hold", R.OTHER, note=_CONNECTOR),
    _reason("delivery_exception_undeliverable", R.OTHER, note=_CONNECTOR),
    _reason("delivery_exception_cancelled", R.CANCELLED, note=_CONNECTOR),
    _reason(
        "delivery_exception_redelivery", R.RECIPIENT_UNAVAILABLE, M.DELIVERY_ATTEMPT, _CONNECTOR
    ),
    _reason("wrong_address", R.ADDRESS_ISSUE, note=_CONNECTOR),
    _reason("unable_to_access", R.ADDRESS_ISSUE, M.DELIVERY_ATTEMPT, _CONNECTOR),
    _reason("payment_issue", R.OTHER, note=_CONNECTOR),
    _reason("hazmat", R.OTHER, note=_CONNECTOR),
)

_STATUS_INDEX: Mapping[str, VendorCode] = index_codes(KARRIO_STATUSES)
_REASON_INDEX: Mapping[str, VendorCode] = index_codes(KARRIO_INCIDENT_REASONS)


def _rule(
    status: Status,
    milestone: Milestone | None,
    reason: Reason | None,
    karrio_status: str,
    karrio_reason: str | None = None,
) -> ForwardRule[KarrioStatus]:
    return ForwardRule(status, milestone, reason, KarrioStatus(karrio_status, karrio_reason))


def _with_reasons(
    status: Status, karrio_status: str, handled: frozenset[Reason] = frozenset()
) -> tuple[ForwardRule[KarrioStatus], ...]:
    """One rule per reason not ``handled`` by earlier rules, then a catch-all."""
    specific = (
        _rule(status, None, ours, karrio_status, theirs)
        for ours, theirs in KARRIO_REASON_FORWARD.items()
        if ours not in handled
    )
    return (*specific, _rule(status, None, None, karrio_status))


#: Our reason → karrio incident reason (``none`` has none).
KARRIO_REASON_FORWARD: Mapping[Reason, str] = {
    R.ADDRESS_ISSUE: "consignee_incorrect_address",
    R.RECIPIENT_UNAVAILABLE: "consignee_not_home",
    R.CUSTOMS_DOCUMENTS_OR_DUTIES: "customs_documentation",
    R.CUSTOMS_HELD_OR_SEIZED: "customs_delay",
    R.REFUSED: "consignee_refused",
    R.DAMAGED: "carrier_damaged_parcel",
    R.LOST_OR_MISSING: "carrier_parcel_lost",
    R.WEATHER_OR_FORCE_MAJEURE: "weather_delay",
    R.CARRIER_DELAY_OR_CAPACITY: "carrier_capacity_exceeded",
    R.CANCELLED: "retailer_cancelled",
    R.OTHER: "unknown",
}

#: Ours → theirs, most specific first; the first rule that fits wins.
KARRIO_FORWARD: tuple[ForwardRule[KarrioStatus], ...] = (
    # Lossy: karrio's "pending" covers both "nothing yet" and "label created".
    _rule(S.PENDING, None, None, "pending"),
    _rule(S.INFO_RECEIVED, None, None, "pending"),
    _rule(S.IN_TRANSIT, M.PICKED_UP, None, "picked_up"),
    _rule(S.IN_TRANSIT, None, None, "in_transit"),
    _rule(S.OUT_FOR_DELIVERY, None, None, "out_for_delivery"),
    _rule(S.AVAILABLE_FOR_PICKUP, None, None, "ready_for_pickup"),
    *_with_reasons(S.ATTEMPT_FAILED, "delivery_failed"),
    _rule(S.DELIVERED, None, None, "delivered"),
    _rule(S.EXCEPTION, None, R.CANCELLED, "cancelled", "retailer_cancelled"),
    _rule(
        S.EXCEPTION,
        None,
        R.CARRIER_DELAY_OR_CAPACITY,
        "delivery_delayed",
        "carrier_capacity_exceeded",
    ),
    _rule(S.EXCEPTION, None, R.WEATHER_OR_FORCE_MAJEURE, "delivery_delayed", "weather_delay"),
    *_with_reasons(
        S.EXCEPTION,
        "on_hold",
        frozenset({R.CANCELLED, R.CARRIER_DELAY_OR_CAPACITY, R.WEATHER_OR_FORCE_MAJEURE}),
    ),
    _rule(S.RETURNED, None, None, "return_to_sender"),
    # Lossy: karrio has no "expired"; a tracker that went silent is "unknown" there.
    _rule(S.EXPIRED, None, None, "unknown"),
    _rule(S.UNKNOWN, None, None, "unknown"),
)


def to_karrio(status: Status, milestone: Milestone, reason: Reason) -> KarrioStatus:
    """Our triple → karrio tracker status, with an incident reason when ours has one."""
    return first_fit(KARRIO_FORWARD, status, milestone, reason)


def karrio_status_code(code: str | None) -> VendorCode | None:
    """The table entry for a karrio tracker status, or ``None``."""
    return look_up(_STATUS_INDEX, code)


def karrio_reason_code(code: str | None) -> VendorCode | None:
    """The table entry for a karrio incident reason, or ``None``."""
    return look_up(_REASON_INDEX, code)


def from_karrio(status: str | None, reason: str | None = None) -> Meaning | None:
    """A karrio tracker status and optional incident reason → our meaning.

    The status decides our status (a reason cannot turn ``in_transit`` into an exception,
    only add a milestone such as import customs), except that a reason upgrades ``unknown``.
    A reason without a recognised status (or a single code that is not a status but a
    reason) reads as an exception with that reason. Values we do not know give ``None``; an
    unknown reason next to a known status is ignored.
    """
    status_entry = karrio_status_code(status)
    if status_entry is None and reason is None:
        status_entry, reason_entry = None, karrio_reason_code(status)
    else:
        reason_entry = karrio_reason_code(reason)
    if status_entry is None:
        return None if reason_entry is None else reason_entry.meaning
    if reason_entry is None:
        return status_entry.meaning
    base = status_entry.meaning
    return refine(base, reason_entry.meaning, detail_may_change_status=base.status is S.UNKNOWN)
