"""How many live simulated shipments the demo's service keeps up with on this machine.

For each size, in one process like ``crosstrack demo``: the simulator on loopback at 3,600x
(a simulated day every 24 s), SQLite, the real connectors (17TRACK, UPS, DHL, Cainiao formats)
and poller in a thread, and the simulator's signed pushes delivered to the webhook intake
(in process: the HTTP hop is measured by bench_carriers_http.py). After 30 real seconds it
prints the events stored per second end to end and how far the service is behind: the share of
the events the simulated carriers had made visible that are not stored yet. All synthetic.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta

from crosstrack import bootstrap
from crosstrack.config import load_settings
from crosstrack.sim.demo import DIRECT, register_parcel
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimClock
from crosstrack.sim.server import SimServer
from crosstrack.sim.webhooks import WebhookPusher, post_in_process
from crosstrack.sim.world import SimWorld
from crosstrack.storage.migrate import upgrade
from crosstrack.workers.poller import run_poller

SECONDS = 30.0
SPEED = 3600.0


def run(size: int) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    world = SimWorld(SimClock(sim_start=now, real_start=time.monotonic(), speed=SPEED))
    parcels = generate(11, size, start=now - timedelta(days=10), end=now + timedelta(days=1))
    world.add(parcels)
    with SimServer(world) as server:
        credentials = server.carrier_credentials()
        settings = load_settings(
            database_url=f"sqlite:///{tempfile.mkdtemp()}/demo.db",
            carrier_credentials={slug: credentials[slug] for slug in (*DIRECT, "17track")},
            carrier_base_urls=server.carrier_base_urls(),
            poll_fallback="17track",
        )
        engine = bootstrap.build_engine(settings)
        upgrade(engine)
        connectors = bootstrap.build_connectors(settings)
        services = bootstrap.build_services(
            settings, engine=engine, clock=world.now, connectors=connectors
        )
        merchant = services.accounts.create_merchant("Bench")
        for parcel in parcels:
            register_parcel(services, merchant.id, parcel)

        stop = threading.Event()
        poller = threading.Thread(
            target=run_poller,
            args=(services, bootstrap.polling_connectors(settings, connectors)),
            kwargs={"interval": 1.0, "stop_event": stop},
            daemon=True,
        )
        pusher = WebhookPusher(
            world,
            "http://sim/hooks",
            carriers=("17track", "cainiao"),
            post=post_in_process(services.webhooks),
            backlog=True,
        )
        started = time.monotonic()
        poller.start()
        pusher.start(interval=1.0)
        time.sleep(SECONDS)
        end = world.now()
        elapsed = time.monotonic() - started
        pusher.stop()
        stop.set()
        poller.join(timeout=120)
        with services.uow() as uow:
            shipments = uow.shipments.list(merchant.id, _all(), limit=size + 1).items
            histories = uow.events.for_shipments([(merchant.id, s.id) for s in shipments])
    stored = sum(len(events) for events in histories.values())
    latest = {s.order_ref: s.state.last_event_at for s in shipments}
    current = 0
    for parcel in parcels:
        seen = parcel.events_until(end)
        last = latest.get(f"SIM-{parcel.id}")
        current += not seen or (last is not None and last >= seen[-1].at - timedelta(hours=6))
    print(
        f"{size:>5} live shipments: {stored / elapsed:,.0f} events/s stored; "
        f"{current / size:.0%} up to date (latest scan stored, within 6 simulated hours) "
        f"after {elapsed:.0f} s = {elapsed * SPEED / 86400:.1f} simulated days"
    )


def _all():  # type: ignore[no-untyped-def]
    from crosstrack.services.records import ShipmentFilter

    return ShipmentFilter()


def main(argv: list[str]) -> int:
    for size in [int(a) for a in argv[1:]] or [300, 1000, 3000]:
        run(size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
