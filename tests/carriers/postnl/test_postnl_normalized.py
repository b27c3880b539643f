"""PostNL events run through the real normalizer land on the statuses PostNL meant.

The PostNL code table is registered in ``carriers/code_tables.py`` by the lead; until then the
normalizer here is built like ``bootstrap.build_normalizer`` with the table added.
"""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.code_tables import code_tables
from crosstrack.carriers.postnl.parse import parse_status
from crosstrack.carriers.postnl.statuses import CODES
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import TimeBasis
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S
from crosstrack.geo import OfflineGazetteer

PAYLOADS = Path(__file__).parent / "payloads"
REAL = build_normalizer()
WITH_TABLE = EventNormalizer(
    gazetteer=OfflineGazetteer(),
    code_tables={**code_tables(), "postnl": CODES},
    carriers=carrier_directory(),
)


def read(normalizer: EventNormalizer, name: str, number: str) -> list[tuple[S, M]]:
    result = parse_status(number, json.loads((PAYLOADS / name).read_text()), language="en")
    return [(n.status, n.milestone) for n in map(normalizer.normalize, result.events)]


def test_a_domestic_parcel_reads_from_pre_alert_to_delivered() -> None:
    expected = [
        (S.DELIVERED, M.DELIVERED),
        (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.PICKED_UP),
        (S.INFO_RECEIVED, M.LABEL_CREATED),
    ]
    assert read(REAL, "complete_status_delivered.json", "3SABCD9988776") == expected
    assert read(WITH_TABLE, "complete_status_delivered.json", "3SABCD9988776") == expected


def test_dutch_day_first_times_are_read_in_amsterdam_time() -> None:
    result = parse_status(
        "3SABCD4455667", json.loads((PAYLOADS / "current_status_out_for_delivery.json").read_text())
    )
    event = REAL.normalize(result.events[0])
    assert event.status is S.OUT_FOR_DELIVERY
    assert event.occurred_at is not None
    assert event.occurred_at.isoformat() == "2025-04-15T06:47:12+00:00"
    assert event.time_basis is TimeBasis.CARRIER_ZONE


def test_status_codes_decide_pickup_points_and_export_once_the_table_is_registered() -> None:
    assert read(WITH_TABLE, "complete_status_history_only.json", "LB123456785NL") == [
        (S.INFO_RECEIVED, M.LABEL_CREATED),
        (S.IN_TRANSIT, M.PICKED_UP),
        (S.IN_TRANSIT, M.EXPORT_CUSTOMS),
        (S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
    ]
