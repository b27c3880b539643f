"""Keeping estimates and time-based alerts current for parcels that go quiet.

An estimate is made at each event; a parcel held in customs for a week has none, and its
estimate would keep a P10 day that is already past. The refresher re-estimates, as of now,
every shipment whose estimate is older than ``max_age``, a batch at a time, and announces
``shipment.eta_changed`` when the P50 day moves (as ingestion does). The same sweep raises and
resolves the time-based alerts (stalled, customs dwell, no first scan, late risk) of those
shipments, and works out their analytics facts again (an open parcel turns late, or lost after
30 days of silence, as time passes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from crosstrack.domain.shipment import ShipmentState
from crosstrack.domain.timeline import build_timeline
from crosstrack.services.alert_inputs import AlertInputSource
from crosstrack.services.alerting import AlertChanges
from crosstrack.services.analytics_facts import Saved, record_facts
from crosstrack.services.followups import follow_up, store_alert_changes
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
        alert_inputs: AlertInputSource | None = None,
        max_age: timedelta = MAX_AGE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._inputs = alert_inputs or AlertInputSource(clock=clock)
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
            keys = list(uow.shipments.due_for_sweep(now - self._max_age, self.batch))
            shipments = uow.shipments.get_many(keys, for_update=True)
            found = [k for k in keys if k in shipments]
            histories = uow.events.for_shipments(found)
            open_alerts = uow.alerts.open_for(found)
            inputs = self._inputs.load(uow, {merchant_id for merchant_id, _ in found})
            states: list[tuple[str, str, ShipmentState]] = []
            saved: list[Saved] = []
            messages: list[OutboxMessage] = []
            alerts = AlertChanges()
            for key in found:
                shipment = shipments[key]
                timeline = build_timeline([e.event for e in histories[key]], now=now)
                follow = follow_up(
                    shipment,
                    shipment.state,
                    timeline,
                    open_alerts[key],
                    eta=self._eta,
                    inputs=inputs,
                    ids=self._ids,
                    now=now,
                )
                states.append((shipment.merchant_id, shipment.id, follow.state))
                saved.append(Saved(shipment, follow.state, timeline))
                messages.extend(follow.messages)
                alerts.extend(follow.alerts)
            moved = len(messages)
            uow.shipments.save_states(states, now)
            record_facts(uow, saved, now)
            uow.outbox.add_many(messages)
            store_alert_changes(uow, alerts, now)
            uow.commit()
        return RefreshReport(
            stale=len(keys),
            refreshed=len(states),
            moved=moved,
            alerts_raised=len(alerts.raised),
            alerts_resolved=len(alerts.resolved),
        )
