"""Legs of a shipment and the links between them.

A leg is one carrier's tracking number (the event's carrier slug, or its raw carrier label when
no slug is known, + ``event.raw.tracking_number``).
Legs are linked in two ways:

* **explicitly**, by a hand-over event on the earlier leg: its milestone is
  ``handed_to_other_carrier`` or its text names the next number or carrier
  (:func:`crosstrack.domain.handover.extract_handover`). The target is the other leg with that
  tracking number (preferring one whose carrier also matches), else the other leg whose carrier
  matches the name. A target that no leg answers to is reported as an unresolved hand-over,
  so the caller can start following the new number. A hand-over naming the leg's own carrier
  or number is not a link ("The parcel was handed over to GLS" in GLS's own tracking).
* **by time order**, for every other leg: it is linked from the leg just before it.

Legs are ordered by a topological sort of the explicit links, taking legs in order of their
start (the first scan that shows the parcel in the carrier's hands, i.e. not a label/pre-alert
event; else their first event; untimed legs last), then by carrier and number. Links that would
close a cycle are ignored. Roles follow the order: one leg is ``end_to_end``; otherwise the
first is ``first_mile``, the last ``last_mile``, the rest ``line_haul``.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from crosstrack.domain.dedup import content_key
from crosstrack.domain.handover import (
    HandOver,
    carrier_matches,
    extract_handover,
    normalized_tracking_number,
)
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.progress import effective_milestone
from crosstrack.domain.vocabulary import Milestone, Status


@dataclass(frozen=True, slots=True, order=True)
class LegId:
    """The identity of a leg: carrier slug and normalized tracking number (``""`` if unknown)."""

    carrier: str
    tracking_number: str

    @classmethod
    def of(cls, event: NormalizedEvent) -> LegId:
        """The leg an event belongs to."""
        carrier = event.carrier or event.raw.carrier or ""
        return cls(carrier, normalized_tracking_number(event.raw.tracking_number))


class LegRole(StrEnum):
    """The part of the journey a leg covers, by its place in the leg order."""

    END_TO_END = "end_to_end"
    FIRST_MILE = "first_mile"
    LINE_HAUL = "line_haul"
    LAST_MILE = "last_mile"


class LinkKind(StrEnum):
    """How a leg was linked to the leg before it."""

    NONE = "none"
    """The first leg: nothing comes before it."""
    HANDOVER = "handover"
    """A hand-over event on the earlier leg names this leg."""
    TIME_ORDER = "time_order"
    """No hand-over names it; it follows the previous leg in time."""


@dataclass(frozen=True, slots=True)
class Leg:
    """One leg of the shipment, with its place in the journey and its link."""

    carrier: str
    tracking_number: str
    order: int
    role: LegRole
    linked_from: LegId | None = None
    link: LinkKind = LinkKind.NONE
    handover_at: datetime | None = None
    """When the hand-over event that links this leg happened (explicit links only)."""

    @property
    def id(self) -> LegId:
        return LegId(self.carrier, self.tracking_number)


@dataclass(frozen=True, slots=True)
class UnresolvedHandOver:
    """A hand-over whose target is not among the shipment's legs (yet)."""

    from_leg: LegId
    target: HandOver
    at: datetime | None


@dataclass(frozen=True, slots=True)
class LegPlan:
    """The ordered legs and the hand-overs that point outside them."""

    legs: tuple[Leg, ...]
    unresolved: tuple[UnresolvedHandOver, ...]


_PRE_PICKUP = frozenset({Status.INFO_RECEIVED, Status.UNKNOWN, Status.PENDING})


def _start(events: Sequence[NormalizedEvent]) -> datetime | None:
    timed = [e for e in events if e.occurred_at is not None]
    physical = [
        e
        for e in timed
        if e.status not in _PRE_PICKUP and effective_milestone(e) is not Milestone.LABEL_CREATED
    ]
    chosen = physical or timed
    return min((e.occurred_at for e in chosen if e.occurred_at), default=None)


