"""The ETA model: gradient-boosted quantile regression of the remaining time, calibrated.

Three LightGBM boosters predict the 10th, 50th and 90th percentiles of the days left until
delivery from a snapshot's features (:mod:`crosstrack.eta.features`), trained with weights
that halve every ``half_life_days`` back from the end of the training window (lanes drift).
The bounds are then calibrated by split conformal prediction on the most recent shipments
(:mod:`crosstrack.eta.calibration`); the boosters are refitted on everything, keeping the
offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import lightgbm as lgb
import numpy as np

from crosstrack.eta.baselines import Priors
from crosstrack.eta.calibration import Offsets, fit_offsets
from crosstrack.eta.errors import NotEnoughData
from crosstrack.eta.features import CATEGORICAL, FEATURES, Categories, FeatureBuilder
from crosstrack.eta.groups import lane_key
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.maturity import matured
from crosstrack.eta.metrics import day_metrics
from crosstrack.eta.snapshots import Snapshot, training_snapshots
from crosstrack.eta.windows import window_dates

ALPHAS = (0.1, 0.5, 0.9)
MIN_SHIPMENTS = 50
"""Fewer delivered, matured shipments than this and there is nothing to learn from."""


@dataclass(frozen=True, slots=True)
class TrainingOptions:
    """How a model is trained (the defaults are the ones the backtest in docs/eta.md used)."""

    half_life_days: float = 90.0
    calibration_share: float = 0.2
    calibration_windows: int = 3
    """Periods of ``use_days`` calibrated, each by its own model (1: ``calibration_share``)."""
    rounds: int = 200
    learning_rate: float = 0.06
    max_rows: int = 60_000
    """Snapshots beyond this many are sampled down (evenly at random) before boosting."""
    num_leaves: int = 15
    min_data_in_leaf: int = 100
    maturity_quantile: float = 0.9
    use_days: float = 30.0
    """How long a model is used before the next training (its calibration allows for it)."""
    min_lane_shipments: int = 30
    """A lane with fewer training shipments answers "not enough history" with a fallback."""
    seed: int = 7
    """Refit on all the history after calibrating (keeping the offsets)."""


@dataclass(slots=True)
class QuantileModel:
    """Boosters, feature builder and conformal offsets, plus what the model was trained on."""

    boosters: dict[float, lgb.Booster]
    builder: FeatureBuilder
    offsets: Offsets
    lane_counts: dict[tuple[str, ...], int]
    options: TrainingOptions
    info: dict[str, Any] = field(default_factory=dict)
    """Version, training window, counts and calibration figures (written to model.json)."""

    def predict_remaining(self, snapshots: Sequence[Snapshot]) -> np.ndarray:
        """``(n, 3)`` calibrated remaining days at P10/P50/P90, ordered and never negative."""
        if not snapshots:
            return np.empty((0, 3))
        matrix = self.builder.matrix(snapshots)
        return self.offsets.apply(snapshots, self.raw_remaining(matrix))

    def raw_remaining(self, matrix: np.ndarray) -> np.ndarray:
        """Uncalibrated remaining days ``(n, 3)`` for a feature matrix."""
        return np.column_stack([self.boosters[a].predict(matrix, num_threads=1) for a in ALPHAS])

    def enough_history(self, record: HistoryRecord) -> bool:
        """Whether the record's lane had enough training shipments to be predicted."""
        return self.lane_count(record) >= self.options.min_lane_shipments

    def lane_count(self, record: HistoryRecord) -> int:
        """Training shipments on the record's lane; without a service, on all of the
        carrier's services between the same countries (the API does not ask for one)."""
        key = lane_key(record)
        if record.service or key in self.lane_counts:
            return self.lane_counts.get(key, 0)
        carrier, _, origin, destination = key
        return sum(
            count
            for (c, _, o, d), count in self.lane_counts.items()
            if (c, o, d) == (carrier, origin, destination)
        )


def train(
    records: Sequence[HistoryRecord],
    *,
    cutoff: datetime | None = None,
    options: TrainingOptions | None = None,
) -> QuantileModel:
    """Train on the records whose outcome was known at ``cutoff`` (default: the file's end).

    Raises :class:`NotEnoughData` when fewer than :data:`MIN_SHIPMENTS` qualify.
    """
    options = options or TrainingOptions()
    end = cutoff or latest_time(records)
    usable, maturity_days = matured(records, end, options.maturity_quantile)
    if len(usable) < MIN_SHIPMENTS:
        raise NotEnoughData(
            f"only {len(usable)} delivered shipments with a matured outcome; "
            f"at least {MIN_SHIPMENTS} are needed"
        )
    usable.sort(key=lambda r: r.created_at)
    recent_snapshots: list[Snapshot] = []
    raws = []
    periods = _calibration_sets(usable, options, maturity_days)
    for proper, recent in periods:
        earlier = _fit(proper, end, options)
        snapshots = [s for r in recent for s in training_snapshots(r)]
        recent_snapshots.extend(snapshots)
        raws.append(earlier.raw_remaining(earlier.builder.matrix(snapshots)))
    raw = np.concatenate(raws)
    offsets = fit_offsets(recent_snapshots, raw[:, 0], raw[:, 2])
    held_out = _held_out_metrics(offsets, recent_snapshots, raw)
    model = _fit(usable, end, options)
    model.offsets = offsets
    lanes: dict[tuple[str, ...], int] = {}
    for record in usable:
        lanes[lane_key(record)] = lanes.get(lane_key(record), 0) + 1
    model.lane_counts = lanes
    model.info = {
        "trained_on": {
            "from": usable[0].created_at.isoformat(),
            "to": usable[-1].created_at.isoformat(),
            "cutoff": end.isoformat(),
            "shipments": len(usable),
            "calibration_periods": len(periods),
            "calibration_shipments": sum(len(recent) for _, recent in periods),
            "calibration_snapshots": len(recent_snapshots),
            "maturity_days": round(maturity_days, 1),
        },
        "offsets": {group: list(pair) for group, pair in offsets.by_group.items()},
        "held_out": held_out,
    }
    return model


