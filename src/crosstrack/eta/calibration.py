"""Split-conformal calibration of the P10 and P90 bounds, per group of stages.

Each bound is calibrated on its own (asymmetric conformalized quantile regression): on recent
snapshots the model did not train on, the lower bound is moved so that at most 10% of
deliveries fall on a day before its date, the upper one so that at most 10% fall after its
date, with the finite-sample correction of split conformal prediction. The scores are measured
in the destination's calendar days, the unit the windows are judged in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from crosstrack.eta.snapshots import Snapshot

STAGE_GROUPS = ("origin", "origin", "in_flight", "destination", "destination", "last_mile")
"""The calibration group of each stage of :data:`~crosstrack.eta.snapshots.STAGES`."""
MIN_GROUP = 100
"""A group with fewer calibration snapshots uses the pooled offsets."""
TAIL = 0.1
"""Each bound leaves this share of deliveries outside it (an 80% window)."""


@dataclass(frozen=True, slots=True)
class Offsets:
    """Days to subtract from the lower and add to the upper bound, per stage group."""

    by_group: dict[str, tuple[float, float]]
    """Group → (lower offset, upper offset); ``"all"`` is the pooled pair."""

    def for_stage(self, stage: int) -> tuple[float, float]:
        return self.by_group.get(STAGE_GROUPS[stage], self.by_group["all"])

    def apply(self, snapshots: Sequence[Snapshot], raw: np.ndarray) -> np.ndarray:
        """Calibrated ``(n, 3)`` remaining days: bounds moved, ordered, never negative."""
        out: np.ndarray = np.array(raw, dtype=float)
        for row, snapshot in enumerate(snapshots):
            low, high = self.for_stage(snapshot.stage)
            out[row, 0] -= low
            out[row, 2] += high
        out[:] = np.maximum(out, 0.0)
        out[:, 0] = np.minimum(out[:, 0], out[:, 1])
        out[:, 2] = np.maximum(out[:, 2], out[:, 1])
        return out


def delivery_day_bounds(snapshot: Snapshot) -> tuple[float, float]:
    """Days from ``as_of`` to the start and to the end of the local delivery day."""
    day = snapshot.record.delivered_on
    assert day is not None
    zone = snapshot.record.destination_zone
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    end = start + timedelta(days=1)
    return (
        (start - snapshot.as_of).total_seconds() / 86400.0,
        (end - snapshot.as_of).total_seconds() / 86400.0,
    )


def fit_offsets(snapshots: Sequence[Snapshot], lower: np.ndarray, upper: np.ndarray) -> Offsets:
    """Offsets from calibration snapshots and the model's uncalibrated bounds for them."""
    bounds = np.array([delivery_day_bounds(s) for s in snapshots]).reshape(-1, 2)
    # A lower bound is right when its day is not after the delivery day, i.e. it is before
    # the end of that day; an upper bound when it is not before the start of that day.
    low_scores = lower - bounds[:, 1]
    high_scores = bounds[:, 0] - upper
    groups = np.array([STAGE_GROUPS[s.stage] for s in snapshots])
    by_group = {"all": (_conformal(low_scores), _conformal(high_scores))}
    for group in sorted(set(STAGE_GROUPS)):
        mask = groups == group
        if int(mask.sum()) >= MIN_GROUP:
            by_group[group] = (_conformal(low_scores[mask]), _conformal(high_scores[mask]))
    return Offsets(by_group)


def _conformal(scores: np.ndarray) -> float:
    """The score quantile at level ⌈(n+1)(1−tail)⌉/n (0 when there are no scores)."""
    n = len(scores)
    if n == 0:
        return 0.0
    level = min(1.0, math.ceil((n + 1) * (1 - TAIL)) / n)
    # A strictly positive score is a miss; the smallest offset that makes it a hit is the score
    # itself plus a hair, which the day rounding makes irrelevant.
    return float(np.quantile(scores, level, method="higher")) + 1e-6
