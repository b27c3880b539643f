"""YunExpress tracking answers read into tracking results, exactly as the carrier gave them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload
from crosstrack.carriers.yunexpress.parse import SLUG, parse_track_info

PAYLOADS = Path(__file__).parent / "payloads"
WAYBILL = "YT2409312345678901"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_delivered_parcel_keeps_every_detail_as_given() -> None:
    result = parse_track_info(load("track_delivered.json"), WAYBILL)
    assert result.outcome is Outcome.FOUND and result.carrier == SLUG
    assert result.linked_numbers == ("9200190312345678901234",)
    assert len(result.events) == 10
    arrived = result.events[1]
    assert arrived.description == "已到达始发地处理中心"
    assert arrived.raw_status_code == "FIRST_MILE_ARRIVE"
    assert arrived.timestamp == "2024-04-01T21:04:10"
    assert arrived.location == "深圳集货中心, 深圳, 广东, CN"
    assert arrived.extra["location_fields"] == {"city": "深圳", "province": "广东", "country": "CN"}
    assert arrived.extra["TrackCodeDescription"] == "Arrived at origin facility"
    assert arrived.extra["TrackingStatus"] == "20"
    assert result.events[0].location == "CN"
    assert result.events[-1].raw_status_code == "DELIVERED"
    assert all(e.tracking_number == WAYBILL and e.carrier == SLUG for e in result.events)


def test_the_result_code_pair_is_read_too() -> None:
    result = parse_track_info(load("track_customs_hold_then_returned.json"), "YT2410112233445566")
    assert result.outcome is Outcome.FOUND and result.linked_numbers == ()
    assert [e.raw_status_code for e in result.events] == [
        "MAIN_LINE_ARRIVE",
        "CUSTOMS_HOLD",
        "RETURNED_TO_SENDER",
    ]


def test_a_parcel_without_details_yet_is_not_found_but_linked() -> None:
    result = parse_track_info(load("track_no_details_yet.json"), "CUSTOMER-ORDER-1")
    assert result.outcome is Outcome.NOT_FOUND
    assert result.linked_numbers == ("YT2410199998887776",)


@pytest.mark.parametrize(
    ("name", "outcome", "error"),
    [
        ("track_not_found.json", Outcome.NOT_FOUND, "1001: 查询不到该单号的轨迹信息"),
        ("track_invalid_number.json", Outcome.INVALID, "1002: 单号格式不正确"),
        ("track_error.json", Outcome.ERROR, "5000: 系统繁忙，请稍后再试"),
    ],
)
def test_per_number_errors_become_results(name: str, outcome: Outcome, error: str) -> None:
    result = parse_track_info(load(name), WAYBILL)
    assert (result.outcome, result.error) == (outcome, error)


def test_refused_credentials_fail_the_request() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match="1006"):
        parse_track_info(load("auth_error.json"), WAYBILL)


def test_an_item_of_null_with_success_is_not_found() -> None:
    assert parse_track_info({"Item": None, "Code": "0000"}, WAYBILL).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"Item": {}},
        {"Code": "0000", "Item": []},
        {"Code": "0000", "Item": {"OrderTrackingDetails": [None]}},
        {"Code": "0000", "Item": {"OrderTrackingDetails": [{"Unrelated": 1}]}},
    ],
)
def test_anything_else_is_a_malformed_payload(body: object) -> None:
    with pytest.raises(MalformedPayload):
        parse_track_info(body, WAYBILL)


def test_a_detail_list_that_is_not_a_list_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="not a list"):
        parse_track_info(load("malformed_details_not_a_list.json"), WAYBILL)
