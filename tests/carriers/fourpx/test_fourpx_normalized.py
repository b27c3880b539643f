"""Every 4PX payload's events read correctly through the real normalizer."""

from __future__ import annotations

import json
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.code_tables import code_tables
from crosstrack.carriers.fourpx.parse import parse_tracking
from crosstrack.carriers.fourpx.statuses import CODES
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.codes import code_key
from crosstrack.domain.model import RawEvent, TimeBasis
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S
from crosstrack.geo import OfflineGazetteer

PAYLOADS = Path(__file__).parent / "payloads"


def with_fourpx_codes() -> EventNormalizer:
    """The bootstrap normalizer's parts, with the 4PX table registered."""
    return EventNormalizer(
        gazetteer=OfflineGazetteer(),
        code_tables={**code_tables(), "4px": CODES},
        carriers=carrier_directory(),
    )


def events(name: str) -> list[RawEvent]:
    body = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    return list(parse_tracking(body, "4PX1").events)


def test_a_journey_to_austria_reads_from_information_to_delivery() -> None:
    normalizer = with_fourpx_codes()
    read = [normalizer.normalize(e) for e in reversed(events("tracking_delivered.json"))]
    assert [(n.status, n.milestone) for n in read] == [
        (S.INFO_RECEIVED, M.LABEL_CREATED),
        (S.IN_TRANSIT, M.PICKED_UP),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.FACILITY),
        (S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
        (S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
        (S.IN_TRANSIT, M.CUSTOMS_RELEASED),
        (S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),
        (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        (S.DELIVERED, M.DELIVERED),
    ]
    assert all(n.time_basis is TimeBasis.OFFSET_GIVEN for n in read)
    assert read[-1].occurred_at is not None
    assert read[-1].occurred_at.isoformat() == "2024-09-11T12:02:55+00:00"


def test_a_customs_hold_for_duties_reads_as_such() -> None:
    normalizer = with_fourpx_codes()
    read = [normalizer.normalize(e) for e in events("tracking_chinese_customs_hold.json")]
    assert (read[0].status, read[0].milestone, read[0].reason) == (
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    )
    assert read[1].milestone is M.ARRIVED_DESTINATION_COUNTRY
    assert read[2].milestone is M.EXPORT_CUSTOMS
    assert read[3].status is S.INFO_RECEIVED


def test_the_delivered_text_reads_right_with_the_bootstrap_normalizer() -> None:
    read = [build_normalizer().normalize(e) for e in events("tracking_delivered.json")]
    assert read[0].status is S.DELIVERED


def test_the_code_table_is_keyed_as_looked_up_and_well_formed() -> None:
    for key, meaning in CODES.items():
        assert key == code_key(key) and key.startswith("fpx_")
        assert meaning.status not in (S.PENDING, S.EXPIRED, S.UNKNOWN)
        if meaning.reason is not R.NONE:
            assert meaning.status in (S.EXCEPTION, S.ATTEMPT_FAILED)
    assert CODES[code_key("FPX_S_OK")].status is S.DELIVERED
    assert CODES[code_key("FPX_C_SPLS")].milestone is M.PICKED_UP
    assert CODES[code_key("FPX_M_DFOA")].milestone is M.DEPARTED_ORIGIN_COUNTRY
