"""How long the sweep's history jobs take: the lane norms and the lane watch.

    python bench/bench_lanes.py [SHIPMENTS]

Both read every stored shipment of the last months with its events and rebuild its timeline
(``services/histories.py``), once a day (norms) and every 6 hours (lane watch). The database
is a temporary SQLite file with SHIPMENTS parcels (default 3,000) through customs in five
destinations over 120 days, four events each, ingested through the real services.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crosstrack.bootstrap import build_detector, build_normalizer, new_id
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.sim.tracking_numbers import s10_numbered
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
PLACES = {"FR": "Paris", "DE": "Berlin", "ES": "Madrid", "IT": "Rome", "NL": "Amsterdam"}
STEPS = (
    ("Customs clearance in progress", timedelta(0)),
    ("Released from customs", timedelta(hours=30)),
    ("Out for delivery", timedelta(hours=50)),
    ("Delivered", timedelta(hours=54)),
)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine_for(f"sqlite:///{Path(folder) / 'lanes.db'}")
        upgrade(engine)
        services = Services.build(
            uow=unit_of_work_factory(engine),
            normalizer=build_normalizer(),
            detector=build_detector(),
            carriers=carrier_directory(),
            clock=lambda: NOW,
            ids=new_id,
        )
        merchant = services.accounts.create_merchant("Bench")
        started = time.perf_counter()
        batch: list[IncomingEvent] = []
        for n in range(count):
            country = list(PLACES)[n % len(PLACES)]
            number = s10_numbered("RB", n + 1, "GB")
            services.registrar.register(
                RegisterShipment(
                    merchant.id,
                    f"SO-{n}",
                    (NumberInput(number, "royal-mail"),),
                    origin=Endpoint("GB"),
                    destination=Endpoint(country),
                )
            )
            arrived = NOW - timedelta(days=120) + timedelta(days=120 * n / count)
            for text, after in STEPS:
                if arrived + after <= NOW:
                    raw = RawEvent(
                        description=text,
                        carrier="royal-mail",
                        location=f"{PLACES[country]}, {country}",
                        timestamp=(arrived + after).isoformat(),
                        tracking_number=number,
                    )
                    batch.append(IncomingEvent(raw, EventSource.POLL))
            if len(batch) >= 2_000:
                services.ingestor.ingest(batch)
                batch = []
        services.ingestor.ingest(batch)
        print(f"setup: {count} shipments in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        norms = services.refresh_norms()
        elapsed = time.perf_counter() - started
        print(
            f"lane norms: {elapsed:.2f} s for {norms.shipments} shipments "
            f"({1000 * elapsed / max(1, norms.shipments):.2f} ms each), "
            f"{norms.norms} P95s in {norms.scopes} scopes"
        )
        started = time.perf_counter()
        watch = services.lane_watch.run()
        elapsed = time.perf_counter() - started
        print(
            f"lane watch: {elapsed:.2f} s, {watch.destinations} destinations judged, "
            f"{watch.raised} disruptions raised (none expected: no backlog)"
        )


if __name__ == "__main__":
    main()
