"""The live demo: the service, the simulated carrier network and accelerated time, together.

Everything runs in one process on the embedded SQLite database: the simulator's carrier APIs
on a loopback port, crosstrack's services on *simulated* time (so polling plans, dwell times
and expiry follow the accelerated clock), the real connectors pointed at the simulator, the
poller in a thread, the simulator pushing signed webhooks to crosstrack's ``/hooks``, and the
HTTP API. All shipments are synthetic (``data_source=synthetic`` in the history file; the
merchant is called "Demo Shop (synthetic data)").
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.carriers.connector import CarrierConnector
from crosstrack.config import Settings, load_settings
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.services.errors import NotFound
from crosstrack.services.facade import Services
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.sim.catalog import items_for
from crosstrack.sim.demo_history import load_history
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimClock, SimParcel
from crosstrack.sim.server import SimServer
from crosstrack.sim.webhooks import WebhookPusher
from crosstrack.sim.world import SimWorld
from crosstrack.storage.migrate import upgrade
from crosstrack.testing.smtp_sink import SmtpSink
from crosstrack.testing.webhook_sink import WebhookSink
from crosstrack.workers.dispatcher import start_dispatcher
from crosstrack.workers.eta_refresher import start_eta_refresher
from crosstrack.workers.poller import run_poller

DEMO_MERCHANT = "Demo Shop (synthetic data)"
DEMO_LOCALES = {
    "FR": "fr-FR",
    "BE": "fr-BE",
    "DE": "de-DE",
    "AT": "de-AT",
    "ES": "es-ES",
    "MX": "es-MX",
    "BR": "pt-BR",
    "CN": "zh-CN",
}
"""The demo buyers' languages by destination (English elsewhere)."""
HISTORY_DAYS = 400
"""The past shipments were shipped over the 400 days to 45 days ago: a year and more, so that
analytics has a peak season and a Chinese New Year to compare."""
#: Carriers whose legs the demo polls through the simulator directly; every other carrier's
#: legs are polled through the simulated 17TRACK (the aggregator fallback).
DIRECT = ("ups", "dhl", "cainiao")


@dataclass(frozen=True, slots=True)
class DemoOptions:
    """What the demo runs with (``crosstrack demo`` flags)."""

    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    speed: float = 3600.0
    """Simulated seconds per real second (3600: one simulated hour a second)."""
    history: int = 2000
    """Past shipments loaded with every scan (for ETA training, lane norms and analytics)."""
    live: int = 300
    """Shipments moving now."""
    seed: int = 2026
    poll_interval: float = 1.0
    push_interval: float = 1.0


@dataclass
class DemoState:
    """What a started demo holds, to print and to stop."""

    settings: Settings
    services: Services
    world: SimWorld
    server: SimServer
    connectors: Mapping[str, CarrierConnector]
    api_key: str
    merchant_id: str
    shipments: list[str]
    history_rows: int
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    pusher: WebhookPusher | None = None
    smtp: SmtpSink | None = None
    hooks: WebhookSink | None = None

    @property
    def api_url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.port}"

    def tracking_pages(self) -> list[str]:
        """The buyers' tracking pages of the live shipments (``/t/{token}``)."""
        with self.services.uow() as uow:
            tokens = uow.tracking_links.for_shipments(self.merchant_id, self.shipments)
        return [f"{self.api_url}/t/{tokens[s]}" for s in self.shipments if s in tokens]

    def info(self) -> dict[str, object]:
        """``{"api_url", "api_key", "tracking_urls", "tracking_pages"}`` (``--info-file``)."""
        return {
            "api_url": self.api_url,
            "api_key": self.api_key,
            "tracking_urls": [f"{self.api_url}/v1/shipments/{s}" for s in self.shipments],
            "tracking_pages": self.tracking_pages(),
            "docs_url": f"{self.api_url}/docs",
            "data": "synthetic",
        }

    def close(self) -> None:
        """Stop the pusher, the poller and the simulator."""
        self.stop.set()
        if self.pusher is not None:
            self.pusher.stop()
        for thread in self.threads:
            thread.join(timeout=10)
        self.services.dispatcher.close()
        self.server.stop()
        for sink in (self.smtp, self.hooks):
            if sink is not None:
                sink.stop()


