"""17TRACK events through the real normalizer: the statuses a buyer would see."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.seventeentrack.parse import parse_push, parse_track_info
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.vocabulary import Milestone, Status

PAYLOADS = Path(__file__).parent / "payloads"


def _payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def two_providers() -> list[NormalizedEvent]:
    [result] = parse_track_info(
        _payload("gettrackinfo_delivered_two_providers.json"), ["LZ448865302CN"]
    )
    normalizer = build_normalizer()
    return [normalizer.normalize(event) for event in result.events]


def _by_code(events: list[NormalizedEvent], code: str) -> NormalizedEvent:
    return next(e for e in events if e.raw.raw_status_code == code)


def test_the_journey_reads_from_label_to_delivery(two_providers: list[NormalizedEvent]) -> None:
    assert [e.status for e in two_providers] == [
        Status.DELIVERED,
        Status.OUT_FOR_DELIVERY,
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,  # "Held in Customs" with InTransit_CustomsProcessing: routine
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
        Status.INFO_RECEIVED,
    ]
    assert _by_code(two_providers, "Delivered_Other").milestone is Milestone.DELIVERED
    assert _by_code(two_providers, "InTransit_PickedUp").milestone is Milestone.PICKED_UP
    assert _by_code(two_providers, "InTransit_Departure").milestone is (
        Milestone.DEPARTED_ORIGIN_COUNTRY
    )


def test_each_event_knows_its_scanning_carrier_and_utc_time(
    two_providers: list[NormalizedEvent],
) -> None:
    assert {e.carrier for e in two_providers} == {"usps", "china-post"}
    delivered = two_providers[0]
    assert delivered.occurred_at == datetime(2024, 3, 18, 21, 21, tzinfo=UTC)
    assert delivered.utc_offset_minutes == -7 * 60
    assert delivered.location.country == "US"


def test_the_17track_sub_status_decides_the_milestone(
    two_providers: list[NormalizedEvent],
) -> None:
    arrival = _by_code(two_providers, "InTransit_Arrival")
    assert arrival.milestone is Milestone.ARRIVED_DESTINATION_COUNTRY


def test_a_pushed_pickup_notice_is_available_for_pickup() -> None:
    [result] = parse_push(_payload("push_tracking_updated.json"))
    [event] = [build_normalizer().normalize(e) for e in result.events]
    assert event.status is Status.AVAILABLE_FOR_PICKUP


def test_customs_asking_for_information_is_an_exception() -> None:
    [result] = parse_track_info(_payload("gettrackinfo_batch.json"), ["YT2410921272104837"])
    first = build_normalizer().normalize(result.events[0])
    assert first.status is Status.EXCEPTION
    assert first.milestone is Milestone.IMPORT_CUSTOMS
