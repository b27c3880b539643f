"""The baselines every backtest reports beside the model.

- **B0** the global median (and 10th/90th percentiles) of total transit time;
- **B1** the same per lane, backing off lane → carrier + destination → destination → global;
- **B2** empirical quantiles of the *remaining* time given lane, stage and days waited in it,
  backing off the same way.

Each answers, for a snapshot, the remaining days to delivery at P10/P50/P90 (never below zero:
a total already exceeded means "today").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosstrack.eta.groups import REMAINING_LEVELS, TOTAL_LEVELS, remaining_keys, total_keys
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.snapshots import Snapshot
from crosstrack.eta.stats import BackoffQuantiles, GroupQuantiles

BASELINES = ("B0", "B1", "B2")
MIN_GROUP = 30
"""A group answers only with at least this many shipments (or snapshots) behind it."""


@dataclass(frozen=True, slots=True)
class Priors:
    """The fitted tables of total and remaining time."""

    total: BackoffQuantiles
    remaining: BackoffQuantiles

    @classmethod
    def fit(
        cls,
        records: Sequence[HistoryRecord],
        snapshots: Sequence[Snapshot],
        *,
        min_count: int = MIN_GROUP,
    ) -> Priors:
        delivered = [r for r in records if r.delivered_at is not None]
        total_group_keys = [total_keys(r) for r in delivered]
        total = BackoffQuantiles.fit(
            TOTAL_LEVELS,
            [[k[i] for k in total_group_keys] for i in range(len(TOTAL_LEVELS))],
            [r.transit_days or 0.0 for r in delivered],
            min_count=min_count,
        )
        remaining_group_keys = [remaining_keys(s) for s in snapshots]
        remaining = BackoffQuantiles.fit(
            REMAINING_LEVELS,
            [[k[i] for k in remaining_group_keys] for i in range(len(REMAINING_LEVELS))],
            [s.remaining_days or 0.0 for s in snapshots],
            min_count=min_count,
        )
        return cls(total, remaining)

    def total_for(self, record: HistoryRecord, *, global_only: bool = False) -> GroupQuantiles:
        """Total transit days of the record's lane (with back-off), or of everything."""
        if global_only:
            return self._global(self.total)
        return self.total.lookup(total_keys(record)) or self._global(self.total)

    def remaining_for(self, snapshot: Snapshot) -> GroupQuantiles:
        """Remaining days of the snapshot's lane, stage and wait (with back-off)."""
        return self.remaining.lookup(remaining_keys(snapshot)) or self._global(self.remaining)

    @staticmethod
    def _global(table: BackoffQuantiles) -> GroupQuantiles:
        found = table.tables[-1].get(())
        if found is None:
            raise LookupError("the tables are empty")
        return GroupQuantiles("global", *found)


def baseline_remaining(name: str, priors: Priors, snapshots: Sequence[Snapshot]) -> np.ndarray:
    """``(n, 3)`` remaining days at P10/P50/P90 for each snapshot, by baseline ``name``."""
    out = np.empty((len(snapshots), 3))
    for row, snapshot in enumerate(snapshots):
        if name == "B2":
            q = priors.remaining_for(snapshot)
            out[row] = (q.p10, q.p50, q.p90)
            continue
        q = priors.total_for(snapshot.record, global_only=name == "B0")
        elapsed = (snapshot.as_of - snapshot.record.created_at).total_seconds() / 86400.0
        out[row] = (q.p10 - elapsed, q.p50 - elapsed, q.p90 - elapsed)
    return np.maximum(out, 0.0)
