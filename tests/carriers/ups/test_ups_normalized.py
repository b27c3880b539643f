"""Every UPS payload's events read correctly through the real normalizer."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.ups.parse import parse_track_response
from crosstrack.domain.model import TimeBasis
from crosstrack.domain.vocabulary import Milestone, Reason, Status

PAYLOADS = Path(__file__).parent / "payloads"


def normalized(name: str, number: str) -> list[tuple[Status, Milestone, Reason]]:
    normalizer = build_normalizer()
    body = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    result = parse_track_response(number, body, language="en")
    return [
        (n.status, n.milestone, n.reason)
        for n in (normalizer.normalize(event) for event in result.events)
    ]


def test_an_international_journey_reads_from_label_to_delivery() -> None:
    statuses = normalized("delivered_international.json", "1Z5R89390357567127")
    assert statuses == [
        (Status.DELIVERED, Milestone.DELIVERED, Reason.NONE),
        (Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY, Reason.NONE),
        (Status.ATTEMPT_FAILED, Milestone.DELIVERY_ATTEMPT, Reason.RECIPIENT_UNAVAILABLE),
        (Status.IN_TRANSIT, Milestone.CUSTOMS_RELEASED, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.ARRIVED_DESTINATION_COUNTRY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE),
        (Status.IN_TRANSIT, Milestone.PICKED_UP, Reason.NONE),
        (Status.INFO_RECEIVED, Milestone.LABEL_CREATED, Reason.NONE),
    ]


def test_local_times_resolve_to_the_instant_ups_gives_in_gmt() -> None:
    normalizer = build_normalizer()
    body = json.loads((PAYLOADS / "delivered_international.json").read_text(encoding="utf-8"))
    result = parse_track_response("1Z5R89390357567127", body)
    for event in result.events:
        n = normalizer.normalize(event)
        gmt = datetime.strptime(
            f"{event.extra['gmtDate']} {event.extra['gmtTime']}", "%Y%m%d %H:%M:%S"
        ).replace(tzinfo=UTC)
        assert n.occurred_at == gmt and n.time_basis is TimeBasis.LOCATION_ZONE


def test_other_payloads_read_as_expected() -> None:
    assert set(normalized("multi_package.json", "1Z0V4E846801928353")) == {
        (Status.IN_TRANSIT, Milestone.FACILITY, Reason.NONE)
    }
    assert normalized("label_created_only.json", "1ZA0B1230312345674") == [
        (Status.INFO_RECEIVED, Milestone.LABEL_CREATED, Reason.NONE)
    ]
    assert [s for s, _, _ in normalized("absurd_dates.json", "1Z5R89390357567127")] == [
        Status.IN_TRANSIT,
        Status.IN_TRANSIT,
    ]
