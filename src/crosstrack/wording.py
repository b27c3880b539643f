"""The words people read for crosstrack's vocabulary, marked for the gettext catalogs.

English is the source language: each value is a ``messages`` catalog msgid
(``crosstrack/locales``), translated where it is shown (the tracking page, the public API,
buyer emails), so a status reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from crosstrack.domain.vocabulary import Milestone, Reason, Status

Gettext = Callable[[str], str]


def N_(text: str) -> str:
    """Mark a string for the catalog without translating it here."""
    return text


HEADLINES: dict[Status, str] = {
    Status.PENDING: N_("Your order is being prepared"),
    Status.INFO_RECEIVED: N_("The shipping label has been created"),
    Status.IN_TRANSIT: N_("Your parcel is on its way"),
    Status.OUT_FOR_DELIVERY: N_("Your parcel is out for delivery"),
    Status.AVAILABLE_FOR_PICKUP: N_("Your parcel is ready for pickup"),
    Status.ATTEMPT_FAILED: N_("A delivery attempt was made"),
    Status.DELIVERED: N_("Your parcel has been delivered"),
    Status.EXCEPTION: N_("There is a problem with your delivery"),
    Status.RETURNED: N_("Your parcel is going back to the seller"),
    Status.EXPIRED: N_("No recent tracking updates"),
}
MILESTONES: dict[Milestone, str] = {
    Milestone.LABEL_CREATED: N_("Label created"),
    Milestone.PICKED_UP: N_("Picked up"),
    Milestone.FACILITY: N_("At a sorting facility"),
    Milestone.EXPORT_CUSTOMS: N_("Export customs"),
    Milestone.DEPARTED_ORIGIN_COUNTRY: N_("Left the country of origin"),
    Milestone.ARRIVED_DESTINATION_COUNTRY: N_("Arrived in the destination country"),
    Milestone.IMPORT_CUSTOMS: N_("Import customs"),
    Milestone.CUSTOMS_RELEASED: N_("Released by customs"),
    Milestone.HANDED_TO_OTHER_CARRIER: N_("Handed to the delivering carrier"),
    Milestone.OUT_FOR_DELIVERY: N_("Out for delivery"),
    Milestone.DELIVERY_ATTEMPT: N_("Delivery attempted"),
    Milestone.AVAILABLE_FOR_PICKUP: N_("Ready for pickup"),
    Milestone.DELIVERED: N_("Delivered"),
    Milestone.RETURN: N_("Returning to the sender"),
    Milestone.NONE: N_("Update"),
}
REASONS: dict[Reason, str] = {
    Reason.ADDRESS_ISSUE: N_("Problem with the address"),
    Reason.RECIPIENT_UNAVAILABLE: N_("Nobody was available to receive it"),
    Reason.CUSTOMS_DOCUMENTS_OR_DUTIES: N_("Customs need documents or duties"),
    Reason.CUSTOMS_HELD_OR_SEIZED: N_("Held by customs"),
    Reason.REFUSED: N_("Delivery refused"),
    Reason.DAMAGED: N_("Damaged"),
    Reason.LOST_OR_MISSING: N_("Lost or missing"),
    Reason.WEATHER_OR_FORCE_MAJEURE: N_("Delayed by weather or events"),
    Reason.CARRIER_DELAY_OR_CAPACITY: N_("Delayed at the carrier"),
    Reason.CANCELLED: N_("Cancelled"),
    Reason.OTHER: N_("Other problem"),
}
"""Why an exception or a failed attempt happened, for the reader (``none`` says nothing)."""
