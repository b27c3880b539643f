"""A service on SQLite with a trained model in its model directory: estimates on shipments."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from eta_samples import CUTOFF
from sqlalchemy.engine import Engine

from crosstrack import bootstrap
from crosstrack.config import load_settings
from crosstrack.domain.eta import EtaBasis
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.eta.model import QuantileModel
from crosstrack.eta.store import save_model
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.storage.migrate import upgrade
from crosstrack.testing import FrozenClock, SequentialIds


def test_shipments_get_model_estimates_that_follow_their_events(
    sim_model: QuantileModel, sqlite_engine: Engine, tmp_path: Path
) -> None:
    settings = load_settings(eta_model_dir=tmp_path / "model")
    save_model(sim_model, settings.resolved_eta_model_dir)
    clock = FrozenClock(CUTOFF + timedelta(days=3))
    upgrade(sqlite_engine)
    services = bootstrap.build_services(
        settings, engine=sqlite_engine, clock=clock, ids=SequentialIds(), connectors={}
    )
    merchant = services.accounts.create_merchant("Shenzhen Gadgets")
    shipment = services.registrar.register(
        RegisterShipment(
            merchant.id,
            "SO-1",
            (NumberInput("RB123456785CN", "china-post"),),
            origin=Endpoint("CN"),
            destination=Endpoint("FR"),
            promised_date=(CUTOFF + timedelta(days=40)).date(),
        )
    ).shipment
    first = shipment.state.eta
    assert first is not None and first.basis is EtaBasis.MODEL
    assert first.model_version == sim_model.info["version"]
    assert clock.now.date() <= first.p10 <= first.p50 <= first.p90
    assert first.p_on_time is not None and first.p_on_time > 0.5  # 40 days for a postal parcel

    def scan(text: str, days: float) -> IncomingEvent:
        when = (CUTOFF + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        raw = RawEvent(text, carrier="china-post", tracking_number="RB123456785CN", timestamp=when)
        return IncomingEvent(raw, EventSource.POLL)

    clock.advance(timedelta(days=12))
    services.ingestor.ingest(
        [
            scan("Posting/Collection, Shenzhen", 3),
            scan("Departure from outward office of exchange, Guangzhou", 9),
            scan("Arrival at inward office of exchange, Paris, France", 14),
        ]
    )
    later = services.queries.shipment(merchant.id, shipment.id).shipment.state.eta
    assert later is not None and later.as_of == clock.now
    assert later.p10 >= clock.now.date()
    # Arrived in France: the window is narrower than at creation.
    assert (later.p90 - later.p10) < (first.p90 - first.p10)
    assert later.p90 < date(2100, 1, 1)
