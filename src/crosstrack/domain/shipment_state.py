"""The shipment's current status and milestone, and how long it dwelt at each milestone.

The state is a fold over the ordered events, starting from ``pending`` / ``none``:

* An ``unknown``-status event never changes the state.
* A **return** event (status ``returned`` or milestone ``return``) puts the shipment into
  return mode: from then on it is ``returned`` / ``return`` whatever follows (the return
  journey's own "in transit" and "delivered" are the parcel going back to the sender).
* A **stale** event — from a leg earlier in the journey than the leg of the event that last
  decided the state, and not further along than the current milestone — does not change the
  state (the origin post reporting "arrived in destination country" after the last-mile
  carrier delivered). It stays on the timeline.
* Otherwise the event decides: its status becomes the status; its milestone (or the one its
  status implies) becomes the milestone. An event without a milestone keeps the previous one,
  except after ``delivered``, where the place becomes unknown (``none``). This makes
  re-deliveries work: attempt, then out for delivery, then delivered → delivered.

After the fold: a shipment that is not ``delivered``/``returned`` and whose last event is older
than ``expire_after`` at ``now`` is ``expired`` (its milestone is kept). No events → pending.

Dwell: the same fold over the *timed* events only. A milestone's dwell is the time from the
event that reached it to the next event that changed the milestone, summed over every visit;
the last milestone stays open until ``now`` unless the shipment is delivered or returned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from crosstrack.domain.legs import LegId
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.ordering import PlacedEvent
from crosstrack.domain.progress import effective_milestone, is_return, milestone_rank
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone, Status

_NO_TIME = timedelta(0)


@dataclass(frozen=True, slots=True)
class ShipmentState:
    """The state after some events: what the shipment is, and which leg last decided it."""

    status: Status = Status.PENDING
    milestone: Milestone = Milestone.NONE
    returning: bool = False
    deciding_leg_order: int = -1
    """Leg order of the event that last changed the state (-1 before any)."""


def step(state: ShipmentState, event: NormalizedEvent, leg_order: int) -> ShipmentState | None:
    """The state after one more event, or ``None`` when the event does not change it."""
    if event.status is Status.UNKNOWN:
        return None
    if state.returning or is_return(event):
        return ShipmentState(Status.RETURNED, Milestone.RETURN, True, leg_order)
    milestone = effective_milestone(event)
    if leg_order < state.deciding_leg_order and milestone_rank(milestone) <= milestone_rank(
        state.milestone
    ):
        return None
    if milestone is Milestone.NONE:
        milestone = Milestone.NONE if state.milestone is Milestone.DELIVERED else state.milestone
    return ShipmentState(event.status, milestone, False, leg_order)


@dataclass(frozen=True, slots=True)
class Derivation:
    """What the ordered events say about the shipment as a whole."""

    status: Status
    milestone: Milestone
    affects_state: tuple[bool, ...]
    """Per event, in order: whether it changed (or re-confirmed) the state."""
    dwell: Mapping[Milestone, timedelta]


def derive(
    events: Sequence[PlacedEvent],
    leg_order: Mapping[LegId, int],
    *,
    now: datetime,
    expire_after: timedelta | None = None,
) -> Derivation:
    """Fold the ordered events into the shipment's status, milestone and dwell times."""
    state = ShipmentState()
    affects = []
    for placed in events:
        after = step(state, placed.event, leg_order[placed.leg])
        affects.append(after is not None)
        state = after or state
    status = state.status
    times = [p.event.occurred_at for p in events if p.event.occurred_at is not None]
    if (
        expire_after is not None
        and times
        and status not in TERMINAL_STATUSES
        and now - max(times) > expire_after
    ):
        status = Status.EXPIRED
    return Derivation(
        status=status,
        milestone=state.milestone,
        affects_state=tuple(affects),
        dwell=dwell_per_milestone(events, leg_order, now=now),
    )


def dwell_per_milestone(
    events: Sequence[PlacedEvent], leg_order: Mapping[LegId, int], *, now: datetime
) -> dict[Milestone, timedelta]:
    """Total time spent at each milestone reached by a timed event (see the module docstring)."""
    dwell: dict[Milestone, timedelta] = {}
    state = ShipmentState()
    since: datetime | None = None
    for placed in events:
        if placed.placed_at is None:
            continue
        after = step(state, placed.event, leg_order[placed.leg])
        if after is None:
            continue
        if after.milestone is not state.milestone:
            _close(dwell, state.milestone, since, placed.placed_at)
            since = placed.placed_at
        state = after
    end = since if state.status in TERMINAL_STATUSES else now
    _close(dwell, state.milestone, since, end)
    return dwell


def _close(
    dwell: dict[Milestone, timedelta],
    milestone: Milestone,
    since: datetime | None,
    until: datetime | None,
) -> None:
    if milestone is Milestone.NONE or since is None or until is None:
        return
    dwell[milestone] = dwell.get(milestone, _NO_TIME) + max(until - since, _NO_TIME)
