"""As-of snapshots: checkpoints at each stage and while waiting, never past delivery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from eta_samples import record

from crosstrack.eta.snapshots import STAGES, WAIT_DAYS, snapshot_at, training_snapshots

T0 = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def _days(n: float) -> datetime:
    return T0 + timedelta(days=n)


def test_a_delivered_record_gives_a_snapshot_at_each_stage_and_while_waiting() -> None:
    rec = record(
        created=T0,
        delivered=_days(10),
        milestones=(_days(1), _days(3), None, None, _days(9.5)),
    )
    snaps = list(training_snapshots(rec))
    assert [s.checkpoint for s in snaps] == [
        "created",  # picked up a day later: no waiting snapshot
        "picked_up",
        "picked_up (waiting)",  # +1 day; +2 days is the departure itself
        "departed_origin",
        "departed_origin (waiting)",  # +1, +2, +4 days; +7 is after out-for-delivery
        "departed_origin (waiting)",
        "departed_origin (waiting)",
        "out_for_delivery",
    ]
    assert all(s.as_of < rec.delivered_at for s in snaps if rec.delivered_at)
    assert all(0 < (s.remaining_days or 0) <= 10 for s in snaps)
    waits = [
        (s.as_of - s.stage_at).days for s in snaps if s.checkpoint == "departed_origin (waiting)"
    ]
    assert waits == [d for d in WAIT_DAYS if d < 6.5]


def test_no_snapshot_for_an_undelivered_record() -> None:
    assert list(training_snapshots(record(created=T0))) == []


def test_snapshot_at_takes_the_furthest_stage_reached_and_the_latest_scan() -> None:
    rec = record(created=T0, milestones=(_days(1), _days(3), _days(4), None, None))
    snap = snapshot_at(rec, _days(3.5), last_scan_at=_days(3.4))
    assert STAGES[snap.stage] == "departed_origin"
    assert snap.stage_at == _days(3)
    assert snap.last_scan_at == _days(3.4)
    assert snap.waiting is False


def test_an_out_of_order_milestone_does_not_move_the_parcel_back() -> None:
    # Customs released recorded before arrival: at arrival time the parcel is already released.
    rec = record(created=T0, delivered=_days(8), milestones=(None, None, _days(5), _days(4), None))
    snaps = list(training_snapshots(rec))
    stages = [STAGES[s.stage] for s in snaps if not s.waiting]
    assert stages == ["created", "customs_released"]
