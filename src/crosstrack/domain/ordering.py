"""Putting a shipment's events in journey order, whatever order they arrived in.

1. **Clock skew between legs.** For each leg B linked from leg A, let ``h`` be the latest time
   A reports no later than ``skew_tolerance`` after B's first scan. B's scans that lie before
   ``h`` are placed at ``h`` (``placement = skew_adjusted``; ``occurred_at`` is untouched), so
   the last-mile carrier's "received" a few minutes "before" the first-mile hand-over comes
   after it, and the legs do not interleave absurdly. Gaps larger than the tolerance are real
   and are kept. Legs are processed in leg order, so the adjustment carries down a chain.
2. **Timed events** sort by: the minute they are placed at; then leg order (at the same minute
   the earlier leg's scan comes first); then the minute they occurred at; then journey progress
   (:func:`crosstrack.domain.progress.progress_rank`: at the same minute "out for delivery"
   precedes "delivered"); then the exact time; then a content key, so the result never depends
   on input order.
3. **Untimed events** (``occurred_at is None``) are placed by progress: just before the first
   timed event that is further along the journey, or at the end when none is. Several untimed
   events at one place sort by leg order, progress and content key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from crosstrack.domain.dedup import content_key
from crosstrack.domain.legs import LegId, LegPlan
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.progress import progress_rank


class Placement(StrEnum):
    """How an event's place in the timeline was decided."""

    BY_TIME = "by_time"
    """By its own ``occurred_at``."""
    SKEW_ADJUSTED = "skew_adjusted"
    """Moved forward to the previous leg's hand-over time (clock skew between carriers)."""
    BY_MILESTONE = "by_milestone"
    """It has no time; placed by its journey progress among the timed events."""


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    """An event with its leg and the time the timeline places it at."""

    event: NormalizedEvent
    leg: LegId
    placed_at: datetime | None
    placement: Placement


def _minute(moment: datetime) -> int:
    return int(moment.timestamp() // 60)


def _skew_adjusted(
    events: Sequence[tuple[NormalizedEvent, LegId]], plan: LegPlan, tolerance: timedelta
) -> list[PlacedEvent]:
    placed = [
        PlacedEvent(event, leg, event.occurred_at, Placement.BY_TIME)
        for event, leg in events
        if event.occurred_at is not None
    ]
    for leg in plan.legs:
        if leg.linked_from is None:
            continue
        mine = [i for i, p in enumerate(placed) if p.leg == leg.id]
        if not mine:
            continue
        first = min(_at(placed[i]) for i in mine)
        before = [
            _at(p) for p in placed if p.leg == leg.linked_from and _at(p) <= first + tolerance
        ]
        boundary = max(before, default=None)
        if boundary is None or boundary <= first:
            continue
        for i in mine:
            if _at(placed[i]) < boundary:
                placed[i] = PlacedEvent(
                    placed[i].event, placed[i].leg, boundary, Placement.SKEW_ADJUSTED
                )
    return placed


def _at(placed: PlacedEvent) -> datetime:
    assert placed.placed_at is not None  # only timed events are skew-adjusted
    return placed.placed_at


def order_events(
    events: Sequence[tuple[NormalizedEvent, LegId]],
    plan: LegPlan,
    skew_tolerance: timedelta = timedelta(hours=1),
) -> list[PlacedEvent]:
    """The events (each with its leg) in journey order; see the module docstring."""
    leg_order: Mapping[LegId, int] = {leg.id: leg.order for leg in plan.legs}

    def timed_key(p: PlacedEvent) -> tuple[int, int, int, tuple[int, int], float, tuple[str, ...]]:
        occurred = p.event.occurred_at
        assert occurred is not None
        return (
            _minute(_at(p)),
            leg_order[p.leg],
            _minute(occurred),
            progress_rank(p.event),
            occurred.timestamp(),
            content_key(p.event),
        )

    timed = sorted(_skew_adjusted(events, plan, skew_tolerance), key=timed_key)
    ranks = [progress_rank(p.event) for p in timed]
    untimed: dict[int, list[PlacedEvent]] = {}
    for event, leg in events:
        if event.occurred_at is not None:
            continue
        rank = progress_rank(event)
        anchor = next((i for i, r in enumerate(ranks) if r > rank), len(timed))
        untimed.setdefault(anchor, []).append(PlacedEvent(event, leg, None, Placement.BY_MILESTONE))
    ordered: list[PlacedEvent] = []
    for i in range(len(timed) + 1):
        ordered.extend(
            sorted(
                untimed.get(i, []),
                key=lambda p: (leg_order[p.leg], progress_rank(p.event), content_key(p.event)),
            )
        )
        if i < len(timed):
            ordered.append(timed[i])
    return ordered
