"""Lane disruptions by CUSUM on a daily statistic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crosstrack.domain.disruption import cusum_disruptions

D0 = date(2026, 3, 1)


def series(values: list[float]) -> list[tuple[date, float]]:
    return [(D0 + timedelta(days=i), v) for i, v in enumerate(values)]


def test_a_normal_lane_with_noise_raises_nothing() -> None:
    noise = [48, 52, 47, 55, 50, 49, 53, 46, 51, 50] * 3
    assert cusum_disruptions(series(noise), normal=50, spread=4) == []


def test_a_sustained_slowdown_is_raised_once_within_days_and_ends_when_it_is_over() -> None:
    values = [50] * 10 + [70] * 8 + [50] * 10  # +20 hours for 8 days, spread 4: z = 5 a day
    (found,) = cusum_disruptions(series(values), normal=50, spread=4)
    assert found.began_on == D0 + timedelta(days=10)
    assert found.raised_on == D0 + timedelta(days=11)  # 4.5 then 9: the second day
    assert found.peak == 70
    assert found.ended_on == D0 + timedelta(days=19)  # the second normal day


def test_one_bad_day_is_not_a_disruption_but_a_slow_drift_is() -> None:
    assert cusum_disruptions(series([50] * 5 + [64] + [50] * 5), normal=50, spread=4) == []
    drift = [50 + 3 * min(i, 10) for i in range(20)]  # up to +30
    (found,) = cusum_disruptions(series(drift), normal=50, spread=4)
    assert found.ended_on is None


def test_the_spread_must_be_positive() -> None:
    with pytest.raises(ValueError, match="spread"):
        cusum_disruptions(series([1.0]), normal=1, spread=0)
