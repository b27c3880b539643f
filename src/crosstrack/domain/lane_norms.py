"""What is normal on a lane: how long parcels stay at each milestone and go without a scan.

From past timelines, two kinds of sample per milestone: a **stay** (from arriving at the
milestone to arriving at the next one: the customs dwell, above all) and a **gap** (from an
event at the milestone to the next scan). Only finished ones count: a stay still going on,
or the silence after the last scan, is not a sample. Samples are kept per lane (origin and
destination country), per destination (``*-FR``) and overall (``*``), and the alert detector
uses the P95 of the narrowest scope with enough samples: a lane with little history backs off
to its destination, then to everything. Pure: the service feeds timelines and stores the
result.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from crosstrack.domain.alerts import LaneNorms
from crosstrack.domain.timeline import Timeline
from crosstrack.domain.vocabulary import Milestone

MIN_SAMPLES = 30
"""Fewer samples than this in a scope and its P95 is not trusted: back off to a wider one."""
EVERYWHERE = "*"


class NormKind(StrEnum):
    STAY = "stay"
    GAP = "gap"


@dataclass(frozen=True, slots=True)
class Norm:
    """The P95 of one kind of duration at one milestone in one scope."""

    scope: str
    """``CN-FR`` (a lane), ``*-FR`` (a destination) or ``*`` (everything)."""
    milestone: Milestone
    kind: NormKind
    p95: timedelta
    samples: int


def lane_scope(origin: str | None, destination: str | None) -> str:
    return f"{(origin or '*').upper()}-{(destination or '*').upper()}"


def scopes_of(origin: str | None, destination: str | None) -> tuple[str, ...]:
    """The scopes a lane's samples count in and its norms back off through, narrowest first."""
    lane = lane_scope(origin, destination)
    wider = lane_scope(None, destination)
    return tuple(dict.fromkeys((lane, wider, EVERYWHERE)))


def observe(timeline: Timeline) -> list[tuple[Milestone, NormKind, timedelta]]:
    """The finished stays and gaps of one timeline."""
    events = sorted(
        (e.event for e in timeline.events if e.affects_state and e.event.occurred_at is not None),
        key=lambda event: event.occurred_at or datetime.min,
    )
    out: list[tuple[Milestone, NormKind, timedelta]] = []
    for event, following in pairwise(events):
        if event.milestone is not Milestone.NONE and event.occurred_at and following.occurred_at:
            out.append((event.milestone, NormKind.GAP, following.occurred_at - event.occurred_at))
    current: Milestone | None = None
    entered: datetime | None = None
    for event in events:
        if event.milestone is Milestone.NONE or event.milestone is current:
            continue
        if current is not None and entered is not None and event.occurred_at is not None:
            out.append((current, NormKind.STAY, event.occurred_at - entered))
        current, entered = event.milestone, event.occurred_at
    return out


class NormsBuilder:
    """Collects samples lane by lane, then gives every scope's P95s."""

    def __init__(self) -> None:
        self._samples: dict[tuple[str, Milestone, NormKind], list[float]] = defaultdict(list)

    def add(self, origin: str | None, destination: str | None, timeline: Timeline) -> None:
        """Count one past shipment's stays and gaps on its lane and the wider scopes."""
        observed = observe(timeline)
        for scope in scopes_of(origin, destination):
            for milestone, kind, spent in observed:
                self._samples[(scope, milestone, kind)].append(spent.total_seconds())

    def build(self, min_samples: int = MIN_SAMPLES) -> list[Norm]:
        """Every (scope, milestone, kind) with at least ``min_samples`` samples."""
        out = []
        for (scope, milestone, kind), values in sorted(self._samples.items()):
            if len(values) >= min_samples:
                out.append(
                    Norm(scope, milestone, kind, timedelta(seconds=_p95(values)), len(values))
                )
        return out


class NormsTable:
    """Stored norms, looked up with back-off from a lane to wider scopes."""

    def __init__(self, norms: Iterable[Norm]) -> None:
        self._by: dict[tuple[str, Milestone, NormKind], Norm] = {
            (n.scope, n.milestone, n.kind): n for n in norms
        }

    def __len__(self) -> int:
        return len(self._by)

    def for_lane(self, origin: str | None, destination: str | None) -> LaneNorms:
        """The lane's P95s per milestone, each from the narrowest scope that has it."""
        scopes = scopes_of(origin, destination)
        found: dict[NormKind, dict[Milestone, timedelta]] = {NormKind.STAY: {}, NormKind.GAP: {}}
        for milestone in Milestone:
            for kind in NormKind:
                for scope in scopes:
                    norm = self._by.get((scope, milestone, kind))
                    if norm is not None:
                        found[kind][milestone] = norm.p95
                        break
        return LaneNorms(dwell_p95=found[NormKind.STAY], gap_p95=found[NormKind.GAP])


def _p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
