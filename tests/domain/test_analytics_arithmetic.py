"""Analytics arithmetic: buckets, percentiles from summed histograms, periods, HS codes."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from crosstrack.domain.analytics import (
    CLEARANCE_BUCKETS,
    TRANSIT_BUCKETS,
    AnalyticsFilter,
    merged,
    percentile,
    week_of,
    without,
)
from crosstrack.domain.analytics_calendar import in_cny_window, in_peak_season
from crosstrack.domain.declared_items import declared_item, normalize_hs_code
from crosstrack.domain.errors import DomainError


def test_a_transit_time_falls_in_its_half_day_bucket_and_long_ones_in_the_last() -> None:
    assert TRANSIT_BUCKETS.bucket(timedelta(hours=11, minutes=59)) == 0
    assert TRANSIT_BUCKETS.bucket(timedelta(hours=12)) == 1
    assert TRANSIT_BUCKETS.bucket(timedelta(days=200)) == 180
    assert TRANSIT_BUCKETS.bucket(timedelta(hours=-1)) is None
    assert TRANSIT_BUCKETS.value(1) == timedelta(hours=18)
    assert TRANSIT_BUCKETS.value(180) == timedelta(days=90)


def test_the_median_of_known_values_is_the_midpoint_of_their_bucket() -> None:
    days = [3.1, 4.0, 4.2, 7.9, 10.0]
    histogram: dict[int, int] = {}
    for value in days:
        bucket = TRANSIT_BUCKETS.bucket(timedelta(days=value))
        assert bucket is not None
        histogram[bucket] = histogram.get(bucket, 0) + 1
    assert percentile(histogram, 0.5, TRANSIT_BUCKETS) == timedelta(days=4.25)
    assert percentile(histogram, 0.1, TRANSIT_BUCKETS) == timedelta(days=3.25)
    assert percentile(histogram, 0.9, TRANSIT_BUCKETS) == timedelta(days=10.25)
    assert percentile({}, 0.5, TRANSIT_BUCKETS) is None


@pytest.mark.parametrize("seed", range(20))
def test_a_percentile_is_within_half_a_bucket_of_the_exact_nearest_rank(seed: int) -> None:
    rng = random.Random(seed)
    hours = [rng.uniform(0, 200) for _ in range(rng.randint(1, 400))]
    histogram: dict[int, int] = {}
    for value in hours:
        bucket = CLEARANCE_BUCKETS.bucket(timedelta(hours=value))
        assert bucket is not None
        histogram[bucket] = histogram.get(bucket, 0) + 1
    ordered = sorted(hours)
    for q in (0.1, 0.5, 0.9):
        exact = ordered[max(1, math.ceil(q * len(ordered))) - 1]
        found = percentile(histogram, q, CLEARANCE_BUCKETS)
        assert found is not None
        assert abs(found / timedelta(hours=1) - exact) <= 0.5


def test_histograms_sum_and_subtract_bucket_by_bucket() -> None:
    assert merged([{1: 2, 3: 1}, {1: 1, 4: 5}]) == {1: 3, 3: 1, 4: 5}
    assert without({1: 3, 3: 1, 4: 5}, {1: 1, 3: 1}) == {1: 2, 4: 5}


def test_a_filter_counts_whole_iso_weeks() -> None:
    period = AnalyticsFilter(first_day=date(2025, 3, 5), last_day=date(2025, 3, 12))
    assert (period.first_week, period.last_week) == (date(2025, 3, 3), date(2025, 3, 10))
    assert period.admits_week(date(2025, 3, 3)) and period.admits_week(date(2025, 3, 10))
    assert not period.admits_week(date(2025, 2, 24)) and not period.admits_week(date(2025, 3, 17))
    assert week_of(date(2025, 3, 9)) == date(2025, 3, 3)


def test_a_filter_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        AnalyticsFilter(first_day=date(2025, 3, 5), last_day=date(2025, 3, 4))
    assert caught.value.field == "to"


def test_peak_season_and_the_chinese_new_year_window() -> None:
    assert in_peak_season(date(2025, 11, 15)) and not in_peak_season(date(2025, 11, 14))
    assert in_peak_season(date(2025, 12, 31)) and not in_peak_season(date(2026, 1, 1))
    new_year = {2025: date(2025, 1, 29), 2026: date(2026, 2, 17)}.__getitem__
    assert in_cny_window(date(2025, 1, 24), new_year) and in_cny_window(date(2025, 2, 8), new_year)
    assert not in_cny_window(date(2025, 1, 23), new_year)


@pytest.mark.parametrize(
    ("given", "digits"),
    [
        ("851762", "851762"),
        ("8517.62", "851762"),
        ("6109.10.00", "61091000"),
        ("1234567890", "1234567890"),
    ],
)
def test_hs_codes_of_six_to_ten_digits_are_kept_as_digits(given: str, digits: str) -> None:
    assert normalize_hs_code(given) == digits


@pytest.mark.parametrize(
    "given", ["85176", "12345678901", "8517..62", ".851762", "8517-62", "HS851762", ""]
)
def test_other_hs_codes_are_refused(given: str) -> None:
    with pytest.raises(DomainError) as caught:
        normalize_hs_code(given, field="items[2].hs_code")
    assert caught.value.field == "items[2].hs_code"


def test_an_item_is_checked_field_by_field() -> None:
    item = declared_item(category=" Toys ", hs_code="9503.00", quantity=2, value="12.50")
    assert (item.category, item.hs_code, item.quantity, item.value) == (
        "Toys",
        "950300",
        2,
        Decimal("12.50"),
    )
    assert (item.hs_chapter, item.hs_heading) == ("95", "9503")
    for bad in ({"quantity": 0}, {"value": "-1"}, {"value": "ten"}):
        with pytest.raises(DomainError):
            declared_item(**bad)  # type: ignore[arg-type]


def test_a_filter_given_times_counts_their_days() -> None:
    moment = datetime(2025, 3, 5, 23, 30, tzinfo=UTC)
    period = AnalyticsFilter(first_day=moment, last_day=moment)  # type: ignore[arg-type]
    assert (period.first_day, period.first_week) == (date(2025, 3, 5), date(2025, 3, 3))
    assert type(period.first_week) is date and type(period.last_day) is date
