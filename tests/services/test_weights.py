"""The parcel's weight a carrier reports reaches the shipment's leg, by poll or by webhook, in
memory, on SQLite and on PostgreSQL; the latest report wins and an unchanged one writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from backends import BACKENDS, engine_for
from crosstrack.carriers.connector import (
    Outcome,
    TrackingResult,
    WebhookBatch,
    WebhookRequest,
)
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.ups import UpsConnector
from crosstrack.domain.shipment import Shipment
from crosstrack.domain.units import Measure, Unit
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import ReportedWeight
from crosstrack.services.polling import Poller
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import Merchant
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.services.webhooks import WebhookIntake
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import FrozenClock, InMemoryStore, SequentialIds

UPS_PAYLOADS = Path(__file__).parents[1] / "carriers" / "ups" / "payloads"
UPS_NUMBER = "1Z5R89390357567127"
KG_120 = Measure(Decimal("1.20"), Unit.KILOGRAM)
LB_26 = Measure(Decimal("2.6"), Unit.POUND)


@pytest.fixture(params=BACKENDS)
def uow(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    """Each storage back-end (PostgreSQL when a server is configured) under the services."""
    if request.param == "memory":
        return InMemoryStore().unit_of_work
    return unit_of_work_factory(engine_for(request.param, request))


def register(
    services: Services, merchant: Merchant, number: str = UPS_NUMBER, carrier: str | None = "ups"
) -> str:
    command = RegisterShipment(merchant.id, f"SO-{number}", (NumberInput(number, carrier),))
    return services.registrar.register(command).shipment.id


def stored(services: Services, merchant: Merchant, shipment_id: str) -> Shipment:
    return services.queries.require(merchant.id, shipment_id)


def ups_answering(body: bytes) -> UpsConnector:
    """The real UPS connector, its HTTP answered on loopback-free MockTransport."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/security/v1/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": "14399"})
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    return UpsConnector(
        "client-id",
        "client-s3cret",
        transport=httpx.MockTransport(answer),
        sleep=lambda _: None,
        policy=RetryPolicy(attempts=1),
    )


def test_a_polled_ups_answer_leaves_the_packages_weight_on_its_leg(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = register(services, merchant)
    recorded = (UPS_PAYLOADS / "delivered_international.json").read_bytes()
    poller = Poller(
        uow=services.uow,
        ingestor=services.ingestor,
        connectors={"ups": ups_answering(recorded)},
        clock=clock,
        ids=SequentialIds("q"),
    )
    report = poller.run_once()
    assert report.polled == 1 and report.events_stored == 8
    (leg,) = stored(services, merchant, shipment_id).legs
    assert leg.weight == KG_120  # "weight": {"unitOfMeasurement": "KGS", "weight": "1.20"}
    assert leg.weight is not None and str(leg.weight.value) == "1.20"


class FakeReceiver:
    """A ``WebhookReceiver`` whose deliveries carry the results it is given."""

    slug = "ups"

    def __init__(self, *results: TrackingResult) -> None:
        self.results = results

    def verify(self, request: WebhookRequest) -> bool:
        return True

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        return WebhookBatch(results=self.results)


def test_a_pushed_weight_reaches_the_leg_even_without_events(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = register(services, merchant)
    receiver = FakeReceiver(TrackingResult(UPS_NUMBER, Outcome.FOUND, carrier="ups", weight=LB_26))
    intake = WebhookIntake(
        receivers={"ups": receiver},
        ingestor=services.ingestor,
        uow=services.uow,
        clock=clock,
        ids=SequentialIds("w"),
    )
    outcome = intake.receive("ups", WebhookRequest(headers={}, body=b"{}"))
    assert outcome.report is not None and outcome.report.weights_changed == 1
    assert stored(services, merchant, shipment_id).legs[0].weight == LB_26


def test_the_latest_weight_wins_and_an_unchanged_one_writes_nothing(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = register(services, merchant)
    first = services.ingestor.ingest([], [ReportedWeight(UPS_NUMBER, "ups", LB_26)])
    assert first.weights_changed == 1 and first.stored == 0
    clock.advance(timedelta(hours=1))
    weighed_at = clock()
    changed = services.ingestor.ingest([], [ReportedWeight(UPS_NUMBER, "UPS", KG_120)])
    assert changed.weights_changed == 1
    after = stored(services, merchant, shipment_id)
    assert after.legs[0].weight == KG_120 and after.updated_at == weighed_at
    clock.advance(timedelta(hours=1))
    same = Measure(Decimal("1.2"), Unit.KILOGRAM)  # the same weight, written differently
    assert (
        services.ingestor.ingest([], [ReportedWeight(UPS_NUMBER, "ups", same)]).weights_changed == 0
    )
    assert stored(services, merchant, shipment_id) == after


def test_a_weight_goes_to_the_legs_its_carrier_events_would_go_to(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    ups_leg = register(services, merchant, "1Z999AA10123456784", "ups")
    unknown_carrier = register(services, other_merchant, "1Z999AA10123456784", None)
    other_carrier = register(services, other_merchant, "LX123456789CN", "china-post")
    report = services.ingestor.ingest(
        [],
        [
            ReportedWeight("1z999aa1 0123456784", "ups", KG_120),
            ReportedWeight("NOSUCHNUMBER1", "ups", LB_26),
        ],
    )
    assert report.weights_changed == 2
    assert stored(services, merchant, ups_leg).legs[0].weight == KG_120
    assert stored(services, other_merchant, unknown_carrier).legs[0].weight == KG_120
    assert stored(services, other_merchant, other_carrier).legs[0].weight is None


def test_weights_from_answers_that_found_nothing_are_not_kept(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = register(services, merchant)
    weighed = TrackingResult(UPS_NUMBER, Outcome.FOUND, carrier="ups", weight=LB_26)
    intake = WebhookIntake(
        receivers={"ups": FakeReceiver(replace(weighed, outcome=Outcome.NOT_FOUND))},
        ingestor=services.ingestor,
        uow=services.uow,
        clock=clock,
        ids=SequentialIds("w"),
    )
    outcome = intake.receive("ups", WebhookRequest(headers={}, body=b"{}"))
    assert outcome.report is None
    assert stored(services, merchant, shipment_id).legs[0].weight is None
