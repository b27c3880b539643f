"""Merchant analytics at scale: a merchant with 1,000,000 shipments (and a second one with 50,000
to prove filtering by tenant), on SQLite and, when given, PostgreSQL.

    python bench/bench_analytics.py [--postgres URL] [--sample N] [--shipments N]

(``CROSSTRACK_TEST_POSTGRES_URL`` works like ``--postgres``.) What it does, all synthetic:

1. **Facts of a sample**: 20,000 parcels from ``sim.journeys.generate`` (one year of
   shipping), each turned into facts the way the service does: its scans as the carriers
   report them through the real normalizer, its timeline (``build_timeline``), its state
   (``state_from_timeline``), and the real fact extractor (``extract_facts``) with the public
   holiday calendar. The first estimate after pick-up is synthetic (no model here): a P90 of
   the lane's promise less a day. The cost per shipment of each step is printed, to
   extrapolate what facts add to real ingestion.
2. **Replication** (not ingestion: 15 million scans through the whole pipeline would take
   hours here): the sample's facts are copied with new ids to 1,000,000 rows, shifted to one
   of two years and by -3..+3 days, their transit times jittered by up to +-12 hours and their
   clearance times by up to +-3 hours (so the rollups hold as many distinct buckets as real
   data would); days, weeks, seasons, holidays and on-time flags are worked out again for the
   new dates. The shipments' rows are bulk-inserted; the facts go through the real repository
   (``SqlAnalyticsRepository.put_facts``), 10,000 per transaction.
3. **Refresh**: every stale week rebuilt (the full build), then 1,000 recent shipments changed
   and only their weeks rebuilt (the incremental refresh).
4. **Views**: each of the seven, unfiltered and filtered (destination US, service postal, the
   last 26 weeks), cold (a new engine) and warm (the median of 5 runs), through the real
   service (``Analytics``). Both databases must give identical reports.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, make_url, text

from crosstrack import bootstrap
from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.domain.analytics_calendar import season_of
from crosstrack.domain.eta import DeliveryEstimate, EtaBasis
from crosstrack.domain.shipment import Endpoint, Shipment, ShipmentLeg
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts, extract_facts
from crosstrack.domain.timeline import build_timeline
from crosstrack.services.analytics import Analytics, View
from crosstrack.services.analytics_calendar import PublicHolidays
from crosstrack.services.changes import state_from_timeline
from crosstrack.sim.catalog import items_for
from crosstrack.sim.demo_history import raw_event
from crosstrack.sim.journeys import PROMISE_DAYS, generate
from crosstrack.sim.model import SimParcel
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade
from crosstrack.storage.tables import merchants, shipments

START = datetime(2025, 1, 6, tzinfo=UTC)
END = datetime(2026, 1, 5, tzinfo=UTC)
NOW = END + timedelta(days=120)
MAIN, OTHER = "bench-a", "bench-b"
RUNS = 5
CHANGED = 1_000
CALENDAR = PublicHolidays()


# --- 1. facts of a sample, the way the service works them out --------------------------------


def _shipment(parcel: SimParcel) -> Shipment:
    first = parcel.legs[0]
    return Shipment(
        id=parcel.id,
        merchant_id=MAIN,
        order_ref=parcel.id,
        legs=(ShipmentLeg(f"{parcel.id}-0", first.carrier, first.tracking_number, 0),),
        created_at=parcel.shipped_at - timedelta(days=1),
        updated_at=NOW,
        origin=Endpoint(parcel.lane.origin),
        destination=Endpoint(parcel.lane.destination),
        promised_date=parcel.promised_date,
        service=parcel.lane.service,
        items=items_for(parcel),
    )


def sample_facts(count: int) -> tuple[list[ShipmentFacts], dict[str, float]]:
    """Facts of ``count`` simulated parcels, and the seconds spent per step."""
    started = time.perf_counter()
    parcels = generate(2026, count, start=START, end=END)
    spent = {"generate": time.perf_counter() - started, "normalize": 0.0}
    spent.update(timeline=0.0, extract=0.0)
    normalizer = bootstrap.build_normalizer()
    found = []
    for parcel in parcels:
        t0 = time.perf_counter()
        events = [normalizer.normalize(raw_event(e)) for e in parcel.events]
        t1 = time.perf_counter()
        timeline = build_timeline(events, now=NOW)
        state = state_from_timeline(timeline)
        t2 = time.perf_counter()
        p90 = parcel.shipped_at.date() + timedelta(days=PROMISE_DAYS[parcel.lane.service] - 1)
        estimate = DeliveryEstimate(
            p90, p90, p90, EtaBasis.MODEL, "bench", parcel.shipped_at + timedelta(hours=1)
        )
        facts = extract_facts(
            _shipment(parcel),
            replace(state, eta=estimate),
            timeline,
            now=NOW,
            calendar=CALENDAR,
        )
        t3 = time.perf_counter()
        spent["normalize"] += t1 - t0
        spent["timeline"] += t2 - t1
        spent["extract"] += t3 - t2
        found.append(facts)
    return found, spent


# --- 2. replication -----------------------------------------------------------------------


def _shifted(value: Any, by: timedelta) -> Any:
    return value + by if value is not None else None


def _judged(deadline: date | None, delivered_on: date | None, was: bool | None) -> bool | None:
    """On time again for the new dates (a parcel not delivered keeps its verdict)."""
    if deadline is None or was is None or delivered_on is None:
        return was
    return delivered_on <= deadline


def replicate(
    sample: list[ShipmentFacts], count: int, merchant_id: str, seed: int
) -> Iterator[ShipmentFacts]:
    """``count`` facts copied from the sample with new ids, dates and jittered durations."""
    rng = random.Random(seed)
    for i in range(count):
        base = sample[i % len(sample)]
        copy = i // len(sample)
        days = timedelta(weeks=52 * (copy % 2), days=rng.randint(-3, 3))
        transit = base.transit
        if transit is not None:
            transit = max(transit + timedelta(hours=rng.uniform(-12, 12)), timedelta(0))
        clearance = base.clearance
        if clearance is not None:
            clearance = max(clearance + timedelta(hours=rng.uniform(-3, 3)), timedelta(0))
        shipped_on = _shifted(base.shipped_on, days)
        shipped_at = _shifted(base.shipped_at, days)
        delivered_at = shipped_at + transit if shipped_at and transit is not None else None
        delivered_on = delivered_at.date() if delivered_at else None
        promised = _shifted(base.promised_date, days)
        eta_p90 = _shifted(base.eta_p90, days)

        holiday = None
        if base.destination and shipped_on and delivered_on:
            holiday = bool(CALENDAR.holidays(base.destination, shipped_on, delivered_on))
        yield replace(
            base,
            merchant_id=merchant_id,
            shipment_id=f"{merchant_id}-{i:07d}",
            shipped_at=shipped_at,
            shipped_on=shipped_on,
            delivered_at=delivered_at,
            delivered_on=delivered_on,
            transit=transit,
            promised_date=promised,
            on_time_promise=_judged(promised, delivered_on, base.on_time_promise),
            eta_p90=eta_p90,
            eta_made_at=_shifted(base.eta_made_at, days),
            on_time_eta=_judged(eta_p90, delivered_on, base.on_time_eta),
            customs_arrived_at=_shifted(base.customs_arrived_at, days),
            customs_released_at=_shifted(base.customs_released_at, days),
            clearance=clearance,
            season=season_of(shipped_on, base.origin, CALENDAR.chinese_new_year)
            if shipped_on
            else None,
            spans_holiday=holiday if base.outcome is Outcome.DELIVERED else None,
        )


def _shipment_row(facts: ShipmentFacts) -> dict[str, Any]:
    return {
        "id": facts.shipment_id,
        "merchant_id": facts.merchant_id,
        "order_ref": facts.shipment_id,
        "origin_country": facts.origin,
        "destination_country": facts.destination,
        "promised_date": facts.promised_date,
        "service": facts.service,
        "status": "delivered" if facts.outcome is Outcome.DELIVERED else "in_transit",
        "milestone": "none",
        "reason": "none",
        "created_at": NOW,
        "updated_at": NOW,
    }


def load(engine: Engine, sample: list[ShipmentFacts], counts: dict[str, int]) -> dict[str, float]:
    """Both merchants' shipments (bulk) and facts (through the repository)."""
    uow = unit_of_work_factory(engine)
    timings = {"shipments": 0.0, "facts": 0.0}
    with engine.begin() as connection:
        for merchant_id in counts:
            connection.execute(
                merchants.insert(), [{"id": merchant_id, "name": merchant_id, "created_at": NOW}]
            )
    for seed, (merchant_id, count) in enumerate(counts.items()):
        batch: list[ShipmentFacts] = []
        for facts in replicate(sample, count, merchant_id, seed):
            batch.append(facts)
            if len(batch) == 10_000:
                _store(engine, uow, batch, timings)
                batch = []
        if batch:
            _store(engine, uow, batch, timings)
    return timings


