"""Carrier timestamps read in their many forms, then placed on the UTC time line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosstrack.domain.model import TimeBasis
from crosstrack.domain.timestamps import (
    ParsedTime,
    clear_timestamp_cache,
    dayfirst_for_country,
    parse_timestamp,
    resolve_occurred_at,
)


def naive(text: str, *, dayfirst: bool | None = None) -> datetime:
    parsed = parse_timestamp(text, dayfirst=dayfirst)
    assert parsed is not None, text
    return parsed.value


class TestWrittenForms:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-09-30 08:45:00", datetime(2025, 9, 30, 8, 45)),
            ("2019-05-29 11:41", datetime(2019, 5, 29, 11, 41)),
            ("20211019 121800", datetime(2021, 10, 19, 12, 18)),
            ("20110404:133457", datetime(2011, 4, 4, 13, 34, 57)),
            ("2004-01-13 172300", datetime(2004, 1, 13, 17, 23)),
            ("17/07/2018 13:34", datetime(2018, 7, 17, 13, 34)),
            ("17.03.2016 16:18", datetime(2016, 3, 17, 16, 18)),
            ("07-11-2022 12:39:26.501", datetime(2022, 11, 7, 12, 39, 26, 501000)),
            ("2024/01/05 10:00", datetime(2024, 1, 5, 10, 0)),
            ("2024-1-5 9:05", datetime(2024, 1, 5, 9, 5)),
            ("April 28, 2015 8:29 am", datetime(2015, 4, 28, 8, 29)),
            ("January 6, 2016 10:45 pm", datetime(2016, 1, 6, 22, 45)),
            ("05 Jan 2024 10:00", datetime(2024, 1, 5, 10, 0)),
            ("2024年1月5日 10:00", datetime(2024, 1, 5, 10, 0)),
            ("poniedziałek, luty 18, 2019 11:27", datetime(2019, 2, 18, 11, 27)),
            ("5 août 2024 10h30", datetime(2024, 8, 5, 10, 30)),
            ("mar., 05 ene. 2024 10:00", datetime(2024, 1, 5, 10, 0)),
            ("17. März 2016, 16:18 Uhr", datetime(2016, 3, 17, 16, 18)),
            ("2026-04-17T23:43:17.6571145", datetime(2026, 4, 17, 23, 43, 17, 657114)),
            ("20211019121800", datetime(2021, 10, 19, 12, 18)),
            ("202110191218", datetime(2021, 10, 19, 12, 18)),
            ("13:45 05/01/2024", datetime(2024, 1, 5, 13, 45)),
            ("2021-10-19 12:18:00 CST", datetime(2021, 10, 19, 12, 18)),
        ],
    )
    def test_local_times_without_offset_are_read_as_written(
        self, text: str, expected: datetime
    ) -> None:
        parsed = parse_timestamp(text)
        assert parsed is not None and not parsed.has_offset
        assert parsed.value == expected

    @pytest.mark.parametrize(
        ("text", "expected_utc", "minutes"),
        [
            ("2024-04-12T14:30:00Z", datetime(2024, 4, 12, 14, 30, tzinfo=UTC), 0),
            ("2014-05-30T14:43:09+10:00", datetime(2014, 5, 30, 4, 43, 9, tzinfo=UTC), 600),
            ("2024-10-07T10:46:14+0200", datetime(2024, 10, 7, 8, 46, 14, tzinfo=UTC), 120),
            ("2024-01-05T10:00:00+0800", datetime(2024, 1, 5, 2, 0, tzinfo=UTC), 480),
            ("Mon, 05 Jan 2024 10:00:00 +0100", datetime(2024, 1, 5, 9, 0, tzinfo=UTC), 60),
            ("2023-04-05 18:56:00 UTC", datetime(2023, 4, 5, 18, 56, tzinfo=UTC), 0),
            ("2024-01-05 10:00 (CET)", datetime(2024, 1, 5, 9, 0, tzinfo=UTC), 60),
            ("2024-01-05 10:00 GMT+8", datetime(2024, 1, 5, 2, 0, tzinfo=UTC), 480),
            ("2025-11-03T10:00:00.000Z", datetime(2025, 11, 3, 10, 0, tzinfo=UTC), 0),
            ("Tue Oct 19 12:18:00 UTC 2021", datetime(2021, 10, 19, 12, 18, tzinfo=UTC), 0),
            ("2021-10-19 12:18:00 EST", datetime(2021, 10, 19, 17, 18, tzinfo=UTC), -300),
            ("2024-01-05 10:00:00 -0530", datetime(2024, 1, 5, 15, 30, tzinfo=UTC), -330),
        ],
    )
    def test_a_written_offset_wins(self, text: str, expected_utc: datetime, minutes: int) -> None:
        occurred, offset, basis = resolve_occurred_at(
            parse_timestamp(text), zone=None, fallback_zone="Asia/Tokyo"
        )
        assert (occurred, offset, basis) == (expected_utc, minutes, TimeBasis.OFFSET_GIVEN)

    def test_ambiguous_zone_abbreviations_leave_the_time_local(self) -> None:
        parsed = parse_timestamp("2021-10-19 12:18:00 CST")
        assert parsed is not None and not parsed.has_offset

    def test_unix_epoch_seconds_and_milliseconds_are_utc_instants(self) -> None:
        assert naive("1704448800") == datetime(2024, 1, 5, 10, 0, tzinfo=UTC)
        assert naive("1704448800123") == datetime(2024, 1, 5, 10, 0, 0, 123000, tzinfo=UTC)

    def test_a_date_without_a_time_is_local_midnight_and_says_so(self) -> None:
        parsed = parse_timestamp("2015-01-21")
        assert parsed == ParsedTime(datetime(2015, 1, 21), date_only=True)
        assert parse_timestamp("17/07/2018") == ParsedTime(datetime(2018, 7, 17), date_only=True)

    def test_twelve_am_is_midnight_and_twelve_pm_is_noon(self) -> None:
        assert naive("April 28, 2015 12:05 am").hour == 0
        assert naive("April 28, 2015 12:05 pm").hour == 12


class TestDayAndMonthOrder:
    def test_an_impossible_month_decides_the_order_whatever_the_hint(self) -> None:
        assert naive("13/01/2024", dayfirst=False) == datetime(2024, 1, 13)
        assert naive("01/13/2024", dayfirst=True) == datetime(2024, 1, 13)

    def test_ambiguous_dates_are_read_day_first_by_default(self) -> None:
        assert naive("07/11/2022") == datetime(2022, 11, 7)

    def test_the_hint_decides_ambiguous_dates(self) -> None:
        assert naive("07/11/2022", dayfirst=False) == datetime(2022, 7, 11)

    def test_a_twelve_hour_clock_without_a_hint_means_month_first(self) -> None:
        assert naive("10/01/2025 08:00 AM") == datetime(2025, 10, 1, 8, 0)

    def test_dots_without_a_hint_mean_day_first(self) -> None:
        assert naive("10.01.2025 08:00 AM") == datetime(2025, 1, 10, 8, 0)

    def test_month_first_countries_are_the_united_states_and_their_neighbours(self) -> None:
        assert dayfirst_for_country("US") is False
        assert dayfirst_for_country("ca") is False
        assert dayfirst_for_country("DE") is True
        assert dayfirst_for_country(None) is None


class TestZoneResolution:
    def test_a_naive_time_is_local_to_the_location_zone(self) -> None:
        result = resolve_occurred_at(
            parse_timestamp("2025-09-30 08:45:00"), zone="Europe/Paris", fallback_zone="UTC"
        )
        assert result == (datetime(2025, 9, 30, 6, 45, tzinfo=UTC), 120, TimeBasis.LOCATION_ZONE)

    def test_without_a_location_zone_the_carriers_home_zone_is_used(self) -> None:
        result = resolve_occurred_at(
            parse_timestamp("2021-06-14 13:53:38"), zone=None, fallback_zone="Asia/Shanghai"
        )
        assert result == (datetime(2021, 6, 14, 5, 53, 38, tzinfo=UTC), 480, TimeBasis.CARRIER_ZONE)

    def test_without_any_zone_the_time_is_assumed_utc_with_unknown_offset(self) -> None:
        result = resolve_occurred_at(
            parse_timestamp("2019-05-29 11:41"), zone=None, fallback_zone=None
        )
        assert result == (datetime(2019, 5, 29, 11, 41, tzinfo=UTC), None, TimeBasis.ASSUMED_UTC)

    def test_an_unknown_zone_name_is_skipped(self) -> None:
        _, offset, basis = resolve_occurred_at(
            parse_timestamp("2019-05-29 11:41"), zone="Mars/Olympus", fallback_zone="Europe/Warsaw"
        )
        assert (offset, basis) == (120, TimeBasis.CARRIER_ZONE)

    def test_a_utc_instant_reports_the_local_offset_of_the_location(self) -> None:
        occurred, offset, basis = resolve_occurred_at(
            parse_timestamp("2024-04-12T14:30:00Z"), zone="Europe/Zurich", fallback_zone=None
        )
        assert (occurred.hour if occurred else None, offset, basis) == (
            14,
            120,
            TimeBasis.OFFSET_GIVEN,
        )

    def test_a_time_in_the_autumn_fold_is_read_as_the_earlier_instant(self) -> None:
        occurred, offset, _ = resolve_occurred_at(
            parse_timestamp("2024-10-27 02:30"), zone="Europe/Berlin", fallback_zone=None
        )
        assert (occurred, offset) == (datetime(2024, 10, 27, 0, 30, tzinfo=UTC), 120)

    def test_a_time_in_the_spring_gap_is_read_with_the_offset_before_the_gap(self) -> None:
        occurred, offset, _ = resolve_occurred_at(
            parse_timestamp("2024-03-31 02:30"), zone="Europe/Berlin", fallback_zone=None
        )
        assert (occurred, offset) == (datetime(2024, 3, 31, 1, 30, tzinfo=UTC), 120)

    def test_nothing_readable_is_missing(self) -> None:
        assert resolve_occurred_at(None, zone="Europe/Paris", fallback_zone=None) == (
            None,
            None,
            TimeBasis.MISSING,
        )

    def test_occurred_at_is_always_aware_utc(self) -> None:
        aware = datetime(2024, 1, 5, 10, tzinfo=timezone(timedelta(hours=-5)))
        occurred, _, _ = resolve_occurred_at(ParsedTime(aware), zone=None, fallback_zone=None)
        assert occurred is not None and occurred.tzinfo is UTC


class TestBadInput:
    @pytest.mark.parametrize(
        "text",
        [None, "", "   ", "garbage", "31/02/2024", "2024-13-45", "99:99", "N/A", "x" * 500,
         "12/13/14/15", "25:61 01/01/2024", "0", "2024"],
    )  # fmt: skip
    def test_unreadable_text_gives_none(self, text: str | None) -> None:
        assert parse_timestamp(text) is None

    @given(st.text(max_size=60), st.one_of(st.none(), st.booleans()))
    def test_no_text_ever_raises(self, text: str, dayfirst: bool | None) -> None:
        parsed = parse_timestamp(text, dayfirst=dayfirst)
        resolve_occurred_at(parsed, zone="Europe/Paris", fallback_zone=None)

    @given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)))
    def test_iso_text_round_trips(self, value: datetime) -> None:
        assert naive(value.isoformat(sep=" ")) == value

    def test_the_cache_can_be_cleared(self) -> None:
        first = parse_timestamp("2024-01-05 10:00")
        clear_timestamp_cache()
        assert parse_timestamp("2024-01-05 10:00") == first
