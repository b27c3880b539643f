"""Evaluate the time-based alerts against the two rule baselines on simulated parcels.

    python bench/eval_alerts.py [--parcels N]

Synthetic data only (the simulator, with a lane-wide customs backlog injected). An ETA model
and the lanes' norms (P95 dwell and gaps per milestone) are learnt from an earlier simulated
history; then each test parcel is replayed every 6 simulated hours from its first scan until
it is delivered or its promised day has passed by 5 days, with the events known at each
moment (their true status, milestone and reason: this evaluates the detector, not the
normalizer).

A parcel is **in trouble** when it is delivered after its promised day or never delivered.
Only alerts raised before the promised day ended count (after it, the buyer knows); an alert
is a true positive when its parcel is in trouble; lead time is the end of the promised day
minus the moment the alert was first raised. Rules: **R1** no scan for 5 business days (all
lanes are international); **R2** dwell at the current milestone above the lane's P95. Ours:
``late_risk`` at several probability thresholds, and every time-based kind together at the
default threshold.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from crosstrack import bootstrap
from crosstrack.domain.alerts import (
    AlertContext,
    AlertKind,
    LaneNorms,
    business_days_between,
    detect_alerts,
)
from crosstrack.domain.eta import ETA_MILESTONES, EtaQuery
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.timeline import build_timeline
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.eta.live import ModelEtaEstimator
from crosstrack.eta.model import train
from crosstrack.eta.store import ModelStore, save_model
from crosstrack.sim.eta_history import eta_records
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimEvent, SimParcel
from crosstrack.sim.problems import CustomsBacklog

STEP = timedelta(hours=6)
TIME_KINDS = (
    AlertKind.STALLED,
    AlertKind.CUSTOMS_DWELL,
    AlertKind.LATE_RISK,
    AlertKind.NO_FIRST_SCAN,
)
THRESHOLDS = (0.3, 0.5, 0.7, 0.85)


def normalized(event: SimEvent) -> NormalizedEvent:
    return NormalizedEvent(
        raw=RawEvent(
            event.description,
            carrier=event.carrier,
            tracking_number=event.tracking_number,
            timestamp=event.at.isoformat(),
        ),
        status=event.status,
        milestone=event.milestone,
        reason=event.reason,
        confidence=1.0,
        location=Location(country=event.country),
        occurred_at=event.at,
        utc_offset_minutes=event.utc_offset_minutes,
        time_basis=TimeBasis.OFFSET_GIVEN,
        carrier=event.carrier,
    )


def lane_norms(history: list[SimParcel]) -> dict[tuple[str, str], LaneNorms]:
    """P95 of the dwell at each milestone and of the gap after each, per (destination, service)."""
    dwell: dict[tuple[str, str], dict[Milestone, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    gaps: dict[tuple[str, str], dict[Milestone, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for parcel in history:
        key = (parcel.lane.destination, parcel.lane.service)
        events = [e for e in parcel.events if e.milestone is not Milestone.NONE]
        for one, two in itertools.pairwise(events):
            seconds = (two.at - one.at).total_seconds()
            gaps[key][one.milestone].append(seconds)
            if two.milestone is not one.milestone:
                dwell[key][one.milestone].append(seconds)
    out = {}
    for key in set(dwell) | set(gaps):
        out[key] = LaneNorms(
            dwell_p95={
                m: timedelta(seconds=float(np.quantile(v, 0.95)))
                for m, v in dwell[key].items()
                if len(v) >= 30
            },
            gap_p95={
                m: timedelta(seconds=float(np.quantile(v, 0.95)))
                for m, v in gaps[key].items()
                if len(v) >= 30
            },
        )
    return out


@dataclass
class Replay:
    trouble: bool
    promise_end: datetime
    first: dict[str, datetime] = field(default_factory=dict)
    p_late: list[tuple[datetime, float]] = field(default_factory=list)


def replay(parcel: SimParcel, estimator: ModelEtaEstimator, norms: LaneNorms) -> Replay:
    assert parcel.promised_date is not None
    zone = bootstrap.build_zone_lookup()(parcel.lane.destination, "")
    day = parcel.promised_date
    promise_end = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(days=1)
    delivered = parcel.delivered_at
    trouble = delivered is None or delivered >= promise_end
    result = Replay(trouble, promise_end)
    start = parcel.events[0].at
    stop = min(delivered or promise_end + timedelta(days=5), promise_end + timedelta(days=5))
    service = {"postal": "postal", "express": "express"}.get(parcel.lane.service, "")
    t = start
    while t < stop:
        known = [normalized(e) for e in parcel.events_until(t)]
        timeline = build_timeline(known, now=t)
        reached: dict[Milestone, datetime] = {}
        for entry in timeline.events:
            m = entry.event.milestone
            if m in ETA_MILESTONES and entry.event.occurred_at and m not in reached:
                reached[m] = entry.event.occurred_at
        query = EtaQuery(
            origin_country=parcel.lane.origin,
            destination_country=parcel.lane.destination,
            created_at=start,
            carrier=parcel.legs[0].carrier,
            promised_on=parcel.promised_date,
            reached=reached,
            last_event_at=timeline.last_event_at,
        )
        eta = estimator.estimate(query, t)
        if eta is not None and eta.p_on_time is not None:
            result.p_late.append((t, 1.0 - eta.p_on_time))
        context = AlertContext(
            created_at=start,
            now=t,
            international=True,
            service_class=service,
            promised_on=parcel.promised_date,
            eta=eta,
            norms=norms,
        )
        for alert in detect_alerts(timeline, context):
            if alert.kind in TIME_KINDS:
                result.first.setdefault("ours:" + alert.kind.value, t)
                result.first.setdefault("ours:any", t)
        events = [e for e in timeline.events if e.event.occurred_at]
        if events and timeline.status not in (Status.DELIVERED, Status.RETURNED):
            last = max(e.event.occurred_at for e in events if e.event.occurred_at)
            if business_days_between(last, t) >= 5:
                result.first.setdefault("R1", t)
            milestone = timeline.milestone
            normal = norms.dwell_p95.get(milestone)
            since = next(
                (e.event.occurred_at for e in events if e.event.milestone is milestone), None
            )
            if normal is not None and since is not None and t - since > normal:
                result.first.setdefault("R2", t)
        t += STEP
    return result


def score(name: str, replays: list[Replay], first_of) -> str:  # type: ignore[no-untyped-def]
    """Alerts count only when raised before the promised day ended: after it, the buyer knows."""
    alerted = [(r, first_of(r)) for r in replays]
    alerted = [(r, at) for r, at in alerted if at is not None and at < r.promise_end]
    troubled = sum(r.trouble for r in replays)
    tp = [(r, at) for r, at in alerted if r.trouble]
    precision = len(tp) / len(alerted) if alerted else float("nan")
    recall = len(tp) / troubled if troubled else float("nan")
    leads = [(r.promise_end - at).total_seconds() / 3600 for r, at in tp]
    lead = statistics.median(leads) if leads else float("nan")
    return f"| {name} | {len(alerted)} | {precision:.2f} | {recall:.2f} | {lead:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parcels", type=int, default=1500)
    args = parser.parse_args()
    zone_of = bootstrap.build_zone_lookup()
    test_start = datetime(2026, 3, 2, tzinfo=UTC)
    history = generate(
        21,
        8000,
        start=test_start - timedelta(days=330),
        end=test_start - timedelta(days=40),
        backlogs=(),
    )
    model = train(eta_records(history, zone_of))
    norms = lane_norms(history)
    backlog = CustomsBacklog("FR", date(2026, 3, 20), date(2026, 4, 2), 4.0)
    test = generate(
        22, args.parcels, start=test_start, end=test_start + timedelta(days=45), backlogs=(backlog,)
    )
    with tempfile.TemporaryDirectory() as directory:
        save_model(model, directory)
        estimator = ModelEtaEstimator(ModelStore(directory), zone_of)
        replays = [
            replay(p, estimator, norms.get((p.lane.destination, p.lane.service), LaneNorms()))
            for p in test
            if p.promised_date and p.events
        ]
    troubled = sum(r.trouble for r in replays)
    print(f"{len(replays)} simulated parcels, {troubled} in trouble (late or never delivered)")
    print("| alerts on | parcels alerted | precision | recall | median lead (h) |")
    print("|---|---:|---:|---:|---:|")
    print(score("R1: no scan for 5 business days", replays, lambda r: r.first.get("R1")))
    print(score("R2: dwell above the lane's P95", replays, lambda r: r.first.get("R2")))
    for threshold in THRESHOLDS:
        print(
            score(
                f"late_risk, P(late) >= {threshold}",
                replays,
                lambda r, th=threshold: next((t for t, p in r.p_late if p >= th), None),
            )
        )
    for kind in ("stalled", "customs_dwell", "no_first_scan"):
        print(score(f"{kind} (defaults)", replays, lambda r, k=kind: r.first.get("ours:" + k)))
    print(score("all time-based kinds (defaults)", replays, lambda r: r.first.get("ours:any")))


if __name__ == "__main__":
    main()
