"""The polling plan's state on ``legs``: which legs are due, and what each poll gave.

System side: polls concern every merchant's legs, so nothing here is merchant-scoped (the
rows say whose they are). Stopped legs and legs without a carrier have ``next_poll_at`` =
``NULL``, so the ``due`` query's index never sees them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select, update

from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.records import DueLeg, PollRecord, PollState
from crosstrack.storage.tables import legs, shipments

_CHUNK = 500
_VIEW = select(
    legs.c.id,
    legs.c.merchant_id,
    legs.c.shipment_id,
    legs.c.carrier,
    legs.c.tracking_number,
    legs.c.next_poll_at,
    legs.c.last_polled_at,
    legs.c.last_outcome,
    legs.c.consecutive_failures,
    legs.c.polling_stopped_at,
    legs.c.polling_stopped_reason,
    shipments.c.created_at.label("registered_at"),
    shipments.c.status,
    shipments.c.milestone,
    shipments.c.last_event_at,
).select_from(legs.join(shipments, shipments.c.id == legs.c.shipment_id))
_DUE = _VIEW.where(legs.c.next_poll_at <= bindparam("b_now")).order_by(
    legs.c.next_poll_at, legs.c.id
)
_FIND = _VIEW.where(legs.c.id.in_(bindparam("b_legs", expanding=True)), legs.c.carrier.is_not(None))
_STATE = select(
    legs.c.id,
    legs.c.next_poll_at,
    legs.c.last_polled_at,
    legs.c.last_outcome,
    legs.c.consecutive_failures,
    legs.c.polling_stopped_at,
    legs.c.polling_stopped_reason,
).where(legs.c.id == bindparam("b_leg"))
_THIS_LEG = update(legs).where(legs.c.id == bindparam("b_leg"))


class SqlPollRepository:
    """``PollRepository`` over the poll columns of ``legs`` (joined with ``shipments``)."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def due(
        self, now: datetime, *, limit: int, carriers: Collection[str] | None = None
    ) -> list[DueLeg]:
        """Legs due at ``now`` (of these carriers, when given), the longest overdue first."""
        if limit <= 0 or (carriers is not None and not carriers):
            return []
        query = _DUE
        if carriers is not None:
            query = query.where(legs.c.carrier.in_(sorted(set(carriers))))
        rows = self._conn.execute(query.limit(limit), {"b_now": now})
        return [_due_leg(row) for row in rows]

    def find(self, leg_ids: Collection[str]) -> dict[str, DueLeg]:
        """The due-leg view of these legs, due or not (one query per 500)."""
        ids = sorted(set(leg_ids))
        found: dict[str, DueLeg] = {}
        for start in range(0, len(ids), _CHUNK):
            for row in self._conn.execute(_FIND, {"b_legs": ids[start : start + _CHUNK]}):
                found[row.id] = _due_leg(row)
        return found

    def state(self, leg_id: str) -> PollState | None:
        row = self._conn.execute(_STATE, {"b_leg": leg_id}).first()
        return _state(row) if row is not None else None

    def schedule(self, leg_id: str, next_poll_at: datetime) -> None:
        """Move the next poll (and un-stop the leg)."""
        self._conn.execute(
            _THIS_LEG,
            {
                "b_leg": leg_id,
                "next_poll_at": next_poll_at,
                "polling_stopped_at": None,
                "polling_stopped_reason": None,
            },
        )

    def stop(self, leg_id: str, reason: StopReason, at: datetime) -> None:
        """Stop the leg's polling (no poll recorded)."""
        self._conn.execute(
            _THIS_LEG,
            {
                "b_leg": leg_id,
                "next_poll_at": None,
                "polling_stopped_at": at,
                "polling_stopped_reason": reason.value,
            },
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
        self.record_many(
            [PollRecord(leg_id, polled_at, outcome, next_poll_at, failures, stopped_reason)]
        )

    def record_many(self, records: Sequence[PollRecord]) -> None:
        """Record many polls in one executemany."""
        if records:
            self._conn.execute(_THIS_LEG, [_record_values(r) for r in records])


def _record_values(r: PollRecord) -> dict[str, Any]:
    stopped = r.stopped_reason is not None
    return {
        "b_leg": r.leg_id,
        "last_polled_at": r.polled_at,
        "last_outcome": r.outcome.value,
        "consecutive_failures": r.failures,
        "next_poll_at": None if stopped else r.next_poll_at,
        "polling_stopped_at": r.polled_at if stopped else None,
        "polling_stopped_reason": r.stopped_reason.value if r.stopped_reason else None,
    }


def _state(row: Row[Any] | Any) -> PollState:
    return PollState(
        leg_id=row.id,
        next_poll_at=row.next_poll_at,
        last_polled_at=row.last_polled_at,
        last_outcome=PollOutcome(row.last_outcome) if row.last_outcome else None,
        consecutive_failures=row.consecutive_failures,
        polling_stopped_at=row.polling_stopped_at,
        polling_stopped_reason=(
            StopReason(row.polling_stopped_reason) if row.polling_stopped_reason else None
        ),
    )


def _due_leg(row: Row[Any] | Any) -> DueLeg:
    return DueLeg(
        leg_id=row.id,
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        carrier=row.carrier,
        tracking_number=row.tracking_number,
        registered_at=row.registered_at,
        status=Status(row.status),
        milestone=Milestone(row.milestone),
        last_event_at=row.last_event_at,
        poll=_state(row),
    )
