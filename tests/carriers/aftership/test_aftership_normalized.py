"""AfterShip checkpoints through the real normalizer: the statuses a buyer would see."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.aftership.parse import parse_trackings, parse_webhook
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.vocabulary import Milestone, Reason, Status

PAYLOADS = Path(__file__).parent / "payloads"


def _payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def journeys() -> dict[str, list[NormalizedEvent]]:
    numbers = ["YT2406521272059443", "1234567890"]
    results = parse_trackings(_payload("get_trackings_two_numbers.json"), numbers)
    normalizer = build_normalizer()
    return {r.tracking_number: [normalizer.normalize(e) for e in r.events] for r in results}


def _by_code(events: list[NormalizedEvent], code: str) -> NormalizedEvent:
    return next(e for e in events if e.raw.raw_status_code == code)


def test_the_cross_border_journey_reads_from_label_to_delivery(
    journeys: dict[str, list[NormalizedEvent]],
) -> None:
    events = journeys["YT2406521272059443"]
    assert [e.status for e in events] == [
        Status.INFO_RECEIVED,
        *[Status.IN_TRANSIT] * 5,
        Status.OUT_FOR_DELIVERY,
        Status.DELIVERED,
    ]
    assert _by_code(events, "InTransit_005").milestone is Milestone.CUSTOMS_RELEASED
    assert _by_code(events, "Delivered_001").milestone is Milestone.DELIVERED
    assert {e.carrier for e in events} == {"yunexpress", "usps"}


def test_times_resolve_to_utc_with_or_without_an_offset(
    journeys: dict[str, list[NormalizedEvent]],
) -> None:
    events = journeys["YT2406521272059443"]
    assert events[0].occurred_at == datetime(2024, 3, 5, 3, 58, tzinfo=UTC)
    delivered = events[-1]  # "2024-03-18T14:02:00" in Denver (MDT, UTC-6)
    assert delivered.occurred_at == datetime(2024, 3, 18, 20, 2, tzinfo=UTC)


def test_duties_to_pay_are_a_customs_exception(
    journeys: dict[str, list[NormalizedEvent]],
) -> None:
    held = _by_code(journeys["1234567890"], "Exception_006")
    assert held.status is Status.EXCEPTION
    assert held.reason is Reason.CUSTOMS_DOCUMENTS_OR_DUTIES


def test_a_webhooked_failed_attempt_is_an_attempt_failed() -> None:
    [result] = parse_webhook(_payload("webhook_tracking_update.json"))
    [event] = [build_normalizer().normalize(e) for e in result.events]
    assert event.status is Status.ATTEMPT_FAILED
    assert event.reason is Reason.RECIPIENT_UNAVAILABLE


def test_the_aftership_subtag_decides_the_milestone(
    journeys: dict[str, list[NormalizedEvent]],
) -> None:
    arrived = _by_code(journeys["YT2406521272059443"], "InTransit_004")
    assert arrived.milestone is Milestone.ARRIVED_DESTINATION_COUNTRY
