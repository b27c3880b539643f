"""DHL events run through the real normalizer land on the statuses DHL meant."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.dhl.parse import parse_shipments
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

PAYLOADS = Path(__file__).parent / "payloads"
NORMALIZER = build_normalizer()


def statuses(name: str, number: str) -> list[tuple[S, M]]:
    result = parse_shipments(number, json.loads((PAYLOADS / name).read_text()))
    return [(n.status, n.milestone) for n in map(NORMALIZER.normalize, result.events)]


def test_an_express_journey_starts_with_information_and_ends_delivered() -> None:
    read = statuses("express_delivered.json", "4820195736")
    assert read[0] == (S.DELIVERED, M.DELIVERED)
    assert read[2] == (S.IN_TRANSIT, M.CUSTOMS_RELEASED)
    assert read[-1] == (S.INFO_RECEIVED, M.LABEL_CREATED)


def test_a_parcel_loaded_onto_the_delivery_vehicle_is_out_for_delivery() -> None:
    read = statuses("parcel_de_in_transit.json", "00340434161094042557")
    assert read[0] == (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)
    assert read[-1] == (S.INFO_RECEIVED, M.LABEL_CREATED)


def test_a_failure_returning_to_sender_is_read_from_its_text() -> None:
    read = statuses("ecommerce_failure.json", "GM2951173225139871")
    assert read[0] == (S.RETURNED, M.RETURN)
    assert read[1] == (S.IN_TRANSIT, M.FACILITY)


def test_a_bare_failure_status_code_is_an_exception_not_a_failed_attempt() -> None:
    body = {
        "shipments": [
            {
                "id": "1",
                "events": [
                    {"statusCode": "failure", "description": "", "timestamp": "2025-01-09T12:44:10"}
                ],
            }
        ]
    }
    [event] = parse_shipments("1", body).events
    assert NORMALIZER.normalize(event).status is S.EXCEPTION


def test_every_payload_event_gets_a_status() -> None:
    for path in PAYLOADS.glob("*.json"):
        if path.name.startswith(("malformed", "error")):
            continue
        result = parse_shipments("N", json.loads(path.read_text()))
        for event in result.events:
            assert NORMALIZER.normalize(event).status is not S.UNKNOWN, (path.name, event)
