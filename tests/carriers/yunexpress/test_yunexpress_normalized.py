"""Every YunExpress payload's events read correctly through the real normalizer."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.code_tables import code_tables
from crosstrack.carriers.registry import carrier_directory
from crosstrack.carriers.yunexpress.parse import parse_track_info
from crosstrack.carriers.yunexpress.statuses import CODES
from crosstrack.domain.codes import code_key
from crosstrack.domain.model import RawEvent, TimeBasis
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S
from crosstrack.geo import OfflineGazetteer

PAYLOADS = Path(__file__).parent / "payloads"


def with_yunexpress_codes() -> EventNormalizer:
    """The bootstrap normalizer's parts, with the YunExpress table registered."""
    return EventNormalizer(
        gazetteer=OfflineGazetteer(),
        code_tables={**code_tables(), "yunexpress": CODES},
        carriers=carrier_directory(),
    )


def events(name: str) -> list[RawEvent]:
    body = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    return list(parse_track_info(body, "YT1").events)


def test_a_journey_to_the_us_reads_from_information_to_delivery() -> None:
    normalizer = with_yunexpress_codes()
    read = [normalizer.normalize(e) for e in events("track_delivered.json")]
    assert [(n.status, n.milestone) for n in read] == [
        (S.INFO_RECEIVED, M.LABEL_CREATED),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.EXPORT_CUSTOMS),
        (S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
        (S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
        (S.IN_TRANSIT, M.IMPORT_CUSTOMS),
        (S.IN_TRANSIT, M.CUSTOMS_RELEASED),
        (S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),
        (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        (S.DELIVERED, M.DELIVERED),
    ]
    assert read[1].location.country == "CN"
    assert read[-1].location.country == "US"
    assert read[-1].time_basis is TimeBasis.LOCATION_ZONE


def test_customs_holds_and_returns() -> None:
    normalizer = with_yunexpress_codes()
    read = [normalizer.normalize(e) for e in events("track_customs_hold_then_returned.json")]
    assert [(n.status, n.milestone) for n in read] == [
        (S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
        (S.EXCEPTION, M.IMPORT_CUSTOMS),
        (S.RETURNED, M.RETURN),
    ]
    assert read[1].reason in (R.CUSTOMS_HELD_OR_SEIZED, R.CUSTOMS_DOCUMENTS_OR_DUTIES)


def test_the_delivered_text_reads_right_with_the_bootstrap_normalizer() -> None:
    read = [build_normalizer().normalize(e) for e in events("track_delivered.json")]
    assert read[-1].status is S.DELIVERED


def test_the_code_table_is_keyed_as_looked_up_and_well_formed() -> None:
    for key, meaning in CODES.items():
        assert key == code_key(key)
        assert meaning.status not in (S.PENDING, S.EXPIRED, S.UNKNOWN)
        if meaning.reason is not R.NONE:
            assert meaning.status in (S.EXCEPTION, S.ATTEMPT_FAILED)
    assert CODES[code_key("YB/XD")].status is S.INFO_RECEIVED
    assert CODES["ready_for_pickup"].status is S.IN_TRANSIT
