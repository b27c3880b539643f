"""Delivery estimates at event time: stored on the shipment, announced when the P50 day moves,
gone once delivered."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crosstrack.domain.eta import EtaBasis
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.domain.vocabulary import Milestone
from crosstrack.services.eta_refresh import EtaRefresher
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Merchant, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FixedEtaEstimator, FrozenClock, InMemoryStore, SequentialIds
from crosstrack.testing.wiring import wired_services

NUMBER = "RB123456785GB"


def _scan(description: str, stamp: str) -> IncomingEvent:
    raw = RawEvent(
        description=description,
        carrier="royal-mail",
        location="London, GB",
        timestamp=stamp,
        tracking_number=NUMBER,
    )
    return IncomingEvent(raw, EventSource.POLL)


@pytest.fixture
def estimator() -> FixedEtaEstimator:
    return FixedEtaEstimator(days=4)


@pytest.fixture
def services(store: InMemoryStore, estimator: FixedEtaEstimator) -> Services:
    return wired_services(
        store.unit_of_work,
        FrozenClock(datetime(2026, 1, 6, 12, 0, tzinfo=UTC)),
        eta=estimator,
    )


def _register(services: Services, merchant: Merchant, *, with_countries: bool = True) -> str:
    command = RegisterShipment(
        merchant.id,
        "SO-7",
        (NumberInput(NUMBER, "royal-mail"),),
        origin=Endpoint("GB") if with_countries else None,
        destination=Endpoint("FR", region="IDF") if with_countries else None,
        promised_date=date(2026, 1, 9),
    )
    return services.registrar.register(command).shipment.id


def _eta_messages(store: InMemoryStore) -> list[dict[str, object]]:
    return [m.payload for m in store.data.outbox.values() if m.topic is Topic.ETA_CHANGED]


def test_an_event_gives_the_shipment_an_estimate_and_announces_it_once(
    services: Services, merchant: Merchant, store: InMemoryStore, estimator: FixedEtaEstimator
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    eta = services.queries.shipment(merchant.id, shipment_id).shipment.state.eta
    assert eta is not None
    assert (eta.p10, eta.p50, eta.p90) == (date(2026, 1, 4), date(2026, 1, 6), date(2026, 1, 8))
    assert eta.basis is EtaBasis.MODEL
    query = estimator.queries[-1]  # the first was at registration
    assert (query.origin_country, query.destination_country) == ("GB", "FR")
    assert query.destination_region == "IDF"
    assert query.carrier == "royal-mail"
    assert query.promised_on == date(2026, 1, 9)
    assert query.reached == {}  # "received for processing" is no ETA milestone
    (message,) = _eta_messages(store)
    assert message["previous"]["p50"] == "2026-01-10"  # type: ignore[index]  # at registration
    assert message["eta"]["p50"] == "2026-01-06"  # type: ignore[index]
    # The same event again: nothing new, no new message.
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    assert len(_eta_messages(store)) == 1


def test_a_new_scan_the_same_day_keeps_the_p50_and_sends_nothing(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    _register(services, merchant)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    services.ingestor.ingest(
        [_scan("Item despatched to overseas destination", "2026-01-02T20:00:00Z")]
    )
    assert len(_eta_messages(store)) == 1


def test_a_moved_p50_is_announced_with_the_previous_estimate(
    services: Services, merchant: Merchant, store: InMemoryStore, estimator: FixedEtaEstimator
) -> None:
    _register(services, merchant)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    services.ingestor.ingest(
        [_scan("Item despatched to overseas destination", "2026-01-03T20:00:00Z")]
    )
    first, second = _eta_messages(store)
    assert second["previous"] == first["eta"]
    assert second["eta"]["p50"] == "2026-01-07"  # type: ignore[index]
    assert Milestone.DEPARTED_ORIGIN_COUNTRY in estimator.queries[-1].reached


def test_delivery_clears_the_estimate(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    services.ingestor.ingest([_scan("Delivered", "2026-01-05T12:30:00Z")])
    assert services.queries.shipment(merchant.id, shipment_id).shipment.state.eta is None
    assert len(_eta_messages(store)) == 1


def test_without_countries_there_is_no_estimate(
    services: Services, merchant: Merchant, estimator: FixedEtaEstimator
) -> None:
    shipment_id = _register(services, merchant, with_countries=False)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    assert services.queries.shipment(merchant.id, shipment_id).shipment.state.eta is None
    assert estimator.queries == []


def test_stored_shipments_become_training_data(services: Services, merchant: Merchant) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest(
        [
            _scan("Item received for processing", "2026-01-02T09:00:00Z"),
            _scan("Item despatched to overseas destination", "2026-01-02T20:00:00Z"),
            _scan("Delivered", "2026-01-05T12:30:00Z"),
        ]
    )
    (past,) = list(services.past_shipments())
    assert past.shipment_id == shipment_id
    assert past.status == "delivered"
    assert past.delivered_at == datetime(2026, 1, 5, 12, 30, tzinfo=UTC)
    assert past.query.created_at == datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
    assert past.query.reached[Milestone.DEPARTED_ORIGIN_COUNTRY] == datetime(
        2026, 1, 2, 20, 0, tzinfo=UTC
    )


def test_a_new_shipment_gets_a_first_estimate_from_its_lane_and_promise(
    services: Services, merchant: Merchant, store: InMemoryStore, estimator: FixedEtaEstimator
) -> None:
    shipment_id = _register(services, merchant)
    eta = services.queries.shipment(merchant.id, shipment_id).shipment.state.eta
    assert eta is not None and eta.p50 == date(2026, 1, 10)  # registered on the 6th, +4 days
    (query,) = estimator.queries
    assert query.created_at == datetime(2026, 1, 6, 12, 0, tzinfo=UTC)
    assert query.last_event_at is None and query.reached == {}
    (created,) = [m for m in store.data.outbox.values() if m.topic is Topic.SHIPMENT_CREATED]
    assert created.payload["eta"]["p50"] == "2026-01-10"  # type: ignore[index]


def test_a_quiet_parcel_is_re_estimated_when_its_estimate_goes_stale(
    store: InMemoryStore, estimator: FixedEtaEstimator
) -> None:
    clock = FrozenClock(datetime(2026, 1, 6, 12, 0, tzinfo=UTC))
    services = wired_services(
        store.unit_of_work,
        clock,
        eta=estimator,
    )
    merchant = services.accounts.create_merchant("Shenzhen Gadgets")
    shipment_id = _register(services, merchant)
    services.ingestor.ingest([_scan("Arrived in France", "2026-01-06T08:00:00Z")])
    assert services.eta_refresher.run_once().stale == 0  # fresh: nothing to do
    estimator.days = 9  # the model now thinks it takes longer from here
    clock.advance(timedelta(hours=13))
    report = services.eta_refresher.run_once()
    assert (report.stale, report.refreshed, report.moved) == (1, 1, 1)
    eta = services.queries.shipment(merchant.id, shipment_id).shipment.state.eta
    assert eta is not None and eta.as_of == clock.now and eta.p50 == date(2026, 1, 15)
    assert Milestone.ARRIVED_DESTINATION_COUNTRY in estimator.queries[-1].reached
    assert _eta_messages(store)[-1]["eta"]["p50"] == "2026-01-15"  # type: ignore[index]
    # Refreshed again 13 hours later with the same answer: no message.
    clock.advance(timedelta(hours=13))
    assert services.eta_refresher.run_once().moved == 0


def test_delivered_and_archived_shipments_are_not_refreshed(
    services: Services, merchant: Merchant
) -> None:
    delivered = _register(services, merchant)
    services.ingestor.ingest([_scan("Delivered", "2026-01-05T12:30:00Z")])
    archived = services.registrar.register(
        RegisterShipment(
            merchant.id,
            "SO-8",
            (NumberInput("RR123456785CN", "china-post"),),
            origin=Endpoint("CN"),
            destination=Endpoint("FR"),
        )
    ).shipment.id
    services.registrar.archive(merchant.id, archived)
    refresher = EtaRefresher(
        uow=services.uow,
        eta=FixedEtaEstimator(),
        clock=lambda: datetime(2027, 1, 1, tzinfo=UTC),
        ids=SequentialIds("r"),
    )
    assert refresher.run_once().stale == 0
    assert services.queries.shipment(merchant.id, delivered).shipment.state.eta is None


def _alerts_messages(store: InMemoryStore) -> list[tuple[Topic, str]]:
    return [
        (m.topic, str(m.payload["kind"]))
        for m in store.data.outbox.values()
        if m.topic in (Topic.ALERT_RAISED, Topic.ALERT_RESOLVED)
    ]


def test_a_problem_event_raises_an_alert_that_resolves_when_the_parcel_moves_on(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest([_scan("Item received for processing", "2026-01-02T09:00:00Z")])
    services.ingestor.ingest(
        [_scan("Customs clearance: documents required from the recipient", "2026-01-04T09:00:00Z")]
    )
    view = services.queries.shipment(merchant.id, shipment_id)
    open_now = [a for a in view.alerts if a.resolved_at is None]
    assert [a.kind.value for a in open_now] == ["customs_documents"]
    assert _alerts_messages(store) == [(Topic.ALERT_RAISED, "customs_documents")]
    services.ingestor.ingest([_scan("Delivered", "2026-01-05T12:30:00Z")])
    (alert,) = services.queries.shipment(merchant.id, shipment_id).alerts
    assert alert.resolved_at is not None
    assert _alerts_messages(store)[-1] == (Topic.ALERT_RESOLVED, "customs_documents")


def test_the_sweep_raises_a_stalled_alert_when_a_parcel_goes_quiet(
    store: InMemoryStore, estimator: FixedEtaEstimator
) -> None:
    clock = FrozenClock(datetime(2026, 1, 2, 12, 0, tzinfo=UTC))  # a Friday
    services = wired_services(
        store.unit_of_work,
        clock,
        eta=estimator,
    )
    merchant = services.accounts.create_merchant("Shenzhen Gadgets")
    shipment_id = _register(services, merchant)
    services.ingestor.ingest(
        [_scan("Item despatched to overseas destination", "2026-01-02T10:00:00Z")]
    )
    clock.advance(timedelta(days=7))  # the next Friday: 5 business days without a scan
    report = services.eta_refresher.run_once()
    assert report.alerts_raised == 1
    (alert,) = services.queries.shipment(merchant.id, shipment_id).alerts
    assert alert.kind.value == "stalled" and alert.evidence["business_days"] == 5
    # A new scan resolves it.
    services.ingestor.ingest([_scan("Arrived in France", "2026-01-09T11:00:00Z")])
    (alert,) = services.queries.shipment(merchant.id, shipment_id).alerts
    assert alert.resolved_at == clock.now


def test_an_imported_shipment_silent_for_months_gets_no_estimate_and_no_alerts(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    shipment_id = _register(services, merchant)
    services.ingestor.ingest(
        [_scan("Item despatched to overseas destination", "2025-09-01T10:00:00Z")]
    )
    view = services.queries.shipment(merchant.id, shipment_id)
    assert view.shipment.state.eta is None
    assert view.alerts == ()
