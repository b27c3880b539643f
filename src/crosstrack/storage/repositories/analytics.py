"""Shipment facts, the weeks they make stale, and the rollup reads (``AnalyticsRepository``).

Facts are one row per shipment in ``shipment_facts`` plus its tags in ``shipment_fact_tags``;
writing them marks the merchant's weeks they were and are counted in as stale in
``analytics_stale_weeks`` with ``INSERT ... ON CONFLICT DO NOTHING`` (a marked week is not
touched again, so concurrent writers never wait on each other there). The refresh and the
reads of the rollups are in :mod:`~crosstrack.storage.repositories.analytics_rollups`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, delete, select, union

from crosstrack.domain.analytics import AnalyticsFilter, Dim, Metric, TagKind
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.analytics_rollup import Counters, TagCounts
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts
from crosstrack.domain.vocabulary import Reason
from crosstrack.storage.repositories.analytics_rollups import (
    read_days,
    read_histograms,
    read_tags,
    rebuild_weeks,
)
from crosstrack.storage.repositories.conflicts import insert_or_replace, insert_skipping_duplicates
from crosstrack.storage.tables import (
    analytics_days,
    analytics_stale_weeks,
    shipment_fact_tags,
    shipment_facts,
)

_CHUNK = 500
_MICROSECOND = timedelta(microseconds=1)


def _microseconds(duration: timedelta | None) -> int | None:
    return duration // _MICROSECOND if duration is not None else None


def _duration(microseconds: int | None) -> timedelta | None:
    return timedelta(microseconds=microseconds) if microseconds is not None else None


def facts_values(facts: ShipmentFacts) -> dict[str, Any]:
    """The ``shipment_facts`` row of a shipment's facts."""
    return {
        "shipment_id": facts.shipment_id,
        "merchant_id": facts.merchant_id,
        "origin": facts.origin,
        "destination": facts.destination,
        "carrier": facts.carrier,
        "last_mile_carrier": facts.last_mile_carrier,
        "service": facts.service,
        "shipped_at": facts.shipped_at,
        "shipped_on": facts.shipped_on,
        "week": facts.week,
        "weekday": facts.weekday,
        "delivered_at": facts.delivered_at,
        "delivered_on": facts.delivered_on,
        "transit_microseconds": _microseconds(facts.transit),
        "transit_bucket": facts.transit_bucket,
        "promised_date": facts.promised_date,
        "on_time_promise": facts.on_time_promise,
        "eta_p90": facts.eta_p90,
        "eta_made_at": facts.eta_made_at,
        "on_time_eta": facts.on_time_eta,
        "customs_reached": facts.customs_reached,
        "customs_arrived_at": facts.customs_arrived_at,
        "customs_released_at": facts.customs_released_at,
        "clearance_microseconds": _microseconds(facts.clearance),
        "clearance_bucket": facts.clearance_bucket,
        "customs_held": facts.customs_held,
        "excepted": bool(facts.exception_reasons),
        "failed_attempts": facts.failed_attempts,
        "outcome": facts.outcome.value,
        "season": facts.season.value if facts.season else None,
        "spans_holiday": facts.spans_holiday,
        "as_of": facts.as_of,
    }


def facts_from_row(row: Row[Any], tags: Sequence[tuple[str, str]]) -> ShipmentFacts:
    """Facts from their row and their (kind, code) tags."""

    def codes(kind: TagKind) -> tuple[str, ...]:
        return tuple(sorted(code for k, code in tags if k == kind.value))

    return ShipmentFacts(
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        origin=row.origin,
        destination=row.destination,
        carrier=row.carrier,
        last_mile_carrier=row.last_mile_carrier,
        service=row.service,
        shipped_at=row.shipped_at,
        shipped_on=row.shipped_on,
        delivered_at=row.delivered_at,
        delivered_on=row.delivered_on,
        transit=_duration(row.transit_microseconds),
        promised_date=row.promised_date,
        on_time_promise=row.on_time_promise,
        eta_p90=row.eta_p90,
        eta_made_at=row.eta_made_at,
        on_time_eta=row.on_time_eta,
        customs_reached=bool(row.customs_reached),
        customs_arrived_at=row.customs_arrived_at,
        customs_released_at=row.customs_released_at,
        clearance=_duration(row.clearance_microseconds),
        exception_reasons=tuple(Reason(code) for code in codes(TagKind.REASON)),
        failed_attempts=row.failed_attempts,
        outcome=Outcome(row.outcome),
        categories=codes(TagKind.CATEGORY),
        hs_codes=codes(TagKind.HS_CODE),
        season=Season(row.season) if row.season else None,
        spans_holiday=row.spans_holiday,
        as_of=row.as_of,
    )


