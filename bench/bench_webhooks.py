"""Webhook latency and fairness in the embedded mode (SQLite, the dispatcher in a thread).

    python bench/bench_webhooks.py

1. **Latency**: 100 times, one carrier event is ingested (a parcel delivered) and the time
   until the loopback receiver has the ``shipment.status_changed`` webhook is measured: the
   outbox write, the dispatcher noticing it (it looks every 0.25 s when idle), fan-out,
   signing and the HTTP request. Printed: p50, p95, max.
2. **A slow endpoint beside a fast one**: 200 messages each to an endpoint answering in
   0.5 s and to one answering at once. Printed: how long the fast one took to get all of its
   own, and the deliveries per second to each.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.config import Settings
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, OutboxMessage, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.sim.tracking_numbers import s10_numbered
from crosstrack.storage import upgrade
from crosstrack.testing.webhook_sink import WebhookSink
from crosstrack.workers.dispatcher import start_dispatcher


def _services(folder: str) -> tuple[Settings, Services]:
    settings = Settings(
        database_url=f"sqlite:///{Path(folder) / 'bench.db'}", webhook_allow_private=True
    )
    engine = bootstrap.build_engine(settings)
    upgrade(engine)
    return settings, bootstrap.build_services(settings, engine=engine, connectors={})


def latency(services: Services, settings: Settings) -> None:
    merchant = services.accounts.create_merchant("Latency")
    with WebhookSink() as sink:
        services.endpoints.create(merchant.id, sink.url, ["shipment.status_changed"])
        stop = threading.Event()
        thread = start_dispatcher(
            services, interval=settings.dispatch_interval_seconds, stop_event=stop
        )
        times = []
        for n in range(100):
            number = s10_numbered("RB", n + 1, "GB")
            services.registrar.register(
                RegisterShipment(
                    merchant.id,
                    f"L-{n}",
                    (NumberInput(number, "royal-mail"),),
                    origin=Endpoint("GB"),
                    destination=Endpoint("FR"),
                )
            )
            time.sleep(0.05)  # let registration's own message go by
            before = len(sink.received)
            raw = RawEvent(
                description="Delivered",
                carrier="royal-mail",
                location="Lyon, FR",
                timestamp=datetime.now(UTC).isoformat(),
                tracking_number=number,
            )
            started = time.monotonic()
            services.ingestor.ingest([IncomingEvent(raw, EventSource.WEBHOOK)])
            if not sink.wait_for(before + 1, timeout=10):
                raise SystemExit("a webhook did not arrive within 10 s")
            times.append(sink.received[-1].at - started)
        stop.set()
        thread.join(timeout=10)
    ordered = sorted(times)
    p95 = ordered[int(0.95 * len(ordered)) - 1]
    print(
        f"event ingested -> webhook received (n={len(times)}): "
        f"p50 {1000 * statistics.median(times):.0f} ms, p95 {1000 * p95:.0f} ms, "
        f"max {1000 * max(times):.0f} ms"
    )


def fairness(services: Services, settings: Settings) -> None:
    slow_shop = services.accounts.create_merchant("Slow")
    fast_shop = services.accounts.create_merchant("Fast")
    with WebhookSink(delay=0.5) as slow, WebhookSink() as fast:
        services.endpoints.create(slow_shop.id, slow.url, ["*"])
        services.endpoints.create(fast_shop.id, fast.url, ["*"])
        now = datetime.now(UTC)
        with services.uow() as uow:
            uow.outbox.add_many(
                [
                    OutboxMessage(
                        id=f"{shop.id}-{n}",
                        merchant_id=shop.id,
                        shipment_id=None,
                        topic=Topic.PING,
                        payload={"n": n},
                        idempotency_key=f"{shop.id}-{n}",
                        created_at=now,
                    )
                    for shop in (slow_shop, fast_shop)
                    for n in range(200)
                ]
            )
            uow.commit()
        stop = threading.Event()
        started = time.monotonic()
        thread = start_dispatcher(
            services, interval=settings.dispatch_interval_seconds, stop_event=stop
        )
        fast.wait_for(200, timeout=600)
        fast_done = time.monotonic() - started
        slow_count_then = len(slow.received)
        slow.wait_for(200, timeout=600)
        slow_done = time.monotonic() - started
        stop.set()
        thread.join(timeout=30)
    print(
        f"fast endpoint beside a 0.5 s one: all 200 in {fast_done:.1f} s "
        f"({200 / fast_done:.0f}/s; the slow one had {slow_count_then} by then); "
        f"slow endpoint: 200 in {slow_done:.1f} s ({200 / slow_done:.1f}/s)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings, services = _services(folder)
        latency(services, settings)
        fairness(services, settings)
        services.dispatcher.close()


if __name__ == "__main__":
    main()
