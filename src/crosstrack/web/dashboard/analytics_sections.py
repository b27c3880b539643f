"""The analytics pages' content: each view's report as sections of a chart and the table
behind it (docs/analytics.md defines every figure). No I/O here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crosstrack.domain.analytics_reports import (
    CarriersReport,
    CustomsReport,
    DeclarationRow,
    DeclarationsReport,
    ExceptionsReport,
    Lane,
    OnTimeReport,
    Rate,
    Report,
    SeasonalityReport,
    Spread,
    TransitReport,
)
from crosstrack.web import charts

TOP = 15
"""Rows drawn in a chart (the table has them all)."""
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    numeric_from: int = 1
    """Columns from this one on are right-aligned figures."""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    chart: str | None
    table: Table
    note: str = ""
    extra: list[Table] = field(default_factory=list)


def sections(report: Report) -> list[Section]:
    """The sections of any view's report."""
    for kind, build in _BUILDERS:
        if isinstance(report, kind):
            return build(report)
    raise TypeError(f"no sections for {type(report).__name__}")


def _lane(lane: Lane) -> str:
    route = f"{lane.origin or '?'}→{lane.destination or '?'}"
    return " ".join(p for p in (route, lane.carrier, lane.service) if p)


def _fig(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _pct(rate: Rate) -> str:
    return "" if rate.rate is None else f"{rate.rate * 100:.1f}%"


def _spread_cells(spread: Spread) -> tuple[Any, ...]:
    return (spread.count, _fig(spread.p10), _fig(spread.p50), _fig(spread.p90))


def _spreads(labelled: Sequence[tuple[str, Spread]]) -> list[charts.Spread]:
    return [
        charts.Spread(label, s.p10, s.p50, s.p90)
        for label, s in labelled
        if s.p10 is not None and s.p50 is not None and s.p90 is not None
    ][:TOP]


def _week_series(
    weeks: Sequence[tuple[date, Spread]], names: tuple[str, str, str] = ("P10", "P50", "P90")
) -> list[charts.Series]:
    def points(pick: Callable[[Spread], float | None]) -> tuple[tuple[str, float | None], ...]:
        return tuple((f"{w:%d %b %y}", pick(s)) for w, s in weeks)

    return [
        charts.Series(names[0], points(lambda s: s.p10)),
        charts.Series(names[1], points(lambda s: s.p50)),
        charts.Series(names[2], points(lambda s: s.p90)),
    ]


def _transit(report: TransitReport) -> list[Section]:
    unit = report.unit
    lanes = [(_lane(x.lane), x.transit) for x in report.lanes]
    return [
        Section(
            f"Transit time by lane, carrier and service ({unit})",
            charts.spread_chart("Transit time by lane", _spreads(lanes), unit=unit[:1]),
            Table(
                ("Origin", "Destination", "Carrier", "Service", "Delivered", "P10", "P50", "P90"),
                [
                    (
                        x.lane.origin,
                        x.lane.destination,
                        x.lane.carrier,
                        x.lane.service,
                        *_spread_cells(x.transit),
                    )
                    for x in report.lanes
                ],
                numeric_from=4,
            ),
            note=f"All delivered parcels: {report.overall.count}, P50 "
            f"{_fig(report.overall.p50)} {unit}. Percentiles are exact to "
            f"{report.bucket_hours:g} hours.",
        ),
        Section(
            f"Transit time by week shipped ({unit})",
            charts.line_chart(
                "Transit time by week",
                _week_series([(w.week, w.transit) for w in report.weeks]),
                unit=unit[:1],
            ),
            Table(
                ("Week of", "Delivered", "P10", "P50", "P90"),
                [(w.week.isoformat(), *_spread_cells(w.transit)) for w in report.weeks],
            ),
        ),
    ]


def _on_time(report: OnTimeReport) -> list[Section]:
    headers = ("", "Shipments", "On time (promise)", "of", "On time (ETA)", "of")

    def rows(items: Sequence[Any]) -> list[tuple[Any, ...]]:
        return [
            (
                o.key or "unknown",
                o.shipments,
                _pct(o.promise),
                o.promise.denominator,
                _pct(o.eta),
                o.eta.denominator,
            )
            for o in items
        ]

    def bars(items: Sequence[Any]) -> list[charts.Bar]:
        return [
            charts.Bar(o.key or "unknown", o.promise.rate)
            for o in items
            if o.promise.rate is not None
        ][:TOP]

    overall = report.overall
    return [
        Section(
            "On time against the promise, by carrier",
            charts.bar_chart("On-time rate by carrier", bars(report.by_carrier), percent=True),
            Table(("Carrier", *headers[1:]), rows(report.by_carrier)),
            note=f"Every parcel: {_pct(overall.promise)} on time against the promise "
            f"({overall.promise.denominator} with a promise), {_pct(overall.eta)} against "
            f"the ETA ({overall.eta.denominator} with an estimate).",
        ),
        Section(
            "On time against the promise, by destination",
            charts.bar_chart(
                "On-time rate by destination", bars(report.by_destination), percent=True
            ),
            Table(("Destination", *headers[1:]), rows(report.by_destination)),
        ),
    ]


def _customs(report: CustomsReport) -> list[Section]:
    unit = report.unit
    rows = [report.overall, *report.by_destination]
    reasons = sorted({h.reason for r in rows for h in r.by_reason}, key=str)
    return [
        Section(
            f"Import customs clearance by destination ({unit})",
            charts.spread_chart(
                "Customs clearance by destination",
                _spreads([(r.destination or "?", r.clearance) for r in report.by_destination]),
                unit=unit[:1],
            ),
            Table(
                (
                    "Destination",
                    "Reached customs",
                    "Cleared",
                    "Median",
                    "P90",
                    "Held",
                    *[f"Held: {reason.value}" for reason in reasons],
                ),
                [
                    (
                        r.destination or "every destination",
                        r.reached,
                        r.clearance.count,
                        _fig(r.clearance.p50),
                        _fig(r.clearance.p90),
                        _pct(r.held),
                        *[
                            next((_pct(h.held) for h in r.by_reason if h.reason == reason), "")
                            for reason in reasons
                        ],
                    )
                    for r in rows
                ],
            ),
            note=f"Clearance is from arrival at import customs to release, exact to "
            f"{report.bucket_hours:g} hours.",
        ),
        Section(
            f"Clearance time by week ({unit})",
            charts.line_chart(
                "Customs clearance by week",
                _week_series([(w.week, w.clearance) for w in report.weeks])[1:],
                unit=unit[:1],
            ),
            Table(
                ("Week of", "Cleared", "P10", "Median", "P90"),
                [(w.week.isoformat(), *_spread_cells(w.clearance)) for w in report.weeks],
            ),
        ),
    ]


def _exceptions(report: ExceptionsReport) -> list[Section]:
    def table(name: str, items: Sequence[Any]) -> Table:
        return Table(
            (name, "Shipments", "With a problem", "Failed attempts", "Main causes"),
            [
                (
                    e.key or "unknown",
                    e.shipments,
                    _pct(e.excepted),
                    e.failed_attempts,
                    ", ".join(f"{c.reason.value} {_pct(c.parcels)}" for c in e.causes[:3]),
                )
                for e in items
            ],
            numeric_from=1,
        )

    causes = [charts.Bar(c.reason.value, c.parcels.rate or 0.0) for c in report.overall.causes]
    return [
        Section(
            "Causes of problems, every parcel",
            charts.bar_chart("Share of parcels by cause", causes[:TOP], percent=True),
            table("", [report.overall]),
        ),
        Section(
            "Problems by carrier",
            charts.bar_chart(
                "Share of parcels with a problem, by carrier",
                [charts.Bar(e.key or "unknown", e.excepted.rate or 0.0) for e in report.by_carrier][
                    :TOP
                ],
                percent=True,
            ),
            table("Carrier", report.by_carrier),
        ),
        Section("Problems by destination", None, table("Destination", report.by_destination)),
    ]


def _seasonality(report: SeasonalityReport) -> list[Section]:
    unit = report.unit
    return [
        Section(
            "Volume by ISO week of the year",
            charts.line_chart(
                "Shipments by week of the year",
                [
                    charts.Series(
                        "Shipments",
                        tuple((f"W{w.week}", float(w.shipments)) for w in report.by_week_of_year),
                    ),
                    charts.Series(
                        f"Median transit ({unit}) × 10",
                        tuple(
                            (f"W{w.week}", w.transit.p50 * 10 if w.transit.p50 else None)
                            for w in report.by_week_of_year
                        ),
                    ),
                ],
            ),
            Table(
                ("Week", "Shipments", "Delivered", "P10", "P50", "P90"),
                [(w.week, w.shipments, *_spread_cells(w.transit)) for w in report.by_week_of_year],
            ),
        ),
        Section(
            f"Median transit by weekday shipped ({unit})",
            charts.bar_chart(
                "Median transit by weekday",
                [
                    charts.Bar(WEEKDAYS[w.weekday - 1], w.transit.p50 or 0.0)
                    for w in report.by_weekday
                ],
                unit=unit[:1],
            ),
            Table(
                ("Weekday", "Shipments", "Delivered", "P10", "P50", "P90"),
                [
                    (WEEKDAYS[w.weekday - 1], w.shipments, *_spread_cells(w.transit))
                    for w in report.by_weekday
                ],
            ),
            extra=[
                Table(
                    ("Season", "Shipments", "Delivered", "P10", "P50", "P90"),
                    [
                        (s.season.value, s.shipments, *_spread_cells(s.transit))
                        for s in report.seasons
                    ],
                ),
                Table(
                    ("Journey spans a destination holiday", "Delivered", "P10", "P50", "P90"),
                    [
                        ("yes" if h.spans_holiday else "no", *_spread_cells(h.transit))
                        for h in report.holidays
                    ],
                ),
            ],
        ),
    ]


def _carriers(report: CarriersReport) -> list[Section]:
    out = []
    for lane in report.lanes:
        where = f"{lane.origin or '?'} → {lane.destination or '?'}" + (
            f" ({lane.service})" if lane.service else ""
        )
        out.append(
            Section(
                f"Carriers on {where}",
                charts.spread_chart(
                    f"Transit by carrier on {where}",
                    _spreads([(c.carrier or "unknown", c.transit) for c in lane.carriers]),
                    unit=report.unit[:1],
                ),
                Table(
                    (
                        "Rank",
                        "Carrier",
                        "Shipments",
                        "Delivered",
                        "P10",
                        "P50",
                        "P90",
                        "On time",
                        "With a problem",
                        "Sample",
                    ),
                    [
                        (
                            c.rank,
                            c.carrier or "unknown",
                            c.shipments,
                            *_spread_cells(c.transit),
                            _pct(c.on_time),
                            _pct(c.exceptions),
                            "small" if c.small_sample else "",
                        )
                        for c in lane.carriers
                    ],
                    numeric_from=2,
                ),
            )
        )
    if not out:
        out.append(
            Section(
                "Carriers compared",
                None,
                Table(("",), []),
                note="No lane has two carriers in this period.",
            )
        )
    out[0] = _with_note(
        out[0],
        f"Ranked by median transit; under {report.min_sample} delivered parcels a carrier "
        "is flagged as a small sample and ranked after the others.",
    )
    return out


def _with_note(section: Section, note: str) -> Section:
    joined = f"{section.note} {note}".strip()
    return Section(section.title, section.chart, section.table, joined, section.extra)


def _declarations(report: DeclarationsReport) -> list[Section]:
    def table(name: str, rows: Sequence[DeclarationRow]) -> Table:
        return Table(
            (name, "Parcels", "Held by customs", "of those at customs", "Sample"),
            [
                (
                    r.code,
                    r.parcels,
                    _pct(r.customs_problems),
                    r.customs_problems.denominator,
                    "small" if r.small_sample else "",
                )
                for r in rows
            ],
        )

    return [
        Section(
            "Customs problems by HS chapter",
            charts.bar_chart(
                "Share held by customs, by HS chapter",
                [
                    charts.Bar(f"HS {r.code}", r.customs_problems.rate or 0.0)
                    for r in report.chapters
                    if not r.small_sample
                ][:TOP],
                percent=True,
            ),
            table("HS chapter", report.chapters),
            note=f"Under {report.min_sample} parcels a code is flagged as a small sample and "
            "left out of the chart.",
        ),
        Section("By HS heading", None, table("HS heading", report.headings)),
        Section("By product category", None, table("Category", report.categories)),
    ]


_BUILDERS: tuple[tuple[type[Any], Callable[[Any], list[Section]]], ...] = (
    (TransitReport, _transit),
    (OnTimeReport, _on_time),
    (CustomsReport, _customs),
    (ExceptionsReport, _exceptions),
    (SeasonalityReport, _seasonality),
    (CarriersReport, _carriers),
    (DeclarationsReport, _declarations),
)
