"""4PX tracking answers read into tracking results, exactly as the carrier gave them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload
from crosstrack.carriers.fourpx.parse import SLUG, parse_tracking

PAYLOADS = Path(__file__).parent / "payloads"
NUMBER = "4PX3001291278502CN"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def test_a_delivered_parcel_keeps_every_entry_as_given_newest_first() -> None:
    result = parse_tracking(load("tracking_delivered.json"), NUMBER)
    assert result.outcome is Outcome.FOUND and result.carrier == SLUG
    assert result.linked_numbers == ("06215215333330",)
    assert len(result.events) == 11
    delivered, first = result.events[0], result.events[-1]
    assert delivered.raw_status_code == "FPX_S_OK"
    assert delivered.description == "Shipment delivered."
    assert delivered.timestamp == "2024-09-11 14:02:55 UTC+02:00"
    assert delivered.location == "WIEN, Wien, AT"
    assert delivered.extra["location_fields"] == {"city": "Wien", "country": "AT"}
    assert delivered.extra["serverName"] == "Austrian Post"
    assert delivered.extra["destinationCountry"] == "AT"
    assert delivered.extra["timeZone"] == "UTC+02:00"
    assert first.raw_status_code == "FPX_L_RPIF" and first.location is None
    assert all(e.tracking_number == NUMBER and e.carrier == SLUG for e in result.events)


def test_chinese_texts_and_answers_without_zones_are_kept_untouched() -> None:
    result = parse_tracking(load("tracking_chinese_customs_hold.json"), "4PX3000987654321CN")
    assert result.linked_numbers == ()
    hold = result.events[0]
    assert hold.description == "海关扣留，需收件人确认关税"
    assert hold.timestamp == "2024-06-20 16:00:00"
    assert hold.extra == {"occurLocation": "CURITIBA", "destinationCountry": "BR"}


def test_a_number_without_entries_yet_is_not_found() -> None:
    result = parse_tracking(load("tracking_no_events_yet.json"), "4PX3002000000001CN")
    assert result.outcome is Outcome.NOT_FOUND and result.events == ()


@pytest.mark.parametrize(
    ("name", "outcome", "error"),
    [
        ("tracking_not_found.json", Outcome.NOT_FOUND, "TR000001: 查询不到该单号的轨迹信息"),
        ("tracking_invalid_number.json", Outcome.INVALID, "TR000002: 单号格式不合法"),
        ("tracking_error.json", Outcome.ERROR, "SYS000001: System busy, please try again later"),
    ],
)
def test_per_number_errors_become_results(name: str, outcome: Outcome, error: str) -> None:
    result = parse_tracking(load(name), NUMBER)
    assert (result.outcome, result.error) == (outcome, error)


def test_a_refused_signature_fails_the_request() -> None:
    with pytest.raises(CarrierAuthenticationFailed, match="10006"):
        parse_tracking(load("auth_error.json"), NUMBER)


def test_an_error_without_details_uses_the_message() -> None:
    result = parse_tracking({"result": "0", "msg": "失败"}, NUMBER)
    assert (result.outcome, result.error) == (Outcome.ERROR, "失败")


def test_absurd_dates_are_returned_as_given() -> None:
    body = {
        "result": "1",
        "data": {
            "trackingList": [{"businessLinkCode": "X", "occurDatetime": "2099-12-31 23:59:59"}]
        },
    }
    assert parse_tracking(body, NUMBER).events[0].timestamp == "2099-12-31 23:59:59"


@pytest.mark.parametrize(
    "body",
    [
        "text",
        {"data": {}},
        {"result": "1", "data": []},
        {"result": "0", "errors": "broken"},
        {"result": "0", "errors": ["broken"]},
        {"result": "1", "data": {"trackingList": [7]}},
        {"result": "1", "data": {"trackingList": [{"unrelated": 1}]}},
    ],
)
def test_anything_else_is_a_malformed_payload(body: object) -> None:
    with pytest.raises(MalformedPayload):
        parse_tracking(body, NUMBER)


def test_a_tracking_list_that_is_not_a_list_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="not a list"):
        parse_tracking(load("malformed_list_not_a_list.json"), NUMBER)
