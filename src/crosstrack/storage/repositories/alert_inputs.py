"""What alert detection reads besides a shipment: lane norms, merchants' thresholds and lane
disruptions."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update

from crosstrack.domain.lane_norms import Norm, NormKind
from crosstrack.domain.vocabulary import Milestone
from crosstrack.services.records import StoredDisruption
from crosstrack.storage.tables import alert_settings, lane_disruptions, lane_norms

_CHUNK = 500


class SqlLaneNormRepository:
    """``LaneNormRepository`` over the ``lane_norms`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def replace_all(self, norms: Sequence[Norm], at: datetime) -> None:
        self._conn.execute(delete(lane_norms))
        if norms:
            self._conn.execute(
                insert(lane_norms),
                [
                    {
                        "scope": n.scope,
                        "milestone": n.milestone.value,
                        "kind": n.kind.value,
                        "p95_seconds": n.p95.total_seconds(),
                        "samples": n.samples,
                        "computed_at": at,
                    }
                    for n in norms
                ],
            )

    def all(self) -> list[Norm]:
        rows = self._conn.execute(select(lane_norms).order_by(lane_norms.c.scope))
        return [
            Norm(
                scope=row.scope,
                milestone=Milestone(row.milestone),
                kind=NormKind(row.kind),
                p95=timedelta(seconds=row.p95_seconds),
                samples=row.samples,
            )
            for row in rows
        ]

    def computed_at(self) -> datetime | None:
        at: datetime | None = self._conn.execute(
            select(func.max(lane_norms.c.computed_at))
        ).scalar_one_or_none()
        return at


class SqlAlertSettingsRepository:
    """``AlertSettingsRepository`` over the ``alert_settings`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, dict[str, Any]]]:
        found: dict[str, dict[str, dict[str, Any]]] = {}
        ids = sorted(set(merchant_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(alert_settings).where(
                    alert_settings.c.merchant_id.in_(ids[start : start + _CHUNK])
                )
            )
            for row in rows:
                found.setdefault(row.merchant_id, {})[row.lane] = dict(row.settings or {})
        return found

    def put(self, merchant_id: str, lane: str, settings: Mapping[str, Any], at: datetime) -> None:
        self.delete(merchant_id, lane)
        self._conn.execute(
            insert(alert_settings).values(
                merchant_id=merchant_id, lane=lane, settings=dict(settings), updated_at=at
            )
        )

    def delete(self, merchant_id: str, lane: str) -> bool:
        gone = self._conn.execute(
            delete(alert_settings).where(
                alert_settings.c.merchant_id == merchant_id, alert_settings.c.lane == lane
            )
        )
        return gone.rowcount > 0


class SqlLaneDisruptionRepository:
    """``LaneDisruptionRepository`` over the ``lane_disruptions`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def current(self, since: date) -> list[StoredDisruption]:
        query = (
            select(lane_disruptions)
            .where(or_(lane_disruptions.c.ended_on.is_(None), lane_disruptions.c.ended_on >= since))
            .order_by(lane_disruptions.c.raised_on, lane_disruptions.c.id)
        )
        return [_disruption(row) for row in self._conn.execute(query)]

    def add(self, disruption: StoredDisruption) -> None:
        self._conn.execute(
            insert(lane_disruptions).values(
                id=disruption.id,
                destination=disruption.destination,
                milestone=disruption.milestone.value,
                began_on=disruption.began_on,
                raised_on=disruption.raised_on,
                **_changing(disruption),
            )
        )

    def save(self, disruption: StoredDisruption) -> None:
        self._conn.execute(
            update(lane_disruptions)
            .where(lane_disruptions.c.id == disruption.id)
            .values(**_changing(disruption))
        )


def _changing(disruption: StoredDisruption) -> dict[str, Any]:
    return {
        "ended_on": disruption.ended_on,
        "normal_hours": disruption.normal_hours,
        "latest_hours": disruption.latest_hours,
        "peak_hours": disruption.peak_hours,
        "notified": dict(disruption.notified),
        "updated_at": disruption.updated_at,
    }


def _disruption(row: Row[Any]) -> StoredDisruption:
    return StoredDisruption(
        id=row.id,
        destination=row.destination,
        milestone=Milestone(row.milestone),
        began_on=row.began_on,
        raised_on=row.raised_on,
        normal_hours=row.normal_hours,
        latest_hours=row.latest_hours,
        peak_hours=row.peak_hours,
        updated_at=row.updated_at,
        ended_on=row.ended_on,
        notified={str(k): int(v) for k, v in (row.notified or {}).items()},
    )
