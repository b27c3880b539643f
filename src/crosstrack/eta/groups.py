"""The groups statistics back off through: lane, carrier and destination, destination, all.

A lane is origin country + destination country + carrier + service (docs/eta.md). Remaining
time is also grouped by stage and by how long the parcel has waited in it.
"""

from __future__ import annotations

from bisect import bisect_right

from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.snapshots import Snapshot
from crosstrack.eta.stats import Key

TOTAL_LEVELS = ("lane", "carrier+destination", "destination", "global")
"""Back-off levels of total transit time (baselines B0 and B1)."""
REMAINING_LEVELS = (
    "lane+stage+waited",
    "lane+stage",
    "carrier+destination+stage",
    "destination+stage",
    "stage",
    "global",
)
"""Back-off levels of remaining time (baseline B2 and the model's fallback)."""
WAITED_EDGES = (0.5, 1.5, 3.0, 6.0, 10.0, 16.0, 25.0)
"""Bucket edges, in days waited in the current stage."""


def lane_key(record: HistoryRecord) -> Key:
    """``(carrier, service, origin, destination)``."""
    return (record.carrier, record.service, record.origin_country, record.destination_country)


def lane_label(record: HistoryRecord) -> str:
    """``CN→FR cainiao/postal`` (``BR→BR`` when carrier and service are unknown)."""
    route = f"{record.origin_country}→{record.destination_country}"
    how = "/".join(part for part in (record.carrier, record.service) if part)
    return f"{route} {how}" if how else route


def total_keys(record: HistoryRecord) -> tuple[Key, ...]:
    """The record's group at each of :data:`TOTAL_LEVELS`."""
    return (
        lane_key(record),
        (record.carrier, record.destination_country),
        (record.destination_country,),
        (),
    )


def waited_bucket(days: float) -> str:
    """The bucket of days waited in a stage (``"0"`` … ``"7"``)."""
    return str(bisect_right(WAITED_EDGES, days))


def remaining_keys(snapshot: Snapshot) -> tuple[Key, ...]:
    """The snapshot's group at each of :data:`REMAINING_LEVELS`."""
    record = snapshot.record
    stage = str(snapshot.stage)
    waited = waited_bucket((snapshot.as_of - snapshot.stage_at).total_seconds() / 86400.0)
    lane = lane_key(record)
    return (
        (*lane, stage, waited),
        (*lane, stage),
        (record.carrier, record.destination_country, stage),
        (record.destination_country, stage),
        (stage,),
        (),
    )
