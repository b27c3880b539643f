"""As-of snapshots: what was known about a shipment at one moment of its journey.

A model is trained and judged on snapshots, never on whole journeys: at creation, at each
milestone the moment it was reached, and while waiting in a stage (1, 2, 4, 7, 12, 20 and 30
days after it was reached, while nothing newer had happened). The label is the time that
remained until delivery. A snapshot never looks at anything after its ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from crosstrack.eta.history import HistoryRecord

STAGES = (
    "created",
    "picked_up",
    "departed_origin",
    "arrived_destination",
    "customs_released",
    "out_for_delivery",
)
"""The stages of a journey, in order: creation, then the history file's milestone columns."""
DESTINATION_STAGE = STAGES.index("arrived_destination")
"""The first stage spent in the destination country (its calendar applies from here)."""
WAIT_DAYS = (1, 2, 4, 7, 12, 20, 30)
"""Snapshots taken this many days after a stage was reached, while nothing newer happened."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A shipment as known at ``as_of``: its latest stage, since when, and its last scan."""

    record: HistoryRecord
    """Lane, promise and zones; its outcome is never read by features."""
    as_of: datetime
    stage: int
    """Index into :data:`STAGES` of the latest stage reached by ``as_of``."""
    stage_at: datetime
    last_scan_at: datetime
    waiting: bool = False
    """``False`` when taken the moment the stage was reached."""

    @property
    def checkpoint(self) -> str:
        """The backtest's checkpoint name: the stage, and whether the parcel was waiting in it."""
        return f"{STAGES[self.stage]} (waiting)" if self.waiting else STAGES[self.stage]

    @property
    def remaining_days(self) -> float | None:
        """Days from ``as_of`` to delivery, when the shipment was delivered."""
        delivered = self.record.delivered_at
        if delivered is None:
            return None
        return (delivered - self.as_of).total_seconds() / 86400.0


def stage_times(record: HistoryRecord) -> list[tuple[int, datetime]]:
    """``(stage, time)`` for each stage the record has a time for, creation first."""
    times = [(0, record.created_at)]
    times.extend((i + 1, t) for i, t in enumerate(record.milestones) if t is not None)
    return times


def snapshot_at(
    record: HistoryRecord, as_of: datetime | None = None, last_scan_at: datetime | None = None
) -> Snapshot:
    """The record as known at ``as_of``: the furthest stage reached by then.

    ``as_of`` defaults to the latest time the record has (creation or a milestone, never the
    promise); ``last_scan_at`` (the last carrier event, when the caller knows it) to the latest
    stage time at or before ``as_of``.
    """
    if as_of is None:
        as_of = max(t for _, t in stage_times(record))
    known = [(stage, t) for stage, t in stage_times(record) if t <= as_of] or [
        (0, record.created_at)
    ]
    stage, stage_at = max(known, key=lambda item: (item[0], item[1]))
    latest = max(t for _, t in known)
    return Snapshot(
        record=record,
        as_of=as_of,
        stage=stage,
        stage_at=stage_at,
        last_scan_at=max(latest, last_scan_at) if last_scan_at else latest,
    )


def training_snapshots(record: HistoryRecord) -> Iterator[Snapshot]:
    """Every checkpoint of a delivered record before its delivery (none when undelivered)."""
    delivered = record.delivered_at
    if delivered is None:
        return
    moments = sorted({t for _, t in stage_times(record) if t < delivered})
    for index, moment in enumerate(moments):
        reached = snapshot_at(record, moment)
        if reached.stage_at != moment and index > 0:
            continue  # an out-of-order time: the parcel was already further along
        yield reached
        following = moments[index + 1] if index + 1 < len(moments) else delivered
        for days in WAIT_DAYS:
            as_of = moment + timedelta(days=days)
            if as_of >= following:
                break
            yield Snapshot(
                record=record,
                as_of=as_of,
                stage=reached.stage,
                stage_at=reached.stage_at,
                last_scan_at=reached.last_scan_at,
                waiting=True,
            )
