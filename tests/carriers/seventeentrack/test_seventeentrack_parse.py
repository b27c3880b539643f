"""17TRACK parsing: recorded API v2.2 answers and pushes → tracking results (pure)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.seventeentrack.parse import (
    data_of,
    parse_item,
    parse_push,
    parse_register,
    parse_track_info,
)
from crosstrack.domain.units import Measure, Unit

PAYLOADS = Path(__file__).parent / "payloads"


def _payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_number_with_origin_and_destination_providers_keeps_every_event_and_its_carrier() -> None:
    [result] = parse_track_info(
        _payload("gettrackinfo_delivered_two_providers.json"), ["LZ448865302CN"]
    )
    assert result.outcome is Outcome.FOUND
    assert result.carrier == "China Post"  # the provider 17TRACK registered the number with
    assert len(result.events) == 10
    assert {e.carrier for e in result.events} == {"USPS", "China Post"}
    assert all(e.tracking_number == "LZ448865302CN" for e in result.events)
    delivered = result.events[0]
    assert delivered.description == "Delivered, In/At Mailbox"
    assert delivered.raw_status_code == "Delivered_Other"
    assert delivered.timestamp == "2024-03-18T14:21:00-07:00"
    assert delivered.location == "LOS ANGELES, CA 90012"
    assert delivered.extra["stage"] == "Delivered"
    assert delivered.extra["time_utc"] == "2024-03-18T21:21:00Z"
    assert delivered.extra["time_raw"] == {"date": "2024-03-18", "time": "14:21"}
    assert delivered.extra["provider_key"] == 21051
    assert delivered.extra["code_table"] == "17track"
    assert delivered.extra["location_fields"] == {
        "city": "LOS ANGELES",
        "state": "CA",
        "postal_code": "90012",
        "country": "US",
    }
    assert result.estimated_delivery == "2024-03-19T00:00:00-07:00"


def test_an_event_without_location_text_and_address_has_no_location() -> None:
    [result] = parse_track_info(
        _payload("gettrackinfo_delivered_two_providers.json"), ["LZ448865302CN"]
    )
    info = result.events[-1]
    assert info.raw_status_code == "InfoReceived"
    assert info.location is None and "location_fields" not in info.extra


def test_a_batch_answer_gives_one_result_per_number_in_the_order_asked() -> None:
    asked = ["UJ778122399NL", "12", "YT2410921272104837", "RB000000000CN", "NEVER000ASKED"]
    results = parse_track_info(_payload("gettrackinfo_batch.json"), asked)
    assert [r.tracking_number for r in results] == asked
    assert [r.outcome for r in results] == [
        Outcome.ERROR,
        Outcome.INVALID,
        Outcome.FOUND,
        Outcome.NOT_FOUND,
        Outcome.NOT_FOUND,
    ]
    assert results[0].error is not None and "daily limit" in results[0].error
    assert results[3].error is not None and results[3].error.startswith("-18019909")


def test_a_local_last_mile_number_is_linked() -> None:
    [result] = parse_track_info(_payload("gettrackinfo_batch.json"), ["YT2410921272104837"])
    assert result.linked_numbers == ("00340434161094024512",)
    assert result.events[0].raw_status_code == "InTransit_CustomsRequiringInformation"
    assert result.events[0].timestamp == "2024-04-22T09:41:00+02:00"


def test_numbers_are_matched_whatever_their_case_and_spaces() -> None:
    [result] = parse_track_info(_payload("gettrackinfo_batch.json"), ["yt 2410921272104837"])
    assert result.outcome is Outcome.FOUND and result.tracking_number == "yt 2410921272104837"


def test_an_accepted_number_17track_calls_invalid_is_invalid_and_one_without_events_not_found() -> (
    None
):
    invalid, unknown = parse_track_info(
        _payload("gettrackinfo_invalid_code.json"), ["ZZ000000001XX", "LB112233445SG"]
    )
    assert invalid.outcome is Outcome.INVALID and invalid.error == "NotFound_InvalidCode"
    assert unknown.outcome is Outcome.NOT_FOUND and unknown.carrier == "Singapore Post"


def test_register_reports_only_the_numbers_it_refused_for_a_real_reason() -> None:
    refused = parse_register(_payload("register_mixed.json"))
    assert list(refused) == ["QWERTY"]  # already registered is fine
    assert refused["QWERTY"].outcome is Outcome.ERROR
    assert refused["QWERTY"].error is not None and "-18019903" in refused["QWERTY"].error


def test_a_refused_security_key_is_an_authentication_failure() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match="Invalid security key"):
        parse_track_info(_payload("auth_error.json"), ["LZ448865302CN"])


@pytest.mark.parametrize(
    ("code", "error"),
    [(-18010003, CarrierUnavailable), (-18010013, CarrierError), (-18010001, CarrierError)],
)
def test_whole_request_failures_raise_carrier_errors(code: int, error: type[CarrierError]) -> None:
    with pytest.raises(error):
        data_of({"code": code, "data": {"errors": [{"code": code, "message": "no"}]}})


def test_a_push_of_an_update_carries_the_number_and_its_events() -> None:
    [result] = parse_push(_payload("push_tracking_updated.json"))
    assert result.tracking_number == "1234567890" and result.outcome is Outcome.FOUND
    [event] = result.events
    assert event.carrier == "DHL Paket"
    assert event.raw_status_code == "AvailableForPickup_Other"
    assert event.location == "Germany"
    assert event.timestamp == "2022-09-14T08:47:00+01:00"


def test_a_push_that_tracking_stopped_carries_no_results() -> None:
    assert parse_push(_payload("push_tracking_stopped.json")) == ()


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {"code": "0", "data": {}},
        {"code": 0, "data": []},
        {"code": 0, "data": {"accepted": [{"number": 42}]}},
        {"code": 0, "data": {"accepted": [{"number": "A", "track_info": []}]}},
        {"code": 0, "data": {"rejected": [{"number": "A", "error": {"code": "x"}}]}},
        {
            "code": 0,
            "data": {
                "accepted": [
                    {
                        "number": "A",
                        "track_info": {
                            "tracking": {"providers": [{"events": [{"description": ["x"]}]}]}
                        },
                    }
                ]
            },
        },
    ],
)
def test_anything_not_in_the_documented_shape_is_a_malformed_payload(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_track_info(body, ["A"])


def test_a_recorded_answer_of_the_wrong_shape_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="not a list"):
        parse_track_info(_payload("wrong_shape.json"), ["LZ448865302CN"])


@pytest.mark.parametrize("body", [{"event": "TRACKING_UPDATED"}, {"data": {}}, "push"])
def test_a_push_not_in_the_documented_shape_is_malformed(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_push(body)


def test_events_dated_absurdly_are_kept_as_given() -> None:
    item = {
        "number": "A1",
        "track_info": {
            "tracking": {
                "providers": [
                    {
                        "provider": {"key": 1, "name": "Acme"},
                        "events": [
                            {"time_iso": "1970-01-01T00:00:00+00:00", "description": "Posted"},
                            {
                                "time_raw": {"date": "2199-12-31", "time": "23:59"},
                                "description": "?",
                            },
                        ],
                    }
                ]
            }
        },
    }
    result = parse_item(item)
    assert [e.timestamp for e in result.events] == ["1970-01-01T00:00:00+00:00", "2199-12-31 23:59"]


# --- the parcel's weight ----------------------------------------------------------------------


def test_a_raw_weight_without_its_unit_gives_way_to_17tracks_kilograms() -> None:
    [result] = parse_track_info(
        _payload("gettrackinfo_delivered_two_providers.json"), ["LZ448865302CN"]
    )
    # misc_info: "weight_raw": "0.21" names no unit; "weight_kg": "0.21" is in kg.
    assert result.weight == Measure(Decimal("0.21"), Unit.KILOGRAM)


def test_null_weights_are_no_weight() -> None:
    batch = _payload("gettrackinfo_batch.json")
    numbers = [item["number"] for item in batch["data"]["accepted"]]
    assert [r.weight for r in parse_track_info(batch, numbers)] == [None] * len(numbers)
    [pushed] = parse_push(_payload("push_tracking_updated.json"))
    assert pushed.weight is None


def _with_misc(weight_raw: Any, weight_kg: Any) -> Any:
    body = _payload("gettrackinfo_delivered_two_providers.json")
    misc = body["data"]["accepted"][0]["track_info"]["misc_info"]
    misc.update(weight_raw=weight_raw, weight_kg=weight_kg)
    return body


def test_a_raw_weight_that_names_its_unit_is_kept_as_the_carrier_wrote_it() -> None:
    [result] = parse_track_info(_with_misc("1.5 LBS", "0.68"), ["LZ448865302CN"])
    assert result.weight == Measure(Decimal("1.5"), Unit.POUND)


@pytest.mark.parametrize(
    ("weight_raw", "weight_kg"),
    [("0.21", None), ("0.21", "n/a"), (None, "0"), ("2 stone", None), (0.21, [0.21])],
)
def test_unreadable_weights_are_left_out_and_the_result_stands(
    weight_raw: Any, weight_kg: Any
) -> None:
    [result] = parse_track_info(_with_misc(weight_raw, weight_kg), ["LZ448865302CN"])
    assert result.outcome is Outcome.FOUND and len(result.events) == 10
    assert result.weight is None
