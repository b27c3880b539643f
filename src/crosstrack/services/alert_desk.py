"""Customer service's work queue of alerts: list, acknowledge, assign, note, resolve by hand.

Resolving by hand closes the alert for good: its cause is stored once per shipment, so the
detector does not raise the same problem again (a new problem has a new cause).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta

from crosstrack.domain.alerts import AlertKind
from crosstrack.services.alerting import alert_message
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import (
    AlertNote,
    AlertState,
    StoredAlert,
    StoredDisruption,
    Topic,
)

MAX_QUEUE = 200
MAX_NOTE = 2000
"""Characters in a note on an alert."""
ENDED_SHOWN = timedelta(days=30)
"""Ended lane disruptions stay listed (with ``include_ended``) this long."""


class AlertDesk:
    """The merchant's alerts as a work queue."""

    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, ids: IdFactory) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    def queue(
        self,
        merchant_id: str,
        *,
        state: AlertState = AlertState.OPEN,
        kind: AlertKind | None = None,
        limit: int = 50,
        include_folded: bool = False,
    ) -> list[StoredAlert]:
        """Open alerts oldest first (resolved or all: newest first), at most ``limit``;
        alerts folded under a lane disruption only with ``include_folded``."""
        if not 1 <= limit <= MAX_QUEUE:
            raise InvalidInput(f"limit must be between 1 and {MAX_QUEUE}", field="limit")
        with self._uow() as uow:
            return uow.alerts.queue(
                merchant_id, state=state, kind=kind, limit=limit, include_folded=include_folded
            )

    def disruptions(
        self, merchant_id: str, *, include_ended: bool = False
    ) -> list[tuple[StoredDisruption, int, int]]:
        """The lane disruptions that concern the merchant (it was told, or has alerts folded
        under one), open ones (and those ended in the last 30 days with ``include_ended``),
        each with the merchant's parcels waiting when told and its open alerts folded."""
        today = self._clock().date()
        with self._uow() as uow:
            current = [
                d
                for d in uow.lane_disruptions.current(today - ENDED_SHOWN)
                if include_ended or d.ended_on is None
            ]
            folded = uow.alerts.folded(merchant_id, [d.id for d in current])
        return [
            (d, d.notified.get(merchant_id, 0), folded.get(d.id, 0))
            for d in current
            if merchant_id in d.notified or d.id in folded
        ]

    def acknowledge(self, merchant_id: str, alert_id: str) -> StoredAlert:
        """Mark the alert as taken (the first acknowledgement's time is kept)."""
        return self._change(
            merchant_id,
            alert_id,
            lambda a: replace(a, acknowledged_at=a.acknowledged_at or self._clock()),
        )

    def assign(self, merchant_id: str, alert_id: str, assignee: str | None) -> StoredAlert:
        """Give the alert to someone (``None`` or blank: to nobody)."""
        name = (assignee or "").strip() or None
        if name is not None and len(name) > 200:
            raise InvalidInput("an assignee is at most 200 characters", field="assignee")
        return self._change(merchant_id, alert_id, lambda a: replace(a, assigned_to=name))

    def resolve(self, merchant_id: str, alert_id: str) -> StoredAlert:
        """Close the alert by hand (announced like a resolution by the detector)."""
        now = self._clock()
        with self._uow() as uow:
            alert = uow.alerts.get(merchant_id, alert_id)
            if alert is None:
                raise NotFound(f"no alert {alert_id!r}")
            if alert.resolved_at is not None:
                return alert
            closed = replace(alert, resolved_at=now)
            uow.alerts.save(closed)
            if closed.lane_disruption_id is None:  # a folded alert was never announced
                uow.outbox.add_many([alert_message(closed, Topic.ALERT_RESOLVED, self._ids, now)])
            uow.commit()
        return closed

    def note(
        self, merchant_id: str, alert_id: str, text: str, author: str | None = None
    ) -> AlertNote:
        """Leave a note on the alert (what was done, what the carrier said)."""
        body, who = text.strip(), (author or "").strip() or None
        if not body or len(body) > MAX_NOTE:
            raise InvalidInput(f"a note is 1 to {MAX_NOTE} characters", field="text")
        if who is not None and len(who) > 200:
            raise InvalidInput("an author is at most 200 characters", field="author")
        with self._uow() as uow:
            if uow.alerts.get(merchant_id, alert_id) is None:
                raise NotFound(f"no alert {alert_id!r}")
            note = AlertNote(self._ids(), merchant_id, alert_id, body, self._clock(), who)
            uow.alert_notes.add(note)
            uow.commit()
        return note

    def require(self, merchant_id: str, alert_id: str) -> StoredAlert:
        """One of the merchant's alerts; NotFound otherwise (another merchant's too)."""
        with self._uow() as uow:
            alert = uow.alerts.get(merchant_id, alert_id)
        if alert is None:
            raise NotFound(f"no alert {alert_id!r}")
        return alert

    def notes(self, merchant_id: str, alert_ids: Sequence[str]) -> dict[str, list[AlertNote]]:
        """The notes on these alerts of the merchant, oldest first."""
        with self._uow() as uow:
            return uow.alert_notes.for_alerts(merchant_id, alert_ids)

    def _change(
        self, merchant_id: str, alert_id: str, change: Callable[[StoredAlert], StoredAlert]
    ) -> StoredAlert:
        with self._uow() as uow:
            alert = uow.alerts.get(merchant_id, alert_id)
            if alert is None:
                raise NotFound(f"no alert {alert_id!r}")
            changed = change(alert)
            uow.alerts.save(changed)
            uow.commit()
        return changed
