"""The history CSV contract: columns, local times, promised dates, bad rows kept apart."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

import pytest

from crosstrack.eta.errors import HistoryFileError
from crosstrack.eta.history import read_history, write_history

ZONES = {
    "CN": ZoneInfo("Asia/Shanghai"),
    "FR": ZoneInfo("Europe/Paris"),
    "BR": ZoneInfo("America/Sao_Paulo"),
}
HEADER = (
    "shipment_id,carrier,service,origin_country,origin_region,destination_country,"
    "destination_region,created_at,promised_at,delivered_at,status,picked_up_at,"
    "departed_origin_at,arrived_destination_at,customs_released_at,out_for_delivery_at\n"
)


def zone_of(country: str, region: str) -> tzinfo:
    return ZONES.get(country, UTC)


def test_offset_less_times_are_local_to_origin_or_destination_as_the_contract_says() -> None:
    text = HEADER + (
        "A1,cainiao,postal,CN,,FR,,2026-03-01T10:00:00,2026-03-20,2026-03-15T10:00:00,delivered,"
        "2026-03-02T09:00:00,2026-03-05T23:00:00,2026-03-07T08:00:00,,2026-03-15T07:00:00+01:00\n"
    )
    found = read_history(io.StringIO(text), zone_of)
    assert found.problems == []
    (row,) = found.records
    assert row.created_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # Shanghai is UTC+8
    assert row.milestones[1] == datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # departed: origin
    assert row.milestones[2] == datetime(2026, 3, 7, 7, 0, tzinfo=UTC)  # arrived: destination
    assert row.milestones[3] is None
    assert row.milestones[4] == datetime(2026, 3, 15, 6, 0, tzinfo=UTC)  # its own offset wins
    assert row.delivered_at == datetime(2026, 3, 15, 9, 0, tzinfo=UTC)  # Paris is UTC+1
    assert row.promised_on == date(2026, 3, 20)
    assert row.transit_days == pytest.approx(14 + 7 / 24)


def test_a_promise_given_as_a_time_becomes_the_destination_day() -> None:
    text = HEADER + "A1,,,CN,,BR,,2026-03-01T10:00:00Z,2026-03-20T01:30:00Z,,in_transit,,,,,\n"
    (row,) = read_history(io.StringIO(text), zone_of).records
    assert row.promised_on == date(2026, 3, 19)  # 22:30 on the 19th in São Paulo


def test_bad_rows_are_reported_with_their_line_and_the_rest_are_kept() -> None:
    text = HEADER + (
        "A1,,,CN,,FR,,2026-03-01T10:00:00Z,,,in_transit,,,,,\n"
        ",,,CN,,FR,,2026-03-01T10:00:00Z,,,,,,,,\n"
        "A3,,,CN,,FR,,yesterday,,,,,,,,\n"
        "A4,,,CHN,,FR,,2026-03-01T10:00:00Z,,,,,,,,\n"
        "A5,,,CN,,FR,,2026-03-05T10:00:00Z,,2026-03-01T10:00:00Z,delivered,,,,,\n"
        "A6,,,CN,,FR,,2026-03-01T10:00:00Z,2026-13-01,,,,,,,\n"
    )
    found = read_history(io.StringIO(text), zone_of)
    assert [r.shipment_id for r in found.records] == ["A1"]
    assert [(p.line, p.message.split(" ")[0]) for p in found.problems] == [
        (3, "shipment_id"),
        (4, "created_at"),
        (5, "origin_country"),
        (6, "delivered_at"),
        (7, "promised_at"),
    ]


def test_a_file_without_a_required_column_is_refused_with_its_name() -> None:
    with pytest.raises(HistoryFileError, match="destination_country"):
        read_history(
            io.StringIO("shipment_id,created_at,origin_country\nA,2026-01-01,CN\n"), zone_of
        )


def test_a_missing_file_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(HistoryFileError, match="cannot read"):
        read_history("/nonexistent/history.csv", zone_of)


def test_written_history_reads_back_the_same() -> None:
    text = HEADER + (
        "A1,cainiao,postal,CN,GD,FR,IDF,2026-03-01T10:00:00,2026-03-20,2026-03-15T10:00:00,"
        "delivered,2026-03-02T09:00:00,,,,\n"
    )
    first = read_history(io.StringIO(text), zone_of).records
    buffer = io.StringIO()
    assert write_history(first, buffer) == 1
    again = read_history(io.StringIO(buffer.getvalue()), zone_of).records
    assert again == first
