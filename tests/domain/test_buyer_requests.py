"""Buyers' corrections and notes are checked before anyone passes them to a carrier."""

from __future__ import annotations

import pytest

from crosstrack.domain.buyer_requests import (
    InvalidBuyerRequest,
    checked_address,
    checked_note,
    masked_phone,
)
from crosstrack.domain.carriers import CarrierLinks
from crosstrack.geo.phones import PhoneNumbers


def test_a_national_number_is_read_in_the_destination_country() -> None:
    assert PhoneNumbers().check("06 12 34 56 78", "FR") == "+33612345678"
    assert PhoneNumbers().check("+44 7911 123456", "FR") == "+447911123456"


@pytest.mark.parametrize("text", ["12", "call me", "+33 6 12", "+1 555 0100"])
def test_a_number_outside_the_numbering_plan_is_refused(text: str) -> None:
    with pytest.raises(InvalidBuyerRequest) as caught:
        PhoneNumbers().check(text, "FR")
    assert caught.value.field == "phone"


def test_an_address_needs_a_line_a_city_and_a_postcode() -> None:
    address = checked_address(line1=" 12 rue de la Paix\x00 ", city="Lyon", postcode="69001")
    assert address.line1 == "12 rue de la Paix" and address.to_document()["postcode"] == "69001"
    with pytest.raises(InvalidBuyerRequest) as caught:
        checked_address(line1="12 rue de la Paix", city=" ", postcode="69001")
    assert caught.value.field == "address.city"


def test_a_note_keeps_its_lines_and_has_a_length_limit() -> None:
    assert checked_note("Leave it with\nthe neighbour\x07") == "Leave it with\nthe neighbour"
    with pytest.raises(InvalidBuyerRequest):
        checked_note("x" * 501)
    with pytest.raises(InvalidBuyerRequest):
        checked_note("  \n ")


def test_a_masked_phone_shows_its_last_two_digits_only() -> None:
    assert masked_phone("+33612345678") == "+" + "•" * 9 + "78"


def test_a_carrier_tracking_page_escapes_the_number_and_needs_what_its_template_needs() -> None:
    postnl = CarrierLinks(
        "https://www.postnl.nl", "https://t.example/{number}-{country}-{postcode}"
    )
    assert postnl.tracking_page("3S ABC/1", postcode="1012 AB", country="NL") == (
        "https://t.example/3SABC%2F1-NL-1012AB"
    )
    assert postnl.tracking_page("3SABC1", country="NL") is None
    assert CarrierLinks("https://www.x.example").tracking_page("1") is None
