"""Evaluate lane-disruption detection on a simulated customs backlog (synthetic data).

    python bench/eval_disruption.py [--extra-days 2 4]

History without backlog gives each destination's normal level and spread of two daily
statistics of import customs (all services together): the median dwell of the parcels
*cleared* that day, and the median age of the parcels *still in customs* at the end of the
day (known in real time; the statistic the service watches, ``domain/disruption.py``). A test
period of 120 days then has one backlog of ``extra`` working days on one destination; the
CUSUM (k = 0.5, h = 5) runs on each destination's days. Printed per backlog and statistic:
the detection delay on the backlogged lane (days from the backlog's first day to the alarm)
and the false alarms on the other lanes (per 100 lane-days).
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from crosstrack.domain.disruption import (
    CUSTOMS_ENTRY,
    CustomsStay,
    cusum_disruptions,
    daily_customs_age,
    reference_level,
)
from crosstrack.domain.vocabulary import Milestone
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimParcel
from crosstrack.sim.problems import CustomsBacklog

Series = dict[str, list[tuple[date, float]]]


def customs_stays(parcels: list[SimParcel]) -> list[CustomsStay]:
    """The wait for import customs of each parcel that was released (as the service reads
    it from a timeline: from arrival in the country to the release)."""
    stays = []
    for parcel in parcels:
        entered = next((e.at for e in parcel.events if e.milestone in CUSTOMS_ENTRY), None)
        released = next(
            (e.at for e in parcel.events if e.milestone is Milestone.CUSTOMS_RELEASED), None
        )
        if entered and released and released >= entered:
            stays.append(CustomsStay(parcel.lane.destination, entered, released))
    return stays


def daily_cleared(stays: list[CustomsStay], first: date, last: date) -> Series:
    """Per destination, (day, median hours in customs) of the parcels cleared that day."""
    by_day: dict[tuple[str, date], list[float]] = defaultdict(list)
    for stay in stays:
        if stay.released is not None and first <= stay.released.date() <= last:
            hours = (stay.released - stay.entered).total_seconds() / 3600
            by_day[(stay.destination, stay.released.date())].append(hours)
    out: Series = defaultdict(list)
    for (lane, day), values in sorted(by_day.items()):
        if len(values) >= 5:
            out[lane].append((day, statistics.median(values)))
    return out


def daily(stays: list[CustomsStay], first: date, last: date, kind: str) -> Series:
    if kind == "cleared":
        return daily_cleared(stays, first, last)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return daily_customs_age(stays, first, last, now=end)


def evaluate(extra: float, history: list[SimParcel], start: datetime) -> None:
    backlog = CustomsBacklog("FR", date(2026, 5, 1), date(2026, 5, 14), extra)
    test = generate(32, 10000, start=start, end=start + timedelta(days=120), backlogs=(backlog,))
    first, last = start.date() + timedelta(days=20), start.date() + timedelta(days=110)
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
            level = reference_level([v for _, v in base.get(lane, [])])
            if level is None:
                continue
            normal, spread = level
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
        print(
            f"| +{extra:g} | {kind} | {shown} | {rate:.2f} ({false_alarms} in {lane_days}) "
            f"| {len(now)} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra-days", type=float, nargs="+", default=[2.0, 4.0])
    args = parser.parse_args()
    start = datetime(2026, 3, 1, tzinfo=UTC)
    history = generate(31, 12000, start=start - timedelta(days=150), end=start, backlogs=())
    print("backlog: FR 2026-05-01..2026-05-14, extra working days as below")
    print(
        "| backlog (working days) | statistic | delay on the backlogged lane (days) "
        "| false alarms / 100 lane-days | lanes |"
    )
    print("|---|---|---:|---:|---:|")
    for extra in args.extra_days:
        evaluate(extra, history, start)


if __name__ == "__main__":
    main()
