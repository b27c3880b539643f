"""UPS Track API answers become tracking results: events as UPS gave them, errors as data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.ups.parse import error_message, error_result, parse_track_response
from crosstrack.domain.units import Measure, Unit

PAYLOADS = Path(__file__).parent / "payloads"
NUMBER = "1Z5R89390357567127"


def payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_delivered_international_parcel_keeps_every_activity_as_given() -> None:
    result = parse_track_response(NUMBER, payload("delivered_international.json"), language="en")
    assert result.outcome is Outcome.FOUND and result.carrier == "ups"
    assert len(result.events) == 8
    delivered = result.events[0]
    assert delivered.description == "DELIVERED "
    assert delivered.raw_status_code == "D"
    assert delivered.timestamp == "20240425 112600"
    assert delivered.location == "Brooklyn, NY, 11201, US"
    assert delivered.carrier == "ups" and delivered.tracking_number == NUMBER
    assert delivered.language == "en"
    assert delivered.extra["status_code"] == "FS"
    assert delivered.extra["status_status_code"] == "011"
    assert delivered.extra["gmtOffset"] == "-04:00"
    assert delivered.extra["slic"] == "1123"
    assert delivered.extra["location_fields"] == {
        "city": "Brooklyn",
        "stateProvince": "NY",
        "postalCode": "11201",
        "countryCode": "US",
    }
    assert [e.raw_status_code for e in result.events] == ["D", "I", "X", "I", "I", "I", "P", "M"]
    assert result.events[-1].location == "CN"


def test_a_shipment_number_links_its_other_packages_and_partner_numbers() -> None:
    result = parse_track_response("1Z0V4E846801928353", payload("multi_package.json"))
    assert result.outcome is Outcome.FOUND
    assert [e.description for e in result.events] == [
        "Departed from Facility",
        "Arrived at Facility",
    ]
    assert result.linked_numbers == ("92748901234567890123456789", "1Z0V4E846801928362")
    assert result.estimated_delivery == "20240509"  # rescheduled beats scheduled


def test_a_reference_that_names_no_package_gets_every_package_events() -> None:
    result = parse_track_response("SHIPREF123", payload("multi_package.json"))
    assert len(result.events) == 3
    assert result.events[2].extra["package_tracking_number"] == "1Z0V4E846801928362"
    assert set(result.linked_numbers) == {
        "1Z0V4E846801928353",
        "1Z0V4E846801928362",
        "92748901234567890123456789",
    }


def test_a_label_without_scans_is_found_with_its_manifest_event() -> None:
    result = parse_track_response("1ZA0B1230312345674", payload("label_created_only.json"))
    assert result.outcome is Outcome.FOUND
    assert [e.raw_status_code for e in result.events] == ["M"]


def test_tw0001_warning_means_not_found() -> None:
    result = parse_track_response("1Z9999999999999999", payload("not_found.json"))
    assert result.outcome is Outcome.NOT_FOUND and result.events == ()
    assert result.error == "TW0001: Tracking Information Not Found"


def test_an_empty_shipment_means_not_found() -> None:
    body = {"trackResponse": {"shipment": [{"inquiryNumber": NUMBER}]}}
    assert parse_track_response(NUMBER, body).outcome is Outcome.NOT_FOUND


def test_other_warnings_are_per_number_errors() -> None:
    result = parse_track_response(NUMBER, payload("per_number_error.json"))
    assert result.outcome is Outcome.ERROR
    assert result.error == "TW0002: Tracking information is temporarily unavailable"


def test_an_invalid_inquiry_number_is_invalid() -> None:
    result = parse_track_response("1Z", payload("invalid_number.json"))
    assert result.outcome is Outcome.INVALID
    assert result.error == "TV1002: Invalid inquiry number"


def test_an_authentication_error_body_is_an_error_with_its_message() -> None:
    body = payload("auth_error.json")
    assert error_result(NUMBER, body).outcome is Outcome.ERROR
    assert error_message(body) == "250002: Invalid Authentication Information."
    assert error_message({"unexpected": True}) is None


def test_absurd_dates_are_returned_as_given() -> None:
    result = parse_track_response(NUMBER, payload("absurd_dates.json"))
    assert [e.timestamp for e in result.events] == ["19700101 000000", "20990101 120000"]


def test_an_activity_without_time_keeps_its_date_and_one_without_date_has_no_time() -> None:
    body = {
        "trackResponse": {
            "shipment": [
                {
                    "package": [
                        {
                            "trackingNumber": NUMBER,
                            "activity": [
                                {
                                    "status": {"type": "I", "description": "In Transit"},
                                    "date": "20240501",
                                },
                                {"status": {"type": "I", "description": "In Transit"}},
                            ],
                        }
                    ]
                }
            ]
        }
    }
    events = parse_track_response(NUMBER, body).events
    assert [e.timestamp for e in events] == ["20240501", None]
    assert events[0].location is None and "location_fields" not in events[0].extra


@pytest.mark.parametrize(
    "body",
    [
        payload("wrong_shape.json"),
        [],
        {"something": "else"},
        {"trackResponse": {"shipment": "none"}},
        {"trackResponse": {"shipment": [{"package": ["1Z"]}]}},
        {"trackResponse": {"shipment": [{"package": [{"activity": [{"status": "D"}]}]}]}},
        {"trackResponse": {"shipment": [{"package": [{"activity": [{"date": {"y": 2024}}]}]}]}},
        {"response": {"errors": []}},
        {"response": "down"},
    ],
)
def test_anything_outside_the_documented_shape_is_a_malformed_payload(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_track_response(NUMBER, body)


# --- the package's weight ---------------------------------------------------------------------


def test_the_packages_weight_is_kept_as_ups_gave_it() -> None:
    result = parse_track_response(NUMBER, payload("delivered_international.json"))
    assert result.weight == Measure(Decimal("1.20"), Unit.KILOGRAM)  # "KGS", "1.20"
    assert result.weight is not None and str(result.weight.value) == "1.20"


def test_a_number_naming_several_packages_has_no_one_weight() -> None:
    assert parse_track_response("SHIPREF123", payload("multi_package.json")).weight is None


def test_a_package_without_a_weight_has_none() -> None:
    result = parse_track_response("1ZA0B1230312345674", payload("label_created_only.json"))
    assert result.outcome is Outcome.FOUND and result.weight is None


@pytest.mark.parametrize(
    "weight",
    [
        {"unitOfMeasurement": "STONE", "weight": "1.20"},
        {"unitOfMeasurement": "KGS", "weight": "about one"},
        {"unitOfMeasurement": "LBS", "weight": "0.00"},  # not weighed yet
        {"unitOfMeasurement": {"code": "KGS"}, "weight": "1.20"},
        {"weight": "1.20"},
        "1.20 KGS",
        ["KGS", "1.20"],
    ],
)
def test_a_malformed_weight_is_left_out_and_the_result_stands(weight: Any) -> None:
    body = payload("delivered_international.json")
    body["trackResponse"]["shipment"][0]["package"][0]["weight"] = weight
    result = parse_track_response(NUMBER, body)
    assert result.outcome is Outcome.FOUND and len(result.events) == 8
    assert result.weight is None