def _store(engine: Engine, uow: Any, batch: list[ShipmentFacts], timings: dict[str, float]) -> None:
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(shipments.insert(), [_shipment_row(f) for f in batch])
    middle = time.perf_counter()
    with uow() as work:
        work.analytics.put_facts(batch, NOW)
        work.commit()
    timings["shipments"] += middle - started
    timings["facts"] += time.perf_counter() - middle
    if engine.dialect.name == "postgresql":  # what autovacuum does, sooner: fresh statistics
        with engine.begin() as connection:
            connection.execute(text("ANALYZE shipments, shipment_facts, shipment_fact_tags"))


# --- 3 and 4. refresh and views ---------------------------------------------------------------


FILTERED = AnalyticsFilter(
    first_day=(END + timedelta(weeks=52 - 26)).date(),
    last_day=(END + timedelta(weeks=52)).date(),
    destination="US",
    service="postal",
)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def views(url: str, label: str) -> tuple[list[tuple[str, str, float, float]], dict[str, Any]]:
    """Each view cold (a new engine) and warm (median of RUNS), with and without filters."""
    rows = []
    reports: dict[str, Any] = {}
    for view in View:
        for name, filters in (("none", AnalyticsFilter()), ("US postal, 26 weeks", FILTERED)):
            engine = create_engine_for(url)
            analytics = Analytics(uow=unit_of_work_factory(engine), clock=lambda: NOW)
            started = time.perf_counter()
            reports[f"{view}/{name}"] = analytics.view(view, MAIN, filters)
            cold = time.perf_counter() - started
            warm = []
            for _ in range(RUNS):
                started = time.perf_counter()
                analytics.view(view, MAIN, filters)
                warm.append(time.perf_counter() - started)
            engine.dispose()
            rows.append((view.value, name, cold * 1000, _median_ms(warm)))
    return rows, reports


