"""USPS Tracking API v3 answers become tracking results: events as given, errors as data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.usps.parse import parse_error, parse_tracking

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text())


def test_a_delivered_parcel_keeps_every_event_in_the_order_usps_gave() -> None:
    result = parse_tracking("9400111899223456789012", load("tracking_delivered.json"))
    assert result.outcome is Outcome.FOUND
    assert result.carrier == "usps"
    assert [e.raw_status_code for e in result.events] == [
        "01",
        "OF",
        "07",
        "TL",
        "T1",
        "10",
        "03",
        "GX",
    ]
    first = result.events[0]
    assert first.description == "Delivered, In/At Mailbox"
    assert first.location == "PORTLAND, OR 97214"
    assert first.tracking_number == "9400111899223456789012"
    assert first.carrier == "usps"


def test_the_gmt_offset_usps_gives_is_appended_to_the_local_time_and_the_originals_kept() -> None:
    first = parse_tracking("N", load("tracking_delivered.json")).events[0]
    assert first.timestamp == "2025-03-07T14:41:00-08:00"
    assert first.extra["eventTimestamp"] == "2025-03-07T14:41:00"
    assert first.extra["GMTTimestamp"] == "2025-03-07T22:41:17Z"
    assert first.extra["authorizedAgent"] is False
    assert "firm" not in first.extra  # nulls are not kept


def test_an_event_without_a_place_has_no_location_and_zip_code_spellings_both_work() -> None:
    events = parse_tracking("N", load("tracking_delivered.json")).events
    assert events[3].location is None
    assert events[6].location == "BROOKLYN, NY 11222"  # given as eventZIPCode


def test_without_an_offset_the_local_time_is_kept_as_given_even_when_absurd() -> None:
    result = parse_tracking("LZ123456785CN", load("tracking_inbound_international.json"))
    assert result.events[0].timestamp == "2025-04-14T09:15:00"
    assert result.events[0].extra["firm"] == "SOUTH AUSTIN STATION"
    assert result.events[2].location == "GUANGZHOU, CHINA"
    assert result.events[3].timestamp == "1970-01-01T00:00:00"
    assert result.estimated_delivery == "2025-04-15T20:00:00"


def test_a_number_with_no_events_yet_is_found_with_no_events() -> None:
    result = parse_tracking("9205590164917312751089", load("tracking_no_events_yet.json"))
    assert result.outcome is Outcome.FOUND and result.events == ()


@pytest.mark.parametrize(
    ("name", "status", "outcome", "message"),
    [
        ("error_not_found.json", 404, Outcome.NOT_FOUND, "could not be found"),
        ("error_invalid_number.json", 400, Outcome.INVALID, "valid USPS tracking number"),
        ("error_unprocessable.json", 422, Outcome.ERROR, "Unable to retrieve"),
        ("error_auth.json", 401, Outcome.ERROR, "invalid_client: Client authentication failed."),
    ],
)
def test_error_answers_are_results_for_that_number(
    name: str, status: int, outcome: Outcome, message: str
) -> None:
    result = parse_error("9400100000000000000000", load(name), status)
    assert result.outcome is outcome
    assert result.error is not None and message in result.error
    assert result.events == ()


def test_an_error_page_that_was_not_json_still_gives_a_message() -> None:
    result = parse_error("N", None, 404)
    assert result.outcome is Outcome.NOT_FOUND and result.error == "USPS answered HTTP 404"


def test_an_error_body_in_a_200_answer_is_read_as_an_error() -> None:
    result = parse_tracking("N", load("error_unprocessable.json"))
    assert result.outcome is Outcome.ERROR


@pytest.mark.parametrize(
    "body",
    [
        [],
        "not an object",
        {"trackingNumber": "N", "trackingEvents": {"eventType": "x"}},
        {"trackingNumber": "N", "trackingEvents": ["not an event"]},
        {"trackingNumber": "N", "trackingEvents": [{"eventType": {"text": "nested"}}]},
    ],
)
def test_answers_outside_the_documented_shape_are_malformed(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_tracking("N", body)


@pytest.mark.parametrize("path", sorted(PAYLOADS.glob("*.json")), ids=lambda p: p.name)
def test_every_recorded_payload_parses_or_is_refused_as_malformed(path: Path) -> None:
    try:
        body = json.loads(path.read_text())
    except json.JSONDecodeError:
        assert path.name.startswith("malformed")
        return
    if path.name.startswith("malformed"):
        with pytest.raises(MalformedPayload):
            parse_tracking("N", body)
    else:
        assert parse_tracking("N", body).tracking_number == "N"
