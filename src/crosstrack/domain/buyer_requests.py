"""What a buyer may ask from the tracking page when a parcel is in trouble, checked.

A buyer can correct the phone number the courier calls, correct the delivery address (within
the same country), or leave a delivery note ("leave it with the neighbour at no. 12"). Each
request is checked here, recorded on the shipment by the service and passed to the merchant
as a ``buyer.request`` notification: the merchant forwards it to the carrier, who alone can
change the delivery. Pure; phone numbers are checked by an adapter
(``crosstrack.geo.phones``) against the numbering plans.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.errors import DomainError

MAX_NOTE = 500
MAX_LINE = 200


class InvalidBuyerRequest(DomainError):
    """Raised when a buyer's correction or note cannot be used (``field`` names the input)."""

    code = "invalid_buyer_request"


class BuyerRequestKind(StrEnum):
    """What the buyer asks."""

    PHONE = "phone"
    ADDRESS = "address"
    DELIVERY_NOTE = "delivery_note"


ANSWERS: Mapping[BuyerRequestKind, frozenset[AlertKind]] = {
    BuyerRequestKind.PHONE: frozenset(
        {AlertKind.CONTACT_PROBLEM, AlertKind.FAILED_ATTEMPT, AlertKind.ADDRESS_RISK}
    ),
    BuyerRequestKind.ADDRESS: frozenset(
        {AlertKind.ADDRESS_PROBLEM, AlertKind.FAILED_ATTEMPT, AlertKind.ADDRESS_RISK}
    ),
    BuyerRequestKind.DELIVERY_NOTE: frozenset(
        {AlertKind.FAILED_ATTEMPT, AlertKind.CONTACT_PROBLEM, AlertKind.NOT_COLLECTED}
    ),
}
"""The alert kinds a request of each kind answers (the merchant sees them together)."""


@dataclass(frozen=True, slots=True)
class AddressCorrection:
    """A corrected delivery address. The country cannot change from the tracking page."""

    line1: str
    city: str
    postcode: str
    line2: str = ""
    region: str = ""

    def to_document(self) -> dict[str, str]:
        return {
            "line1": self.line1,
            "line2": self.line2,
            "city": self.city,
            "postcode": self.postcode,
            "region": self.region,
        }


def checked_address(
    *, line1: str, city: str, postcode: str, line2: str = "", region: str = ""
) -> AddressCorrection:
    """A corrected address with its required parts present and of sane length."""
    return AddressCorrection(
        line1=clean_text(line1, MAX_LINE, "address.line1"),
        line2=clean_text(line2, MAX_LINE, "address.line2", required=False),
        city=clean_text(city, MAX_LINE, "address.city"),
        postcode=clean_text(postcode, 32, "address.postcode"),
        region=clean_text(region, MAX_LINE, "address.region", required=False),
    )


def checked_note(text: str) -> str:
    """A delivery note of at most ``MAX_NOTE`` characters, control characters removed."""
    return clean_text(text, MAX_NOTE, "note", keep_newlines=True)


def masked_phone(e164: str) -> str:
    """A phone number with all but its last two digits hidden, for public pages."""
    digits = sum(ch.isdigit() for ch in e164)
    return "+" + "•" * max(0, digits - 2) + e164[-2:]


def clean_text(
    text: str, limit: int, field: str, *, required: bool = True, keep_newlines: bool = False
) -> str:
    kept = "".join(
        ch
        for ch in str(text)
        if not unicodedata.category(ch).startswith("C") or (keep_newlines and ch == "\n")
    ).strip()
    if required and not kept:
        raise InvalidBuyerRequest(f"{field} is required", field=field)
    if len(kept) > limit:
        raise InvalidBuyerRequest(f"{field} is longer than {limit} characters", field=field)
    return kept
