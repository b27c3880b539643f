"""From a recomputed timeline to a shipment state, and from a state change to outbox messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.timeline import Timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.ports import IdFactory
from crosstrack.services.records import OutboxMessage, StoredEvent, Topic


def state_from_timeline(timeline: Timeline) -> ShipmentState:
    """The stored summary of a timeline."""
    delivered_at = None
    if timeline.status is Status.DELIVERED:
        delivered_at = next(
            (
                entry.event.occurred_at
                for entry in reversed(timeline.events)
                if entry.event.status is Status.DELIVERED
            ),
            None,
        )
    reason = timeline.exception_reason if timeline.status in _REASONED else None
    return ShipmentState(
        status=timeline.status,
        milestone=timeline.milestone,
        reason=reason or Reason.NONE,
        first_event_at=timeline.first_event_at,
        last_event_at=timeline.last_event_at,
        delivered_at=delivered_at,
        event_count=len(timeline.events),
        dwell=dict(timeline.dwell),
    )


_REASONED = frozenset({Status.EXCEPTION, Status.ATTEMPT_FAILED})


def announce_changes(
    shipment: Shipment,
    state: ShipmentState,
    reached_before: set[Milestone],
    fresh: Sequence[StoredEvent],
    *,
    ids: IdFactory,
    now: datetime,
) -> list[OutboxMessage]:
    """Messages for a status change and for each milestone reached for the first time.

    Keys are stable, so the same change can never be announced twice: a status change is keyed
    by the transition and the number of events that led to it, a milestone by itself.
    """
    messages: list[OutboxMessage] = []
    old = shipment.state
    base = {"shipment_id": shipment.id, "order_ref": shipment.order_ref}
    if state.status is not old.status:
        messages.append(
            OutboxMessage(
                id=ids(),
                merchant_id=shipment.merchant_id,
                shipment_id=shipment.id,
                topic=Topic.STATUS_CHANGED,
                payload={
                    **base,
                    "previous_status": old.status.value,
                    "status": state.status.value,
                    "milestone": state.milestone.value,
                    "reason": state.reason.value,
                },
                idempotency_key=(
                    f"{shipment.id}:status:{old.status}:{state.status}:{state.event_count}"
                ),
                created_at=now,
            )
        )
    reached = {e.event.milestone for e in fresh} - reached_before - {Milestone.NONE}
    for milestone in sorted(reached, key=lambda m: m.value):
        first = min(
            (e for e in fresh if e.event.milestone is milestone),
            key=lambda e: (e.event.occurred_at is None, e.event.occurred_at or now, e.id),
        )
        messages.append(
            OutboxMessage(
                id=ids(),
                merchant_id=shipment.merchant_id,
                shipment_id=shipment.id,
                topic=Topic.MILESTONE_REACHED,
                payload={
                    **base,
                    "milestone": milestone.value,
                    "occurred_at": first.event.occurred_at.isoformat()
                    if first.event.occurred_at
                    else None,
                    "event_id": first.id,
                },
                idempotency_key=f"{shipment.id}:milestone:{milestone}",
                created_at=now,
            )
        )
    return messages
