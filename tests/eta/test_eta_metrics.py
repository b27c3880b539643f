"""Accuracy metrics on hand-computed examples."""

from __future__ import annotations

import numpy as np
import pytest

from crosstrack.eta.metrics import brier, day_metrics, reliability


def test_day_metrics_on_a_hand_computed_example() -> None:
    low = np.array([8, 8, 10, 10])
    mid = np.array([10, 10, 12, 12])
    high = np.array([12, 12, 14, 14])
    actual = np.array([10, 13, 9, 12])
    m = day_metrics(low, mid, high, actual)
    assert m["mae"] == pytest.approx((0 + 3 + 3 + 0) / 4)
    assert m["median_ae"] == pytest.approx(1.5)
    assert m["bias"] == pytest.approx((0 - 3 + 3 + 0) / 4)
    assert m["exact"] == pytest.approx(0.5)
    assert m["within_2"] == pytest.approx(0.5)
    assert m["coverage_80"] == pytest.approx(0.5)  # 13 > 12 and 9 < 10 are outside
    assert m["width_80"] == pytest.approx(4.0)
    assert m["winkler_80"] == pytest.approx(4 + (10 * 1 + 10 * 1) / 4)
    assert m["by_p90"] == pytest.approx(0.75)
    # Pinball: q=0.1 losses 0.2, 0.5, 0.9 and 0.2; q=0.5: 0, 1.5, 1.5, 0; q=0.9: 0.2, 0.9, 0.5, 0.2.
    assert m["pinball"] == pytest.approx(((1.8) / 4 + 3 / 4 + 1.8 / 4) / 3)


def test_no_snapshots_give_nan_not_zero() -> None:
    empty = np.array([], dtype=int)
    m = day_metrics(empty, empty, empty, empty)
    assert m["n"] == 0 and np.isnan(m["mae"])


def test_brier_and_reliability() -> None:
    p = np.array([0.9, 0.9, 0.1, 0.1])
    y = np.array([1.0, 1.0, 0.0, 1.0])
    assert brier(p, y) == pytest.approx((0.01 + 0.01 + 0.01 + 0.81) / 4)
    rows = reliability(p, y)
    assert [(r["n"], r["observed"]) for r in rows] == [(2, 0.5), (2, 1.0)]
