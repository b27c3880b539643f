"""Rolling, time-based backtest of the model against the baselines.

The history is cut into consecutive folds of ``fold_days`` by creation time, after
``min_train_days`` of history. For each fold the model and the baselines are trained on what
was known at the fold's start (matured outcomes only, :mod:`crosstrack.eta.maturity`) and
judged on every checkpoint snapshot of the shipments created in the fold that were delivered.
Never a random split: the future is never used to predict the past.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from crosstrack.eta.baselines import BASELINES, baseline_remaining
from crosstrack.eta.errors import NotEnoughData
from crosstrack.eta.groups import lane_label
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.metrics import brier, day_metrics, reliability
from crosstrack.eta.model import QuantileModel, TrainingOptions, train
from crosstrack.eta.predict import estimate_remaining
from crosstrack.eta.snapshots import Snapshot, training_snapshots
from crosstrack.eta.windows import on_time_probability, window_dates

MODEL = "model"
PROMISE = "promise"
"""The promised day itself as a point forecast (where the history has promises)."""


@dataclass(frozen=True, slots=True)
class BacktestOptions:
    fold_days: int = 30
    min_train_days: int = 120
    max_folds: int = 12
    training: TrainingOptions = field(default_factory=TrainingOptions)


@dataclass(slots=True)
class MethodDays:
    """A method's predicted P10/P50/P90 days (ordinals), one row per judged snapshot."""

    low: list[int] = field(default_factory=list)
    mid: list[int] = field(default_factory=list)
    high: list[int] = field(default_factory=list)

    def add(self, days: tuple[date, date, date]) -> None:
        self.low.append(days[0].toordinal())
        self.mid.append(days[1].toordinal())
        self.high.append(days[2].toordinal())

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return np.array(self.low), np.array(self.mid), np.array(self.high)


@dataclass(slots=True)
class BacktestResult:
    """Every judged snapshot with its groups, its real delivery day and each method's days."""

    folds: list[dict[str, str | int]] = field(default_factory=list)
    actual: list[int] = field(default_factory=list)
    checkpoint: list[str] = field(default_factory=list)
    fold: list[str] = field(default_factory=list)
    lane: list[str] = field(default_factory=list)
    service: list[str] = field(default_factory=list)
    p_on_time: list[float] = field(default_factory=list)
    on_time: list[float] = field(default_factory=list)
    methods: dict[str, MethodDays] = field(default_factory=dict)
    undelivered: int = 0
    _columns: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _days: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False
    )
    """Columns as arrays, made once when the report first asks (the run is over by then):
    a report asks for hundreds of breakdowns of the same columns."""

    def metrics(self, method: str, mask: np.ndarray | None = None) -> dict[str, float]:
        actual = self._column("actual")
        mask = np.ones(len(actual), dtype=bool) if mask is None else mask
        if method not in self._days:
            self._days[method] = self.methods[method].arrays()
        low, mid, high = self._days[method]
        return day_metrics(low[mask], mid[mask], high[mask], actual[mask])

    def mask(self, attribute: str, value: str) -> np.ndarray:
        return np.asarray(self._column(attribute) == value, dtype=bool)

    def _column(self, name: str) -> np.ndarray:
        if name not in self._columns:
            self._columns[name] = np.array(getattr(self, name))
        return self._columns[name]

    def promise_scores(self) -> dict[str, object]:
        p = np.array(self.p_on_time)
        y = np.array(self.on_time)
        return {"n": len(p), "brier": brier(p, y), "reliability": reliability(p, y)}


def run_backtest(
    records: Sequence[HistoryRecord],
    options: BacktestOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> BacktestResult:
    """Backtest over rolling folds; raises :class:`NotEnoughData` when no fold can be built."""
    options = options or BacktestOptions()
    ordered = sorted(records, key=lambda r: r.created_at)
    if not ordered:
        raise NotEnoughData("the history is empty")
    start = ordered[0].created_at + timedelta(days=options.min_train_days)
    end = ordered[-1].created_at
    with_promise = all(r.promised_on for r in ordered if r.delivered_at is not None)
    result = BacktestResult()
    names = [MODEL, *BASELINES] + ([PROMISE] if with_promise else [])
    result.methods = {name: MethodDays() for name in names}
    cutoffs = []
    cutoff = start
    while cutoff <= end:  # every fold judges shipments created in it
        cutoffs.append(cutoff)
        cutoff += timedelta(days=options.fold_days)
    # The most recent folds matter most: keep the last ``max_folds``.
    for cutoff in cutoffs[-options.max_folds :]:
        fold_end = cutoff + timedelta(days=options.fold_days)
        test = [r for r in ordered if cutoff <= r.created_at < fold_end]
        delivered = [r for r in test if r.delivered_at is not None]
        result.undelivered += len(test) - len(delivered)
        if not delivered:
            continue
        try:
            model = train(ordered, cutoff=cutoff, options=options.training)
        except NotEnoughData:
            continue
        snapshots = [s for r in delivered for s in training_snapshots(r)]
        _judge(result, model, snapshots, with_promise)
        result.fold.extend([cutoff.date().isoformat()] * len(snapshots))
        result.folds.append(
            {
                "cutoff": cutoff.date().isoformat(),
                "until": fold_end.date().isoformat(),
                "trained_on": int(model.info["trained_on"]["shipments"]),
                "judged_shipments": len(delivered),
                "judged_snapshots": len(snapshots),
            }
        )
        if progress:
            progress(
                f"fold {cutoff.date()}: {len(delivered)} shipments, {len(snapshots)} snapshots"
            )
    if not result.folds:
        raise NotEnoughData("no fold had both training data and delivered shipments to judge")
    return result


def _judge(
    result: BacktestResult,
    model: QuantileModel,
    snapshots: list[Snapshot],
    with_promise: bool,
) -> None:
    remaining, _ = estimate_remaining(model, snapshots)
    per_method = {MODEL: remaining}
    for name in BASELINES:
        per_method[name] = baseline_remaining(name, model.builder.priors, snapshots)
    for row, snapshot in enumerate(snapshots):
        record = snapshot.record
        actual = record.delivered_on
        assert actual is not None
        result.actual.append(actual.toordinal())
        result.checkpoint.append(snapshot.checkpoint)
        result.lane.append(lane_label(record))
        result.service.append(record.service or "(none)")
        for name, table in per_method.items():
            result.methods[name].add(window_dates(snapshot, table[row]))
        if with_promise and record.promised_on is not None:
            promised = record.promised_on
            result.methods[PROMISE].add((promised, promised, promised))
        if record.promised_on is not None and snapshot.as_of < _end_of(
            record.promised_on, snapshot
        ):
            p = on_time_probability(snapshot, remaining[row])
            if p is not None:
                result.p_on_time.append(p)
                result.on_time.append(1.0 if actual <= record.promised_on else 0.0)


def _end_of(day: date, snapshot: Snapshot) -> datetime:
    zone = snapshot.record.destination_zone
    return datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(days=1)
