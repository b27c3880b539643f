"""The dispatcher over the in-memory store with a fake sender: fan-out by topic, signed
envelopes, backoff, giving up, replay, disabling a broken endpoint, coalescing, leases."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.signing import HEADER, verify_signature
from crosstrack.services.dispatch import API_VERSION, DispatchSettings
from crosstrack.services.endpoints import EndpointChange
from crosstrack.services.facade import Services
from crosstrack.services.records import Merchant, OutboxMessage, Topic
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services


class FakeSender:
    """Records what it is asked to send; fails while ``failing`` says so."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, object], dict[str, str]]] = []
        self.failing: DeliveryFailed | None = None

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        if self.failing is not None:
            raise self.failing
        self.sent.append((url, json.loads(body), dict(headers)))
        return 200


@pytest.fixture
def sender() -> FakeSender:
    return FakeSender()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def services(store: InMemoryStore, clock: FrozenClock, sender: FakeSender) -> Services:
    return wired_services(
        store.unit_of_work,
        clock,
        webhook_sender=sender,
        allow_private_webhooks=True,
        dispatch=DispatchSettings(batch=4, per_target=2, threads=2),
    )


def _message(services: Services, merchant: Merchant, n: int, **fields: object) -> OutboxMessage:
    message = OutboxMessage(
        id=f"msg-{n}",
        merchant_id=merchant.id,
        shipment_id=str(fields.get("shipment_id", f"s-{n}")),
        topic=Topic(str(fields.get("topic", Topic.STATUS_CHANGED.value))),
        payload={"n": n},
        idempotency_key=f"key-{n}",
        created_at=services.clock(),
    )
    with services.uow() as uow:
        uow.outbox.add_many([message])
        uow.commit()
    return message


