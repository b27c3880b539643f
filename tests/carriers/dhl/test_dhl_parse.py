"""DHL Unified Tracking answers become tracking results: events as given, problems as data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.dhl.parse import parse_problem, parse_shipments
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.domain.units import Measure, Unit

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text())


def test_an_express_shipment_keeps_every_event_with_its_status_code_and_place() -> None:
    result = parse_shipments("4820195736", load("express_delivered.json"))
    assert result.outcome is Outcome.FOUND and result.carrier == "dhl"
    assert result.linked_numbers == ()
    assert len(result.events) == 7
    delivered = result.events[0]
    assert delivered.description == "Delivered"
    assert delivered.raw_status_code == "delivered"
    assert delivered.location == "MILANO - ITALY"
    assert delivered.timestamp == "2025-02-14T11:52:00"
    assert delivered.tracking_number == "4820195736"
    assert delivered.extra["pieceIds"] == ["JD014600011223344556"]
    assert delivered.extra["shipment_service"] == "express"
    assert result.events[-1].raw_status_code == "pre-transit"
    assert result.events[-1].location is None


def test_the_status_word_is_the_description_when_dhl_gives_no_description() -> None:
    result = parse_shipments("GM2951173225139871", load("ecommerce_failure.json"))
    assert result.events[0].description == "ADDRESS NOT FOUND - RETURNING TO SENDER"
    assert result.events[0].raw_status_code == "failure"
    assert result.events[0].location == "Seattle, WA, US, 98108"
    assert [e.raw_status_code for e in result.events] == [
        "failure",
        "transit",
        "pre-transit",
        "unknown",
    ]


def test_postcode_and_country_join_the_locality_and_estimates_are_kept() -> None:
    result = parse_shipments("00340434161094042557", load("parcel_de_in_transit.json"))
    assert result.events[1].location == "Neuwied, Germany, 56566, DE"
    assert result.events[1].extra["remark"] == "Parcel center of origin"
    assert result.estimated_delivery == "2025-03-11T12:00:00+01:00"


def test_a_type_code_is_preferred_over_the_status_family_when_dhl_gives_one() -> None:
    body = {
        "shipments": [
            {
                "id": "1",
                "events": [
                    {"statusCode": "transit", "typeCode": "PU", "description": "Shipment picked up"}
                ],
            }
        ]
    }
    event = parse_shipments("1", body).events[0]
    assert event.raw_status_code == "PU" and event.extra["statusCode"] == "transit"


def test_every_service_that_knows_the_number_contributes_its_events() -> None:
    result = parse_shipments("1234567890", load("multiple_shipments.json"))
    assert [e.extra["shipment_service"] for e in result.events] == ["express", "freight"]
    assert result.events[1].timestamp == "2024-06-02T09:00:00+02:00"


def test_a_piece_number_answers_its_parent_shipment_which_becomes_a_linked_number() -> None:
    result = parse_shipments("JD014600009988776655", load("piece_number.json"))
    assert result.outcome is Outcome.FOUND
    assert result.linked_numbers == ("5591827364",)
    assert result.events[0].description == "Customs status updated"


def test_a_shipment_with_only_its_latest_status_gives_that_one_event() -> None:
    result = parse_shipments("LX987654321DE", load("status_only.json"))
    assert len(result.events) == 1
    assert result.events[0].raw_status_code == "transit"


def test_no_shipment_in_the_answer_is_not_found() -> None:
    result = parse_shipments("4820195736", load("empty_shipments.json"))
    assert result.outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize(
    ("name", "status", "outcome", "message"),
    [
        (
            "error_not_found.json",
            404,
            Outcome.NOT_FOUND,
            "No result found: No shipment with given tracking number found.",
        ),
        (
            "error_invalid_number.json",
            400,
            Outcome.INVALID,
            "Bad request: Invalid value for trackingNumber.",
        ),
        (
            "error_rate_limited.json",
            429,
            Outcome.ERROR,
            "Too many requests: Too many requests. Daily limit reached.",
        ),
    ],
)
def test_problems_are_results_for_that_number(
    name: str, status: int, outcome: Outcome, message: str
) -> None:
    result = parse_problem("9999999999", load(name), status)
    assert (result.outcome, result.error) == (outcome, message)


def test_a_problem_inside_a_200_answer_uses_its_own_status() -> None:
    result = parse_shipments("9999999999", load("error_not_found.json"))
    assert result.outcome is Outcome.NOT_FOUND


def test_a_problem_page_that_was_not_json_still_gives_a_message() -> None:
    assert parse_problem("N", None, 404).error == "DHL answered HTTP 404"


@pytest.mark.parametrize(
    "body",
    [
        ["not", "an", "object"],
        {"shipments": {"id": "1"}},
        {"shipments": ["1"]},
        {"shipments": [{"id": "1", "events": "none"}]},
        {"shipments": [{"id": "1", "events": [{"location": "MILANO"}]}]},
        {"shipments": [{"id": "1", "events": [{"location": {"address": ["x"]}}]}]},
        {"shipments": [{"id": "1", "events": [{"description": {"en": "x"}}]}]},
    ],
)
def test_answers_outside_the_documented_shape_are_malformed(body: Any) -> None:
    with pytest.raises(MalformedPayload):
        parse_shipments("1", body)


@pytest.mark.parametrize("path", sorted(PAYLOADS.glob("*.json")), ids=lambda p: p.name)
def test_every_recorded_payload_parses_or_is_refused_as_malformed(path: Path) -> None:
    try:
        body = json.loads(path.read_text())
    except json.JSONDecodeError:
        assert path.name.startswith("malformed")
        return
    if path.name.startswith("malformed"):
        with pytest.raises(MalformedPayload):
            parse_shipments("N", body)
    else:
        assert parse_shipments("N", body).tracking_number == "N"


# --- the parcel's weight ----------------------------------------------------------------------


def test_the_weight_dhl_gives_in_the_details_is_kept() -> None:
    result = parse_shipments("00340434161094042557", load("parcel_de_in_transit.json"))
    assert result.weight == Measure(Decimal("1.2"), Unit.KILOGRAM)  # {"value": 1.2, "kg"}


def test_shipments_without_details_or_several_shipments_have_no_weight() -> None:
    assert parse_shipments("4820195736", load("express_delivered.json")).weight is None
    assert parse_shipments("1234567890", load("multiple_shipments.json")).weight is None


@pytest.mark.parametrize(
    "weight",
    [
        {"value": 1.2, "unitText": "parsecs"},
        {"value": "heavy", "unitText": "kg"},
        {"value": True, "unitText": "kg"},
        {"value": 1.2},
        {"value": 1.2, "unitText": 7},
        "1.2 kg",
    ],
)
def test_a_malformed_weight_is_left_out_and_the_result_stands(weight: Any) -> None:
    body = load("parcel_de_in_transit.json")
    body["shipments"][0]["details"]["weight"] = weight
    result = parse_shipments("00340434161094042557", body)
    assert result.outcome is Outcome.FOUND and result.events
    assert result.weight is None
