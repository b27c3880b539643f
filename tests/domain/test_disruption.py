"""Lane disruptions by CUSUM on a daily statistic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

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


def test_a_customs_stay_runs_from_arrival_in_the_country_to_the_first_event_past_customs() -> None:
    from test_alerts import day, ev

    from crosstrack.domain.disruption import CustomsStay, customs_stay
    from crosstrack.domain.timeline import build_timeline
    from crosstrack.domain.vocabulary import Milestone

    arrived = ev("Arrived", day(0), milestone=Milestone.ARRIVED_DESTINATION_COUNTRY)
    held = ev("Customs", day(1), milestone=Milestone.IMPORT_CUSTOMS)
    out = ev("Out for delivery", day(3), milestone=Milestone.OUT_FOR_DELIVERY)
    done = build_timeline([arrived, held, out], now=day(4))
    assert customs_stay(done, "FR") == CustomsStay("FR", day(0), day(3))
    waiting = build_timeline([arrived, held], now=day(4))
    assert customs_stay(waiting, "FR") == CustomsStay("FR", day(0), None)
    abroad = build_timeline([ev("Departed", day(0))], now=day(1))
    assert customs_stay(abroad, "FR") is None


def test_the_daily_statistic_is_the_median_age_of_parcels_waiting_at_the_end_of_the_day() -> None:
    from crosstrack.domain.disruption import CustomsStay, daily_customs_age, reference_level

    midnight = datetime(2026, 5, 1, tzinfo=UTC)
    stays = [
        CustomsStay("FR", midnight - timedelta(hours=h), midnight + timedelta(hours=30))
        for h in (2, 4, 6, 8, 10)
    ] + [CustomsStay("FR", midnight - timedelta(hours=1), midnight - timedelta(minutes=1))]
    series = daily_customs_age(
        stays, date(2026, 4, 30), date(2026, 5, 2), now=midnight + timedelta(days=3)
    )
    # At the end of 30 April five parcels waited (the sixth had just cleared), at the end of
    # 1 May the same five, a day older; on 2 May they cleared: too few for a value.
    assert series == {"FR": [(date(2026, 4, 30), 6.0), (date(2026, 5, 1), 30.0)]}
    assert reference_level([10.0] * 19) is None
    assert reference_level([10.0] * 20) == (10.0, 1.0)  # a flat lane still has a spread
