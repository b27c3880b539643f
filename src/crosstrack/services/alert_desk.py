"""Customer service's work queue of alerts: list, acknowledge, assign, resolve by hand.

Resolving by hand closes the alert for good: its cause is stored once per shipment, so the
detector does not raise the same problem again (a new problem has a new cause).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from crosstrack.domain.alerts import AlertKind
from crosstrack.services.alerting import alert_message
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import AlertState, StoredAlert, Topic

MAX_QUEUE = 200


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
    ) -> list[StoredAlert]:
        """Open alerts oldest first (resolved or all: newest first), at most ``limit``."""
        if not 1 <= limit <= MAX_QUEUE:
            raise InvalidInput(f"limit must be between 1 and {MAX_QUEUE}", field="limit")
        with self._uow() as uow:
            return uow.alerts.queue(merchant_id, state=state, kind=kind, limit=limit)

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
            uow.outbox.add_many([alert_message(closed, Topic.ALERT_RESOLVED, self._ids, now)])
            uow.commit()
        return closed

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
