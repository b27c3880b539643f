"""Phone numbers checked against every country's numbering plan (Google's libphonenumber
data, from the ``phonenumbers`` package: offline)."""

from __future__ import annotations

import phonenumbers

from crosstrack.domain.buyer_requests import InvalidBuyerRequest, clean_text


class PhoneNumbers:
    """``PhoneChecker`` over ``phonenumbers``."""

    def check(self, text: str, country: str | None) -> str:
        """``text`` as an E.164 number (``+33612345678``) when it is a valid number; a
        national number is read in ``country`` (the destination)."""
        cleaned = clean_text(text, 40, "phone")
        try:
            number = phonenumbers.parse(cleaned, (country or "").upper() or None)
        except phonenumbers.NumberParseException as exc:
            raise InvalidBuyerRequest(
                f"not a phone number: {exc} (give it with its country code, "
                "e.g. +33 6 12 34 56 78)",
                field="phone",
            ) from exc
        if not phonenumbers.is_valid_number(number):
            raise InvalidBuyerRequest(
                "this phone number does not exist in its country's numbering plan", field="phone"
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
