"""The seven views, each built from a few summed reads of the rollups (docs/analytics.md).

Every function takes the analytics repository of an open unit of work, the merchant and the
filter, and returns its typed report. Results are sorted deterministically, so every storage
back-end gives the same report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from crosstrack.domain.analytics import (
    CLEARANCE_BUCKETS,
    LANE,
    TRANSIT_BUCKETS,
    UNKNOWN,
    WEEKDAY_TRANSIT_BUCKETS,
    AnalyticsFilter,
    Dim,
    Histogram,
    Metric,
    TagKind,
    merged,
    without,
)
from crosstrack.domain.analytics_calendar import Season, season_of
from crosstrack.domain.analytics_reports import (
    MIN_SAMPLE,
    CarriersReport,
    CarrierStanding,
    Cause,
    CustomsReport,
    CustomsRow,
    DeclarationRow,
    DeclarationsReport,
    ExceptionRow,
    ExceptionsReport,
    HeldShare,
    HolidayRow,
    Lane,
    LaneComparison,
    LaneTransit,
    OnTime,
    OnTimeReport,
    Rate,
    Scope,
    SeasonalityReport,
    SeasonRow,
    Spread,
    TransitReport,
    WeekClearance,
    WeekdayRow,
    WeekOfYear,
    WeekTransit,
)
from crosstrack.domain.analytics_rollup import Counters, TagCounts
from crosstrack.domain.shipment_facts import CUSTOMS_REASONS
from crosstrack.domain.vocabulary import Reason
from crosstrack.services.ports import AnalyticsRepository

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
NewYear = Callable[[int], date]


def _key(value: Any) -> Any:
    """A dimension's value as reported (``None`` for unknown)."""
    return None if value == UNKNOWN else value


def _transit(histogram: Histogram) -> Spread:
    return Spread.of(histogram, TRANSIT_BUCKETS, DAY)


