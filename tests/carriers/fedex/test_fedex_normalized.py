"""Every FedEx payload's events read correctly through the real normalizer."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.fedex.parse import parse_track_response
from crosstrack.domain.model import TimeBasis
from crosstrack.domain.vocabulary import Milestone, Reason, Status

PAYLOADS = Path(__file__).parent / "payloads"


def normalized(name: str, number: str) -> list[tuple[Status, Milestone, Reason]]:
    normalizer = build_normalizer()
    body = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    [result] = parse_track_response([number], body, language="en")
    events = [normalizer.normalize(event) for event in result.events]
    assert all(e.time_basis is TimeBasis.OFFSET_GIVEN for e in events)
    return [(e.status, e.milestone, e.reason) for e in events]


def test_an_international_journey_reads_from_label_to_delivery() -> None:
    assert normalized("delivered_international.json", "794616896420") == [
        (Status.DELIVERED, Milestone.DELIVERED, Reason.NONE),
        (Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.CUSTOMS_RELEASED, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.PICKED_UP, Reason.NONE),
        (Status.INFO_RECEIVED, Milestone.LABEL_CREATED, Reason.NONE),
    ]


def test_a_failed_attempt_and_a_redirect_to_pickup_read_as_such() -> None:
    statuses = normalized("multiple_numbers.json", "776094337676")
    assert statuses[0] == (Status.AVAILABLE_FOR_PICKUP, Milestone.AVAILABLE_FOR_PICKUP, Reason.NONE)
    assert statuses[1][0] is Status.EXCEPTION
    assert statuses[2] == (
        Status.ATTEMPT_FAILED,
        Milestone.DELIVERY_ATTEMPT,
        Reason.RECIPIENT_UNAVAILABLE,
    )
    assert statuses[3][0] is Status.OUT_FOR_DELIVERY
    assert statuses[4] == (Status.IN_TRANSIT, Milestone.PICKED_UP, Reason.NONE)


def test_other_payloads_read_as_expected() -> None:
    assert [s for s, _, _ in normalized("duplicate_track_results.json", "776094337676")] == [
        Status.DELIVERED,
        Status.OUT_FOR_DELIVERY,
        Status.IN_TRANSIT,
    ]
    assert normalized("label_created_only.json", "449044304137821") == [
        (Status.INFO_RECEIVED, Milestone.LABEL_CREATED, Reason.NONE)
    ]
    assert normalized("no_scans_yet.json", "449044304137838") == []
    assert [s for s, _, _ in normalized("absurd_dates.json", "794616896420")] == [
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
    ]