def test_a_message_goes_signed_to_each_endpoint_subscribed_to_its_topic(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    everything = services.endpoints.create(merchant.id, "http://127.0.0.1:9/all", ["*"])
    services.endpoints.create(merchant.id, "http://127.0.0.1:9/alerts", ["alert.raised"])
    message = _message(services, merchant, 1)
    report = services.dispatcher.run_once()
    assert (report.fanned_out, report.delivered) == (1, 1)
    ((url, body, headers),) = sender.sent
    assert url.endswith("/all")
    assert body == {
        "id": message.id,
        "type": "shipment.status_changed",
        "api_version": API_VERSION,
        "created_at": "2026-03-02T09:00:00Z",
        "data": {"n": 1},
    }
    assert headers["Crosstrack-Event-Id"] == message.id
    raw = json.dumps(body, separators=(",", ":")).encode()
    now = int(clock.now.timestamp())
    assert verify_signature(headers[HEADER], raw, [everything.secret], now=now) == now
    # Nothing is sent twice.
    assert services.dispatcher.run_once().attempts == 0 and len(sender.sent) == 1


def test_failures_back_off_then_give_up_after_three_days_and_a_replay_sends_it(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    endpoint = services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"])
    _message(services, merchant, 1)
    sender.failing = DeliveryFailed("the endpoint answered 503", retryable=True, status=503)
    assert services.dispatcher.run_once().failed == 1
    (delivery,) = services.endpoints.deliveries(merchant.id, endpoint.id)
    wait = delivery.next_attempt_at - clock.now
    assert timedelta(seconds=15) <= wait <= timedelta(seconds=30)
    assert delivery.last_status == 503 and delivery.status is DeliveryStatus.PENDING
    attempts = 1
    while True:
        clock.advance(timedelta(hours=6))
        report = services.dispatcher.run_once()
        attempts += report.attempts
        if report.dead:
            break
    (delivery,) = services.endpoints.deliveries(merchant.id, endpoint.id)
    assert delivery.status is DeliveryStatus.DEAD and delivery.attempts == attempts
    assert "503" in (delivery.last_error or "")
    # Three days of failures also disabled the endpoint: the merchant fixes it, switches it
    # on again and replays what died meanwhile.
    assert not services.endpoints.get(merchant.id, endpoint.id).active
    sender.failing = None
    services.endpoints.update(merchant.id, endpoint.id, EndpointChange(active=True))
    services.endpoints.replay(merchant.id, delivery.id)
    services.dispatcher.run_once()
    # The replayed update arrives, and so does the notice that the endpoint had been disabled.
    assert sorted(b["type"] for _, b, _ in sender.sent) == [
        "shipment.status_changed",
        "webhook.endpoint_disabled",
    ]


def test_a_refusal_that_cannot_succeed_is_dead_at_once(
    services: Services, merchant: Merchant, sender: FakeSender
) -> None:
    endpoint = services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"])
    _message(services, merchant, 1)
    sender.failing = DeliveryFailed("refused endpoint: private address", retryable=False)
    assert services.dispatcher.run_once().dead == 1
    (delivery,) = services.endpoints.deliveries(merchant.id, endpoint.id)
    assert delivery.status is DeliveryStatus.DEAD and delivery.attempts == 1


def test_an_endpoint_failing_for_three_days_is_disabled_and_the_merchant_told(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    broken = services.endpoints.create(merchant.id, "http://127.0.0.1:9/broken", ["*"])
    healthy = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/ok", ["webhook.endpoint_disabled"]
    )
    sender.failing = DeliveryFailed("cannot connect", retryable=True)
    for n in range(12):
        _message(services, merchant, n)
        services.dispatcher.run_once()
        clock.advance(timedelta(hours=7))
    assert not services.endpoints.get(merchant.id, broken.id).active
    off = services.endpoints.get(merchant.id, broken.id)
    assert off.disabled_reason and "in a row" in off.disabled_reason
    pending = services.endpoints.deliveries(merchant.id, broken.id, status=DeliveryStatus.PENDING)
    assert pending == []
    sender.failing = None
    services.dispatcher.run_once()
    told = [body for url, body, _ in sender.sent if url.endswith("/ok")]
    assert [b["type"] for b in told] == ["webhook.endpoint_disabled"]
    assert told[0]["data"]["endpoint_id"] == broken.id  # type: ignore[index]
    # Switched on again by the merchant: a fresh start.
    again = services.endpoints.update(merchant.id, broken.id, EndpointChange(active=True))
    assert again.active and again.failures_in_a_row == 0 and again.disabled_at is None
    assert healthy.active


def test_a_burst_of_updates_to_a_coalescing_endpoint_sends_the_latest_only(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"], coalesce_seconds=600)
    for n in range(5):  # five scans of one parcel in ten minutes
        _message(services, merchant, n, shipment_id="s-1")
        services.dispatcher.run_once()
        clock.advance(timedelta(minutes=2))
    _message(services, merchant, 9, shipment_id="s-1", topic="alert.raised")
    clock.advance(timedelta(minutes=10))
    services.dispatcher.run_once()
    services.dispatcher.run_once()
    assert sorted((b["type"], b["data"]["n"]) for _, b, _ in sender.sent) == [  # type: ignore[index]
        ("alert.raised", 9),
        ("shipment.status_changed", 4),
    ]


def test_a_taker_that_dies_mid_send_leaves_the_delivery_to_the_next_after_its_lease(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"])
    _message(services, merchant, 1)
    services.dispatcher.fan_out()
    with services.uow() as uow:  # taken, then the taker dies before recording anything
        (taken,) = uow.deliveries.claim_due(clock.now, clock.now + timedelta(seconds=60), 10, 5)
        uow.commit()
    assert services.dispatcher.run_once().attempts == 0  # hidden while leased
    clock.advance(timedelta(seconds=61))
    assert services.dispatcher.run_once().delivered == 1
    ((_, _, headers),) = sender.sent
    assert headers["Crosstrack-Event-Id"] == taken[1].id and headers["Crosstrack-Attempt"] == "2"


def test_a_slow_endpoint_cannot_take_every_slot_of_a_batch(
    services: Services, merchant: Merchant, other_merchant: Merchant, sender: FakeSender
) -> None:
    services.endpoints.create(merchant.id, "http://127.0.0.1:9/busy", ["*"])
    services.endpoints.create(other_merchant.id, "http://127.0.0.1:9/quiet", ["*"])
    for n in range(10):
        _message(services, merchant, n)
    _message(services, other_merchant, 99)
    services.dispatcher.fan_out()
    services.dispatcher.deliver_due()  # batch of 4, at most 2 per destination
    assert sorted(url.rsplit("/", 1)[1] for url, _, _ in sender.sent) == ["busy", "busy", "quiet"]


def test_a_rotated_secret_signs_beside_the_new_one_until_it_expires(
    services: Services, merchant: Merchant, sender: FakeSender, clock: FrozenClock
) -> None:
    endpoint = services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"])
    rotated = services.endpoints.rotate_secret(
        merchant.id, endpoint.id, keep_previous_for=timedelta(hours=24)
    )
    assert rotated.secret != endpoint.secret
    _message(services, merchant, 1)
    services.dispatcher.run_once()
    ((_, body, headers),) = sender.sent
    raw = json.dumps(body, separators=(",", ":")).encode()
    now = int(clock.now.timestamp())
    assert headers[HEADER].count("v1=") == 2
    verify_signature(headers[HEADER], raw, [endpoint.secret], now=now)  # the old one still works
    verify_signature(headers[HEADER], raw, [rotated.secret], now=now)
    clock.advance(timedelta(hours=25))
    _message(services, merchant, 2)
    services.dispatcher.run_once()
    assert sender.sent[-1][2][HEADER].count("v1=") == 1


def test_bad_endpoints_are_refused_with_the_field_at_fault(
    services: Services, merchant: Merchant
) -> None:
    from crosstrack.services.errors import InvalidInput

    for url, topics, field in (
        ("ftp://example.com/hook", ["*"], "url"),
        ("http://127.0.0.1:9/x", ["shipment.teleported"], "topics"),
        ("http://127.0.0.1:9/x", [], "topics"),
    ):
        with pytest.raises(InvalidInput) as caught:
            services.endpoints.create(merchant.id, url, topics)
        assert caught.value.field == field
    assert services.endpoints.all(merchant.id) == []
