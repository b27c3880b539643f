"""In-memory ``PollRepository`` and ``QuarantineRepository`` (parts of the in-memory store).

They work on the dictionaries of one :class:`~crosstrack.testing.memory.InMemoryUnitOfWork`
(poll states by leg id, shipments by id, quarantine items), like the rest of that store.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.shipment import Shipment, ShipmentLeg
from crosstrack.services.records import DueLeg, PollRecord, PollState, QuarantinedPayload


def fresh_poll_state(leg: ShipmentLeg, due_at: datetime) -> PollState:
    """A leg's poll state when it starts its plan: due at ``due_at`` if it has a carrier."""
    return PollState(leg.id, next_poll_at=due_at if leg.carrier is not None else None)


class InMemoryPollRepository:
    """``PollRepository`` over poll states kept by leg id."""

    def __init__(self, polls: dict[str, PollState], shipments: dict[str, Shipment]) -> None:
        self._polls = polls
        self._shipments = shipments

    def due(
        self, now: datetime, *, limit: int, carriers: Collection[str] | None = None
    ) -> list[DueLeg]:
        wanted = set(carriers) if carriers is not None else None
        views = [
            view
            for view in self._views()
            if view.poll.next_poll_at is not None
            and view.poll.next_poll_at <= now
            and (wanted is None or view.carrier in wanted)
        ]
        views.sort(key=lambda v: (v.poll.next_poll_at, v.leg_id))
        return views[: max(0, limit)]

    def find(self, leg_ids: Collection[str]) -> dict[str, DueLeg]:
        wanted = set(leg_ids)
        return {v.leg_id: v for v in self._views() if v.leg_id in wanted}

    def state(self, leg_id: str) -> PollState | None:
        return self._polls.get(leg_id)

    def schedule(self, leg_id: str, next_poll_at: datetime) -> None:
        found = self._polls.get(leg_id)
        if found is not None:
            self._polls[leg_id] = replace(
                found,
                next_poll_at=next_poll_at,
                polling_stopped_at=None,
                polling_stopped_reason=None,
            )

    def stop(self, leg_id: str, reason: StopReason, at: datetime) -> None:
        found = self._polls.get(leg_id)
        if found is not None:
            self._polls[leg_id] = replace(
                found, next_poll_at=None, polling_stopped_at=at, polling_stopped_reason=reason
            )

    def record(
        self,
        leg_id: str,
        polled_at: datetime,
        outcome: PollOutcome,
        next_poll_at: datetime | None,
        *,
        failures: int,
        stopped_reason: StopReason | None = None,
    ) -> None:
        if leg_id not in self._polls:
            return
        stopped = stopped_reason is not None
        self._polls[leg_id] = PollState(
            leg_id=leg_id,
            next_poll_at=None if stopped else next_poll_at,
            last_polled_at=polled_at,
            last_outcome=outcome,
            consecutive_failures=failures,
            polling_stopped_at=polled_at if stopped else None,
            polling_stopped_reason=stopped_reason,
        )

    def record_many(self, records: Sequence[PollRecord]) -> None:
        for r in records:
            self.record(
                r.leg_id,
                r.polled_at,
                r.outcome,
                r.next_poll_at,
                failures=r.failures,
                stopped_reason=r.stopped_reason,
            )

    def _views(self) -> list[DueLeg]:
        return [
            DueLeg(
                leg_id=leg.id,
                merchant_id=s.merchant_id,
                shipment_id=s.id,
                carrier=leg.carrier,
                tracking_number=leg.tracking_number,
                registered_at=s.created_at,
                status=s.state.status,
                milestone=s.state.milestone,
                last_event_at=s.state.last_event_at,
                poll=self._polls.get(leg.id, PollState(leg.id)),
            )
            for s in self._shipments.values()
            for leg in s.legs
            if leg.carrier is not None
        ]


class InMemoryQuarantineRepository:
    """``QuarantineRepository`` over a list."""

    def __init__(self, items: list[QuarantinedPayload]) -> None:
        self._items = items

    def add(self, item: QuarantinedPayload) -> None:
        self._items.append(item)

    def recent(self, limit: int) -> list[QuarantinedPayload]:
        ordered = sorted(self._items, key=lambda i: (i.received_at, i.id), reverse=True)
        return ordered[: max(0, limit)]
