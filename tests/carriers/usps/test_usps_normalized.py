"""USPS events run through the real normalizer land on the statuses USPS meant."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.usps.parse import parse_tracking
from crosstrack.domain.model import TimeBasis
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

PAYLOADS = Path(__file__).parent / "payloads"
NORMALIZER = build_normalizer()


def normalized(name: str) -> list[tuple[str | None, S, M]]:
    result = parse_tracking("N", json.loads((PAYLOADS / name).read_text()))
    return [
        (e.raw_status_code, n.status, n.milestone)
        for e in result.events
        for n in [NORMALIZER.normalize(e)]
    ]


def test_a_domestic_journey_reads_from_label_to_delivered() -> None:
    assert normalized("tracking_delivered.json") == [
        ("01", S.DELIVERED, M.DELIVERED),
        ("OF", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        ("07", S.IN_TRANSIT, M.FACILITY),
        ("TL", S.IN_TRANSIT, M.NONE),
        ("T1", S.IN_TRANSIT, M.FACILITY),
        ("10", S.IN_TRANSIT, M.FACILITY),
        ("03", S.IN_TRANSIT, M.PICKED_UP),
        ("GX", S.INFO_RECEIVED, M.LABEL_CREATED),
    ]


def test_the_appended_offset_gives_the_exact_instant() -> None:
    result = parse_tracking("N", json.loads((PAYLOADS / "tracking_delivered.json").read_text()))
    delivered = NORMALIZER.normalize(result.events[0])
    assert delivered.time_basis is TimeBasis.OFFSET_GIVEN
    assert delivered.occurred_at is not None
    assert delivered.occurred_at.isoformat() == "2025-03-07T22:41:00+00:00"
    assert delivered.utc_offset_minutes == -480


def test_an_inbound_parcel_ends_available_for_pickup() -> None:
    statuses = normalized("tracking_inbound_international.json")
    assert statuses[0] == ("16", S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP)
    assert statuses[-1] == ("MA", S.INFO_RECEIVED, M.LABEL_CREATED)
