"""AfterShip parsing: recorded Tracking API answers and webhooks → tracking results (pure)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.aftership.parse import (
    NOT_TRACKED,
    meta_of,
    parse_created,
    parse_tracking,
    parse_trackings,
    parse_webhook,
)
from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)

PAYLOADS = Path(__file__).parent / "payloads"


def _payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_two_trackings_give_one_result_per_number_in_the_order_asked() -> None:
    asked = ["1234567890", "YT2406521272059443", "NOT-THERE"]
    results = parse_trackings(_payload("get_trackings_two_numbers.json"), asked)
    assert [r.tracking_number for r in results] == asked
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.FOUND, Outcome.NOT_FOUND]
    assert results[2].error == NOT_TRACKED
    assert [r.carrier for r in results[:2]] == ["dhl", "yunexpress"]


def test_each_checkpoint_becomes_an_event_as_given() -> None:
    [result] = parse_trackings(_payload("get_trackings_two_numbers.json"), ["YT2406521272059443"])
    assert len(result.events) == 8
    first, last = result.events[0], result.events[-1]
    assert first.description == "Shipment information received"
    assert first.raw_status_code == "InfoReceived_001"
    assert first.timestamp == "2024-03-05T11:58:00+08:00"
    assert first.location == "Shenzhen, Guangdong, CN"
    assert first.carrier == "yunexpress"
    assert first.extra["tag"] == "InfoReceived" and first.extra["raw_tag"] == "OR"
    assert first.extra["code_table"] == "aftership"
    assert first.extra["location_fields"] == {
        "city": "Shenzhen",
        "state": "Guangdong",
        "country_region": "CHN",
        "country_region_name": "China",
    }
    assert last.carrier == "usps"  # the last-mile courier scanned it
    assert last.timestamp == "2024-03-18T14:02:00"  # no offset given: kept without one
    assert last.tracking_number == "YT2406521272059443"


def test_the_hand_over_number_and_the_couriers_estimate_are_kept() -> None:
    [result] = parse_trackings(_payload("get_trackings_two_numbers.json"), ["YT2406521272059443"])
    assert result.linked_numbers == ("9200190332567812345678",)
    assert result.estimated_delivery == "2024-03-19"


def test_a_pending_tracking_without_checkpoints_is_not_found_yet() -> None:
    [result] = parse_trackings(
        _payload("get_trackings_pending_and_missing.json"), ["LB123456785SG"]
    )
    assert result.outcome is Outcome.NOT_FOUND
    assert result.error == "Pending_001" and result.carrier == "singapore-post"


def test_numbers_are_matched_whatever_their_case_and_spaces() -> None:
    [result] = parse_trackings(
        _payload("get_trackings_pending_and_missing.json"), ["lb 123456785sg"]
    )
    assert result.tracking_number == "lb 123456785sg" and result.error == "Pending_001"


def test_a_location_is_joined_from_fields_when_the_text_is_missing() -> None:
    result = parse_tracking(
        {
            "tracking_number": "A1",
            "slug": "dhl",
            "tag": "InTransit",
            "checkpoints": [
                {"message": "Arrived", "city": "LEIPZIG", "zip": "04435", "country_iso3": "DEU"}
            ],
        }
    )
    assert result.events[0].location == "LEIPZIG, 04435, DEU"


def test_the_same_number_under_two_couriers_keeps_both_courses() -> None:
    body = {
        "meta": {"code": 200},
        "data": {
            "trackings": [
                {
                    "tracking_number": "A1",
                    "slug": "a",
                    "tag": "InTransit",
                    "checkpoints": [{"message": "one"}],
                },
                {
                    "tracking_number": "A1",
                    "slug": "b",
                    "tag": "InTransit",
                    "checkpoints": [{"message": "two"}],
                },
            ]
        },
    }
    [result] = parse_trackings(body, ["A1"])
    assert [(e.carrier, e.description) for e in result.events] == [("a", "one"), ("b", "two")]


def test_a_created_tracking_has_no_news_yet() -> None:
    result = parse_created(_payload("create_tracking_created.json"), "RB000000000CN")
    assert result is not None and result.outcome is Outcome.NOT_FOUND
    assert result.carrier == "china-post"


def test_an_existing_tracking_is_not_an_error() -> None:
    assert parse_created(_payload("create_tracking_exists.json"), "A1") is None


def test_an_unrecognised_number_is_invalid_and_a_missing_field_an_error() -> None:
    invalid = parse_created(_payload("create_tracking_invalid.json"), "QWERTY")
    assert invalid is not None and invalid.outcome is Outcome.INVALID
    assert invalid.error is not None and invalid.error.startswith("4012")
    error = parse_created(_payload("create_tracking_missing_field.json"), "B2")
    assert error is not None and error.outcome is Outcome.ERROR
    assert error.error is not None and "tracking_postal_code" in error.error


def test_a_refused_key_is_an_authentication_failure() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match="API Key is invalid"):
        parse_trackings(_payload("auth_error.json"), ["A1"])


def test_rate_limits_and_server_errors_are_unavailability_other_refusals_errors() -> None:
    with pytest.raises(CarrierUnavailable):
        meta_of({"meta": {"code": 429, "message": "Too many"}, "data": {}})
    with pytest.raises(CarrierError, match="4008"):
        parse_trackings({"meta": {"code": 4008, "message": "bad"}, "data": {}}, ["A1"])


def test_a_webhook_carries_its_tracking() -> None:
    [result] = parse_webhook(_payload("webhook_tracking_update.json"))
    assert result.tracking_number == "1234567890" and result.outcome is Outcome.FOUND
    [event] = result.events
    assert event.raw_status_code == "AttemptFail_002" and event.carrier == "dhl"


@pytest.mark.parametrize(
    "body",
    [
        None,
        {"data": {}},
        {"meta": {"code": "200"}, "data": {}},
        {"meta": {"code": 200}, "data": []},
        {"meta": {"code": 200}, "data": {"trackings": {}}},
        {"meta": {"code": 200}, "data": {"trackings": [{"slug": "dhl"}]}},
        {"meta": {"code": 200}, "data": {"trackings": [{"tracking_number": 7}]}},
        {
            "meta": {"code": 200},
            "data": {"trackings": [{"tracking_number": "A1", "checkpoints": [{"message": ["x"]}]}]},
        },
        {
            "meta": {"code": 200},
            "data": {"trackings": [{"tracking_number": "A1", "checkpoints": ["x"]}]},
        },
    ],
)
def test_anything_not_in_the_documented_shape_is_a_malformed_payload(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_trackings(body, ["A1"])


def test_a_recorded_answer_of_the_wrong_shape_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="not a list"):
        parse_trackings(_payload("wrong_shape.json"), ["YT2406521272059443"])


@pytest.mark.parametrize("body", [{"msg": {}}, {"event": "tracking_update"}, []])
def test_a_webhook_not_in_the_documented_shape_is_malformed(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_webhook(body)


def test_events_dated_absurdly_are_kept_as_given() -> None:
    result = parse_tracking(
        {
            "tracking_number": "A1",
            "tag": "InTransit",
            "checkpoints": [
                {"message": "Posted", "checkpoint_time": "1970-01-01T00:00:00"},
                {"message": "Later", "checkpoint_time": "2999-01-01"},
            ],
        }
    )
    assert [e.timestamp for e in result.events] == ["1970-01-01T00:00:00", "2999-01-01"]
