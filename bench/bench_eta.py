"""What predictions cost: batch throughput and the latency of one prediction at event time.

    python bench/bench_eta.py [--shipments N]

Trains on a simulated history (synthetic), then times (1) ``estimate`` on batches of open
shipments, in predictions per second, and (2) the service's ``ModelEtaEstimator.estimate`` one
shipment at a time, as ingestion calls it, in milliseconds (median and 95th percentile).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from crosstrack import bootstrap
from crosstrack.domain.eta import ETA_MILESTONES, EtaQuery
from crosstrack.eta.live import ModelEtaEstimator
from crosstrack.eta.model import train
from crosstrack.eta.predict import estimate
from crosstrack.eta.snapshots import snapshot_at
from crosstrack.eta.store import ModelStore, save_model
from crosstrack.sim.eta_history import eta_records
from crosstrack.sim.journeys import generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shipments", type=int, default=8000)
    args = parser.parse_args()
    end = datetime(2026, 9, 1, tzinfo=UTC)
    zone_of = bootstrap.build_zone_lookup()
    parcels = generate(5, args.shipments, start=end - timedelta(days=300), end=end)
    records = eta_records(parcels, zone_of)
    started = time.perf_counter()
    model = train(records)
    print(f"training: {len(records)} synthetic shipments in {time.perf_counter() - started:.1f} s")

    # Open shipments as of 10 days before their delivery (or mid-journey).
    open_snapshots = []
    for record in records:
        if record.delivered_at is None:
            continue
        as_of = max(record.created_at, record.delivered_at - timedelta(days=3))
        open_snapshots.append(snapshot_at(replace(record, delivered_at=None), as_of))
    batch = open_snapshots[:20000]
    estimate(model, batch[:100])  # warm the caches
    started = time.perf_counter()
    estimate(model, batch)
    seconds = time.perf_counter() - started
    print(f"batch: {len(batch)} predictions in {seconds:.2f} s = {len(batch) / seconds:,.0f}/s")

    with tempfile.TemporaryDirectory() as directory:
        save_model(model, directory)
        estimator = ModelEtaEstimator(ModelStore(directory), zone_of)
        latencies = []
        for snapshot in batch[:2000]:
            r = snapshot.record
            reached = {
                m: t
                for m, t in zip(ETA_MILESTONES, r.milestones, strict=True)
                if t is not None and t <= snapshot.as_of
            }
            query = EtaQuery(
                origin_country=r.origin_country,
                destination_country=r.destination_country,
                created_at=r.created_at,
                carrier=r.carrier,
                service=r.service,
                promised_on=r.promised_on,
                reached=reached,
                last_event_at=snapshot.last_scan_at,
            )
            started = time.perf_counter()
            found = estimator.estimate(query, snapshot.as_of)
            latencies.append((time.perf_counter() - started) * 1000)
            assert found is not None
    latencies.sort()
    p95 = latencies[int(0.95 * len(latencies))]
    print(
        f"single (ModelEtaEstimator.estimate, as at event time): median "
        f"{statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms over {len(latencies)} calls"
    )


if __name__ == "__main__":
    main()
