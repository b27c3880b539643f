"""Polling throughput: legs refreshed per minute, in process, against fake carrier connectors.

Every leg goes through the whole path a real poll takes except the network: the due query,
batching per carrier, the connector call (a fake answering at once with a realistic journey
in the carrier's kind of wording, up to how far the parcel has got), ingestion of every
answer (routing, fingerprints, normalization, timeline, state, outbox) in one transaction per
batch, and the plan and record of every leg's next poll. Three carriers with different batch
sizes; a tenth of the numbers are not known to the carrier yet.

Runs:

* **first**: every leg due, every event new;
* **steady**: a day later, every leg due again, each parcel one or two scans further (most of
  each answer is a replay ingestion skips).

SQLite (a temporary file) by default; pass a PostgreSQL URL to measure it instead (a fresh
schema, dropped afterwards). The loopback-server version (real HTTP) comes with the simulator.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, make_url, text

from crosstrack.bootstrap import build_detector, build_normalizer, new_id
from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import RawEvent
from crosstrack.services.facade import Services
from crosstrack.services.polling import Poller, PollerSettings
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade
from crosstrack.storage.tables import legs, merchants, shipments
from crosstrack.testing import FrozenClock

LEGS = 6_000
START = datetime(2026, 2, 2, 6, 0, tzinfo=UTC)
JOURNEY = [
    ("Shipping Label Created, USPS Awaiting Item", "SHENZHEN, CN"),
    ("Accepted at Origin Facility", "SHENZHEN, CN"),
    ("Processed Through Facility", "GUANGZHOU, CN"),
    ("Departed from export customs", "GUANGZHOU, CN"),
    ("Departed Origin Country", "HONG KONG, HK"),
    ("Arrived at destination country", "LOS ANGELES, CA, US"),
    ("Customs clearance completed", "LOS ANGELES, CA, US"),
    ("Arrived at USPS Regional Facility", "CHICAGO IL NETWORK DISTRIBUTION CENTER"),
    ("Out for Delivery", "CHICAGO, IL 60601"),
    ("Delivered, In/At Mailbox", "CHICAGO, IL 60601"),
]
CARRIERS = {"usps": 35, "dhl": 10, "ups": 40}
"""Carrier slug → batch size (each API's documented maximum order of magnitude)."""


class JourneyConnector:
    """A fake connector: each number is a parcel that has got ``day``-dependent far along."""

    requests_per_second = 1_000.0

    def __init__(self, slug: str, batch_size: int, clock: FrozenClock) -> None:
        self.slug = slug
        self.batch_size = batch_size
        self._clock = clock
        self.requests = 0

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        self.requests += 1
        return [self._answer(n) for n in tracking_numbers]

    def _answer(self, number: str) -> TrackingResult:
        seed = int(hashlib.sha256(number.encode()).hexdigest()[:8], 16)
        if seed % 10 == 0:
            return TrackingResult(number, Outcome.NOT_FOUND)
        days = (self._clock.now - START) // timedelta(days=1)
        reached = min(len(JOURNEY), 3 + seed % 4 + 2 * days)
        events = tuple(
            RawEvent(
                description=description,
                carrier=self.slug,
                location=place,
                timestamp=(
                    START - timedelta(days=3) + timedelta(hours=9 * i + seed % 7)
                ).isoformat(),
                tracking_number=number,
                raw_status_code=f"E{i:02d}",
            )
            for i, (description, place) in enumerate(JOURNEY[:reached])
        )
        return TrackingResult(number, Outcome.FOUND, events)


def _seed(engine: object, count: int) -> None:
    """Shipments with one leg each, written in bulk (registration has its own benchmark)."""
    slugs = list(CARRIERS)
    ship_rows, leg_rows = [], []
    for i in range(count):
        sid = f"s-{i:06d}"
        ship_rows.append(
            {
                "id": sid,
                "merchant_id": "m-bench",
                "order_ref": f"SO-{i}",
                "status": "pending",
                "milestone": "none",
                "reason": "none",
                "event_count": 0,
                "created_at": START,
                "updated_at": START,
            }
        )
        leg_rows.append(
            {
                "id": f"l-{i:06d}",
                "merchant_id": "m-bench",
                "shipment_id": sid,
                "carrier": slugs[i % len(slugs)],
                "tracking_number": f"LX{i:09d}CN",
                "position": 0,
                "carrier_detected": False,
                "next_poll_at": START,
                "consecutive_failures": 0,
            }
        )
    with engine.begin() as c:  # type: ignore[attr-defined]
        c.execute(insert(merchants), [{"id": "m-bench", "name": "Bench", "created_at": START}])
        c.execute(insert(shipments), ship_rows)
        c.execute(insert(legs), leg_rows)


def _database(argv: list[str]) -> tuple[str, str, object]:
    if len(argv) > 1:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine_for(argv[1])
        with admin.begin() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = make_url(argv[1]).update_query_dict({"options": f"-csearch_path={schema}"})
        return "postgresql", scoped.render_as_string(hide_password=False), (admin, schema)
    folder = tempfile.mkdtemp(prefix="crosstrack-bench-")
    return "sqlite", f"sqlite:///{folder}/bench.db", None


def main(argv: list[str]) -> int:
    kind, url, handle = _database(argv)
    engine = create_engine_for(url)
    upgrade(engine)
    _seed(engine, LEGS)
    clock = FrozenClock(START)
    services = Services.build(
        uow=unit_of_work_factory(engine),
        normalizer=build_normalizer(),
        detector=build_detector(),
        carriers=carrier_directory(),
        clock=clock,
        ids=new_id,
    )
    connectors = {slug: JourneyConnector(slug, size, clock) for slug, size in CARRIERS.items()}
    poller = Poller(
        uow=services.uow,
        ingestor=services.ingestor,
        connectors=connectors,
        clock=clock,
        ids=new_id,
        settings=PollerSettings(limit=LEGS),
    )
    build_normalizer().normalize(RawEvent("warm-up", location="Lyon, FR"))  # loads the gazetteer
    print(f"database: {kind}  ({os.cpu_count()} cores; one process, one thread; {LEGS} legs)")
    for name in ("first", "steady"):
        started = time.perf_counter()
        report = poller.run_once()
        elapsed = time.perf_counter() - started
        print(
            f"{name}: {report.polled / elapsed * 60:,.0f} legs refreshed per minute "
            f"({report.polled} legs, {report.requests} requests, "
            f"{report.events_received} events received, {report.events_stored} stored, "
            f"{elapsed:.1f} s)"
        )
        clock.advance(timedelta(days=1))
    if kind == "postgresql":
        admin, schema = handle  # type: ignore[misc]
        engine.dispose()
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
