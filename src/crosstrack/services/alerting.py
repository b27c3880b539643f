"""From detected problems to stored alerts and their outbox messages.

The detector (``crosstrack.domain.alerts``) says which problems hold now; here they are
compared with the shipment's open alerts: a new cause raises an alert (``alert.raised``), an
open alert whose cause is gone is resolved (``alert.resolved``). A cause is stored once per
shipment, ever, so a problem that ends and comes back is not raised twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from crosstrack.domain.alerts import (
    HELD_UNTIL_DELIVERED,
    AlertKind,
    DetectedAlert,
    detect_alerts,
)
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.timeline import Timeline
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.alert_inputs import AlertInputs
from crosstrack.services.ports import IdFactory
from crosstrack.services.records import OutboxMessage, StoredAlert, Topic


@dataclass(slots=True)
class AlertChanges:
    """What one shipment's problems changed."""

    raised: list[StoredAlert] = field(default_factory=list)
    resolved: list[StoredAlert] = field(default_factory=list)
    messages: list[OutboxMessage] = field(default_factory=list)

    def extend(self, other: AlertChanges) -> None:
        self.raised.extend(other.raised)
        self.resolved.extend(other.resolved)
        self.messages.extend(other.messages)


def update_alerts(
    shipment: Shipment,
    state: ShipmentState,
    timeline: Timeline,
    open_alerts: Sequence[StoredAlert],
    *,
    inputs: AlertInputs,
    ids: IdFactory,
    now: datetime,
) -> AlertChanges:
    """Detect the shipment's problems now (with its lane's norms, its merchant's thresholds
    and its destination's holidays) and compare them with its open alerts."""
    detected = detect_alerts(
        timeline, inputs.context(shipment, state, now), inputs.policy(shipment)
    )
    # Alerts raised outside the detector (at registration) hold until the parcel is delivered.
    held = (
        []
        if timeline.status is Status.DELIVERED
        else [a.cause for a in open_alerts if a.kind in HELD_UNTIL_DELIVERED]
    )
    return reconcile(
        shipment,
        detected,
        open_alerts,
        ids=ids,
        now=now,
        disruption=inputs.disruption(shipment),
        held=held,
    )


def reconcile(
    shipment: Shipment,
    detected: Sequence[DetectedAlert],
    open_alerts: Sequence[StoredAlert],
    *,
    ids: IdFactory,
    now: datetime,
    disruption: str | None = None,
    held: Collection[str] = (),
) -> AlertChanges:
    """New causes become alerts; open alerts whose cause is no longer detected (nor
    ``held``) resolve. With a ``disruption`` open on the shipment's lane, a new import-customs
    dwell alert is folded under it: stored, and announced with the lane rather than on its
    own."""
    changes = AlertChanges()
    open_causes = {a.cause for a in open_alerts}
    detected_causes = {d.cause for d in detected} | set(held)
    for problem in detected:
        if problem.cause in open_causes:
            continue
        alert = StoredAlert(
            id=ids(),
            merchant_id=shipment.merchant_id,
            shipment_id=shipment.id,
            kind=problem.kind,
            cause=problem.cause,
            severity=problem.severity,
            since=problem.since,
            opened_at=now,
            evidence=dict(problem.evidence),
            lane_disruption_id=disruption if _folds(problem) else None,
        )
        changes.raised.append(alert)
        if alert.lane_disruption_id is None:
            changes.messages.append(alert_message(alert, Topic.ALERT_RAISED, ids, now))
    for alert in open_alerts:
        if alert.cause not in detected_causes:
            changes.resolved.append(alert)
            if alert.lane_disruption_id is None:
                changes.messages.append(alert_message(alert, Topic.ALERT_RESOLVED, ids, now))
    return changes


def _folds(problem: DetectedAlert) -> bool:
    """Whether a lane disruption covers this problem: a long wait in import customs."""
    return (
        problem.kind is AlertKind.CUSTOMS_DWELL
        and problem.evidence.get("milestone") == Milestone.IMPORT_CUSTOMS.value
    )


def alert_message(alert: StoredAlert, topic: Topic, ids: IdFactory, now: datetime) -> OutboxMessage:
    """The ``alert.raised`` or ``alert.resolved`` message of an alert (keyed by its cause)."""
    suffix = "raised" if topic is Topic.ALERT_RAISED else "resolved"
    return OutboxMessage(
        id=ids(),
        merchant_id=alert.merchant_id,
        shipment_id=alert.shipment_id,
        topic=topic,
        payload={
            "shipment_id": alert.shipment_id,
            "alert_id": alert.id,
            "kind": alert.kind.value,
            "severity": alert.severity.value,
            "since": alert.since.isoformat(),
            "evidence": dict(alert.evidence),
            "buyer_action": alert.actions.buyer,
            "merchant_action": alert.actions.merchant,
        },
        idempotency_key=f"{alert.shipment_id}:alert:{alert.cause}:{suffix}",
        created_at=now,
    )
