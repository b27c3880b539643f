"""FedEx Track API answers become tracking results: scans as FedEx gave them, errors as data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import CarrierAuthenticationFailed, CarrierError, MalformedPayload
from crosstrack.carriers.fedex.parse import parse_track_response
from crosstrack.domain.units import Measure, Unit

PAYLOADS = Path(__file__).parent / "payloads"


def payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_delivered_international_parcel_keeps_every_scan_as_given() -> None:
    [result] = parse_track_response(
        ["794616896420"], payload("delivered_international.json"), language="en"
    )
    assert result.outcome is Outcome.FOUND and result.carrier == "fedex"
    assert len(result.events) == 10
    delivered = result.events[0]
    assert delivered.description == "Delivered"
    assert delivered.raw_status_code == "DL"
    assert delivered.timestamp == "2024-05-10T10:42:00-04:00"
    assert delivered.location == "BROOKLYN, NY, 11201, US"
    assert delivered.tracking_number == "794616896420" and delivered.carrier == "fedex"
    assert delivered.language == "en"
    assert delivered.extra["derivedStatusCode"] == "DL"
    assert delivered.extra["locationType"] == "DELIVERY_LOCATION"
    assert delivered.extra["trackingNumberUniqueId"] == "2460442000~794616896420~FX"
    assert delivered.extra["location_fields"] == {
        "city": "BROOKLYN",
        "stateOrProvinceCode": "NY",
        "postalCode": "11201",
        "countryCode": "US",
    }
    assert "exceptionCode" not in delivered.extra  # empty strings are not data
    label = result.events[-1]
    assert label.raw_status_code == "OC" and label.location is None
    assert result.events[5].timestamp == "2024-05-08T09:40:00+08:00"
    assert result.linked_numbers == ()  # a shipper reference is no tracking number


def test_several_numbers_come_back_in_the_order_asked_and_omitted_ones_are_not_found() -> None:
    results = parse_track_response(
        ["123456789012", "999999999999", "776094337676"], payload("multiple_numbers.json")
    )
    assert [r.tracking_number for r in results] == ["123456789012", "999999999999", "776094337676"]
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.FOUND]
    assert results[0].error is not None and results[0].error.startswith(
        "TRACKING.TRACKINGNUMBER.NOTFOUND: Tracking number cannot be found"
    )
    found = results[2]
    assert [e.raw_status_code for e in found.events] == ["HP", "DE", "DE", "OD", "PU"]
    assert found.linked_numbers == ("776094339999",)
    assert found.estimated_delivery == "2024-04-26T00:00:00-06:00"


def test_the_exception_text_follows_the_event_text() -> None:
    [result] = parse_track_response(["776094337676"], payload("multiple_numbers.json"))
    attempt = result.events[2]
    assert attempt.description == ("Delivery exception: Customer not available or business closed")
    assert attempt.extra["eventDescription"] == "Delivery exception"
    assert attempt.extra["exceptionCode"] == "08"
    assert attempt.extra["exceptionDescription"] == "Customer not available or business closed"


def test_numbers_match_whatever_their_spacing_or_case() -> None:
    [result] = parse_track_response(["7760 9433 7676"], payload("multiple_numbers.json"))
    assert result.outcome is Outcome.FOUND and result.tracking_number == "7760 9433 7676"


def test_of_several_track_results_for_one_number_the_most_recent_is_used() -> None:
    [result] = parse_track_response(["776094337676"], payload("duplicate_track_results.json"))
    assert [e.raw_status_code for e in result.events] == ["DL", "OD", "AF"]
    assert result.events[0].extra["trackingNumberUniqueId"] == "2460426000~776094337676~FX"


def test_a_label_without_scans_yet_is_found() -> None:
    [label] = parse_track_response(["449044304137821"], payload("label_created_only.json"))
    assert label.outcome is Outcome.FOUND and [e.raw_status_code for e in label.events] == ["OC"]
    [empty] = parse_track_response(["449044304137838"], payload("no_scans_yet.json"))
    assert empty.outcome is Outcome.FOUND and empty.events == ()


def test_not_found_invalid_and_other_errors_are_per_number() -> None:
    [missing] = parse_track_response(["39936862321"], payload("not_found.json"))
    assert missing.outcome is Outcome.NOT_FOUND
    invalid, failed = parse_track_response(
        ["12345", "794616896420"], payload("per_number_errors.json")
    )
    assert invalid.outcome is Outcome.INVALID
    assert invalid.error == "TRACKING.TRACKINGNUMBER.INVALID: Invalid tracking numbers."
    assert failed.outcome is Outcome.ERROR
    assert failed.error is not None and failed.error.startswith("SYSTEM.UNAVAILABLE.EXCEPTION: ")


def test_a_top_level_per_number_error_answers_a_single_number() -> None:
    [result] = parse_track_response([""], payload("request_error.json"))
    assert result.outcome is Outcome.INVALID
    assert result.error == "TRACKING.TRACKINGNUMBER.EMPTY: Please provide tracking number."


def test_a_top_level_error_about_several_numbers_fails_the_request() -> None:
    with pytest.raises(CarrierError, match=r"TRACKING\.TRACKINGNUMBER\.EMPTY"):
        parse_track_response(["", "794616896420"], payload("request_error.json"))


def test_a_credentials_error_body_is_an_authentication_failure() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match=r"NOT\.AUTHORIZED\.ERROR"):
        parse_track_response(["794616896420"], payload("auth_error.json"))


def test_absurd_dates_are_returned_as_given() -> None:
    [result] = parse_track_response(["794616896420"], payload("absurd_dates.json"))
    assert [e.timestamp for e in result.events] == [
        "2099-12-31T23:59:00-05:00",
        "1970-01-01T00:00:00+00:00",
    ]


def test_an_empty_output_leaves_every_number_not_found() -> None:
    results = parse_track_response(["1", "2"], {"output": {}})
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.NOT_FOUND]


@pytest.mark.parametrize(
    "body",
    [
        payload("wrong_shape.json"),
        [],
        {"something": "else"},
        {"output": []},
        {"output": {"completeTrackResults": {"trackingNumber": "1"}}},
        {"output": {"completeTrackResults": ["1"]}},
        {"output": {"completeTrackResults": [{"trackingNumber": "1", "trackResults": [3]}]}},
        {
            "output": {
                "completeTrackResults": [{"trackingNumber": "1", "trackResults": [{"error": "x"}]}]
            }
        },
        {
            "output": {
                "completeTrackResults": [
                    {"trackingNumber": "1", "trackResults": [{"scanEvents": [{"date": ["2024"]}]}]}
                ]
            }
        },
        {
            "output": {
                "completeTrackResults": [
                    {
                        "trackingNumber": "1",
                        "trackResults": [{"scanEvents": [{"scanLocation": "X"}]}],
                    }
                ]
            }
        },
        {"errors": []},
    ],
)
def test_anything_outside_the_documented_shape_is_a_malformed_payload(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_track_response(["1"], body)


# --- the package's weight ---------------------------------------------------------------------


def test_the_first_weight_fedex_lists_is_kept_as_given() -> None:
    [result] = parse_track_response(["794616896420"], payload("delivered_international.json"))
    # FedEx lists 2.6 LB, then the same weight rounded to 1.18 KG: the first, as given.
    assert result.weight == Measure(Decimal("2.6"), Unit.POUND)
    assert result.weight is not None
    assert result.weight.to(Unit.KILOGRAM).value == Decimal("1.179340162")


def test_a_label_without_package_details_has_no_weight() -> None:
    [label] = parse_track_response(["449044304137821"], payload("label_created_only.json"))
    assert label.weight is None


def _with_weights(weights: Any) -> Any:
    body = payload("delivered_international.json")
    track_result = body["output"]["completeTrackResults"][0]["trackResults"][0]
    track_result["packageDetails"]["weightAndDimensions"]["weight"] = weights
    return body


def test_an_unreadable_first_weight_gives_way_to_the_next_one() -> None:
    body = _with_weights([{"value": "", "unit": "LB"}, {"value": "1.18", "unit": "KG"}])
    [result] = parse_track_response(["794616896420"], body)
    assert result.weight == Measure(Decimal("1.18"), Unit.KILOGRAM)


@pytest.mark.parametrize(
    "weights",
    [[], None, {"value": "2.6", "unit": "LB"}, [{"value": "2.6", "unit": "ST"}], ["2.6 LB"]],
)
def test_malformed_weights_are_left_out_and_the_result_stands(weights: Any) -> None:
    [result] = parse_track_response(["794616896420"], _with_weights(weights))
    assert result.outcome is Outcome.FOUND and len(result.events) == 10
    assert result.weight is None
