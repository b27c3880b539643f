"""One timeline per shipment: every leg's events, de-duplicated, ordered and summarised.

:func:`build_timeline` is a pure function of the *set* of events it is given (plus ``now``,
``expire_after`` and the policy): the order events arrive in never matters, giving the same
event twice changes nothing, and :meth:`Timeline.merge` of a second batch equals building from
both batches at once, because a timeline keeps every distinct copy it collapsed.

The steps, each in its own module: find and link the legs (:mod:`~crosstrack.domain.legs`),
collapse copies of the same scan (:mod:`~crosstrack.domain.dedup`), order the events
(:mod:`~crosstrack.domain.ordering`), and derive status, milestone and dwell
(:mod:`~crosstrack.domain.shipment_state`). ``docs/timeline.md`` states every rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from crosstrack.domain.dedup import content_key, deduplicate
from crosstrack.domain.errors import DomainError
from crosstrack.domain.legs import Leg, LegId, UnresolvedHandOver, plan_legs
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.ordering import Placement, order_events
from crosstrack.domain.shipment_state import derive
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone, Reason, Status

_PROBLEMS = frozenset({Status.EXCEPTION, Status.ATTEMPT_FAILED})
_CUSTOMS = (Milestone.EXPORT_CUSTOMS, Milestone.IMPORT_CUSTOMS)


@dataclass(frozen=True, slots=True)
class TimelinePolicy:
    """Tolerances of the merge; the defaults suit carriers' minute-precision timestamps."""

    duplicate_tolerance: timedelta = timedelta(minutes=1)
    """Two reports this close in time (and alike otherwise) are one scan."""
    skew_tolerance: timedelta = timedelta(hours=1)
    """A next leg's scans up to this much "before" the previous leg's hand-over follow it."""


DEFAULT_POLICY = TimelinePolicy()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One scan on the timeline: the copy kept, its leg, and where and why it is placed."""

    event: NormalizedEvent
    leg: LegId
    placed_at: datetime | None
    """The time the timeline orders it by: ``occurred_at``, or later if skew-adjusted."""
    placement: Placement
    affects_state: bool
    """False for ``unknown`` events and stale scans of an earlier leg."""
    copies: tuple[NormalizedEvent, ...]
    """Every distinct report of this scan (the kept one included), in content-key order."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """A shipment's journey across all its legs, and what it adds up to at ``now``."""

    events: tuple[TimelineEvent, ...]
    legs: tuple[Leg, ...]
    status: Status
    milestone: Milestone
    latest_exception: TimelineEvent | None
    """The latest ``exception`` or ``attempt_failed`` event, open or not."""
    first_event_at: datetime | None
    last_event_at: datetime | None
    dwell: Mapping[Milestone, timedelta]
    """Total time spent at each milestone reached (the current one open until ``now``)."""
    unresolved_handovers: tuple[UnresolvedHandOver, ...]
    """Hand-overs naming a number or carrier that is not among the legs: follow it."""
    now: datetime
    expire_after: timedelta | None = None
    policy: TimelinePolicy = field(default=DEFAULT_POLICY)

    @property
    def exception_reason(self) -> Reason | None:
        """Why the latest exception or failed attempt happened (``other`` when unsaid)."""
        if self.latest_exception is None:
            return None
        reason = self.latest_exception.event.reason
        return Reason.OTHER if reason is Reason.NONE else reason

    @property
    def is_terminal(self) -> bool:
        """Delivered or returned."""
        return self.status in TERMINAL_STATUSES

    @property
    def customs_dwell(self) -> timedelta:
        """Time spent in export and import customs together."""
        return self.dwell_at(*_CUSTOMS)

    @property
    def sources(self) -> tuple[NormalizedEvent, ...]:
        """Every distinct event the timeline was built from."""
        return tuple(copy for item in self.events for copy in item.copies)

    def dwell_at(self, *milestones: Milestone) -> timedelta:
        """Total dwell at these milestones (zero when never reached)."""
        return sum((self.dwell.get(m, timedelta(0)) for m in milestones), timedelta(0))

    def leg(self, leg: LegId) -> Leg:
        """The leg with this identity."""
        for item in self.legs:
            if item.id == leg:
                return item
        raise DomainError(f"no leg {leg.carrier}/{leg.tracking_number} on this timeline")

    def merge(self, events: Iterable[NormalizedEvent], *, now: datetime) -> Timeline:
        """This timeline with more events; equal to building from all events at once."""
        return build_timeline(
            (*self.sources, *events), now=now, expire_after=self.expire_after, policy=self.policy
        )


def _check_aware(moment: datetime | None, what: str) -> None:
    if moment is not None and moment.utcoffset() is None:
        raise DomainError(f"{what} must be a timezone-aware datetime, got {moment!r}")


def build_timeline(
    events: Iterable[NormalizedEvent],
    *,
    now: datetime,
    expire_after: timedelta | None = None,
    policy: TimelinePolicy = DEFAULT_POLICY,
) -> Timeline:
    """Join one shipment's events from every leg into one ordered, de-duplicated timeline.

    Raises :class:`DomainError` when ``now`` or an event's ``occurred_at`` is naive.
    """
    _check_aware(now, "now")
    received = list(events)
    for event in received:
        _check_aware(event.occurred_at, "occurred_at")
    plan = plan_legs(received)
    groups = {content_key(g.kept): g for g in deduplicate(received, policy.duplicate_tolerance)}
    ordered = order_events(
        [(g.kept, LegId.of(g.kept)) for g in groups.values()], plan, policy.skew_tolerance
    )
    leg_order = {leg.id: leg.order for leg in plan.legs}
    derived = derive(ordered, leg_order, now=now, expire_after=expire_after)
    items = tuple(
        TimelineEvent(
            event=p.event,
            leg=p.leg,
            placed_at=p.placed_at,
            placement=p.placement,
            affects_state=affects,
            copies=groups[content_key(p.event)].copies,
        )
        for p, affects in zip(ordered, derived.affects_state, strict=True)
    )
    times = [item.event.occurred_at for item in items if item.event.occurred_at is not None]
    return Timeline(
        events=items,
        legs=plan.legs,
        status=derived.status,
        milestone=derived.milestone,
        latest_exception=next(
            (item for item in reversed(items) if item.event.status in _PROBLEMS), None
        ),
        first_event_at=min(times, default=None),
        last_event_at=max(times, default=None),
        dwell=derived.dwell,
        unresolved_handovers=plan.unresolved,
        now=now,
        expire_after=expire_after,
        policy=policy,
    )
