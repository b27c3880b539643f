"""Ingestion: one transactional path for every source; replays are no-ops."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crosstrack import bootstrap
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import NormalizedEvent, RawEvent
from crosstrack.domain.vocabulary import Status
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent, Ingestor, fingerprint
from crosstrack.services.records import EventSource, Merchant, ShipmentFilter, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock, InMemoryStore, SequentialIds

NUMBER = "RB123456785GB"


def _scan(
    description: str, stamp: str, *, number: str = NUMBER, code: str | None = None
) -> RawEvent:
    return RawEvent(
        description=description,
        carrier="royal-mail",
        raw_status_code=code,
        location="London, GB",
        timestamp=stamp,
        tracking_number=number,
    )


JOURNEY = [
    _scan("Item received for processing", "2026-01-02T09:00:00Z"),
    _scan("Item despatched to overseas destination", "2026-01-02T20:00:00Z"),
    _scan("Arrived in France", "2026-01-03T08:00:00Z"),
    _scan("Out for delivery", "2026-01-04T07:00:00Z"),
    _scan("Delivered", "2026-01-04T12:30:00Z"),
]


def _polled(*raws: RawEvent) -> list[IncomingEvent]:
    return [IncomingEvent(raw, EventSource.POLL) for raw in raws]


def _register(services: Services, merchant: Merchant, number: str = NUMBER) -> str:
    command = RegisterShipment(merchant.id, "SO-7", (NumberInput(number),))
    return services.registrar.register(command).shipment.id


def test_a_polled_journey_updates_state_and_announces_each_change_once(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    report = services.ingestor.ingest(_polled(*JOURNEY))
    assert (report.received, report.stored, report.duplicates, report.unmatched) == (5, 5, 0, ())
    view = services.queries.shipment(merchant.id, shipment_id)
    assert view.shipment.state.status is Status.DELIVERED
    assert view.shipment.state.delivered_at is not None
    assert view.shipment.state.event_count == 5
    topics = sorted(m.topic.value for m in store.data.outbox.values())
    assert topics.count(Topic.STATUS_CHANGED.value) == 1
    milestones = {
        m.payload["milestone"]
        for m in store.data.outbox.values()
        if m.topic is Topic.MILESTONE_REACHED
    }
    assert {"departed_origin_country", "arrived_destination_country", "delivered"} <= milestones


def test_replaying_the_same_input_is_a_no_op(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest(_polled(*JOURNEY[:3]))
    outbox_before = dict(store.data.outbox)
    state_before = services.queries.shipment(merchant.id, shipment_id).shipment.state
    again = services.ingestor.ingest(_polled(*JOURNEY[:3]))
    assert (again.stored, again.duplicates, again.messages) == (0, 3, 0)
    assert store.data.outbox == outbox_before
    assert services.queries.shipment(merchant.id, shipment_id).shipment.state == state_before


def test_the_same_scan_from_a_webhook_and_a_poll_is_stored_once(
    services: Services, merchant: Merchant
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest([IncomingEvent(JOURNEY[0], EventSource.WEBHOOK)])
    report = services.ingestor.ingest([IncomingEvent(JOURNEY[0], EventSource.POLL)])
    assert report.duplicates == 1
    assert len(services.queries.shipment(merchant.id, shipment_id).events) == 1


def test_a_number_two_merchants_track_feeds_both_and_nobody_else(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    mine = _register(services, merchant)
    theirs = _register(services, other_merchant)
    third = services.accounts.create_merchant("Unrelated")
    unrelated = _register(services, third, number="LP00123456789012")
    report = services.ingestor.ingest(_polled(JOURNEY[0]))
    assert report.stored == 2 and set(report.changed_shipments) == {mine, theirs}
    assert services.queries.shipment(third.id, unrelated).events == ()
    mine_events = services.queries.shipment(merchant.id, mine).events
    assert all(e.merchant_id == merchant.id for e in mine_events)


def test_events_for_numbers_nobody_tracks_are_reported_not_stored(services: Services) -> None:
    report = services.ingestor.ingest(
        [
            *_polled(_scan("Delivered", "2026-01-04T12:30:00Z", number="ZZ999999999ZZ")),
            IncomingEvent(RawEvent("Delivered"), EventSource.WEBHOOK),
        ]
    )
    assert report.unmatched == (0, 1) and report.stored == 0


def test_a_merchants_own_event_goes_to_its_shipment_through_the_same_normalizer(
    services: Services, merchant: Merchant
) -> None:
    shipment_id = _register(services, merchant)
    own = RawEvent("Paket wurde an den Versanddienstleister übergeben", carrier="warehouse")
    report = services.ingestor.ingest(
        [IncomingEvent(own, EventSource.API, merchant_id=merchant.id, shipment_id=shipment_id)]
    )
    assert report.stored == 1
    (stored,) = services.queries.shipment(merchant.id, shipment_id).events
    assert stored.source is EventSource.API and stored.event.raw is not None


def test_a_merchant_cannot_post_events_into_another_merchants_shipment(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    shipment_id = _register(services, merchant)
    report = services.ingestor.ingest(
        [
            IncomingEvent(
                RawEvent("Delivered"),
                EventSource.API,
                merchant_id=other_merchant.id,
                shipment_id=shipment_id,
            )
        ]
    )
    assert report.unmatched == (0,) and report.stored == 0
    assert services.queries.shipment(merchant.id, shipment_id).events == ()


def test_a_hand_over_naming_a_new_number_adds_a_leg(services: Services, merchant: Merchant) -> None:
    shipment_id = _register(services, merchant)
    handover = _scan(
        "Handed over to La Poste, tracking number 6A12345678901", "2026-01-03T10:00:00Z"
    )
    services.ingestor.ingest(_polled(handover))
    legs = services.queries.shipment(merchant.id, shipment_id).shipment.legs
    assert [leg.tracking_number for leg in legs] == [NUMBER, "6A12345678901"]
    later = _scan("Votre colis est livré.", "2026-01-05T10:00:00+01:00", number="6A12345678901")
    report = services.ingestor.ingest(_polled(later))
    assert report.stored == 1
    assert (
        services.queries.shipment(merchant.id, shipment_id).shipment.state.status
        is Status.DELIVERED
    )


class _CrashingNormalizer:
    """Normalizes like the real one until the n-th event, then the process "dies"."""

    def __init__(self, crash_at: int) -> None:
        self._real = bootstrap.build_normalizer()
        self._left = crash_at

    def normalize(self, raw: RawEvent) -> NormalizedEvent:
        self._left -= 1
        if self._left < 0:
            raise KeyboardInterrupt("power cut")
        return self._real.normalize(raw)


def test_a_crash_mid_batch_loses_nothing_and_the_retry_duplicates_nothing(
    services: Services, merchant: Merchant, store: InMemoryStore, clock: FrozenClock
) -> None:
    shipment_id = _register(services, merchant)
    outbox_before = dict(store.data.outbox)
    crashing = Ingestor(
        uow=store.unit_of_work,
        normalizer=_CrashingNormalizer(crash_at=3),  # type: ignore[arg-type]
        carriers=carrier_directory(),
        clock=clock,
        ids=SequentialIds("crash"),
    )
    with pytest.raises(KeyboardInterrupt):
        crashing.ingest(_polled(*JOURNEY))
    assert services.queries.shipment(merchant.id, shipment_id).events == ()
    assert store.data.outbox == outbox_before
    report = services.ingestor.ingest(_polled(*JOURNEY))
    assert report.stored == 5
    assert services.ingestor.ingest(_polled(*JOURNEY)).stored == 0


def test_fingerprints_ignore_spacing_but_not_content() -> None:
    a = _scan("Out for  delivery", "2026-01-04T07:00:00Z")
    b = _scan("Out for delivery", "2026-01-04T07:00:00Z")
    c = _scan("Out for delivery", "2026-01-04T07:01:00Z")
    assert fingerprint(a) == fingerprint(b) != fingerprint(c)


def test_a_silent_unfinished_shipment_reads_as_expired(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest(_polled(JOURNEY[0]))
    clock.advance(timedelta(days=45))
    view = services.queries.shipment(merchant.id, shipment_id)
    assert view.shipment.state.status is Status.EXPIRED
    assert view.timeline.status is Status.EXPIRED
    listed = services.queries.shipments(merchant.id, ShipmentFilter(), limit=10).items
    assert [s.state.status for s in listed] == [Status.EXPIRED]


def test_a_merchant_reporting_by_number_reaches_only_its_own_shipments(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    mine = _register(services, merchant)
    theirs = _register(services, other_merchant)
    own = RawEvent(
        "Entregue ao destinatário", carrier="a-local-courier", tracking_number=NUMBER.lower()
    )
    report = services.ingestor.ingest(
        [IncomingEvent(own, EventSource.API, merchant_id=merchant.id)]
    )
    assert (report.stored, report.changed_shipments) == (1, (mine,))
    assert services.queries.shipment(other_merchant.id, theirs).events == ()


def test_events_dated_1970_or_days_ahead_are_quarantined_with_the_reason(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    report = services.ingestor.ingest(
        _polled(
            _scan("Delivered", "1970-01-01T00:00:00Z"),
            _scan("Out for delivery", "2099-05-01T08:00:00Z"),
            JOURNEY[0],
        )
    )
    assert (report.stored, report.quarantined, report.duplicates) == (1, 2, 0)
    reasons = sorted(item.reason for item in store.data.quarantine)
    assert len(reasons) == 2
    assert "before 2000" in reasons[0] or "before 2000" in reasons[1]
    assert any("in the future" in r for r in reasons)
    assert (
        services.queries.shipment(merchant.id, shipment_id).shipment.state.status
        is not Status.DELIVERED
    )


def test_scans_another_carrier_made_for_a_registered_leg_reach_it(
    services: Services, merchant: Merchant
) -> None:
    # The leg is Royal Mail's; an aggregator reports the destination post's scans of it.
    shipment_id = _register(services, merchant)
    usps_scan = RawEvent(
        "Delivered, In/At Mailbox",
        carrier="usps",
        timestamp="2026-01-04T12:00:00-05:00",
        tracking_number=NUMBER,
    )
    report = services.ingestor.ingest(_polled(usps_scan))
    assert (report.stored, report.unmatched) == (1, ())
    view = services.queries.shipment(merchant.id, shipment_id)
    assert view.shipment.state.status is Status.DELIVERED
