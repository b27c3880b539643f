"""Feature vectors of snapshots: the model's view of a shipment at one moment.

Stage, time since creation, time in the stage, time since the last scan, local weekday, hour
and season, the promise (days left to it, and its lead at creation), public holidays ahead in
origin and destination, the lane's categories, and the back-off priors (lane transit median,
remaining-time quantiles for the stage and wait). See docs/eta.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from crosstrack.eta.baselines import Priors
from crosstrack.eta.groups import REMAINING_LEVELS
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.snapshots import DESTINATION_STAGE, Snapshot
from crosstrack.geo.holidays import holidays_ahead

FEATURES = (
    "stage",
    "waiting",
    "elapsed_days",
    "days_in_stage",
    "days_since_scan",
    "weekday",
    "hour",
    "promise_days_left",
    "promise_lead_days",
    "holidays_origin_14d",
    "holidays_destination_14d",
    "lane_total_p50",
    "lane_log_count",
    "remaining_p10",
    "remaining_p50",
    "remaining_p90",
    "remaining_level",
    "carrier",
    "service",
    "origin_country",
    "destination_country",
    "destination_region",
)
"""The columns of a feature matrix, in order."""
CATEGORICAL = ("carrier", "service", "origin_country", "destination_country", "destination_region")
"""Columns holding category codes (LightGBM categorical features)."""
_DAY = 86400.0


@dataclass(frozen=True, slots=True)
class Categories:
    """Category value → code per categorical column, learnt from the training records."""

    codes: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def fit(cls, records: Sequence[HistoryRecord]) -> Categories:
        codes: dict[str, dict[str, int]] = {}
        for name in CATEGORICAL:
            values = sorted({str(getattr(r, name)) for r in records})
            codes[name] = {value: index for index, value in enumerate(values)}
        return cls(codes)

    def code(self, name: str, value: str) -> float:
        """The value's code, or NaN for a value not seen in training."""
        found = self.codes.get(name, {}).get(value)
        return math.nan if found is None else float(found)

    def to_json(self) -> dict[str, Any]:
        return {name: sorted(values, key=values.__getitem__) for name, values in self.codes.items()}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> Categories:
        return cls({name: {v: i for i, v in enumerate(values)} for name, values in data.items()})


@dataclass(frozen=True, slots=True)
class FeatureBuilder:
    """Turns snapshots into a float matrix with the columns of :data:`FEATURES`."""

    categories: Categories
    priors: Priors

    def matrix(self, snapshots: Sequence[Snapshot]) -> np.ndarray:
        """The features of each snapshot, one row each."""
        out = np.empty((len(snapshots), len(FEATURES)), dtype=np.float64)
        for row, snapshot in enumerate(snapshots):
            out[row] = self.vector(snapshot)
        return out

    def vector(self, snapshot: Snapshot) -> list[float]:
        record = snapshot.record
        as_of = snapshot.as_of
        zone = (
            record.destination_zone if snapshot.stage >= DESTINATION_STAGE else record.origin_zone
        )
        local = as_of.astimezone(zone)
        destination_day = as_of.astimezone(record.destination_zone).date()
        if record.promised_on is not None:
            days_left = float((record.promised_on - destination_day).days)
            created_day = record.created_at.astimezone(record.destination_zone).date()
            lead = float((record.promised_on - created_day).days)
        else:
            days_left = lead = math.nan
        total = self.priors.total_for(record)
        remaining = self.priors.remaining_for(snapshot)
        cat = self.categories.code
        return [
            float(snapshot.stage),
            1.0 if snapshot.waiting else 0.0,
            (as_of - record.created_at).total_seconds() / _DAY,
            (as_of - snapshot.stage_at).total_seconds() / _DAY,
            (as_of - snapshot.last_scan_at).total_seconds() / _DAY,
            float(local.weekday()),
            local.hour + local.minute / 60.0,
            days_left,
            lead,
            float(holidays_ahead(record.origin_country, local.date(), 14)),
            float(holidays_ahead(record.destination_country, destination_day, 14)),
            total.p50 if total.level != "global" else math.nan,
            math.log1p(total.count),
            remaining.p10,
            remaining.p50,
            remaining.p90,
            float(REMAINING_LEVELS.index(remaining.level)),
            cat("carrier", record.carrier),
            cat("service", record.service),
            cat("origin_country", record.origin_country),
            cat("destination_country", record.destination_country),
            cat("destination_region", record.destination_region),
        ]
