"""Keeping estimates and time-based alerts current for parcels that go quiet.

An estimate is made at each event; a parcel held in customs for a week has none, and its
estimate would keep a P10 day that is already past. The refresher re-estimates, as of now,
every shipment whose estimate is older than ``max_age``, a batch at a time, and announces
``shipment.eta_changed`` when the P50 day moves (as ingestion does). The same sweep raises and
resolves the time-based alerts (stalled, customs dwell, no first scan, late risk) of those
shipments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from crosstrack.domain.shipment import ShipmentState
from crosstrack.domain.timeline import build_timeline
from crosstrack.services.alerting import AlertChanges, update_alerts
from crosstrack.services.estimates import announce_eta, estimate_for
from crosstrack.services.ports import Clock, EtaEstimator, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import OutboxMessage

MAX_AGE = timedelta(hours=12)
"""Estimates older than this are remade."""
BATCH = 200


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What one run did."""

    stale: int
    refreshed: int
    moved: int
    """Of the refreshed, those whose P50 day moved (one ``eta_changed`` message each)."""
    alerts_raised: int = 0
    alerts_resolved: int = 0


class EtaRefresher:
    """Re-estimates shipments whose estimate has gone stale."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        eta: EtaEstimator,
        clock: Clock,
        ids: IdFactory,
        max_age: timedelta = MAX_AGE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._eta = eta
        self._clock = clock
        self._ids = ids
        self._max_age = max_age
        self.batch = batch
        """Shipments per run."""

    def run_once(self) -> RefreshReport:
        """One batch, in one transaction."""
        now = self._clock()
        with self._uow() as uow:
            keys = list(uow.shipments.stale_estimates(now - self._max_age, self.batch))
            shipments = uow.shipments.get_many(keys, for_update=True)
            found = [k for k in keys if k in shipments]
            histories = uow.events.for_shipments(found)
            open_alerts = uow.alerts.open_for(found)
            states: list[tuple[str, str, ShipmentState]] = []
            messages: list[OutboxMessage] = []
            alerts = AlertChanges()
            for key in found:
                shipment = shipments[key]
                events = [e.event for e in histories[key]]
                timeline = build_timeline(events, now=now)
                eta = estimate_for(
                    self._eta, shipment, shipment.state, timeline if events else None, now
                )
                state = replace(shipment.state, eta=eta)
                states.append((shipment.merchant_id, shipment.id, state))
                messages.extend(announce_eta(shipment, state, ids=self._ids, now=now))
                alerts.extend(
                    update_alerts(
                        shipment, state, timeline, open_alerts[key], ids=self._ids, now=now
                    )
                )
            moved = len(messages)
            uow.shipments.save_states(states, now)
            uow.alerts.add_many(alerts.raised)
            uow.alerts.resolve([a.id for a in alerts.resolved], now)
            uow.outbox.add_many([*messages, *alerts.messages])
            uow.commit()
        return RefreshReport(
            stale=len(keys),
            refreshed=len(states),
            moved=moved,
            alerts_raised=len(alerts.raised),
            alerts_resolved=len(alerts.resolved),
        )
