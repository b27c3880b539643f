"""Accuracy of delivery-day predictions, in days of the destination's calendar.

For predicted P10/P50/P90 days and the real delivery day: MAE and median absolute error of the
P50 day, bias (mean of predicted minus real), exact-day and ±1/±2-day hit rates, coverage and
mean width of the P10–P90 window (an 80% interval; width = P90 − P10 in days), pinball loss
averaged over the three quantiles, the Winkler score of the 80% interval, and the share
delivered by the P90 day. With probabilities of meeting a promise: the Brier score.
"""

from __future__ import annotations

from typing import Any

import numpy as np

ALPHA = 0.2
"""The 80% interval's miss rate (Winkler score penalty 2/ALPHA per day outside)."""
METRICS = (
    "n",
    "mae",
    "median_ae",
    "bias",
    "exact",
    "within_1",
    "within_2",
    "coverage_80",
    "width_80",
    "pinball",
    "winkler_80",
    "by_p90",
)


def day_metrics(
    low: np.ndarray, mid: np.ndarray, high: np.ndarray, actual: np.ndarray
) -> dict[str, float]:
    """The metrics of one method on one set of snapshots (days as integer ordinals)."""
    n = len(actual)
    if n == 0:
        return {name: float("nan") for name in METRICS} | {"n": 0.0}
    error = (mid - actual).astype(float)
    inside = (actual >= low) & (actual <= high)
    width = (high - low).astype(float)
    below = np.maximum(low - actual, 0)
    above = np.maximum(actual - high, 0)
    pinball = np.mean(
        [
            np.mean(np.maximum(q * (actual - p), (q - 1) * (actual - p)))
            for q, p in ((0.1, low), (0.5, mid), (0.9, high))
        ]
    )
    return {
        "n": float(n),
        "mae": float(np.mean(np.abs(error))),
        "median_ae": float(np.median(np.abs(error))),
        "bias": float(np.mean(error)),
        "exact": float(np.mean(error == 0)),
        "within_1": float(np.mean(np.abs(error) <= 1)),
        "within_2": float(np.mean(np.abs(error) <= 2)),
        "coverage_80": float(np.mean(inside)),
        "width_80": float(np.mean(width)),
        "pinball": float(pinball),
        "winkler_80": float(np.mean(width + (2 / ALPHA) * (below + above))),
        "by_p90": float(np.mean(actual <= high)),
    }


def brier(probabilities: np.ndarray, outcomes: np.ndarray) -> float:
    """Mean squared difference between P(on time) and what happened (1 on time, 0 late)."""
    return float(np.mean((probabilities - outcomes) ** 2)) if len(outcomes) else float("nan")


def reliability(
    probabilities: np.ndarray, outcomes: np.ndarray, bins: int = 10
) -> list[dict[str, Any]]:
    """Per probability bin: the mean predicted probability, the share on time, and the count."""
    edges = np.linspace(0, 1, bins + 1)
    index = np.clip(np.digitize(probabilities, edges) - 1, 0, bins - 1)
    rows = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            rows.append(
                {
                    "bin": f"{edges[b]:.1f}–{edges[b + 1]:.1f}",
                    "predicted": float(probabilities[mask].mean()),
                    "observed": float(outcomes[mask].mean()),
                    "n": int(mask.sum()),
                }
            )
    return rows
