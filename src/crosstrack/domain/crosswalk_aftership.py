"""Crosswalk between our vocabularies and AfterShip's tags and subtags.

AfterShip tags every checkpoint with one of 9 tags and a subtag ``<Tag>_NNN``
(https://www.aftership.com/docs/tracking/enum/delivery-sub-statuses). There is no "returned"
tag: returns are ``Exception_010`` (returning) and ``Exception_011`` (returned). Subtags
``Exception_016``..``Exception_021`` were added in 2026 (only shipments tracked from
27 March 2026 get them); older integrations see ``Exception_005`` for every delay.
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
class AfterShipTag:
    """An AfterShip tag and subtag, e.g. ``AfterShipTag("Exception", "Exception_007")``."""

    tag: str
    subtag: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("tag", "subtag")

    def cells(self) -> tuple[str, ...]:
        """The values in :attr:`COLUMNS` order, for tables."""
        return (self.tag, self.subtag)


#: The 9 AfterShip tags.
AFTERSHIP_TAGS: tuple[str, ...] = (
    "Pending",
    "InfoReceived",
    "InTransit",
    "OutForDelivery",
    "AttemptFail",
    "Delivered",
    "AvailableForPickup",
    "Exception",
    "Expired",
)


def _code(code: str, description: str, meaning: Meaning, note: str = "") -> VendorCode:
    return VendorCode(code, description, meaning, note)


_PENDING = Meaning(S.PENDING)
_UNVERIFIED_PENDING = "unverified: a Pending variant; its exact wording was not confirmed"
_ATTEMPT = Meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER)
_DELIVERED = Meaning(S.DELIVERED, M.DELIVERED)
_RETURN = Meaning(S.RETURNED, M.RETURN)


def _exception(reason: Reason, milestone: Milestone = M.NONE) -> Meaning:
    return Meaning(S.EXCEPTION, milestone, reason)


#: Theirs → ours: every AfterShip subtag we know of, with the meaning we give it.
AFTERSHIP_SUBTAGS: tuple[VendorCode, ...] = (
    _code("Pending_001", "No information yet, or not tracked yet", _PENDING),
    _code("Pending_002", "Pending (variant)", _PENDING, _UNVERIFIED_PENDING),
    _code("Pending_003", "Pending (variant)", _PENDING, _UNVERIFIED_PENDING),
    _code("Pending_004", "Pending (variant)", _PENDING, _UNVERIFIED_PENDING),
    _code("Pending_005", "Pending (variant)", _PENDING, _UNVERIFIED_PENDING),
    _code("Pending_006", "Pending (variant)", _PENDING, _UNVERIFIED_PENDING),
    _code(
        "InfoReceived_001",
        "Carrier received the shipper's request, about to pick up",
        Meaning(S.INFO_RECEIVED, M.LABEL_CREATED),
    ),
    _code("InTransit_001", "Shipment on the way", Meaning(S.IN_TRANSIT)),
    _code("InTransit_002", "Acceptance scan", Meaning(S.IN_TRANSIT, M.PICKED_UP)),
    _code(
        "InTransit_003",
        "Arrival scan at a hub or sorting center",
        Meaning(S.IN_TRANSIT, M.FACILITY),
    ),
    _code(
        "InTransit_004",
        "Arrived at the destination country",
        Meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
    ),
    _code(
        "InTransit_005", "Customs clearance completed", Meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED)
    ),
    _code(
        "InTransit_006",
        "Customs clearance started (import or export; we read import)",
        Meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS),
    ),
    _code("InTransit_007", "Departure scan from a facility", Meaning(S.IN_TRANSIT, M.FACILITY)),
    _code("InTransit_008", "Problem resolved, in transit again", Meaning(S.IN_TRANSIT)),
    _code("InTransit_009", "Forwarded to a different delivery address", Meaning(S.IN_TRANSIT)),
    _code(
        "OutForDelivery_001", "Out for delivery", Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)
    ),
    _code(
        "OutForDelivery_002",
        "Available for pickup (before AvailableForPickup existed)",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
        "legacy",
    ),
    _code(
        "OutForDelivery_003",
        "Customer contacted before delivery",
        Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
    ),
    _code(
        "OutForDelivery_004",
        "Delivery appointment scheduled",
        Meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
    ),
    _code("AttemptFail_001", "Failed attempt", _ATTEMPT),
    _code(
        "AttemptFail_002",
        "Addressee not available",
        Meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE),
    ),
    _code(
        "AttemptFail_003",
        "Business closed",
        Meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE),
    ),
    _code("Delivered_001", "Delivered", _DELIVERED),
    _code("Delivered_002", "Picked up by the customer", _DELIVERED),
    _code("Delivered_003", "Signed for by the customer", _DELIVERED),
    _code("Delivered_004", "Delivered, cash on delivery collected", _DELIVERED),
    _code("Delivered_005", "Delivered to a neighbour", _DELIVERED),
    _code(
        "AvailableForPickup_001",
        "Arrived at a pickup point, available for pickup",
        Meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ),
    _code("Exception_001", "Exception (unspecified)", _exception(R.OTHER)),
    _code("Exception_002", "Customer moved", _exception(R.ADDRESS_ISSUE)),
    _code("Exception_003", "Customer refused delivery", _exception(R.REFUSED, M.DELIVERY_ATTEMPT)),
    _code(
        "Exception_004",
        "Delayed (customs clearance)",
        _exception(R.CUSTOMS_HELD_OR_SEIZED, M.IMPORT_CUSTOMS),
    ),
    _code(
        "Exception_005",
        "Delayed (external factors)",
        _exception(R.CARRIER_DELAY_OR_CAPACITY),
    ),
    _code(
        "Exception_006",
        "Held for payment (duties or cash on delivery; we read duties)",
        _exception(R.CUSTOMS_DOCUMENTS_OR_DUTIES),
    ),
    _code("Exception_007", "Incorrect address", _exception(R.ADDRESS_ISSUE)),
    _code(
        "Exception_008",
        "Pickup missed: not collected from the pickup point",
        _exception(R.RECIPIENT_UNAVAILABLE, M.AVAILABLE_FOR_PICKUP),
    ),
    _code("Exception_009", "Rejected by the carrier (non-compliant)", _exception(R.OTHER)),
    _code("Exception_010", "Returning to sender", _RETURN),
    _code("Exception_011", "Returned to sender", _RETURN),
    _code("Exception_012", "Shipment damaged", _exception(R.DAMAGED)),
    _code("Exception_013", "Shipment lost", _exception(R.LOST_OR_MISSING)),
    _code(
        "Exception_014",
        "Exception (meaning not confirmed)",
        _exception(R.OTHER),
        "unverified: code seen in the wild, meaning not in the docs we could read",
    ),
    _code(
        "Exception_015",
        "Exception (meaning not confirmed)",
        _exception(R.OTHER),
        "unverified: code seen in the wild, meaning not in the docs we could read",
    ),
    _code(
        "Exception_016",
        "Delayed (processing issue in the carrier network)",
        _exception(R.CARRIER_DELAY_OR_CAPACITY),
    ),
    _code(
        "Exception_017",
        "Delayed (extreme weather)",
        _exception(R.WEATHER_OR_FORCE_MAJEURE),
    ),
    _code(
        "Exception_018",
        "Held: incorrect or missing documents",
        _exception(R.CUSTOMS_DOCUMENTS_OR_DUTIES, M.IMPORT_CUSTOMS),
    ),
    _code(
        "Exception_019",
        "Delayed (late flight)",
        _exception(R.CARRIER_DELAY_OR_CAPACITY),
        "unverified: description from REFERENCE.md, not seen in the docs",
    ),
    _code(
        "Exception_020",
        "Cancelled",
        _exception(R.CANCELLED),
        "unverified: description from REFERENCE.md, not seen in the docs",
    ),
    _code(
        "Exception_021",
        "Disposed of (destroyed)",
        _exception(R.LOST_OR_MISSING),
        "unverified: description from REFERENCE.md, not seen in the docs",
    ),
    _code("Expired_001", "No tracking information for 30 days", Meaning(S.EXPIRED)),
)

_INDEX: Mapping[str, VendorCode] = index_codes(AFTERSHIP_SUBTAGS)


def _rule(
    status: Status, milestone: Milestone | None, reason: Reason | None, subtag: str
) -> ForwardRule[AfterShipTag]:
    return ForwardRule(status, milestone, reason, AfterShipTag(subtag.split("_")[0], subtag))


#: Ours → theirs, most specific first; the first rule that fits wins.
AFTERSHIP_FORWARD: tuple[ForwardRule[AfterShipTag], ...] = (
    _rule(S.PENDING, None, None, "Pending_001"),
    _rule(S.INFO_RECEIVED, None, None, "InfoReceived_001"),
    _rule(S.IN_TRANSIT, M.PICKED_UP, None, "InTransit_002"),
    _rule(S.IN_TRANSIT, M.FACILITY, None, "InTransit_003"),
    _rule(S.IN_TRANSIT, M.EXPORT_CUSTOMS, None, "InTransit_006"),
    _rule(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, None, "InTransit_007"),
    _rule(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, None, "InTransit_004"),
    _rule(S.IN_TRANSIT, M.IMPORT_CUSTOMS, None, "InTransit_006"),
    _rule(S.IN_TRANSIT, M.CUSTOMS_RELEASED, None, "InTransit_005"),
    _rule(S.IN_TRANSIT, None, None, "InTransit_001"),
    _rule(S.OUT_FOR_DELIVERY, None, None, "OutForDelivery_001"),
    _rule(S.AVAILABLE_FOR_PICKUP, None, None, "AvailableForPickup_001"),
    _rule(S.ATTEMPT_FAILED, None, R.RECIPIENT_UNAVAILABLE, "AttemptFail_002"),
    _rule(S.ATTEMPT_FAILED, None, None, "AttemptFail_001"),
    _rule(S.DELIVERED, None, None, "Delivered_001"),
    _rule(S.EXCEPTION, None, R.ADDRESS_ISSUE, "Exception_007"),
    _rule(S.EXCEPTION, M.AVAILABLE_FOR_PICKUP, R.RECIPIENT_UNAVAILABLE, "Exception_008"),
    _rule(S.EXCEPTION, None, R.CUSTOMS_DOCUMENTS_OR_DUTIES, "Exception_018"),
    _rule(S.EXCEPTION, None, R.CUSTOMS_HELD_OR_SEIZED, "Exception_004"),
    _rule(S.EXCEPTION, None, R.REFUSED, "Exception_003"),
    _rule(S.EXCEPTION, None, R.DAMAGED, "Exception_012"),
    _rule(S.EXCEPTION, None, R.LOST_OR_MISSING, "Exception_013"),
    _rule(S.EXCEPTION, None, R.WEATHER_OR_FORCE_MAJEURE, "Exception_017"),
    _rule(S.EXCEPTION, None, R.CARRIER_DELAY_OR_CAPACITY, "Exception_016"),
    _rule(S.EXCEPTION, None, R.CANCELLED, "Exception_020"),
    _rule(S.EXCEPTION, M.EXPORT_CUSTOMS, None, "Exception_004"),
    _rule(S.EXCEPTION, M.IMPORT_CUSTOMS, None, "Exception_004"),
    _rule(S.EXCEPTION, None, None, "Exception_001"),
    _rule(S.RETURNED, None, None, "Exception_010"),
    _rule(S.EXPIRED, None, None, "Expired_001"),
    # Lossy: AfterShip has no "unrecognised event"; it tags such checkpoints as in transit.
    _rule(S.UNKNOWN, None, None, "InTransit_001"),
)


def to_aftership(status: Status, milestone: Milestone, reason: Reason) -> AfterShipTag:
    """Our triple → the most specific AfterShip tag and subtag."""
    return first_fit(AFTERSHIP_FORWARD, status, milestone, reason)


def aftership_code(code: str | None) -> VendorCode | None:
    """The table entry for an AfterShip subtag, or for a bare tag (read as ``<Tag>_001``)."""
    entry = look_up(_INDEX, code)
    if entry is None and code is not None and "_" not in code.strip():
        entry = look_up(_INDEX, f"{code.strip()}_001")
    return entry


def from_aftership(code: str | None) -> Meaning | None:
    """An AfterShip subtag (``Exception_007``) or tag (``Exception``) → our meaning.

    An unknown subtag of a known tag (``InTransit_042``) falls back to the tag's meaning;
    anything else unknown gives ``None``.
    """
    entry = aftership_code(code)
    if entry is None and code is not None and "_" in code:
        entry = aftership_code(code.strip().split("_")[0])
    return None if entry is None else entry.meaning
