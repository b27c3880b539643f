"""The rollups: rebuilt from the facts a week at a time, and summed by the views.

A refresh takes the stale marks of the weeks it rebuilds (``DELETE ... RETURNING``, so two
refreshes never rebuild one week at once: the second waits for the first's transaction, then
finds the mark gone), deletes those weeks' rollup rows and writes them again with one
``INSERT ... SELECT ... GROUP BY`` per table and metric, inside the database. What each
shipment adds is specified in :mod:`crosstrack.domain.analytics_rollup`; the in-memory store
computes the same sums in Python, and a test compares them.

Reads sum the rollup rows of one merchant, filtered by weeks and dimensions, grouped by the
dimensions asked for (and the bucket, for histograms). Grouped by lane, SQLite is told to read
the lane-ordered index, so that it aggregates in index order instead of sorting.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    Table,
    case,
    cast,
    delete,
    func,
    literal,
    select,
)

from crosstrack.domain.analytics import (
    LANE,
    SUMMED_TAGS,
    UNKNOWN,
    WHOLE_WEEK,
    AnalyticsFilter,
    Dim,
    Metric,
    TagKind,
)
from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.analytics_rollup import COUNTER_NAMES, Counters, TagCounts
from crosstrack.domain.shipment_facts import Outcome
from crosstrack.storage.tables import (
    analytics_days,
    analytics_histograms,
    analytics_stale_weeks,
    analytics_tags,
    shipment_fact_tags,
    shipment_facts,
)

_F = shipment_facts.c
_DIMENSIONS = tuple(dim.value for dim in LANE)  # the rollups' lane columns
_LANE_INDEX = "ix_analytics_histograms_lane"


def _count(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def _dimensions() -> list[ColumnElement[Any]]:
    """The facts' dimensions as rollup keys ('' when unknown)."""
    return [func.coalesce(_F[name], UNKNOWN).label(name) for name in _DIMENSIONS]


_COUNTERS: dict[str, ColumnElement[Any]] = {
    "shipments": func.count(),
    "delivered": _count(_F.outcome == Outcome.DELIVERED.value),
    "returned": _count(_F.outcome == Outcome.RETURNED.value),
    "lost": _count(_F.outcome == Outcome.LOST.value),
    "open": _count(_F.outcome == Outcome.OPEN.value),
    "promise_judged": _count(_F.on_time_promise.is_not(None)),
    "promise_on_time": _count(_F.on_time_promise.is_(True)),
    "eta_judged": _count(_F.on_time_eta.is_not(None)),
    "eta_on_time": _count(_F.on_time_eta.is_(True)),
    "customs_reached": _count(_F.customs_reached.is_(True)),
    "customs_cleared": _count(_F.clearance_bucket.is_not(None)),
    "customs_held": _count(_F.customs_held.is_(True)),
    "excepted": _count(_F.excepted.is_(True)),
    "attempted": _count(_F.failed_attempts > 0),
    "failed_attempts": func.sum(_F.failed_attempts),
    "holiday_spanning": _count(_F.spans_holiday.is_(True) & _F.transit_bucket.is_not(None)),
}
assert tuple(_COUNTERS) == COUNTER_NAMES

