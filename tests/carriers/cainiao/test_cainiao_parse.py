"""Cainiao LINK answers and pushes read into tracking results, exactly as the carrier gave them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.cainiao.parse import SLUG, parse_push, parse_track_answer
from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_delivered_parcel_keeps_every_trace_as_given() -> None:
    result = parse_track_answer(load("track_delivered.json"), "LP00634825912345")
    assert result.outcome is Outcome.FOUND and result.carrier == SLUG
    assert result.linked_numbers == ("UH047219837YP",)
    assert len(result.events) == 11
    first, last = result.events[0], result.events[-1]
    assert first.description == "包裹已揽收，仓库已接单"
    assert first.raw_status_code == "GWMS_ACCEPT"
    assert first.timestamp == "2024-03-01 09:12:40 GMT+8"
    assert first.extra["standerdDesc"] == "Order received by warehouse"
    assert first.extra["group"] == {"nodeCode": "CW_ACCEPT", "nodeDesc": "已揽收"}
    assert last.raw_status_code == "GTMS_SIGNED"
    assert last.location == "Valencia, Spain"
    assert last.extra["location_fields"] == {"city": "Valencia", "country": "Spain"}
    assert all(e.tracking_number == "LP00634825912345" and e.carrier == SLUG for e in result.events)


def test_epoch_times_stay_instants_and_the_deprecated_list_name_is_read() -> None:
    result = parse_track_answer(load("track_in_transit_epoch.json"), "LP00711223344556")
    assert result.outcome is Outcome.FOUND and result.linked_numbers == ()
    assert [e.timestamp for e in result.events] == [
        "1717120380000",
        "1717300800000",
        "1717473600000",
    ]
    assert result.events[0].extra["timeStr"] == "2024-05-31 10:53:00"
    assert result.events[2].extra["group"] == "CLEAR_CUSTOMS"


def test_a_parcel_without_traces_yet_is_not_found() -> None:
    result = parse_track_answer(load("track_no_traces_yet.json"), "LP00999000111222")
    assert result.outcome is Outcome.NOT_FOUND and result.events == ()


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        ("track_not_found.json", Outcome.NOT_FOUND),
        ("track_invalid_number.json", Outcome.INVALID),
        ("track_error.json", Outcome.ERROR),
    ],
)
def test_per_number_errors_become_results(name: str, outcome: Outcome) -> None:
    result = parse_track_answer(load(name), "LP00123")
    assert result.outcome is outcome
    assert result.error is not None and result.error.startswith(load(name)["errorCode"])


def test_a_refused_signature_is_an_authentication_failure() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match="S02"):
        parse_track_answer(load("auth_error.json"), "LP00123")


def test_a_push_of_two_parcels_gives_two_results() -> None:
    results = parse_push(load("push_two_parcels.json"))
    assert [r.tracking_number for r in results] == ["LP00811112222333", "LP00844445555666"]
    assert results[0].linked_numbers == ("RB123456785SG",)
    pickup = results[0].events[1]
    assert pickup.location == "CVS Pharmacy 1234 Main St, Boston, US"
    assert pickup.timestamp == "2024-04-12 09:14:00 GMT-04:00"
    assert results[1].events[0].description == "投递失败，收件人不在家"


def test_a_push_may_come_as_json_text_or_wrapped_in_data() -> None:
    text = (PAYLOADS / "push_two_parcels.json").read_text(encoding="utf-8")
    assert len(parse_push(text)) == 2
    assert len(parse_push({"data": load("push_two_parcels.json")})) == 2
    assert len(parse_push(load("push_two_parcels.json")[0])) == 1


def test_a_zone_name_is_kept_aside_rather_than_glued_to_the_time() -> None:
    body = {
        "success": "true",
        "data": {
            "traceList": [
                {
                    "time": "2024-01-02 03:04:05",
                    "timeZone": "Asia/Shanghai",
                    "desc": "x",
                    "actionCode": "A",
                }
            ]
        },
    }
    event = parse_track_answer(body, "N").events[0]
    assert event.timestamp == "2024-01-02 03:04:05" and event.extra["timeZone"] == "Asia/Shanghai"


def test_absurd_dates_are_returned_as_given() -> None:
    body = {
        "success": "true",
        "data": {
            "traceList": [
                {"time": "1970-01-01 00:00:00", "timeZone": "GMT+8", "desc": "x", "actionCode": "A"}
            ]
        },
    }
    assert parse_track_answer(body, "N").events[0].timestamp == "1970-01-01 00:00:00 GMT+8"


@pytest.mark.parametrize(
    "body",
    [
        [],
        "not an object",
        {"data": {}},
        {"success": "true", "data": []},
        {"success": "true", "data": {"traceDetailList": [1, 2]}},
        {"success": "true", "data": {"traceDetailList": [{"unrelated": "x"}]}},
    ],
)
def test_anything_else_is_a_malformed_payload(body: object) -> None:
    with pytest.raises(MalformedPayload):
        parse_track_answer(body, "N")


def test_a_trace_list_that_is_not_a_list_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="not a list"):
        parse_track_answer(load("malformed_traces_not_a_list.json"), "N")


@pytest.mark.parametrize("content", ["{not json", 42, [1], [{"traceList": []}]])
def test_malformed_pushes_are_refused(content: object) -> None:
    with pytest.raises(MalformedPayload):
        parse_push(content)