def transit(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> TransitReport:
    """Transit P10/P50/P90 and count by lane, and by week shipped."""
    lanes = reader.histograms(merchant_id, Metric.TRANSIT, filters, LANE)
    weeks = reader.histograms(merchant_id, Metric.TRANSIT, filters, (Dim.WEEK,))
    by_lane = [LaneTransit(Lane(*map(_key, key)), _transit(h)) for key, h in lanes.items()]
    by_lane.sort(key=lambda row: (-row.transit.count, _order(row.lane)))
    return TransitReport(
        scope=Scope.of(filters),
        unit="days",
        bucket_hours=TRANSIT_BUCKETS.width / HOUR,
        overall=_transit(merged(lanes.values())),
        lanes=tuple(by_lane),
        weeks=tuple(WeekTransit(key[0], _transit(h)) for key, h in sorted(weeks.items())),
    )


def _order(lane: Lane) -> tuple[str, ...]:
    return tuple(part or "" for part in (lane.origin, lane.destination, lane.carrier, lane.service))


def _on_time(key: str | None, counts: Counters) -> OnTime:
    return OnTime(
        key=key,
        shipments=counts.shipments,
        promise=Rate(counts.promise_on_time, counts.promise_judged),
        eta=Rate(counts.eta_on_time, counts.eta_judged),
    )


def _rows(found: Mapping[tuple[Any, ...], Counters]) -> list[tuple[str | None, Counters]]:
    """One-dimension groups, most shipments first."""
    rows = [(_key(key[0]), counts) for key, counts in found.items()]
    return sorted(rows, key=lambda row: (-row[1].shipments, row[0] or ""))


def on_time(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> OnTimeReport:
    """On-time rates against the promise and the ETA, by carrier and by destination."""
    carriers = reader.days(merchant_id, filters, (Dim.CARRIER,))
    return OnTimeReport(
        scope=Scope.of(filters),
        overall=_on_time(None, Counters.total(carriers.values())),
        by_carrier=tuple(_on_time(k, c) for k, c in _rows(carriers)),
        by_destination=tuple(
            _on_time(k, c) for k, c in _rows(reader.days(merchant_id, filters, (Dim.DESTINATION,)))
        ),
    )


def customs(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> CustomsReport:
    """Clearance median and P90 by destination and by week, and the share held, by reason."""
    by = (Dim.DESTINATION,)
    counts = reader.days(merchant_id, filters, by)
    clearance = reader.histograms(merchant_id, Metric.CLEARANCE, filters, by)
    held = reader.tags(merchant_id, [TagKind.REASON], filters, by)
    weeks = reader.histograms(merchant_id, Metric.CLEARANCE, filters, (Dim.WEEK,))

    def row(destination: str | None, keys: list[tuple[Any, ...]]) -> CustomsRow:
        reached = sum(counts[k].customs_reached for k in keys if k in counts)

        def parcels(reason: Reason) -> int:
            return sum(
                held[(TagKind.REASON, reason.value, *k)].parcels
                for k in keys
                if (TagKind.REASON, reason.value, *k) in held
            )

        return CustomsRow(
            destination=destination,
            reached=reached,
            clearance=Spread.of(
                merged(clearance.get(k, {}) for k in keys), CLEARANCE_BUCKETS, HOUR
            ),
            held=Rate(sum(counts[k].customs_held for k in keys if k in counts), reached),
            by_reason=tuple(HeldShare(r, Rate(parcels(r), reached)) for r in CUSTOMS_REASONS),
        )

    keys = sorted(set(counts) | set(clearance))
    rows = [row(_key(k[0]), [k]) for k in keys]
    rows.sort(key=lambda r: (-r.reached, r.destination or ""))
    return CustomsReport(
        scope=Scope.of(filters),
        unit="hours",
        bucket_hours=CLEARANCE_BUCKETS.width / HOUR,
        overall=row(None, keys),
        by_destination=tuple(rows),
        weeks=tuple(
            WeekClearance(k[0], Spread.of(h, CLEARANCE_BUCKETS, HOUR))
            for k, h in sorted(weeks.items())
        ),
    )


Causes = dict[Reason, int]
"""Parcels by exception reason."""


def exceptions(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> ExceptionsReport:
    """Exception causes by carrier and by destination: parcels and rates. Every parcel is in
    one carrier's row, so the overall row is their sum."""

    def grouped(dim: Dim) -> list[tuple[str | None, Counters, Causes]]:
        counts = reader.days(merchant_id, filters, (dim,))
        causes: dict[Any, Causes] = defaultdict(dict)
        for (_, reason, group), tagged in reader.tags(
            merchant_id, [TagKind.REASON], filters, (dim,)
        ).items():
            causes[group][Reason(reason)] = tagged.parcels
        return [(_key(group), count, causes[group]) for (group,), count in counts.items()]

    def rows(groups: list[tuple[str | None, Counters, Causes]]) -> tuple[ExceptionRow, ...]:
        found = [_exception_row(*group) for group in groups]
        return tuple(sorted(found, key=lambda r: (-r.shipments, r.key or "")))

    carriers = grouped(Dim.CARRIER)
    overall = _exception_row(
        None,
        Counters.total(count for _, count, _ in carriers),
        merged(causes for _, _, causes in carriers),
    )
    return ExceptionsReport(
        scope=Scope.of(filters),
        overall=overall,
        by_carrier=rows(carriers),
        by_destination=rows(grouped(Dim.DESTINATION)),
    )


def _exception_row(key: str | None, count: Counters, causes: Causes) -> ExceptionRow:
    listed = sorted(causes.items(), key=lambda c: (-c[1], c[0].value))
    return ExceptionRow(
        key=key,
        shipments=count.shipments,
        excepted=Rate(count.excepted, count.shipments),
        failed_attempts=count.failed_attempts,
        causes=tuple(Cause(r, Rate(n, count.shipments)) for r, n in listed),
    )


def seasonality(
    reader: AnalyticsRepository,
    merchant_id: str,
    filters: AnalyticsFilter,
    new_year: NewYear,
) -> SeasonalityReport:
    """Volume and median transit by ISO week of year and weekday; seasons and holidays."""
    days = reader.days(merchant_id, filters, (Dim.WEEK, Dim.WEEKDAY, Dim.ORIGIN))
    weekly = reader.histograms(merchant_id, Metric.TRANSIT, filters, (Dim.WEEK,))
    weekday = reader.histograms(merchant_id, Metric.TRANSIT_BY_WEEKDAY, filters, (Dim.WEEKDAY,))
    whole = {
        metric: reader.histograms(merchant_id, metric, filters, ()).get((), {})
        for metric in (Metric.TRANSIT_PEAK, Metric.TRANSIT_CNY, Metric.TRANSIT_HOLIDAY)
    }
    whole[Metric.TRANSIT] = merged(weekly.values())  # every parcel is in one week's
    shipped_in_week: dict[int, int] = defaultdict(int)
    shipped_on_day: dict[int, int] = defaultdict(int)
    shipped_in_season: dict[Season, int] = defaultdict(int)
    for (week, day, origin), counts in days.items():
        shipped_in_week[week.isocalendar().week] += counts.shipments
        shipped_on_day[day] += counts.shipments
        season = season_of(week + timedelta(days=day - 1), _key(origin), new_year)
        shipped_in_season[season] += counts.shipments
    transit_in_week: dict[int, list[Histogram]] = defaultdict(list)
    for (week,), histogram in weekly.items():
        transit_in_week[week.isocalendar().week].append(histogram)
    transit_of_season = {
        Season.PEAK: whole[Metric.TRANSIT_PEAK],
        Season.CHINESE_NEW_YEAR: whole[Metric.TRANSIT_CNY],
        Season.REST: without(
            whole[Metric.TRANSIT], merged([whole[Metric.TRANSIT_PEAK], whole[Metric.TRANSIT_CNY]])
        ),
    }
    holiday = whole[Metric.TRANSIT_HOLIDAY]
    return SeasonalityReport(
        scope=Scope.of(filters),
        unit="days",
        by_week_of_year=tuple(
            WeekOfYear(w, shipped_in_week[w], _transit(merged(transit_in_week.get(w, []))))
            for w in sorted(set(shipped_in_week) | set(transit_in_week))
        ),
        by_weekday=tuple(
            WeekdayRow(
                d,
                shipped_on_day.get(d, 0),
                Spread.of(weekday.get((d,), {}), WEEKDAY_TRANSIT_BUCKETS, DAY),
            )
            for d in range(1, 8)
        ),
        seasons=tuple(
            SeasonRow(s, shipped_in_season.get(s, 0), _transit(transit_of_season[s]))
            for s in Season
        ),
        holidays=(
            HolidayRow(True, _transit(holiday)),
            HolidayRow(False, _transit(without(whole[Metric.TRANSIT], holiday))),
        ),
    )


def carriers(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> CarriersReport:
    """Carriers side by side on each origin-destination-service lane that has two or more."""
    counts = reader.days(merchant_id, filters, LANE)
    transits = reader.histograms(merchant_id, Metric.TRANSIT, filters, LANE)
    by_lane: dict[tuple[Any, Any, Any], list[CarrierStanding]] = defaultdict(list)
    for key in sorted(set(counts) | set(transits)):
        origin, destination, carrier, service = key
        count = counts.get(key, Counters())
        spread = _transit(transits.get(key, {}))
        by_lane[(origin, destination, service)].append(
            CarrierStanding(
                rank=0,
                carrier=_key(carrier),
                shipments=count.shipments,
                transit=spread,
                on_time=Rate(count.promise_on_time, count.promise_judged),
                exceptions=Rate(count.excepted, count.shipments),
                small_sample=spread.count < MIN_SAMPLE,
            )
        )
    lanes = [
        LaneComparison(_key(o), _key(d), _key(s), _ranked(standings))
        for (o, d, s), standings in by_lane.items()
        if len(standings) >= 2
    ]
    lanes.sort(key=lambda lane: (-sum(c.shipments for c in lane.carriers), _where(lane)))
    return CarriersReport(Scope.of(filters), "days", MIN_SAMPLE, tuple(lanes))


def _where(lane: LaneComparison) -> tuple[str, str, str]:
    return (lane.origin or "", lane.destination or "", lane.service or "")


def _ranked(standings: Sequence[CarrierStanding]) -> tuple[CarrierStanding, ...]:
    """Enough parcels first; then the fastest median, the better on-time rate, the name."""

    def order(c: CarrierStanding) -> tuple[Any, ...]:
        median = c.transit.p50 if c.transit.p50 is not None else float("inf")
        return (c.small_sample, median, -(c.on_time.rate or 0.0), c.carrier or "")

    return tuple(replace(c, rank=i) for i, c in enumerate(sorted(standings, key=order), start=1))


def declarations(
    reader: AnalyticsRepository, merchant_id: str, filters: AnalyticsFilter
) -> DeclarationsReport:
    """Categories, HS chapters and headings with their customs-problem rate."""
    kinds = (TagKind.CATEGORY, TagKind.HS_CHAPTER, TagKind.HS_HEADING)
    found = reader.tags(merchant_id, kinds, filters, ())
    rows: dict[TagKind, list[DeclarationRow]] = {kind: [] for kind in kinds}
    for (kind, code), counts in found.items():
        rows[kind].append(_declaration(code, counts))
    for listed in rows.values():
        listed.sort(key=lambda r: (-r.parcels, r.code))
    return DeclarationsReport(
        scope=Scope.of(filters),
        min_sample=MIN_SAMPLE,
        categories=tuple(rows[TagKind.CATEGORY]),
        chapters=tuple(rows[TagKind.HS_CHAPTER]),
        headings=tuple(rows[TagKind.HS_HEADING]),
    )


def _declaration(code: str, counts: TagCounts) -> DeclarationRow:
    return DeclarationRow(
        code=code,
        parcels=counts.parcels,
        customs_problems=Rate(counts.customs_problems, counts.customs_reached),
        small_sample=counts.customs_reached < MIN_SAMPLE,
    )
