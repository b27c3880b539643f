"""The ``address_risk`` alert: raised at registration when the destination or the buyer's
phone would put the delivery at risk, with the problems as evidence; resolved by a buyer's
correction that passes the check, or by delivery; never raised twice; never a reason for a
registration to fail. On every storage back-end."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from backends import BACKENDS, engine_for
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.buyer_requests import BuyerRequestKind
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.services.buyers import SendRequest
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import EventSource, Merchant, OutboxMessage, StoredAlert, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import FrozenClock, InMemoryStore

NUMBER = "RB123456785GB"
LYON = Endpoint("FR", city="Lyon", postcode="69003")
STREET = ("Appartement 4", "12 rue de la République")
NO_SUCH_PHONE = "+33 1 23"


@pytest.fixture(params=BACKENDS)
def uow(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    """Each storage back-end (PostgreSQL when a server is configured) under the services."""
    if request.param == "memory":
        return InMemoryStore().unit_of_work
    return unit_of_work_factory(engine_for(request.param, request))


def _register(
    services: Services,
    merchant: Merchant,
    destination: Endpoint | None = LYON,
    *,
    lines: tuple[str, ...] = STREET,
    phone: str | None = "+33 6 12 34 56 78",
    ref: str = "SO-1",
) -> str:
    command = RegisterShipment(
        merchant_id=merchant.id,
        order_ref=ref,
        numbers=(NumberInput(NUMBER),),
        origin=Endpoint("GB"),
        destination=destination,
        buyer=BuyerContact(email="claire@example.fr", phone=phone),
        address_lines=lines,
    )
    return services.registrar.register(command).shipment.id


def _risks(services: Services, merchant: Merchant, shipment_id: str) -> list[StoredAlert]:
    with services.uow() as uow:
        alerts = uow.alerts.for_shipment(merchant.id, shipment_id)
    return [a for a in alerts if a.kind is AlertKind.ADDRESS_RISK]


def _messages(services: Services, topic: Topic) -> list[OutboxMessage]:
    with services.uow() as uow:
        return [m for m in uow.outbox.pending(500) if m.topic is topic]


def _token(services: Services, merchant: Merchant, shipment_id: str) -> str:
    with services.uow() as uow:
        return uow.tracking_links.for_shipments(merchant.id, [shipment_id])[shipment_id]


def _codes(alert: StoredAlert) -> list[tuple[str, str]]:
    return [(p["field"], p["code"]) for p in alert.evidence["problems"]]


def _correct(services: Services, token: str, **address: str) -> None:
    services.buyers.send(token, SendRequest(BuyerRequestKind.ADDRESS, address=address))


def _scan(services: Services, text: str, stamp: str) -> None:
    raw = RawEvent(text, carrier="royal-mail", timestamp=stamp, tracking_number=NUMBER)
    services.ingestor.ingest([IncomingEvent(raw, EventSource.POLL)])


def test_a_bad_postcode_raises_address_risk_with_the_problems_as_evidence(
    services: Services, merchant: Merchant
) -> None:
    shipment_id = _register(services, merchant, Endpoint("FR", city="Lyon", postcode="6903"))
    (alert,) = _risks(services, merchant, shipment_id)
    assert (alert.severity.value, alert.resolved_at) == ("high", None)
    assert _codes(alert) == [("postcode", "postcode_malformed")]
    assert alert.evidence["errors"] == 1
    assert alert.cause == "address_risk:postcode.postcode_malformed"
    (raised,) = _messages(services, Topic.ALERT_RAISED)
    assert raised.payload["kind"] == "address_risk"
    assert raised.payload["evidence"]["problems"][0]["code"] == "postcode_malformed"
    assert raised.payload["buyer_action"].startswith("Your delivery details may be incomplete")


def test_a_correction_through_the_buyers_route_that_passes_resolves_it(
    services: Services, merchant: Merchant
) -> None:
    shipment_id = _register(services, merchant, Endpoint("FR", city="Lyon", postcode="6903"))
    token = _token(services, merchant, shipment_id)
    _correct(services, token, line1="12 rue de la République", city="Lyon", postcode="6903O")
    (still,) = _risks(services, merchant, shipment_id)
    assert still.resolved_at is None
    _correct(services, token, line1="12 rue de la République", city="Lyon", postcode="69003")
    (resolved,) = _risks(services, merchant, shipment_id)
    assert resolved.resolved_at is not None
    (message,) = _messages(services, Topic.ALERT_RESOLVED)
    assert message.payload["alert_id"] == resolved.id
    requests = services.buyers.requests(merchant.id, shipment_id)
    assert [r.answers for r in requests] == [(resolved.id,), (resolved.id,)]


def test_a_phone_correction_settles_a_phone_problem_but_not_an_address_one(
    services: Services, merchant: Merchant
) -> None:
    phone_only = _register(services, merchant, phone=NO_SUCH_PHONE)
    both = _register(
        services,
        merchant,
        Endpoint("FR", city="Lyon", postcode="6903"),
        phone=NO_SUCH_PHONE,
        ref="SO-2",
    )
    for shipment_id in (phone_only, both):
        token = _token(services, merchant, shipment_id)
        services.buyers.send(token, SendRequest(BuyerRequestKind.PHONE, phone="06 12 34 56 78"))
    assert _risks(services, merchant, phone_only)[0].resolved_at is not None
    assert _codes(_risks(services, merchant, both)[0]) == [
        ("postcode", "postcode_malformed"),
        ("phone", "phone_invalid"),
    ]
    assert _risks(services, merchant, both)[0].resolved_at is None


def test_it_holds_while_the_parcel_moves_and_resolves_when_it_is_delivered(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    shipment_id = _register(services, merchant, lines=("rue de la République",))
    (alert,) = _risks(services, merchant, shipment_id)
    assert _codes(alert) == [("address_lines", "house_number_missing")]
    assert alert.severity.value == "medium"  # warnings only
    _scan(services, "Item received for processing", "2026-01-05T13:00:00Z")
    clock.advance(timedelta(days=1))
    services.eta_refresher.run_once()
    assert _risks(services, merchant, shipment_id)[0].resolved_at is None
    _scan(services, "Delivered", "2026-01-07T12:30:00Z")
    assert _risks(services, merchant, shipment_id)[0].resolved_at is not None


def test_it_is_raised_once_and_never_again(services: Services, merchant: Merchant) -> None:
    first = _register(services, merchant, phone=NO_SUCH_PHONE)
    again = _register(services, merchant, phone=NO_SUCH_PHONE)
    assert again == first
    _scan(services, "Item received for processing", "2026-01-05T13:00:00Z")
    assert len(_risks(services, merchant, first)) == 1
    assert len(_messages(services, Topic.ALERT_RAISED)) == 1


@pytest.mark.parametrize(
    ("destination", "lines", "phone"),
    [
        (LYON, STREET, "+33 6 12 34 56 78"),
        (Endpoint("FR", city="Lyon"), (), None),  # partial: nothing left out is a problem
        (Endpoint("US", city="Boston"), (), None),
        (None, STREET, NO_SUCH_PHONE),  # no destination, nothing to check
    ],
)
def test_a_fine_or_merely_partial_destination_raises_nothing(
    services: Services,
    merchant: Merchant,
    destination: Endpoint | None,
    lines: tuple[str, ...],
    phone: str | None,
) -> None:
    shipment_id = _register(services, merchant, destination, lines=lines, phone=phone)
    assert _risks(services, merchant, shipment_id) == []


def test_a_hopeless_address_still_registers_and_its_street_lines_are_not_kept(
    services: Services, merchant: Merchant
) -> None:
    lines = ("Улица Ленина",)
    hopeless = Endpoint("DE", region="??", city="Берлин", postcode="1")
    shipment_id = _register(services, merchant, hopeless, lines=lines, phone="12")
    (alert,) = _risks(services, merchant, shipment_id)
    assert _codes(alert) == [
        ("postcode", "postcode_malformed"),
        ("city", "script_unreadable"),
        ("address_lines", "script_unreadable"),
        ("address_lines", "house_number_missing"),
        ("phone", "phone_invalid"),
    ]
    view = services.queries.shipment(merchant.id, shipment_id)
    kept: Any = (view.shipment, alert.evidence, _messages(services, Topic.ALERT_RAISED))
    assert "Ленина" not in repr(kept)


def test_a_merchant_who_switched_the_kind_off_gets_no_alert(
    services: Services, merchant: Merchant
) -> None:
    services.alert_settings.put(merchant.id, "*-FR", {"disabled_kinds": ["address_risk"]})
    shipment_id = _register(services, merchant, phone=NO_SUCH_PHONE)
    assert _risks(services, merchant, shipment_id) == []
    elsewhere = _register(
        services, merchant, Endpoint("GB", city="London", postcode="QQ1 1QQ"), ref="SO-2"
    )
    assert len(_risks(services, merchant, elsewhere)) == 1


def test_validate_reads_the_country_as_check_does(services: Services) -> None:
    """A country code with spaces or in lower case is the same country for ``validate`` as
    for ``check`` (``validate`` used to look the raw text up and call it unknown)."""
    from crosstrack.domain.address_checks import PostalAddress
    from crosstrack.services.errors import InvalidInput

    plain = services.addresses.validate(PostalAddress("US", "NY", "New York", "10001"))
    spaced = services.addresses.validate(PostalAddress(" us ", "NY", "New York", "10001"))
    assert spaced == plain
    with pytest.raises(InvalidInput):
        services.addresses.validate(PostalAddress(" QQ "))
