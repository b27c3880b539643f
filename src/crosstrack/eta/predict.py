"""Estimates for snapshots as the service gives them: the model where the lane has enough
history, otherwise an explicit "not enough history" answer carrying the fallback window of
the widest group that has (baseline B2's back-off)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from crosstrack.eta.model import QuantileModel
from crosstrack.eta.snapshots import Snapshot
from crosstrack.eta.windows import on_time_probability, window_dates

MODEL = "model"
NOT_ENOUGH_HISTORY = "not_enough_history"


@dataclass(frozen=True, slots=True)
class Estimate:
    """One snapshot's answer: delivery days, the chance of meeting the promise, and its basis."""

    p10: date
    p50: date
    p90: date
    p_on_time: float | None
    basis: str
    """``model`` or ``not_enough_history``."""
    fallback_level: str | None
    """For ``not_enough_history``: the group the fallback window came from."""
    remaining: tuple[float, float, float]


def estimate_remaining(
    model: QuantileModel, snapshots: Sequence[Snapshot]
) -> tuple[np.ndarray, list[str | None]]:
    """Remaining days ``(n, 3)`` and, per row, ``None`` (model) or the fallback's group level."""
    remaining = model.predict_remaining(snapshots)
    levels: list[str | None] = []
    for row, snapshot in enumerate(snapshots):
        if model.enough_history(snapshot.record):
            levels.append(None)
            continue
        fallback = model.builder.priors.remaining_for(snapshot)
        remaining[row] = (fallback.p10, fallback.p50, fallback.p90)
        levels.append(fallback.level)
    return remaining, levels


def estimate(model: QuantileModel, snapshots: Sequence[Snapshot]) -> list[Estimate]:
    """The service's answer for each snapshot."""
    remaining, levels = estimate_remaining(model, snapshots)
    out = []
    for snapshot, row, level in zip(snapshots, remaining, levels, strict=True):
        low, mid, high = window_dates(snapshot, row)
        out.append(
            Estimate(
                p10=low,
                p50=mid,
                p90=high,
                p_on_time=on_time_probability(snapshot, row),
                basis=MODEL if level is None else NOT_ENOUGH_HISTORY,
                fallback_level=level,
                remaining=(float(row[0]), float(row[1]), float(row[2])),
            )
        )
    return out
