"""The in-memory ``AnalyticsRepository``: facts, stale weeks and rollups in plain dicts.

Rollups are summed in Python from what each shipment adds
(:mod:`crosstrack.domain.analytics_rollup`): the reference the SQL repositories' ``GROUP BY``
queries are tested against.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Self

from crosstrack.domain.analytics import WHOLE_WEEK, AnalyticsFilter, Dim, Metric, TagKind
from crosstrack.domain.analytics_rollup import (
    Counters,
    DayKey,
    TagCounts,
    counters_of,
    day_key,
    histogram_entries,
    summed_tags,
)
from crosstrack.domain.shipment_facts import ShipmentFacts

Lane = tuple[str, str, str, str]


@dataclass
class AnalyticsData:
    """What the analytics tables hold; copied dict by dict with the rest of the store."""

    facts: dict[str, ShipmentFacts] = field(default_factory=dict)
    stale: dict[tuple[str, date], datetime] = field(default_factory=dict)
    days: dict[tuple[str, DayKey], Counters] = field(default_factory=dict)
    histograms: dict[tuple[str, Metric, int, int, DayKey], int] = field(default_factory=dict)
    """(merchant, metric, weekday, bucket, the week's key with ``WHOLE_WEEK``) -> parcels."""
    tags: dict[tuple[str, TagKind, str, DayKey], TagCounts] = field(default_factory=dict)

    def __copy__(self) -> Self:
        return type(self)(
            dict(self.facts), dict(self.stale), dict(self.days), dict(self.histograms),
            dict(self.tags),
        )  # fmt: skip


def _dimension(key: DayKey, dim: Dim, weekday: int | None = None) -> Any:
    if dim is Dim.WEEKDAY and weekday is not None:
        return weekday
    return key.dimension(dim)


class InMemoryAnalytics:
    """``AnalyticsRepository`` over an :class:`AnalyticsData`."""

    def __init__(self, data: AnalyticsData) -> None:
        self._d = data

    def facts_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ShipmentFacts]:
        found = {key: self._d.facts.get(key[1]) for key in keys}
        return {k: f for k, f in found.items() if f is not None and f.merchant_id == k[0]}

    def put_facts(self, facts: Sequence[ShipmentFacts], at: datetime) -> None:
        for item in facts:
            before = self._d.facts.get(item.shipment_id)
            for old in (before, item):
                if old is not None and old.week is not None:
                    self._d.stale.setdefault((old.merchant_id, old.week), at)
            self._d.facts[item.shipment_id] = item

    def forget(self, merchant_id: str, shipment_id: str, at: datetime) -> None:
        """Drop a deleted shipment's facts (its week goes stale)."""
        found = self._d.facts.get(shipment_id)
        if found is not None and found.merchant_id == merchant_id:
            del self._d.facts[shipment_id]
            if found.week is not None:
                self._d.stale.setdefault((merchant_id, found.week), at)

    def stale_weeks(
        self, merchant_id: str | None = None, *, first: date | None = None, last: date | None = None
    ) -> list[tuple[str, date]]:
        found = sorted((at, m, w) for (m, w), at in self._d.stale.items())
        return [
            (m, w)
            for _, m, w in found
            if (merchant_id is None or m == merchant_id)
            and (first is None or w >= first)
            and (last is None or w <= last)
        ]

    def mark_all_stale(self, merchant_id: str | None, at: datetime) -> int:
        weeks = {(f.merchant_id, f.week) for f in self._d.facts.values() if f.week is not None}
        weeks |= {(m, key.week) for m, key in self._d.days}
        weeks = {w for w in weeks if merchant_id is None or w[0] == merchant_id}
        for week in weeks:
            self._d.stale.setdefault(week, at)
        return len(weeks)

    def refresh(self, merchant_id: str, weeks: Sequence[date]) -> list[date]:
        taken = sorted({w for w in weeks if self._d.stale.pop((merchant_id, w), None)})
        chosen = set(taken)

        def kept(merchant: str, key: DayKey) -> bool:
            return merchant != merchant_id or key.week not in chosen

        d = self._d
        d.days = {k: v for k, v in d.days.items() if kept(k[0], k[1])}
        d.histograms = {k: v for k, v in d.histograms.items() if kept(k[0], k[4])}
        d.tags = {k: v for k, v in d.tags.items() if kept(k[0], k[3])}
        for facts in d.facts.values():
            key = day_key(facts)
            if facts.merchant_id != merchant_id or key is None or key.week not in chosen:
                continue
            day = (merchant_id, key)
            d.days[day] = d.days.get(day, Counters()) + counters_of(facts)
            week_key = replace(key, weekday=WHOLE_WEEK)
            for metric, weekday, bucket in histogram_entries(facts):
                entry = (merchant_id, metric, weekday, bucket, week_key)
                d.histograms[entry] = d.histograms.get(entry, 0) + 1
            for kind, code, counts in summed_tags(facts):
                tag = (merchant_id, kind, code, week_key)
                d.tags[tag] = d.tags.get(tag, TagCounts()) + counts
        return taken

    @staticmethod
    def _admits(key: DayKey, filters: AnalyticsFilter) -> bool:
        return filters.admits_week(key.week) and all(
            key.dimension(dim) == value for dim, value in filters.dimensions.items()
        )

    def days(
        self, merchant_id: str, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], Counters]:
        found: dict[tuple[Any, ...], Counters] = {}
        for (merchant, key), counters in self._d.days.items():
            if merchant == merchant_id and self._admits(key, filters):
                group = tuple(key.dimension(dim) for dim in by)
                found[group] = found.get(group, Counters()) + counters
        return found

    def histograms(
        self, merchant_id: str, metric: Metric, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], dict[int, int]]:
        found: dict[tuple[Any, ...], dict[int, int]] = {}
        for (merchant, kind, weekday, bucket, key), parcels in self._d.histograms.items():
            if merchant == merchant_id and kind is metric and self._admits(key, filters):
                group = tuple(_dimension(key, dim, weekday) for dim in by)
                counts = found.setdefault(group, {})
                counts[bucket] = counts.get(bucket, 0) + parcels
        return found

    def tags(
        self,
        merchant_id: str,
        kinds: Collection[TagKind],
        filters: AnalyticsFilter,
        by: Sequence[Dim],
    ) -> dict[tuple[Any, ...], TagCounts]:
        found: dict[tuple[Any, ...], TagCounts] = {}
        for (merchant, kind, code, key), counts in self._d.tags.items():
            if merchant == merchant_id and kind in kinds and self._admits(key, filters):
                group = (kind, code, *(key.dimension(dim) for dim in by))
                found[group] = found.get(group, TagCounts()) + counts
        return found
