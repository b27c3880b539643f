"""Which shipments' outcomes were known ("matured") at a cutoff.

A shipment created just before the cutoff is known only if it was fast, so training on it
would teach the model that parcels are fast. A shipment is used only when it was created at
least its lane's maturity time before the cutoff (the ``quantile`` of that lane's transit
times, backing off to all lanes) and was delivered before the cutoff.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np

from crosstrack.eta.groups import lane_key
from crosstrack.eta.history import HistoryRecord

MIN_LANE = 30
"""A lane with fewer deliveries than this uses the maturity time of all lanes."""


def matured(
    records: Sequence[HistoryRecord], cutoff: datetime, quantile: float
) -> tuple[list[HistoryRecord], float]:
    """The delivered records whose outcome was known at ``cutoff`` (see the module doc), and
    the maturity time of all lanes in days."""
    known = [r for r in records if r.delivered_at is not None and r.delivered_at < cutoff]
    if not known:
        return [], 0.0
    by_lane: dict[tuple[str, ...], list[float]] = defaultdict(list)
    for record in known:
        by_lane[lane_key(record)].append(record.transit_days or 0.0)
    overall = float(np.quantile([t for ts in by_lane.values() for t in ts], quantile))
    horizon = {
        lane: float(np.quantile(times, quantile)) if len(times) >= MIN_LANE else overall
        for lane, times in by_lane.items()
    }
    kept = [
        r
        for r in known
        if r.created_at < cutoff - timedelta(days=horizon.get(lane_key(r), overall))
    ]
    return kept, overall