_TRANSIT = _F.transit_bucket.is_not(None)
_WHOLE_WEEK = literal(WHOLE_WEEK, Integer)
_HISTOGRAMS: dict[Metric, tuple[ColumnElement[Any], ColumnElement[Any], ColumnElement[bool]]] = {
    # metric: (weekday, bucket, which facts)
    Metric.TRANSIT: (_WHOLE_WEEK, _F.transit_bucket, _TRANSIT),
    Metric.TRANSIT_HOLIDAY: (
        _WHOLE_WEEK,
        _F.transit_bucket,
        _TRANSIT & _F.spans_holiday.is_(True),
    ),
    Metric.TRANSIT_PEAK: (
        _WHOLE_WEEK,
        _F.transit_bucket,
        _TRANSIT & (_F.season == Season.PEAK.value),
    ),
    Metric.TRANSIT_CNY: (
        _WHOLE_WEEK,
        _F.transit_bucket,
        _TRANSIT & (_F.season == Season.CHINESE_NEW_YEAR.value),
    ),
    # Two half-day buckets make a day; the last half-day bucket (180) is the last day one (90).
    Metric.TRANSIT_BY_WEEKDAY: (_F.weekday, cast(_F.transit_bucket // 2, Integer), _TRANSIT),
    Metric.CLEARANCE: (_WHOLE_WEEK, _F.clearance_bucket, _F.clearance_bucket.is_not(None)),
}
assert set(_HISTOGRAMS) == set(Metric)


def rebuild_weeks(connection: Connection, merchant_id: str, weeks: Sequence[date]) -> list[date]:
    """Rebuild the rollups of the merchant's stale ``weeks`` (those still marked)."""
    if not weeks:
        return []
    taken = sorted(
        row.week
        for row in connection.execute(
            delete(analytics_stale_weeks)
            .where(
                analytics_stale_weeks.c.merchant_id == merchant_id,
                analytics_stale_weeks.c.week.in_(sorted(set(weeks))),
            )
            .returning(analytics_stale_weeks.c.week)
        )
    )
    if not taken:
        return []
    connection.execute(
        delete(analytics_days).where(
            analytics_days.c.merchant_id == merchant_id, analytics_days.c.week.in_(taken)
        )
    )
    connection.execute(
        delete(analytics_histograms).where(
            analytics_histograms.c.merchant_id == merchant_id,
            analytics_histograms.c.metric.in_([m.value for m in Metric]),
            analytics_histograms.c.week.in_(taken),
        )
    )
    connection.execute(
        delete(analytics_tags).where(
            analytics_tags.c.merchant_id == merchant_id,
            analytics_tags.c.kind.in_([k.value for k in SUMMED_TAGS]),
            analytics_tags.c.week.in_(taken),
        )
    )
    of_weeks = (_F.merchant_id == merchant_id, _F.week.in_(taken))
    group = (_F.merchant_id, _F.week, *_dimensions())
    days = (
        select(*group[:2], _F.weekday, *group[2:], *_COUNTERS.values())
        .where(*of_weeks)
        .group_by(*group, _F.weekday)
    )
    connection.execute(
        analytics_days.insert().from_select(
            ["merchant_id", "week", "weekday", *_DIMENSIONS, *COUNTER_NAMES], days
        )
    )
    columns = ["merchant_id", "metric", "week", "weekday", "bucket", *_DIMENSIONS, "parcels"]
    for metric, (weekday, bucket, which) in _HISTOGRAMS.items():
        by_day = [weekday] if metric is Metric.TRANSIT_BY_WEEKDAY else []
        rows = (
            select(
                _F.merchant_id,
                literal(metric.value, String),
                _F.week,
                weekday,
                bucket,
                *group[2:],
                func.count(),
            )
            .where(*of_weeks, which)
            .group_by(*group, *by_day, bucket)
        )
        connection.execute(analytics_histograms.insert().from_select(columns, rows))
    t = shipment_fact_tags.c
    tags = (
        select(
            _F.merchant_id,
            t.kind,
            _F.week,
            *group[2:],
            t.code,
            func.count(),
            _count(_F.customs_reached.is_(True)),
            _count(_F.customs_held.is_(True)),
        )
        .select_from(shipment_fact_tags.join(shipment_facts, t.shipment_id == _F.shipment_id))
        .where(*of_weeks, t.kind.in_([k.value for k in SUMMED_TAGS]))
        .group_by(*group, t.kind, t.code)
    )
    tag_columns = ["merchant_id", "kind", "week", *_DIMENSIONS, "code"]
    tag_columns += ["parcels", "customs_reached", "customs_problems"]
    connection.execute(analytics_tags.insert().from_select(tag_columns, tags))
    return taken


def _filtered(
    table: Table, merchant_id: str, filters: AnalyticsFilter
) -> list[ColumnElement[bool]]:
    where = [table.c.merchant_id == merchant_id]
    if filters.first_week is not None:
        where.append(table.c.week >= filters.first_week)
    if filters.last_week is not None:
        where.append(table.c.week <= filters.last_week)
    where += [table.c[dim.value] == value for dim, value in filters.dimensions.items()]
    return where


def _int(value: Any) -> int:
    return int(value or 0)


def read_days(
    connection: Connection, merchant_id: str, filters: AnalyticsFilter, by: Sequence[Dim]
) -> dict[tuple[Any, ...], Counters]:
    """The day rows' counters summed by ``by``."""
    keys = [analytics_days.c[dim.value] for dim in by]
    query = (
        select(*keys, *(func.sum(analytics_days.c[name]) for name in COUNTER_NAMES))
        .where(*_filtered(analytics_days, merchant_id, filters))
        .group_by(*keys)
    )
    width = len(keys)
    return {
        tuple(row[:width]): Counters(*(_int(v) for v in row[width:]))
        for row in connection.execute(query)
        if row[width] is not None  # no rows at all: no group, not a group of zeros
    }


def read_histograms(
    connection: Connection,
    merchant_id: str,
    metric: Metric,
    filters: AnalyticsFilter,
    by: Sequence[Dim],
) -> dict[tuple[Any, ...], dict[int, int]]:
    """A metric's histograms summed by ``by``."""
    table = analytics_histograms
    keys = [table.c[dim.value] for dim in by]
    query: Select[Any] = (
        select(*keys, table.c.bucket, func.sum(table.c.parcels))
        .where(*_filtered(table, merchant_id, filters), table.c.metric == metric.value)
        .group_by(*keys, table.c.bucket)
    )
    if set(by) <= set(LANE) and by:
        query = query.with_hint(table, f"INDEXED BY {_LANE_INDEX}", dialect_name="sqlite")
    width = len(keys)
    found: dict[tuple[Any, ...], dict[int, int]] = {}
    for row in connection.execute(query):
        found.setdefault(tuple(row[:width]), {})[row[width]] = _int(row[width + 1])
    return found


def read_tags(
    connection: Connection,
    merchant_id: str,
    kinds: Collection[TagKind],
    filters: AnalyticsFilter,
    by: Sequence[Dim],
) -> dict[tuple[Any, ...], TagCounts]:
    """Tag counts summed by (kind, code, *``by``)."""
    table = analytics_tags
    keys = [table.c.kind, table.c.code, *(table.c[dim.value] for dim in by)]
    query = (
        select(
            *keys,
            func.sum(table.c.parcels),
            func.sum(table.c.customs_reached),
            func.sum(table.c.customs_problems),
        )
        .where(
            *_filtered(table, merchant_id, filters),
            table.c.kind.in_([kind.value for kind in kinds]),
        )
        .group_by(*keys)
    )
    width = len(keys)
    return {
        (TagKind(row[0]), *row[1:width]): TagCounts(*(_int(v) for v in row[width:]))
        for row in connection.execute(query)
    }