def _target(handover: HandOver, source: LegId, legs: Sequence[LegId]) -> tuple[LegId | None, bool]:
    """The leg a hand-over names, and whether it names only the source leg itself."""
    named_number = handover.tracking_number or ""
    name = handover.carrier_name
    if (
        named_number
        and named_number == source.tracking_number
        and (name is None or carrier_matches(name, source.carrier))
    ):
        return None, True
    if name and not named_number and carrier_matches(name, source.carrier):
        return None, True
    others = [leg for leg in legs if leg != source]
    by_number = [leg for leg in others if named_number and leg.tracking_number == named_number]
    if by_number:
        by_both = [leg for leg in by_number if name and carrier_matches(name, leg.carrier)]
        return (by_both or by_number)[0], False
    by_name = [leg for leg in others if name and carrier_matches(name, leg.carrier)]
    return (by_name[0] if by_name else None), False


def _reaches(links: dict[LegId, LegId], start: LegId, goal: LegId) -> bool:
    """Whether following ``linked_from`` from ``start`` arrives at ``goal``."""
    seen = set()
    node: LegId | None = start
    while node is not None and node not in seen:
        if node == goal:
            return True
        seen.add(node)
        node = links.get(node)
    return False


def plan_legs(events: Sequence[NormalizedEvent]) -> LegPlan:
    """Find the legs of these events, link them and put them in journey order."""
    by_leg: dict[LegId, list[NormalizedEvent]] = {}
    for event in events:
        by_leg.setdefault(LegId.of(event), []).append(event)
    ids = sorted(by_leg)
    starts = {leg: _start(by_leg[leg]) for leg in ids}

    links: dict[LegId, LegId] = {}  # target -> source
    handover_at: dict[LegId, datetime | None] = {}
    unresolved: dict[tuple[LegId, HandOver], datetime | None] = {}
    handovers = sorted(
        (e for e in events if e.status is not Status.DELIVERED or _is_handover_milestone(e)),
        key=lambda e: (e.occurred_at is None, _seconds(e.occurred_at), content_key(e)),
    )
    for event in handovers:
        target = extract_handover(event.raw.description)
        if target is None:
            continue
        source = LegId.of(event)
        leg, self_named = _target(target, source, ids)
        if self_named:
            continue
        if leg is None:
            unresolved.setdefault((source, target), event.occurred_at)
        elif leg not in links and not _reaches(links, source, leg):
            links[leg] = source
            handover_at[leg] = event.occurred_at

    order = _topological(ids, links, starts)
    legs = []
    for position, leg in enumerate(order):
        if leg in links:
            linked, kind = links[leg], LinkKind.HANDOVER
        elif position:
            linked, kind = order[position - 1], LinkKind.TIME_ORDER
        else:
            linked, kind = None, LinkKind.NONE
        legs.append(
            Leg(
                carrier=leg.carrier,
                tracking_number=leg.tracking_number,
                order=position,
                role=_role(position, len(order)),
                linked_from=linked,
                link=kind,
                handover_at=handover_at.get(leg),
            )
        )
    return LegPlan(
        legs=tuple(legs),
        unresolved=tuple(
            UnresolvedHandOver(from_leg=source, target=target, at=at)
            for (source, target), at in sorted(
                unresolved.items(),
                key=lambda item: (item[0][0], repr(item[0][1]), repr(item[1])),
            )
        ),
    )


def _seconds(moment: datetime | None) -> float:
    return moment.timestamp() if moment else 0.0


def _is_handover_milestone(event: NormalizedEvent) -> bool:
    return event.milestone is Milestone.HANDED_TO_OTHER_CARRIER


def _topological(
    ids: Sequence[LegId], links: dict[LegId, LegId], starts: dict[LegId, datetime | None]
) -> list[LegId]:
    """Kahn's algorithm over explicit links, taking the earliest-starting leg first."""

    def priority(leg: LegId) -> tuple[bool, float, LegId]:
        return (starts[leg] is None, _seconds(starts[leg]), leg)

    successors: dict[LegId, list[LegId]] = {}
    for target, source in links.items():
        successors.setdefault(source, []).append(target)
    ready = [priority(leg) for leg in ids if leg not in links]
    heapq.heapify(ready)
    order = []
    while ready:
        leg = heapq.heappop(ready)[2]
        order.append(leg)
        for nxt in successors.get(leg, []):
            heapq.heappush(ready, priority(nxt))
    return order


def _role(position: int, count: int) -> LegRole:
    if count == 1:
        return LegRole.END_TO_END
    if position == 0:
        return LegRole.FIRST_MILE
    return LegRole.LAST_MILE if position == count - 1 else LegRole.LINE_HAUL
