"""Alerts: one row per problem cause on a shipment, raised once, resolved when it ends."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, select, update

from crosstrack.domain.alerts import AlertKind, Severity
from crosstrack.services.records import AlertState, StoredAlert
from crosstrack.storage.repositories.conflicts import insert_skipping_duplicates
from crosstrack.storage.tables import alerts

_CHUNK = 500
_RESOLVE = (
    update(alerts)
    .where(alerts.c.id == bindparam("b_id"), alerts.c.resolved_at.is_(None))
    .values(resolved_at=bindparam("b_at"))
)


class SqlAlertRepository:
    """``AlertRepository`` over the ``alerts`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add_many(self, items: Sequence[StoredAlert]) -> int:
        """Store alerts; one whose shipment already had that cause is skipped (never twice)."""
        if not items:
            return 0
        rows = [
            {
                "id": a.id,
                "merchant_id": a.merchant_id,
                "shipment_id": a.shipment_id,
                "kind": a.kind.value,
                "cause": a.cause,
                "severity": a.severity.value,
                "since": a.since,
                "opened_at": a.opened_at,
                "resolved_at": a.resolved_at,
                "acknowledged_at": a.acknowledged_at,
                "assigned_to": a.assigned_to,
                "evidence": dict(a.evidence),
                "lane_disruption_id": a.lane_disruption_id,
            }
            for a in items
        ]
        stmt = insert_skipping_duplicates(self._conn.dialect.name, alerts, ("shipment_id", "cause"))
        return self._conn.execute(stmt, rows).rowcount

    def open_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[StoredAlert]]:
        """The open alerts of many (merchant id, shipment id), every key in the answer."""
        found: dict[tuple[str, str], list[StoredAlert]] = defaultdict(list)
        wanted = set(keys)
        ids = sorted({shipment_id for _, shipment_id in keys})
        for start in range(0, len(ids), _CHUNK):
            query = (
                select(alerts)
                .where(alerts.c.shipment_id.in_(ids[start : start + _CHUNK]))
                .where(alerts.c.resolved_at.is_(None))
                .order_by(alerts.c.opened_at, alerts.c.id)
            )
            for row in self._conn.execute(query):
                key = (row.merchant_id, row.shipment_id)
                if key in wanted:
                    found[key].append(alert_from_row(row))
        return {key: found.get(key, []) for key in keys}

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredAlert]:
        """All of a shipment's alerts, open and resolved, oldest first."""
        query = (
            select(alerts)
            .where(alerts.c.merchant_id == merchant_id, alerts.c.shipment_id == shipment_id)
            .order_by(alerts.c.opened_at, alerts.c.id)
        )
        return [alert_from_row(row) for row in self._conn.execute(query)]

    def get(self, merchant_id: str, alert_id: str) -> StoredAlert | None:
        query = select(alerts).where(alerts.c.merchant_id == merchant_id, alerts.c.id == alert_id)
        row = self._conn.execute(query).first()
        return None if row is None else alert_from_row(row)

    def queue(
        self,
        merchant_id: str,
        *,
        state: AlertState,
        kind: AlertKind | None,
        limit: int,
        include_folded: bool = False,
    ) -> list[StoredAlert]:
        """The merchant's alerts: open ones oldest first (a work queue), others newest first;
        those folded under a lane disruption only with ``include_folded``."""
        query = select(alerts).where(alerts.c.merchant_id == merchant_id)
        if not include_folded:
            query = query.where(alerts.c.lane_disruption_id.is_(None))
        if state is AlertState.OPEN:
            query = query.where(alerts.c.resolved_at.is_(None)).order_by(
                alerts.c.opened_at, alerts.c.id
            )
        else:
            if state is AlertState.RESOLVED:
                query = query.where(alerts.c.resolved_at.is_not(None))
            query = query.order_by(alerts.c.opened_at.desc(), alerts.c.id.desc())
        if kind is not None:
            query = query.where(alerts.c.kind == kind.value)
        return [alert_from_row(row) for row in self._conn.execute(query.limit(limit))]

    def save(self, alert: StoredAlert) -> None:
        """Write the work-queue fields of an alert (acknowledged, assigned, resolved)."""
        self._conn.execute(
            update(alerts)
            .where(alerts.c.merchant_id == alert.merchant_id, alerts.c.id == alert.id)
            .values(
                acknowledged_at=alert.acknowledged_at,
                assigned_to=alert.assigned_to,
                resolved_at=alert.resolved_at,
            )
        )

    def folded(self, merchant_id: str, disruption_ids: Sequence[str]) -> dict[str, int]:
        """Disruption id -> how many of the merchant's open alerts are folded under it."""
        if not disruption_ids:
            return {}
        query = (
            select(alerts.c.lane_disruption_id, func.count())
            .where(
                alerts.c.merchant_id == merchant_id,
                alerts.c.resolved_at.is_(None),
                alerts.c.lane_disruption_id.in_(list(disruption_ids)),
            )
            .group_by(alerts.c.lane_disruption_id)
        )
        return {row[0]: int(row[1]) for row in self._conn.execute(query)}

    def resolve(self, alert_ids: Sequence[str], at: datetime) -> None:
        """Mark open alerts resolved at ``at`` (already resolved ones keep their time)."""
        if alert_ids:
            self._conn.execute(_RESOLVE, [{"b_id": i, "b_at": at} for i in alert_ids])


def alert_from_row(row: Row[Any]) -> StoredAlert:
    return StoredAlert(
        id=row.id,
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        kind=AlertKind(row.kind),
        cause=row.cause,
        severity=Severity(row.severity),
        since=row.since,
        opened_at=row.opened_at,
        evidence=row.evidence,
        resolved_at=row.resolved_at,
        acknowledged_at=row.acknowledged_at,
        assigned_to=row.assigned_to,
        lane_disruption_id=row.lane_disruption_id,
    )
