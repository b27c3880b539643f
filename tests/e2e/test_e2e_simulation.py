"""A short simulated period through the real service: the simulator's carrier APIs on
loopback, the real connectors and poller, signed pushes through the webhook intake, SQLite.
The resulting timelines are checked against the simulator's ground truth."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.carriers.connectors import build_connectors
from crosstrack.config import load_settings
from crosstrack.domain.vocabulary import Status
from crosstrack.sim.demo import DIRECT, register_parcel
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimClock
from crosstrack.sim.server import SimServer
from crosstrack.sim.webhooks import WebhookPusher, post_in_process
from crosstrack.sim.world import SimWorld
from crosstrack.storage.migrate import upgrade
from crosstrack.workers.poller import build_poller

START = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
STEPS = 4 * 45


def test_a_simulated_month_through_the_real_service_matches_the_ground_truth(
    tmp_path: Path,
) -> None:
    world = SimWorld(SimClock(sim_start=START, real_start=0.0, speed=0.0), real_clock=lambda: 0.0)
    parcels = generate(7, 40, start=START, end=START + timedelta(days=3), backlogs=())
    world.add(parcels)
    with SimServer(world, sleep=lambda _: None) as server:
        credentials = server.carrier_credentials()
        settings = load_settings(
            database_url=f"sqlite:///{tmp_path / 'sim.db'}",
            carrier_credentials={slug: credentials[slug] for slug in (*DIRECT, "17track")},
            carrier_base_urls=server.carrier_base_urls(),
            poll_fallback="17track",
        )
        engine = bootstrap.build_engine(settings)
        upgrade(engine)
        # The simulated carriers answer at once: no need to wait out their rate limits.
        connectors = build_connectors(
            {slug: credentials[slug] for slug in (*DIRECT, "17track")},
            server.carrier_base_urls(),
            sleep=lambda _: None,
        )
        services = bootstrap.build_services(
            settings, engine=engine, clock=world.now, connectors=connectors
        )
        merchant = services.accounts.create_merchant("Sim Shop")
        shipments = {p.id: register_parcel(services, merchant.id, p) for p in parcels}

        pusher = WebhookPusher(
            world,
            "http://sim/hooks",
            carriers=("17track", "cainiao"),
            post=post_in_process(services.webhooks),
        )
        poller = build_poller(services, bootstrap.polling_connectors(settings, connectors))
        for _ in range(STEPS):  # 45 simulated days, a step every 6 hours
            world.advance(timedelta(hours=6))
            poller.run_once()
            pusher.pump()

    end = world.now()
    right = Counter[str]()
    for parcel in parcels:
        visible = parcel.events_until(end)
        view = services.queries.shipment(merchant.id, shipments[parcel.id])
        truth = visible[-1].status if visible else Status.PENDING
        right["status"] += view.shipment.state.status is truth or (
            truth is Status.IN_TRANSIT and view.shipment.state.status is Status.EXPIRED
        )
        right["complete"] += len(view.timeline.events) >= len(visible) - 1
        right["delivered_known"] += (parcel.delivered_at is None) == (
            view.shipment.state.delivered_at is None
        )
    assert right["status"] >= 0.9 * len(parcels), right
    assert right["complete"] >= 0.9 * len(parcels), right
    assert right["delivered_known"] >= 0.9 * len(parcels), right
    delivered = sum(1 for p in parcels if p.delivered_at is not None and p.delivered_at <= end)
    assert delivered >= 30  # the month is long enough for most journeys to finish
