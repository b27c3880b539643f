"""Every Cainiao payload's events read correctly through the real normalizer."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.cainiao.parse import parse_push, parse_track_answer
from crosstrack.carriers.cainiao.statuses import CODES
from crosstrack.carriers.code_tables import code_tables
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.codes import code_key
from crosstrack.domain.model import RawEvent, TimeBasis
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S
from crosstrack.geo import OfflineGazetteer

PAYLOADS = Path(__file__).parent / "payloads"


def with_cainiao_codes() -> EventNormalizer:
    """The bootstrap normalizer's parts, with the Cainiao table registered (as code_tables will)."""
    return EventNormalizer(
        gazetteer=OfflineGazetteer(),
        code_tables={**code_tables(), "cainiao": CODES},
        carriers=carrier_directory(),
    )


def events(name: str) -> list[RawEvent]:
    body = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    if name.startswith("push"):
        return [e for r in parse_push(body) for e in r.events]
    return list(parse_track_answer(body, "LP00000000000001").events)


def test_a_cross_border_journey_reads_from_order_to_delivery() -> None:
    normalizer = with_cainiao_codes()
    read = [normalizer.normalize(e) for e in events("track_delivered.json")]
    assert [(n.status, n.milestone) for n in read] == [
        (S.INFO_RECEIVED, M.LABEL_CREATED),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.EXPORT_CUSTOMS),
        (S.IN_TRANSIT, M.EXPORT_CUSTOMS),
        (S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
        (S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
        (S.IN_TRANSIT, M.IMPORT_CUSTOMS),
        (S.IN_TRANSIT, M.CUSTOMS_RELEASED),
        (S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),
        (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        (S.DELIVERED, M.DELIVERED),
    ]
    assert all(n.time_basis is TimeBasis.OFFSET_GIVEN for n in read)
    assert read[-1].occurred_at is not None and read[-1].occurred_at.isoformat() == (
        "2024-03-08T12:37:52+00:00"
    )


def test_the_chinese_texts_alone_already_read_right_with_the_bootstrap_normalizer() -> None:
    normalizer = build_normalizer()
    read = [normalizer.normalize(e) for e in events("track_delivered.json")]
    assert read[-1].status is S.DELIVERED
    assert read[2].milestone is M.EXPORT_CUSTOMS


def test_customs_trouble_failed_attempts_pickups_and_returns() -> None:
    normalizer = with_cainiao_codes()
    transit = [normalizer.normalize(e) for e in events("track_in_transit_epoch.json")]
    assert transit[0].milestone is M.PICKED_UP
    assert transit[0].time_basis is TimeBasis.OFFSET_GIVEN
    assert (transit[2].status, transit[2].milestone) == (S.EXCEPTION, M.IMPORT_CUSTOMS)
    pushed = [normalizer.normalize(e) for e in events("push_two_parcels.json")]
    assert [(n.status, n.milestone) for n in pushed] == [
        (S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
        (S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
        (S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT),
        (S.RETURNED, M.RETURN),
    ]
    assert pushed[2].reason is R.RECIPIENT_UNAVAILABLE


def test_the_code_table_is_keyed_as_looked_up_and_well_formed() -> None:
    for key, meaning in CODES.items():
        assert key == code_key(key)
        assert meaning.status not in (S.PENDING, S.EXPIRED, S.UNKNOWN)
        if meaning.reason is not R.NONE:
            assert meaning.status in (S.EXCEPTION, S.ATTEMPT_FAILED)
    assert CODES["gtms_signed"].status is S.DELIVERED
    assert CODES["gtms_sta_signed"].status is S.AVAILABLE_FOR_PICKUP
    assert CODES["lh_depart"].milestone is M.DEPARTED_ORIGIN_COUNTRY
