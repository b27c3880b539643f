"""Reads: the merged view of one shipment is rebuilt when anything changed, reused otherwise."""

from __future__ import annotations

from datetime import timedelta

from crosstrack.domain.model import RawEvent
from crosstrack.domain.vocabulary import Status
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Merchant
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock

NUMBER = "RB123456785GB"


def _shipment(services: Services, merchant: Merchant) -> str:
    command = RegisterShipment(merchant.id, "SO-1", (NumberInput(NUMBER),))
    return services.registrar.register(command).shipment.id


def _scan(services: Services, text: str, stamp: str) -> None:
    raw = RawEvent(text, carrier="royal-mail", timestamp=stamp, tracking_number=NUMBER)
    services.ingestor.ingest([IncomingEvent(raw, EventSource.POLL)])


def test_a_read_right_after_new_events_sees_them_even_with_a_frozen_clock(
    services: Services, merchant: Merchant
) -> None:
    shipment_id = _shipment(services, merchant)
    _scan(services, "Item received for processing", "2026-01-02T09:00:00Z")
    assert services.queries.shipment(merchant.id, shipment_id).shipment.state.event_count == 1
    _scan(services, "Delivered", "2026-01-04T12:30:00Z")
    view = services.queries.shipment(merchant.id, shipment_id)
    assert view.timeline.status is Status.DELIVERED and len(view.events) == 2


def test_an_unchanged_shipment_reuses_its_view_until_it_is_old(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = _shipment(services, merchant)
    _scan(services, "Item received for processing", "2026-01-02T09:00:00Z")
    first = services.queries.shipment(merchant.id, shipment_id)
    assert services.queries.shipment(merchant.id, shipment_id).timeline is first.timeline
    clock.advance(timedelta(seconds=6))
    rebuilt = services.queries.shipment(merchant.id, shipment_id)
    assert rebuilt.timeline is not first.timeline
    assert rebuilt.timeline.now == clock.now


def test_archiving_changes_the_record_and_the_view(services: Services, merchant: Merchant) -> None:
    shipment_id = _shipment(services, merchant)
    services.queries.shipment(merchant.id, shipment_id)
    services.registrar.archive(merchant.id, shipment_id)
    assert services.queries.shipment(merchant.id, shipment_id).shipment.archived_at is not None
