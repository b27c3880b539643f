"""Journey progress: how far along the cross-border journey one event puts the parcel.

Used to break ties between events reported at the same minute, to place events that have no
time, and to tell a late scan of an earlier leg from real progress. Pure and total: every
event gets a rank.
"""

from __future__ import annotations

from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.vocabulary import MILESTONE_ORDER, Milestone, Status

#: The milestone a status implies when an event carries no milestone of its own.
IMPLIED_MILESTONE: dict[Status, Milestone] = {
    Status.INFO_RECEIVED: Milestone.LABEL_CREATED,
    Status.OUT_FOR_DELIVERY: Milestone.OUT_FOR_DELIVERY,
    Status.ATTEMPT_FAILED: Milestone.DELIVERY_ATTEMPT,
    Status.AVAILABLE_FOR_PICKUP: Milestone.AVAILABLE_FOR_PICKUP,
    Status.DELIVERED: Milestone.DELIVERED,
    Status.RETURNED: Milestone.RETURN,
}

_MILESTONE_RANK: dict[Milestone, int] = {m: i for i, m in enumerate(MILESTONE_ORDER)}
_MILESTONE_RANK[Milestone.RETURN] = len(MILESTONE_ORDER)
#: An event that says nothing about where it is ("in transit", "delay", unknown text) ranks
#: like a facility scan: somewhere inside the network.
_NOWHERE_RANK = _MILESTONE_RANK[Milestone.FACILITY]

#: The order statuses normally happen in during one delivery round (tie-breaker after the
#: milestone): at the same minute an exception precedes the attempt it causes, and
#: "out for delivery" precedes "delivered".
_STATUS_JOURNEY: dict[Status, int] = {
    s: i
    for i, s in enumerate(
        (
            Status.UNKNOWN,
            Status.PENDING,
            Status.INFO_RECEIVED,
            Status.IN_TRANSIT,
            Status.EXCEPTION,
            Status.OUT_FOR_DELIVERY,
            Status.ATTEMPT_FAILED,
            Status.AVAILABLE_FOR_PICKUP,
            Status.DELIVERED,
            Status.RETURNED,
            Status.EXPIRED,
        )
    )
}


def effective_milestone(event: NormalizedEvent) -> Milestone:
    """The event's milestone, or the one its status implies, or ``none``."""
    if event.milestone is not Milestone.NONE:
        return event.milestone
    return IMPLIED_MILESTONE.get(event.status, Milestone.NONE)


def is_return(event: NormalizedEvent) -> bool:
    """Whether the event says the parcel is going (or has gone) back to the sender."""
    return event.status is Status.RETURNED or event.milestone is Milestone.RETURN


def milestone_rank(milestone: Milestone) -> int:
    """Position of a milestone in the journey (``none`` ranks like a facility scan)."""
    return _MILESTONE_RANK.get(milestone, _NOWHERE_RANK)


def progress_rank(event: NormalizedEvent) -> tuple[int, int]:
    """A sortable measure of how far along the journey the event is: (milestone, status)."""
    return (milestone_rank(effective_milestone(event)), _STATUS_JOURNEY[event.status])
