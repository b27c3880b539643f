"""Back-off quantile tables and the three baselines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from eta_samples import record

from crosstrack.eta.baselines import Priors, baseline_remaining
from crosstrack.eta.snapshots import snapshot_at, training_snapshots
from crosstrack.eta.stats import BackoffQuantiles

T0 = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)


def test_a_lookup_backs_off_to_the_first_group_with_enough_observations() -> None:
    keys = [[("a",)] * 5 + [("b",)] * 40, [()] * 45]
    table = BackoffQuantiles.fit(("lane", "global"), keys, list(range(45)), min_count=30)
    small = table.lookup([("a",), ()])
    assert small is not None and (small.level, small.count) == ("global", 45)
    big = table.lookup([("b",), ()])
    assert big is not None and big.level == "lane" and big.p50 == pytest.approx(24.5)
    assert BackoffQuantiles.from_json(table.to_json()) == table


def _history() -> list:
    """40 express parcels to FR taking 3 days and 5 postal ones taking 20."""
    records = [
        record(
            created=T0 + timedelta(hours=i),
            delivered=T0 + timedelta(days=3, hours=i),
            carrier="dhl",
            service="express",
            shipment_id=f"E{i}",
        )
        for i in range(40)
    ]
    records += [
        record(
            created=T0 + timedelta(hours=i),
            delivered=T0 + timedelta(days=20, hours=i),
            shipment_id=f"P{i}",
        )
        for i in range(5)
    ]
    return records


def test_b1_uses_the_lane_when_it_has_history_and_backs_off_when_not() -> None:
    records = _history()
    priors = Priors.fit(records, [s for r in records for s in training_snapshots(r)])
    express = snapshot_at(records[0], records[0].created_at)
    postal = snapshot_at(records[-1], records[-1].created_at)
    b1 = baseline_remaining("B1", priors, [express, postal])
    b0 = baseline_remaining("B0", priors, [express, postal])
    assert b1[0] == pytest.approx([3, 3, 3])  # the express lane, 40 parcels
    assert priors.total_for(records[-1]).level == "destination"  # 5 postal: too few
    assert b0[0][1] == b0[1][1] == pytest.approx(3.0)  # the global median ignores the lane
    assert b1[1][2] > b1[0][2]  # the wider group knows postal parcels are slower


def test_baselines_never_answer_a_day_in_the_past() -> None:
    records = _history()
    priors = Priors.fit(records, [s for r in records for s in training_snapshots(r)])
    late = snapshot_at(records[0], records[0].created_at + timedelta(days=9))
    for name in ("B0", "B1", "B2"):
        assert (baseline_remaining(name, priors, [late]) >= 0).all()
    assert np.all(baseline_remaining("B1", priors, [late]) == 0)
