"""Ingestion throughput into storage, events per second, end to end on one core.

The input is the dev set (or a built-in sample) spread over 5,000 shipments, ten events each,
arriving in batches of 200 shipments (2,000 events). Per batch: normalize every raw event;
then one unit of work that, per shipment, locks it (``get(for_update=True)``), reads its
fingerprints, saves its new state and queues an outbox message, stores the batch's new events
with one ``add_many``, and commits. Three passes: new events with the normalizer's caches
cold, new events with them warm, and a replay of the second input (every event a duplicate,
nothing stored). SQLite by default (a temporary file); pass a PostgreSQL URL as the first
argument to measure it instead (an empty database).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.domain.model import RawEvent
from crosstrack.domain.normalize import EventNormalizer, raw_event_from_mapping
from crosstrack.domain.shipment import Shipment, ShipmentLeg, ShipmentState
from crosstrack.services.records import EventSource, Merchant, OutboxMessage, StoredEvent, Topic
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev.jsonl"
SHIPMENTS = 5_000
PER_SHIPMENT = 10
PER_BATCH = 200
TARGET = 10_000
T0 = datetime(2026, 1, 5, tzinfo=UTC)
SAMPLE = [
    {"carrier": "fedex", "raw_status_code": "DL", "description": "Delivered",
     "location": "MEMPHIS, TN, 38118, US", "timestamp": "2024-04-25T11:26:00-07:00"},
    {"carrier": "usps", "raw_status_code": "OF", "description": "Out for Delivery",
     "location": "HANNA CITY, IL, 61536", "timestamp": "April 28, 2015 8:29 am"},
]  # fmt: skip


def _raw_events() -> list[RawEvent]:
    lines = DEV.read_text(encoding="utf-8").splitlines() if DEV.exists() else []
    rows = [json.loads(x) for x in lines if x] or SAMPLE
    events = [raw_event_from_mapping(r) for r in rows]
    return [events[i % len(events)] for i in range(SHIPMENTS * PER_SHIPMENT)]


def _fingerprint(shipment_id: str, index: int, raw: RawEvent, salt: str) -> str:
    text = f"{salt}|{shipment_id}|{index}|{raw.raw_status_code}|{raw.description}|{raw.timestamp}"
    return hashlib.sha256(text.encode()).hexdigest()


def _seed(url: str) -> None:
    uow_factory = unit_of_work_factory(create_engine_for(url))
    with uow_factory() as uow:
        uow.merchants.add(Merchant("m-1", "Bench", T0))
        for n in range(SHIPMENTS):
            leg = ShipmentLeg(f"l-{n}", "usps", f"9400{n:018d}", 0)
            uow.shipments.add(Shipment(f"s-{n}", "m-1", f"O-{n}", (leg,), T0, T0))
        uow.commit()


def _batch(
    normalizer: EventNormalizer, raws: list[RawEvent], first: int, run: str
) -> dict[str, list[StoredEvent]]:
    by_shipment: dict[str, list[StoredEvent]] = {}
    for n in range(first, min(first + PER_BATCH, SHIPMENTS)):
        shipment_id = f"s-{n}"
        by_shipment[shipment_id] = [
            StoredEvent(
                id=f"{run}-e-{i}",
                merchant_id="m-1",
                shipment_id=shipment_id,
                leg_id=f"l-{n}",
                fingerprint=_fingerprint(shipment_id, i, raws[i], run.split("-")[0]),
                source=EventSource.POLL,
                received_at=T0 + timedelta(seconds=i),
                event=normalizer.normalize(raws[i]),
            )
            for i in range(n * PER_SHIPMENT, (n + 1) * PER_SHIPMENT)
        ]
    return by_shipment


def _ingest(
    url: str, normalizer: EventNormalizer, raws: list[RawEvent], run: str
) -> tuple[float, int]:
    engine = create_engine_for(url)
    uow_factory = unit_of_work_factory(engine)
    started = time.perf_counter()
    stored_total = 0
    for first in range(0, SHIPMENTS, PER_BATCH):
        by_shipment = _batch(normalizer, raws, first, run)
        with uow_factory() as uow:
            new: list[StoredEvent] = []
            messages: list[OutboxMessage] = []
            for shipment_id, events in by_shipment.items():
                shipment = uow.shipments.get("m-1", shipment_id, for_update=True)
                assert shipment is not None
                known = uow.events.fingerprints("m-1", shipment_id)
                new.extend(e for e in events if e.fingerprint not in known)
                state = ShipmentState(event_count=len(events), last_event_at=T0)
                uow.shipments.save_state("m-1", shipment_id, state, T0)
                key = f"{run}-{shipment_id}"
                messages.append(
                    OutboxMessage(key, "m-1", shipment_id, Topic.STATUS_CHANGED, {}, key, T0)
                )
            stored_total += uow.events.add_many(new)
            uow.outbox.add_many(messages)
            uow.commit()
    elapsed = time.perf_counter() - started
    engine.dispose()
    return len(raws) / elapsed, stored_total


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        _seed(url)
        raws = _raw_events()
        normalizer = build_normalizer()
        normalizer.normalize(raws[0])  # load the gazetteer outside the timings
        batch = PER_BATCH * PER_SHIPMENT
        print(f"storage: {url.split('://')[0]}; {len(raws):,} events, batches of {batch:,}")
        for run, label in (
            ("a-cold", "new events, cold caches"),
            ("b-warm", "new events, warm caches"),
            ("b-replay", "the same input again (nothing stored), warm caches"),
        ):
            rate, stored = _ingest(url, normalizer, raws, run)
            print(f"{rate:8,.0f} events/s end to end: {label} ({stored:,} stored)")
        print(f"  target >= {TARGET:,} events/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
