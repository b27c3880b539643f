"""End-to-end ingestion throughput through the real services, and database size per event.

What one ingested event costs, all in: routing by tracking number, fingerprinting, the
normalizer, the shipment's merged timeline and state, the outbox, and the SQL writes, in one
transaction per batch. Paths measured:

* **batched**: 2,000 events per call (200 shipments x 10 events), as a poller or an import
  sends them;
* **single**: one event per call (one transaction each), as a carrier webhook sends them;
* **replay**: the batched input again (every event a duplicate: nothing stored).

SQLite (a temporary file) by default; pass a PostgreSQL URL to measure it instead (it must be an
empty database: the tables are created in a fresh schema that is dropped afterwards). The event
texts are the dev set's (../shared/data/events-dev.jsonl) or a built-in sample without it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import make_url, text

from crosstrack.bootstrap import build_detector, build_normalizer, new_id, utc_now
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import RawEvent
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev.jsonl"
SHIPMENTS = 2_000
PER_SHIPMENT = 10
PER_BATCH_SHIPMENTS = 200
SINGLE = 1_000
SAMPLE = [
    "Shipment information sent",
    "Picked up",
    "Arrived at sort facility",
    "Departed facility",
    "Customs clearance completed",
    "Out for delivery",
    "Delivered",
]


def _texts() -> list[str]:
    if DEV.exists():
        rows = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x]
        return [r["description"] for r in rows]
    return SAMPLE


def _events(numbers: list[str], texts: list[str], salt: str) -> list[IncomingEvent]:
    events = []
    for i, number in enumerate(numbers):
        for j in range(PER_SHIPMENT):
            raw = RawEvent(
                description=texts[(i * PER_SHIPMENT + j) % len(texts)],
                carrier="yanwen",
                location="Shenzhen, CN" if j < 5 else "Lyon, FR",
                timestamp=f"2026-01-{1 + j:02d}T{(i % 24):02d}:{salt}:00+08:00",
                tracking_number=number,
            )
            events.append(IncomingEvent(raw, EventSource.POLL))
    return events


def _database(argv: list[str]) -> tuple[str, str, object]:
    if len(argv) > 1:
        url = argv[1]
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine_for(url)
        with admin.begin() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        return "postgresql", scoped.render_as_string(hide_password=False), (admin, schema)
    folder = tempfile.mkdtemp(prefix="crosstrack-bench-")
    return "sqlite", f"sqlite:///{folder}/bench.db", Path(folder) / "bench.db"


def _size_bytes(kind: str, engine: object, handle: object) -> int:
    if kind == "sqlite":
        path = Path(str(handle))
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with engine.begin() as c:  # type: ignore[attr-defined]
        return int(
            c.execute(
                text(
                    "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                )
            ).scalar()
            or 0
        )


def main(argv: list[str]) -> int:
    kind, url, handle = _database(argv)
    engine = create_engine_for(url)
    upgrade(engine)
    services = Services.build(
        uow=unit_of_work_factory(engine),
        normalizer=build_normalizer(),
        detector=build_detector(),
        carriers=carrier_directory(),
        clock=utc_now,
        ids=new_id,
    )
    merchant = services.accounts.create_merchant("Bench")
    numbers = [f"UG{i:09d}CN" for i in range(SHIPMENTS)]
    started = time.perf_counter()
    for number in numbers:
        services.registrar.register(
            RegisterShipment(merchant.id, f"SO-{number}", (NumberInput(number, "yanwen"),))
        )
    registering = time.perf_counter() - started
    texts = _texts()
    build_normalizer().normalize(RawEvent("warm-up", location="Lyon, FR"))  # loads the gazetteer
    size_before = _size_bytes(kind, engine, handle)

    batch = _events(numbers, texts, "00")
    step = PER_BATCH_SHIPMENTS * PER_SHIPMENT
    started = time.perf_counter()
    stored = 0
    for i in range(0, len(batch), step):
        stored += services.ingestor.ingest(batch[i : i + step]).stored
    batched = time.perf_counter() - started

    started = time.perf_counter()
    duplicates = 0
    for i in range(0, len(batch), step):
        duplicates += services.ingestor.ingest(batch[i : i + step]).duplicates
    replay = time.perf_counter() - started

    singles = _events(numbers[: SINGLE // PER_SHIPMENT], texts, "30")
    started = time.perf_counter()
    for event in singles:
        stored += services.ingestor.ingest([event]).stored
    single = time.perf_counter() - started

    size = _size_bytes(kind, engine, handle) - size_before
    print(f"database: {kind}  ({os.cpu_count()} cores; one process, one thread)")
    print(f"registered {SHIPMENTS} shipments: {SHIPMENTS / registering:,.0f} shipments/s")
    print(
        f"batched ({step} events per call): {len(batch) / batched:,.0f} events/s "
        f"({len(batch)} events, {batched:.1f} s)"
    )
    print(
        f"replay of the batched input: {duplicates / replay:,.0f} events/s, "
        f"{duplicates} duplicates, nothing stored"
    )
    print(f"single event per call: {len(singles) / single:,.0f} events/s ({len(singles)} events)")
    print(
        f"stored events: {stored}; database growth {size / 1e6:.1f} MB "
        f"= {size / stored * 1e6 / 1e9:.2f} GB per million events (with shipments, outbox)"
    )
    if kind == "postgresql":
        admin, schema = handle  # type: ignore[misc]
        engine.dispose()
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
