"""PostNL Shipping Status answers become tracking results: scans or statuses, problems as data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.postnl.parse import parse_problem, parse_status
from crosstrack.domain.units import Measure, Unit

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text())


def test_the_current_status_is_one_event_with_its_code_and_dutch_local_time() -> None:
    result = parse_status(
        "3SABCD4455667", load("current_status_out_for_delivery.json"), language="en"
    )
    assert result.outcome is Outcome.FOUND and result.carrier == "postnl"
    [event] = result.events
    assert event.description == "Shipment out for delivery"
    assert event.raw_status_code == "7"
    assert event.timestamp == "15-04-2025 08:47:12"
    assert event.language == "en"
    assert event.location is None
    assert event.extra["PhaseCode"] == "3" and event.extra["PhaseDescription"] == "Distribution"
    assert event.extra["shipment_ProductCode"] == "003085"
    assert result.estimated_delivery == "2025-04-15"


def test_with_detail_the_scans_are_the_events_and_the_status_history_is_not_repeated() -> None:
    result = parse_status("3SABCD9988776", load("complete_status_delivered.json"))
    assert [e.raw_status_code for e in result.events] == ["I01", "J05", "J01", "B01", "A01"]
    delivered = result.events[0]
    assert delivered.description == "Shipment delivered"
    assert delivered.timestamp == "09-04-2025 15:02:41"
    assert delivered.extra["LocationCode"] == "173217"
    assert delivered.extra["RouteName"] == "104 Amsterdam Jordaan"


def test_without_scans_the_old_statuses_then_the_current_one_are_the_events() -> None:
    result = parse_status("LB123456785NL", load("complete_status_history_only.json"))
    assert [e.raw_status_code for e in result.events] == ["1", "2", "31", "12"]


def test_asking_one_collo_of_a_multi_collo_shipment_links_the_others() -> None:
    result = parse_status("3SABCD1112223", load("current_status_multi_collo.json"))
    assert len(result.events) == 1
    assert result.linked_numbers == ("3SABCD1112224",)
    other = parse_status("3SABCD1112224", load("current_status_multi_collo.json"))
    assert other.events[0].timestamp == "21-03-2025 02:19:03"
    assert other.linked_numbers == ("3SABCD1112223",)


def test_barcodes_match_whatever_their_case_or_spaces() -> None:
    result = parse_status("3sabcd 4455667", load("current_status_out_for_delivery.json"))
    assert result.linked_numbers == () and len(result.events) == 1


def test_the_no_shipment_found_warning_is_not_found() -> None:
    result = parse_status("3SABCD0000000", load("warning_not_found.json"))
    assert (result.outcome, result.error) == (Outcome.NOT_FOUND, "2: No shipment found")


@pytest.mark.parametrize(
    ("name", "status", "outcome", "message"),
    [
        ("error_invalid_barcode.json", 400, Outcome.INVALID, "4: Invalid barcode"),
        (
            "error_legacy_shape.json",
            500,
            Outcome.ERROR,
            "99: Internal error while retrieving the status",
        ),
        (
            "error_fault_server.json",
            502,
            Outcome.ERROR,
            "steps.servicecallout.ExecutionFailed: Execution of ServiceCallout failed",
        ),
        ("warning_not_found.json", 404, Outcome.NOT_FOUND, "2: No shipment found"),
    ],
)
def test_problems_are_results_for_that_barcode(
    name: str, status: int, outcome: Outcome, message: str
) -> None:
    result = parse_problem("3SABCD0000000", load(name), status)
    assert (result.outcome, result.error) == (outcome, message)


def test_an_empty_answer_or_a_page_that_was_not_json_still_gives_a_result() -> None:
    assert parse_status("N", {}).outcome is Outcome.NOT_FOUND
    assert parse_problem("N", None, 404).error == "PostNL answered HTTP 404"


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"CurrentStatus": "none"},
        {"CurrentStatus": {"Shipment": "3SABCD4455667"}},
        {"CurrentStatus": {"Shipment": {"Barcode": "N", "Event": "scan"}}},
        {"CurrentStatus": {"Shipment": {"Barcode": "N", "Status": {"StatusCode": ["7"]}}}},
    ],
)
def test_answers_outside_the_documented_shape_are_malformed(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_status("N", body)


@pytest.mark.parametrize("path", sorted(PAYLOADS.glob("*.json")), ids=lambda p: p.name)
def test_every_recorded_payload_parses_or_is_refused_as_malformed(path: Path) -> None:
    try:
        body = json.loads(path.read_text())
    except json.JSONDecodeError:
        assert path.name.startswith("malformed")
        return
    if path.name.startswith("malformed"):
        with pytest.raises(MalformedPayload):
            parse_status("N", body)
    else:
        assert parse_status("N", body).tracking_number == "N"


# --- the parcel's weight ----------------------------------------------------------------------


def test_the_dimension_weight_is_read_in_grams() -> None:
    result = parse_status("3SABCD4455667", load("current_status_out_for_delivery.json"))
    # "Weight": "950" with no unit: PostNL documents grams (see WEIGHT_UNIT).
    assert result.weight == Measure(Decimal("950"), Unit.GRAM)
    assert result.weight is not None
    assert result.weight.to(Unit.KILOGRAM).value == Decimal("0.95")


def test_answers_without_dimensions_have_no_weight() -> None:
    assert parse_status("3SABCD9988776", load("complete_status_delivered.json")).weight is None
    assert parse_status("3SABCD1112223", load("current_status_multi_collo.json")).weight is None


@pytest.mark.parametrize("weight", ["{}", "", "0", "9 5 0", "950g", {"value": "950"}, None])
def test_a_malformed_weight_is_left_out_and_the_result_stands(weight: Any) -> None:
    body = load("current_status_out_for_delivery.json")
    body["CurrentStatus"]["Shipment"]["Dimension"]["Weight"] = weight
    result = parse_status("3SABCD4455667", body)
    assert result.outcome is Outcome.FOUND and len(result.events) == 1
    assert result.weight is None