def start_demo(
    options: DemoOptions, *, say: Callable[[str], None] = print, background: bool = True
) -> DemoState:
    """Set everything up and, with ``background``, start the poller and the webhook pusher
    (the HTTP API is the caller's)."""
    real_now = datetime.now(UTC).replace(microsecond=0)
    world = SimWorld(SimClock(sim_start=real_now, real_start=time.monotonic(), speed=options.speed))
    live = generate(
        options.seed,
        options.live,
        start=real_now - timedelta(days=12),
        end=real_now + timedelta(days=2),
    )
    world.add(live)
    server = SimServer(world).start()
    smtp, hooks = SmtpSink().start(), WebhookSink().start()
    settings = _settings(options, server, smtp)
    engine = bootstrap.build_engine(settings)
    upgrade(engine)
    connectors = bootstrap.build_connectors(settings)
    services = bootstrap.build_services(
        settings, engine=engine, clock=world.now, connectors=connectors
    )
    merchant_id, key = _merchant(services)
    for endpoint in services.endpoints.all(merchant_id):  # a previous run's receiver is gone
        services.endpoints.delete(merchant_id, endpoint.id)
    services.endpoints.create(merchant_id, hooks.url, ["*"], description="the demo's receiver")
    history = generate(
        options.seed + 1,
        options.history,
        start=real_now - timedelta(days=HISTORY_DAYS),
        end=real_now - timedelta(days=45),
    )
    # The model first: history is loaded as it happened, estimated after each pick-up.
    trained = train_demo_model(history, settings)
    report = load_history(
        settings,
        merchant_id=merchant_id,
        parcels=history,
        now=real_now,
        connectors=connectors,
        register=register_history_parcel,
    )
    say(
        f"history: {report.rows} synthetic past shipments ({report.created} new), "
        f"{report.events_stored} events"
    )
    say(trained)
    norms = services.refresh_norms()
    say(
        f"lane norms: {norms.norms} P95s in {norms.scopes} scopes from {norms.shipments} "
        "past shipments (docs/alerts.md)"
    )
    rollups = services.analytics.refresh()
    say(
        f"analytics: {rollups.weeks} weeks of shipments summed (GET /v1/analytics/transit, "
        "on-time, customs, exceptions, seasonality, carriers, declarations; docs/analytics.md)"
    )
    shipments = [register_parcel(services, merchant_id, parcel) for parcel in live]
    say(
        f"live: {len(shipments)} synthetic shipments moving at {options.speed:g}x "
        f"(a simulated day every {86400 / options.speed:.0f} s)"
    )
    state = DemoState(
        settings, services, world, server, connectors, key, merchant_id, shipments, report.rows
    )
    state.smtp, state.hooks = smtp, hooks
    if not background:
        return state
    polling = bootstrap.polling_connectors(settings, connectors)
    poller = threading.Thread(
        target=run_poller,
        args=(services, polling),
        kwargs={"interval": options.poll_interval, "stop_event": state.stop},
        name="demo-poller",
        daemon=True,
    )
    poller.start()
    state.threads.append(poller)
    state.threads.append(
        start_eta_refresher(services, interval=options.poll_interval, stop_event=state.stop)
    )
    state.threads.append(
        start_dispatcher(
            services, interval=settings.dispatch_interval_seconds, stop_event=state.stop
        )
    )
    state.pusher = WebhookPusher(
        world, f"http://{settings.host}:{settings.port}/hooks", carriers=("17track", "cainiao")
    ).start(interval=options.push_interval)
    return state


