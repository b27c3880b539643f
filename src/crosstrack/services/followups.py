"""What follows from a shipment's state at a moment: its delivery estimate and its alerts.

Ingestion (at each new event) and the sweep (for quiet shipments) both recompute them the
same way, here, and store the alert changes the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.timeline import Timeline
from crosstrack.services.alert_inputs import AlertInputs
from crosstrack.services.alerting import AlertChanges, update_alerts
from crosstrack.services.estimates import announce_eta, estimate_for
from crosstrack.services.ports import EtaEstimator, IdFactory, UnitOfWork
from crosstrack.services.records import OutboxMessage, StoredAlert


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The state with its new estimate, the ``eta_changed`` message, and the alert changes."""

    state: ShipmentState
    messages: list[OutboxMessage]
    alerts: AlertChanges


def follow_up(
    shipment: Shipment,
    state: ShipmentState,
    timeline: Timeline,
    open_alerts: Sequence[StoredAlert],
    *,
    eta: EtaEstimator,
    inputs: AlertInputs,
    ids: IdFactory,
    now: datetime,
) -> FollowUp:
    """Re-estimate delivery and re-detect problems for ``shipment`` in ``state`` at ``now``."""
    state = replace(state, eta=estimate_for(eta, shipment, state, timeline, now))
    return FollowUp(
        state=state,
        messages=announce_eta(shipment, state, ids=ids, now=now),
        alerts=update_alerts(
            shipment, state, timeline, open_alerts, inputs=inputs, ids=ids, now=now
        ),
    )


def store_alert_changes(uow: UnitOfWork, changes: AlertChanges, now: datetime) -> int:
    """Write raised and resolved alerts and their messages; returns the messages written."""
    uow.alerts.add_many(changes.raised)
    uow.alerts.resolve([a.id for a in changes.resolved], now)
    return uow.outbox.add_many(changes.messages)
