"""Buyer emails and SMS end to end: registration subscribes the buyer, a change goes out in
the buyer's language over a real SMTP server (or a loopback SMS provider), coalesced, never in
quiet hours, per the merchant's rules, and the signed unsubscribe link stops it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.domain.delivery import Channel
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.notify.email import EmailChannel, SmtpSender, SmtpSettings
from crosstrack.notify.sms import SmsChannel, TwilioSms
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.links import Links
from crosstrack.services.records import EventSource, Merchant
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.sms_server import FakeTwilio
from crosstrack.testing.smtp_sink import SmtpSink
from crosstrack.testing.wiring import wired_services

NUMBER = "RB123456785GB"
LINKS = Links("https://track.example", "a-test-secret")


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 3, 3, 9, 0, tzinfo=UTC))  # 10:00 in Paris


@pytest.fixture
def services(
    store: InMemoryStore, clock: FrozenClock, smtp: SmtpSink, twilio: FakeTwilio
) -> Services:
    email = EmailChannel(
        SmtpSender(SmtpSettings(host="127.0.0.1", port=smtp.port, starttls="never"))
    )
    sms = SmsChannel(TwilioSms(twilio.settings()))
    return wired_services(
        store.unit_of_work,
        clock,
        public_links=LINKS,
        buyer_channels={Channel.EMAIL: email, Channel.SMS: sms},
    )


@pytest.fixture
def merchant(services: Services) -> Merchant:
    return services.accounts.create_merchant("Maison Lune")


def _register(services: Services, merchant: Merchant) -> str:
    command = RegisterShipment(
        merchant.id,
        "ML-1042",
        (NumberInput(NUMBER, "royal-mail"),),
        origin=Endpoint("GB"),
        destination=Endpoint("FR", city="Lyon"),
        buyer=BuyerContact(
            email="claire@example.fr",
            phone="+33612345678",
            locale="fr-FR",
            timezone="Europe/Paris",
        ),
    )
    return services.registrar.register(command).shipment.id


def _scan(services: Services, text: str, at: datetime) -> None:
    raw = RawEvent(
        description=text,
        carrier="royal-mail",
        location="Lyon, FR",
        timestamp=at.isoformat(),
        tracking_number=NUMBER,
    )
    services.ingestor.ingest([IncomingEvent(raw, EventSource.WEBHOOK)])


def _run(services: Services) -> None:
    services.dispatcher.run_once()
    services.dispatcher.run_once()


def test_the_buyer_gets_one_email_in_french_after_the_burst_with_a_working_unsubscribe(
    services: Services, merchant: Merchant, smtp: SmtpSink, clock: FrozenClock
) -> None:
    shipment_id = _register(services, merchant)
    subscribed = services.subscriptions.for_shipment(merchant.id, shipment_id)
    assert sorted(s.channel.value for s in subscribed) == ["email", "sms"]
    _scan(services, "Arrived at delivery office", clock.now - timedelta(minutes=30))
    _scan(services, "Out for delivery", clock.now - timedelta(minutes=5))
    _run(services)
    assert smtp.messages == []  # held for the coalescing window
    clock.advance(timedelta(minutes=11))
    _run(services)
    assert smtp.wait_for(1, timeout=10)
    (mail,) = smtp.messages
    assert mail["To"] == "claire@example.fr" and mail["Content-Language"].startswith("fr")
    assert "ML-1042" in mail["Subject"] and "Maison Lune" in mail["Subject"]
    text = mail.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "https://track.example/t/" in text
    unsubscribe = mail["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("https://track.example/v1/unsubscribe/")
    # The buyer clicks: no more emails about this parcel.
    token = unsubscribe.rsplit("/", 1)[1]
    assert services.subscriptions.unsubscribe(token) is True
    _scan(services, "Delivered", clock.now)
    clock.advance(timedelta(minutes=11))
    _run(services)
    assert len(smtp.messages) == 1


def test_nothing_is_sent_in_the_buyers_quiet_hours(
    services: Services, merchant: Merchant, smtp: SmtpSink, clock: FrozenClock
) -> None:
    clock.advance(timedelta(hours=12, minutes=30))  # 22:30 in Paris
    _register(services, merchant)
    _scan(services, "Out for delivery", clock.now - timedelta(minutes=1))
    clock.advance(timedelta(minutes=30))
    _run(services)
    assert smtp.messages == []
    clock.advance(timedelta(hours=8, minutes=31))  # 07:31 in Paris: still quiet
    _run(services)
    assert smtp.messages == []
    clock.advance(timedelta(minutes=30))  # 08:01 in Paris
    _run(services)
    assert smtp.wait_for(1, timeout=10)


def test_sms_goes_out_when_the_merchant_switches_it_on_and_email_stops_when_switched_off(
    services: Services, merchant: Merchant, smtp: SmtpSink, twilio: FakeTwilio, clock: FrozenClock
) -> None:
    services.subscriptions.put_rule(
        merchant.id, Channel.SMS, enabled=True, triggers=["out_for_delivery"], quiet_hours=None
    )
    services.subscriptions.put_rule(
        merchant.id, Channel.EMAIL, enabled=False, triggers=["delivered"], quiet_hours=None
    )
    _register(services, merchant)
    _scan(services, "Out for delivery", clock.now - timedelta(minutes=1))
    clock.advance(timedelta(minutes=11))
    _run(services)
    (sms,) = twilio.messages
    assert sms["to"] == "+33612345678"
    assert re.search(r"https://track\.example/t/[A-Za-z0-9_-]+$", sms["body"])  # the URL ends it
    assert "https://track.example/t/" in sms["body"]
    assert smtp.messages == []


def test_a_buyer_can_ask_to_be_notified_and_bad_addresses_are_refused(
    services: Services, merchant: Merchant
) -> None:
    from crosstrack.services.errors import InvalidInput, NotFound

    shipment_id = services.registrar.register(
        RegisterShipment(merchant.id, "ML-7", (NumberInput(NUMBER, "royal-mail"),))
    ).shipment.id
    view = services.queries.shipment(merchant.id, shipment_id)
    token = view.tracking_token
    assert token is not None
    made = services.subscriptions.subscribe_buyer(
        token, Channel.EMAIL, "amy@example.com", locale="en"
    )
    assert made.source == "buyer"
    again = services.subscriptions.subscribe_buyer(
        token, Channel.EMAIL, "amy@example.com", locale="en"
    )
    assert again.id == made.id
    with pytest.raises(InvalidInput):
        services.subscriptions.subscribe_buyer(token, Channel.EMAIL, "not-an-address", locale=None)
    with pytest.raises(InvalidInput):
        services.subscriptions.subscribe_buyer(token, Channel.SMS, "12", locale=None)
    with pytest.raises(NotFound):
        services.subscriptions.unsubscribe(LINKS.unsubscribe_token(made.id) + "x")


def test_a_moved_date_alone_reaches_a_buyer_at_most_once_a_day(
    services: Services, merchant: Merchant, smtp: SmtpSink, clock: FrozenClock
) -> None:
    from crosstrack.services.records import OutboxMessage, Topic

    shipment_id = _register(services, merchant)

    def moved(n: int) -> None:
        with services.uow() as uow:
            uow.outbox.add_many(
                [
                    OutboxMessage(
                        id=f"eta-{n}",
                        merchant_id=merchant.id,
                        shipment_id=shipment_id,
                        topic=Topic.ETA_CHANGED,
                        payload={
                            "previous": {"p50": "2026-03-05"},
                            "eta": {"p50": f"2026-03-{6 + n:02d}"},
                        },
                        idempotency_key=f"eta-{n}",
                        created_at=clock.now,
                    )
                ]
            )
            uow.commit()
        _run(services)
        clock.advance(timedelta(minutes=11))
        _run(services)

    moved(1)
    assert smtp.wait_for(1, timeout=10)
    clock.advance(timedelta(hours=2))
    moved(2)
    assert len(smtp.messages) == 1
    clock.advance(timedelta(hours=23))
    moved(3)
    assert smtp.wait_for(2, timeout=10)