def run(
    url: str, label: str, sample: list[ShipmentFacts], counts: dict[str, int]
) -> dict[str, Any]:
    engine = create_engine_for(url)
    upgrade(engine)
    print(f"\n## {label}")
    loaded = load(engine, sample, counts)
    total = sum(counts.values())
    print(
        f"load {total:,} replicated shipments: rows {loaded['shipments']:.1f} s (bulk), "
        f"facts through the repository {loaded['facts']:.1f} s "
        f"({loaded['facts'] / total * 1e6:.0f} us per shipment)"
    )
    analytics = Analytics(uow=unit_of_work_factory(engine), clock=lambda: NOW)
    started = time.perf_counter()
    full = analytics.refresh()
    seconds = time.perf_counter() - started
    print(f"full refresh: {full.weeks} weeks of {full.merchants} merchants in {seconds:.1f} s")
    with unit_of_work_factory(engine)() as uow:
        ids = [f"{MAIN}-{i:07d}" for i in range(counts[MAIN] - len(sample), counts[MAIN])]
        recent = [
            f
            for f in uow.analytics.facts_for([(MAIN, i) for i in ids]).values()
            if f.shipped_on and f.shipped_on >= date(2026, 12, 1)
        ][:CHANGED]
    changed = [replace(f, outcome=Outcome.LOST, on_time_promise=False) for f in recent]
    started = time.perf_counter()
    with unit_of_work_factory(engine)() as uow:
        uow.analytics.put_facts(changed, NOW)
        uow.commit()
    written = time.perf_counter() - started
    started = time.perf_counter()
    incremental = analytics.refresh()
    print(
        f"incremental: {len(changed):,} changed shipments written in {written * 1000:.0f} ms, "
        f"{incremental.weeks} weeks rebuilt in {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    engine.dispose()
    rows, reports = views(url, label)
    print(f"\n| view | filter | cold ms | warm ms (median of {RUNS}) |\n|---|---|---:|---:|")
    for view, name, cold, warm in rows:
        print(f"| {view} | {name} | {cold:.0f} | {warm:.0f} |")
    warmest, coldest = max(r[3] for r in rows), max(r[2] for r in rows)
    print(f"slowest view: warm {warmest:.0f} ms, cold {coldest:.0f} ms")
    other = Analytics(uow=unit_of_work_factory(create_engine_for(url)), clock=lambda: NOW)
    shown = {m: other.exceptions(m, AnalyticsFilter()).overall.shipments for m in counts}
    print(f"tenancy: each merchant sums its own shipments only: {shown}")
    return reports


def _postgres(url: str) -> tuple[str, Engine, str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine_for(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False), admin, schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--postgres", metavar="URL", default=os.environ.get("CROSSTRACK_TEST_POSTGRES_URL")
    )
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--shipments", type=int, default=1_000_000)
    args = parser.parse_args()
    counts = {MAIN: args.shipments, OTHER: args.shipments // 20}
    print("# Merchant analytics (synthetic data: replicated simulated facts, see the docstring)")
    sample, spent = sample_facts(args.sample)
    per = {k: v / len(sample) * 1000 for k, v in spent.items()}
    print(
        f"sample: {len(sample):,} simulated parcels generated in {spent['generate']:.1f} s; "
        f"per shipment: normalize its scans {per['normalize']:.2f} ms, timeline and state "
        f"{per['timeline']:.2f} ms, extract facts {per['extract']:.3f} ms"
    )
    print(
        f"replicated to {counts[MAIN]:,} shipments of {MAIN} and {counts[OTHER]:,} of {OTHER}, "
        "over two years (ids new, dates shifted, durations jittered)"
    )
    with tempfile.TemporaryDirectory() as folder:
        sqlite = run(f"sqlite:///{folder}/analytics.db", "SQLite", sample, counts)
    if args.postgres:
        url, admin, schema = _postgres(args.postgres)
        try:
            postgres = run(url, "PostgreSQL", sample, counts)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
        same = sqlite == postgres
        print(f"\nSQLite and PostgreSQL reports identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
