"""Evaluate lane-disruption detection on a simulated customs backlog (synthetic data).

    python bench/eval_disruption.py

History without backlog gives each destination's normal level and spread of two daily
statistics of import customs (all services together): the median dwell of the parcels
*cleared* that day, and the median age of the parcels *still in customs* at the end of the
day (known in real time). A test period of 120 days then has one +4-working-day backlog on
one destination; the CUSUM (k = 0.5, h = 5) runs on each destination's days. Printed per
statistic: the detection delay on the backlogged lane (days from the backlog's first day to
the alarm) and the false alarms on the other lanes (per 100 lane-days).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from crosstrack.domain.disruption import cusum_disruptions
from crosstrack.domain.vocabulary import Milestone
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimParcel
from crosstrack.sim.problems import CustomsBacklog

ENTRY = (Milestone.ARRIVED_DESTINATION_COUNTRY, Milestone.IMPORT_CUSTOMS)


def customs_stays(parcels: list[SimParcel]) -> list[tuple[str, datetime, datetime]]:
    """(destination, entered customs, released) per parcel that was released."""
    stays = []
    for parcel in parcels:
        entered = next((e.at for e in parcel.events if e.milestone in ENTRY), None)
        released = next(
            (e.at for e in parcel.events if e.milestone is Milestone.CUSTOMS_RELEASED), None
        )
        if entered and released and released >= entered:
            stays.append((parcel.lane.destination, entered, released))
    return stays


def daily(stays: list[tuple[str, datetime, datetime]], first: date, last: date, kind: str):  # type: ignore[no-untyped-def]
    """Per destination, (day, median hours) for each day with at least 5 parcels."""
    out: dict[str, list[tuple[date, float]]] = defaultdict(list)
    by_lane: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for lane, entered, released in stays:
        by_lane[lane].append((entered, released))
    for lane, items in by_lane.items():
        day = first
        while day <= last:
            end = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
            if kind == "cleared":
                values = [
                    (r - e).total_seconds() / 3600
                    for e, r in items
                    if end - timedelta(days=1) <= r < end
                ]
            else:
                values = [(end - e).total_seconds() / 3600 for e, r in items if e < end <= r]
            if len(values) >= 5:
                out[lane].append((day, statistics.median(values)))
            day += timedelta(days=1)
    return out


def main() -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    history = generate(31, 12000, start=start - timedelta(days=150), end=start, backlogs=())
    backlog = CustomsBacklog("FR", date(2026, 5, 1), date(2026, 5, 14), 4.0)
    test = generate(32, 10000, start=start, end=start + timedelta(days=120), backlogs=(backlog,))
    first, last = start.date() + timedelta(days=20), start.date() + timedelta(days=110)
    extra = backlog.extra_days
    print(f"backlog: {backlog.destination} {backlog.start}..{backlog.end}, +{extra} working days")
    print(
        "| statistic | delay on the backlogged lane (days) | false alarms / 100 lane-days | lanes |"
    )
    print("|---|---:|---:|---:|")
    for kind in ("cleared", "in_customs"):
        base = daily(
            customs_stays(history),
            (start - timedelta(days=120)).date(),
            (start - timedelta(days=30)).date(),
            kind,
        )
        now = daily(customs_stays(test), first, last, kind)
        delay = None
        false_alarms = 0
        lane_days = 0
        for lane, days in now.items():
            reference = [v for _, v in base.get(lane, [])]
            if len(reference) < 20:
                continue
            normal = statistics.median(reference)
            spread = max(statistics.pstdev(reference), 1.0)
            for found in cusum_disruptions(days, normal=normal, spread=spread):
                if (
                    lane == backlog.destination
                    and backlog.start <= found.raised_on <= backlog.end + timedelta(days=10)
                ):
                    if delay is None:
                        delay = (found.raised_on - backlog.start).days
                else:
                    false_alarms += 1
            if lane != backlog.destination:
                lane_days += len(days)
        rate = 100 * false_alarms / lane_days if lane_days else float("nan")
        shown = "not detected" if delay is None else str(delay)
        print(f"| {kind} | {shown} | {rate:.2f} ({false_alarms} in {lane_days}) | {len(now)} |")


if __name__ == "__main__":
    main()