class SqlAnalyticsRepository:
    """``AnalyticsRepository`` over the ``shipment_facts`` and ``analytics_*`` tables."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection
        self._dialect = connection.dialect.name

    def facts_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ShipmentFacts]:
        wanted = set(keys)
        ids = sorted({shipment_id for _, shipment_id in wanted})
        found: dict[tuple[str, str], ShipmentFacts] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = self._conn.execute(
                select(shipment_facts).where(shipment_facts.c.shipment_id.in_(chunk))
            ).all()
            tags: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for tag in self._conn.execute(
                select(shipment_fact_tags).where(shipment_fact_tags.c.shipment_id.in_(chunk))
            ):
                tags[tag.shipment_id].append((tag.kind, tag.code))
            for row in rows:
                key = (row.merchant_id, row.shipment_id)
                if key in wanted:
                    found[key] = facts_from_row(row, tags[row.shipment_id])
        return found

    def put_facts(self, facts: Sequence[ShipmentFacts], at: datetime) -> None:
        if not facts:
            return
        latest = {f.shipment_id: f for f in facts}  # the last of a shipment's wins
        ids = sorted(latest)
        stale = {(f.merchant_id, f.week) for f in latest.values() if f.week is not None}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            before = self._conn.execute(
                select(
                    shipment_facts.c.shipment_id,
                    shipment_facts.c.merchant_id,
                    shipment_facts.c.week,
                ).where(shipment_facts.c.shipment_id.in_(chunk))
            ).all()
            stale.update((row.merchant_id, row.week) for row in before if row.week is not None)
            if before:  # their tags are replaced (a first write has none)
                stored = [row.shipment_id for row in before]
                self._conn.execute(
                    delete(shipment_fact_tags).where(shipment_fact_tags.c.shipment_id.in_(stored))
                )
        rows = [facts_values(latest[i]) for i in ids]
        self._conn.execute(insert_or_replace(self._dialect, shipment_facts, ("shipment_id",)), rows)
        tags = [
            {"shipment_id": f.shipment_id, "merchant_id": f.merchant_id, "kind": k, "code": c}
            for f in (latest[i] for i in ids)
            for k, c in f.tags()
        ]
        if tags:
            self._conn.execute(shipment_fact_tags.insert(), tags)
        _mark(self._conn, sorted(stale), at)

    def stale_weeks(
        self, merchant_id: str | None = None, *, first: date | None = None, last: date | None = None
    ) -> list[tuple[str, date]]:
        table = analytics_stale_weeks
        query = select(table.c.merchant_id, table.c.week).order_by(
            table.c.marked_at, table.c.merchant_id, table.c.week
        )
        if merchant_id is not None:
            query = query.where(table.c.merchant_id == merchant_id)
        if first is not None:
            query = query.where(table.c.week >= first)
        if last is not None:
            query = query.where(table.c.week <= last)
        return [(row.merchant_id, row.week) for row in self._conn.execute(query)]

    def mark_all_stale(self, merchant_id: str | None, at: datetime) -> int:
        sources = []
        for table in (shipment_facts, analytics_days):
            query = (
                select(table.c.merchant_id, table.c.week)
                .where(table.c.week.is_not(None))
                .distinct()
            )
            if merchant_id is not None:
                query = query.where(table.c.merchant_id == merchant_id)
            sources.append(query)
        weeks = sorted((row[0], row[1]) for row in self._conn.execute(union(*sources)))
        _mark(self._conn, weeks, at)
        return len(weeks)

    def refresh(self, merchant_id: str, weeks: Sequence[date]) -> list[date]:
        return rebuild_weeks(self._conn, merchant_id, weeks)

    def days(
        self, merchant_id: str, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], Counters]:
        return read_days(self._conn, merchant_id, filters, by)

    def histograms(
        self, merchant_id: str, metric: Metric, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], dict[int, int]]:
        return read_histograms(self._conn, merchant_id, metric, filters, by)

    def tags(
        self,
        merchant_id: str,
        kinds: Collection[TagKind],
        filters: AnalyticsFilter,
        by: Sequence[Dim],
    ) -> dict[tuple[Any, ...], TagCounts]:
        return read_tags(self._conn, merchant_id, kinds, filters, by)


def forget_facts(connection: Connection, merchant_id: str, shipment_id: str) -> None:
    """Delete a shipment's facts (it is being deleted) and mark its week stale, as of when
    the facts were worked out (the repositories read no clock)."""
    this = (
        shipment_facts.c.shipment_id == shipment_id,
        shipment_facts.c.merchant_id == merchant_id,
    )
    found = connection.execute(
        select(shipment_facts.c.week, shipment_facts.c.as_of).where(*this)
    ).first()
    if found is None:
        return
    connection.execute(
        delete(shipment_fact_tags).where(
            shipment_fact_tags.c.shipment_id == shipment_id,
            shipment_fact_tags.c.merchant_id == merchant_id,
        )
    )
    connection.execute(delete(shipment_facts).where(*this))
    if found.week is not None:
        _mark(connection, [(merchant_id, found.week)], found.as_of)


def _mark(connection: Connection, weeks: Sequence[tuple[str, date]], at: datetime) -> None:
    """Mark weeks stale (in key order, so that concurrent writers lock alike)."""
    if weeks:
        connection.execute(
            insert_skipping_duplicates(
                connection.dialect.name, analytics_stale_weeks, ("merchant_id", "week")
            ),
            [{"merchant_id": m, "week": w, "marked_at": at} for m, w in weeks],
        )