def train_demo_model(history: list[SimParcel], settings: Settings) -> str:
    """Train the ETA model on the history's full journeys into the service's model directory.

    The service is blanked: shipments registered through the API have none, so the model
    learns lanes as the service will ask about them (carrier and countries).
    """
    from crosstrack.eta.errors import NotEnoughData
    from crosstrack.eta.model import train
    from crosstrack.eta.store import save_model
    from crosstrack.sim.eta_history import eta_records

    records = [replace(r, service="") for r in eta_records(history, bootstrap.build_zone_lookup())]
    try:
        model = train(records)
    except NotEnoughData as exc:
        return f"ETA model: none yet ({exc.message}); shipments get no estimates"
    version = save_model(model, settings.resolved_eta_model_dir)
    return (
        f"ETA model {version}: trained on {model.info['trained_on']['shipments']} delivered "
        f"past shipments (docs/eta.md)"
    )


def write_info(state: DemoState, path: Path) -> None:
    """Write the ``--info-file`` JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state.info(), indent=2), encoding="utf-8")


def _settings(options: DemoOptions, server: SimServer, smtp: SmtpSink) -> Settings:
    credentials = server.carrier_credentials()
    overrides: dict[str, object] = {
        "host": options.host,
        "port": options.port,
        "carrier_credentials": {slug: credentials[slug] for slug in (*DIRECT, "17track")},
        "carrier_base_urls": server.carrier_base_urls(),
        "poll_fallback": "17track",
        "poll_interval_seconds": options.poll_interval,
        "rate_per_second": 200.0,
        "rate_burst": 400,
        # Buyer emails go to the demo's local SMTP sink; webhooks to its loopback receiver.
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp.port,
        "smtp_starttls": "never",
        "smtp_sender": "Demo Shop <no-reply@demo.invalid>",
        "webhook_allow_private": True,
        "public_base_url": f"http://{options.host}:{options.port}",
    }
    if options.database_url:
        overrides["database_url"] = options.database_url
    return load_settings(**overrides)


def _merchant(services: Services) -> tuple[str, str]:
    try:
        merchant = services.accounts.find_merchant(DEMO_MERCHANT)
    except NotFound:
        merchant = services.accounts.create_merchant(DEMO_MERCHANT)
    _, key = services.accounts.create_key(merchant.id, name="demo")
    return merchant.id, key


def register_parcel(services: Services, merchant_id: str, parcel: SimParcel) -> str:
    """Register a simulated parcel for the merchant by its first leg (idempotent), with its
    service and declared contents."""
    command = _command(merchant_id, parcel, f"SIM-{parcel.id}", demo_buyer(parcel))
    return services.registrar.register(command).shipment.id


def register_history_parcel(
    services: Services, merchant_id: str, parcel: SimParcel
) -> tuple[str, bool]:
    """Register a past parcel (no buyer: nobody is told about the past); (id, created)."""
    order_ref = f"SIM-{parcel.id.removeprefix('sim-')}"
    registration = services.registrar.register(_command(merchant_id, parcel, order_ref, None))
    return registration.shipment.id, registration.created


def _command(
    merchant_id: str, parcel: SimParcel, order_ref: str, buyer: BuyerContact | None
) -> RegisterShipment:
    first = parcel.legs[0]
    return RegisterShipment(
        merchant_id=merchant_id,
        order_ref=order_ref,
        numbers=(NumberInput(first.tracking_number, first.carrier),),
        origin=Endpoint(parcel.lane.origin),
        destination=Endpoint(parcel.lane.destination),
        promised_date=parcel.promised_date,
        buyer=buyer,
        service=parcel.lane.service,
        items=items_for(parcel),
    )


def demo_buyer(parcel: SimParcel) -> BuyerContact:
    """A synthetic buyer in the destination's language and main time zone."""
    country = parcel.lane.destination
    return BuyerContact(
        email=f"buyer-{parcel.id}@example.invalid",
        locale=DEMO_LOCALES.get(country, "en"),
        timezone=bootstrap.build_gazetteer().main_timezone(country),
    )