def _calibration_sets(
    usable: list[HistoryRecord], options: TrainingOptions, maturity_days: float
) -> list[tuple[list[HistoryRecord], list[HistoryRecord]]]:
    """(training, calibration) shipment sets, most recent first.

    Calibration happens at the horizon the model is used at: a model trained at a cutoff knows
    nothing created in the last ``maturity_days`` and is then used for ``use_days``, so each
    calibration model is trained on shipments created at least that gap before its
    calibration shipments. With ``calibration_windows`` > 1, the last that many periods of
    ``use_days`` are each calibrated by their own model and their scores pooled: the offsets
    then reflect how much a month's conditions can differ from the past, not one month's.
    """
    gap = timedelta(days=maturity_days + options.use_days / 2)
    sets = []
    if options.calibration_windows > 1:
        last = usable[-1].created_at + timedelta(seconds=1)
        for k in range(options.calibration_windows):
            high = last - timedelta(days=k * options.use_days)
            low = high - timedelta(days=options.use_days)
            recent = [r for r in usable if low <= r.created_at < high]
            proper = [r for r in usable if r.created_at < low - gap]
            if recent and len(proper) >= MIN_SHIPMENTS:
                sets.append((proper, recent))
    if sets:
        return sets
    split = int(len(usable) * (1 - options.calibration_share))
    recent = usable[split:]
    proper = [r for r in usable[:split] if r.created_at < recent[0].created_at - gap]
    return [(proper if len(proper) >= MIN_SHIPMENTS else usable[:split], recent)]


def _held_out_metrics(
    offsets: Offsets, snapshots: Sequence[Snapshot], raw: np.ndarray
) -> dict[str, float]:
    """The calibration models' figures on the recent shipments they did not train on: the P50
    errors are out of sample; the coverage is the one the offsets were fitted to reach."""
    calibrated = offsets.apply(snapshots, raw)
    days = np.array(
        [
            [d.toordinal() for d in window_dates(s, row)]
            for s, row in zip(snapshots, calibrated, strict=True)
        ]
    ).reshape(-1, 3)
    actual = np.array([(s.record.delivered_on or date.min).toordinal() for s in snapshots])
    found = day_metrics(days[:, 0], days[:, 1], days[:, 2], actual)
    return {key: round(found[key], 3) for key in ("n", "mae", "bias", "coverage_80", "width_80")}


def latest_time(records: Sequence[HistoryRecord]) -> datetime:
    """The latest time any record mentions (the end of a history file)."""
    moments = [r.created_at for r in records]
    moments.extend(r.delivered_at for r in records if r.delivered_at)
    moments.extend(t for r in records for t in r.milestones if t)
    if not moments:
        raise NotEnoughData("the history is empty")
    return max(moments)


def _fit(
    records: Sequence[HistoryRecord], end: datetime, options: TrainingOptions
) -> QuantileModel:
    snapshots = [s for r in records for s in training_snapshots(r)]
    priors = Priors.fit(records, snapshots)
    if len(snapshots) > options.max_rows:
        rng = np.random.default_rng(options.seed)
        keep = np.sort(rng.choice(len(snapshots), options.max_rows, replace=False))
        snapshots = [snapshots[i] for i in keep]
    builder = FeatureBuilder(Categories.fit(records), priors)
    matrix = builder.matrix(snapshots)
    target = np.array([s.remaining_days for s in snapshots], dtype=float)
    ages = np.array([(end - s.record.created_at).total_seconds() / 86400.0 for s in snapshots])
    weights = 0.5 ** (np.maximum(ages, 0.0) / options.half_life_days)
    categorical = [FEATURES.index(name) for name in CATEGORICAL]
    boosters = {}
    for alpha in ALPHAS:
        params = {
            "objective": "quantile",
            "alpha": alpha,
            "learning_rate": options.learning_rate,
            "num_leaves": options.num_leaves,
            "min_data_in_leaf": options.min_data_in_leaf,
            "seed": options.seed,
            "deterministic": True,
            "num_threads": 1,
            "verbose": -1,
        }
        data = lgb.Dataset(
            matrix,
            target,
            weight=weights,
            feature_name=list(FEATURES),
            categorical_feature=categorical,
            free_raw_data=True,
        )
        boosters[alpha] = lgb.train(params, data, num_boost_round=options.rounds)
    return QuantileModel(boosters, builder, Offsets({"all": (0.0, 0.0)}), {}, options)
