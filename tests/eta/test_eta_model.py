"""The quantile model on simulated history: ordered windows, calibration, beating B0, the
"not enough history" answer, and model files that a running service picks up."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
from eta_samples import CUTOFF, FAST

from crosstrack.eta.baselines import baseline_remaining
from crosstrack.eta.errors import ModelFileError, NotEnoughData
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.model import QuantileModel, train
from crosstrack.eta.predict import MODEL, NOT_ENOUGH_HISTORY, estimate
from crosstrack.eta.snapshots import snapshot_at, training_snapshots
from crosstrack.eta.store import ModelStore, load_model, save_model


def _later(history: list[HistoryRecord]) -> list[HistoryRecord]:
    """Delivered shipments created after the training cutoff."""
    return [r for r in history if r.created_at >= CUTOFF and r.delivered_at is not None][:400]


def test_training_uses_only_outcomes_known_at_the_cutoff(
    sim_model: QuantileModel, sim_history: list[HistoryRecord]
) -> None:
    trained = sim_model.info["trained_on"]
    assert trained["shipments"] > 500
    assert trained["to"] < CUTOFF.isoformat()
    assert all(count > 0 for count in sim_model.lane_counts.values())


def test_windows_are_ordered_and_never_in_the_past(
    sim_model: QuantileModel, sim_history: list[HistoryRecord]
) -> None:
    snapshots = [s for r in _later(sim_history) for s in training_snapshots(r)]
    remaining = sim_model.predict_remaining(snapshots)
    assert remaining.shape == (len(snapshots), 3)
    assert (remaining >= 0).all()
    assert (remaining[:, 0] <= remaining[:, 1]).all() and (remaining[:, 1] <= remaining[:, 2]).all()


def test_the_model_beats_the_global_median_and_its_window_covers_most_deliveries(
    sim_model: QuantileModel, sim_history: list[HistoryRecord]
) -> None:
    snapshots = [s for r in _later(sim_history) for s in training_snapshots(r)]
    actual = np.array([s.remaining_days for s in snapshots])
    model = sim_model.predict_remaining(snapshots)
    b0 = baseline_remaining("B0", sim_model.builder.priors, snapshots)
    model_mae = np.mean(np.abs(model[:, 1] - actual))
    assert model_mae < 0.5 * np.mean(np.abs(b0[:, 1] - actual))
    inside = np.mean((actual >= model[:, 0] - 1) & (actual <= model[:, 2] + 1))
    assert inside > 0.7


def test_an_unknown_lane_gets_not_enough_history_with_a_fallback_window(
    sim_model: QuantileModel, sim_history: list[HistoryRecord]
) -> None:
    known = next(r for r in _later(sim_history) if sim_model.enough_history(r))
    unknown = replace(known, carrier="never-seen-post", delivered_at=None)
    answers = estimate(
        sim_model, [snapshot_at(known, known.created_at), snapshot_at(unknown, unknown.created_at)]
    )
    assert answers[0].basis == MODEL and answers[0].fallback_level is None
    assert answers[1].basis == NOT_ENOUGH_HISTORY
    assert answers[1].fallback_level in {"destination+stage", "stage", "global"}
    assert answers[1].p10 <= answers[1].p50 <= answers[1].p90


def test_too_little_history_is_refused(sim_history: list[HistoryRecord]) -> None:
    with pytest.raises(NotEnoughData, match="at least"):
        train(sim_history[:20], options=FAST)


def test_a_saved_model_predicts_exactly_as_before(
    sim_model: QuantileModel, sim_history: list[HistoryRecord], tmp_path: object
) -> None:
    version = save_model(sim_model, str(tmp_path))
    loaded = load_model(str(tmp_path))
    assert loaded.info["version"] == version
    snapshots = [s for r in _later(sim_history)[:50] for s in training_snapshots(r)]
    np.testing.assert_allclose(
        loaded.predict_remaining(snapshots), sim_model.predict_remaining(snapshots)
    )


def test_the_store_picks_up_a_new_model_without_a_restart(
    sim_model: QuantileModel, sim_history: list[HistoryRecord], tmp_path: object
) -> None:
    store = ModelStore(str(tmp_path), check_seconds=0.0)
    assert store.get() is None and "no model" in (store.last_error or "")
    first = save_model(sim_model, str(tmp_path))
    assert store.get() is not None and store.get().info["version"] == first  # type: ignore[union-attr]
    time.sleep(1.1)  # versions are stamped to the second
    newer = train(sim_history, cutoff=CUTOFF + timedelta(days=20), options=FAST)
    second = save_model(newer, str(tmp_path))
    assert second != first
    assert store.get().info["version"] == second  # type: ignore[union-attr]


def test_a_damaged_model_directory_is_a_clear_error_and_the_store_keeps_the_old_model(
    sim_model: QuantileModel, tmp_path: object
) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    save_model(sim_model, root)
    store = ModelStore(root, check_seconds=0.0)
    assert store.get() is not None
    (root / "CURRENT").write_text("no-such-version\n")
    with pytest.raises(ModelFileError, match="no-such-version"):
        load_model(root)
    assert store.get() is not None
    assert "no-such-version" in (store.last_error or "")
