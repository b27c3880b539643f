"""The dispatcher and endpoints in a payload format other than ours: fan-out asks the
format's renderer what it can say, the request is what the renderer makes (with our delivery
headers added), nothing to render is dead at once, and ``crosstrack`` endpoints are as before."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.notify.signing import HEADER, verify_signature
from crosstrack.services.dispatch import API_VERSION, DispatchSettings
from crosstrack.services.endpoints import EndpointChange
from crosstrack.services.errors import InvalidInput
from crosstrack.services.facade import Services
from crosstrack.services.ports import PayloadRenderer
from crosstrack.services.records import (
    Merchant,
    OutboxMessage,
    RenderedPayload,
    Topic,
    WebhookEndpoint,
    WebhookFormat,
)
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services

AFTERSHIP = WebhookFormat.AFTERSHIP


class RawSender:
    """Records the raw requests it is asked to send."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes, dict[str, str]]] = []

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        self.sent.append((url, body, dict(headers)))
        return 200

    def to(self, suffix: str) -> list[tuple[bytes, dict[str, str]]]:
        return [(body, headers) for url, body, headers in self.sent if url.endswith(suffix)]


class FakeRenderer:
    """Says something of status changes only; renders ``<endpoint>|<message>|<now>``, or
    nothing for a shipment in ``gone``; raises while ``broken``."""

    def __init__(self) -> None:
        self.gone: set[str] = set()
        self.broken = False
        self.asked: list[str] = []

    def accepts(self, message: OutboxMessage) -> bool:
        self.asked.append(message.id)
        return message.topic is Topic.STATUS_CHANGED

    def render(
        self, message: OutboxMessage, endpoint: WebhookEndpoint, now: datetime
    ) -> RenderedPayload | None:
        if self.broken:
            raise RuntimeError("the renderer's database went away")
        if message.shipment_id in self.gone:
            return None
        body = f"{endpoint.id}|{message.id}|{now.isoformat()}".encode()
        return RenderedPayload(
            body=body,
            headers={
                "Content-Type": "application/json",
                "aftership-hmac-sha256": "sig:" + endpoint.secret,
            },
        )


@pytest.fixture
def sender() -> RawSender:
    return RawSender()


@pytest.fixture
def renderer() -> FakeRenderer:
    return FakeRenderer()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


def _services(
    store: InMemoryStore,
    clock: FrozenClock,
    sender: RawSender,
    renderers: Mapping[WebhookFormat, PayloadRenderer] | None,
) -> Services:
    return wired_services(
        store.unit_of_work,
        clock,
        webhook_sender=sender,
        allow_private_webhooks=True,
        dispatch=DispatchSettings(batch=10, per_target=5, threads=2),
        webhook_renderers=renderers,
    )


@pytest.fixture
def services(
    store: InMemoryStore, clock: FrozenClock, sender: RawSender, renderer: FakeRenderer
) -> Services:
    return _services(store, clock, sender, {AFTERSHIP: renderer})


def _message(
    services: Services, merchant: Merchant, n: int, topic: Topic = Topic.STATUS_CHANGED
) -> OutboxMessage:
    message = OutboxMessage(
        id=f"msg-{n}",
        merchant_id=merchant.id,
        shipment_id=f"s-{n}",
        topic=topic,
        payload={"n": n},
        idempotency_key=f"key-{n}",
        created_at=services.clock(),
    )
    with services.uow() as uow:
        uow.outbox.add_many([message])
        uow.commit()
    return message


def _queued(services: Services, merchant: Merchant, endpoint: WebhookEndpoint) -> list[str]:
    found = services.endpoints.deliveries(merchant.id, endpoint.id)
    return sorted(d.message_id for d in found)


def test_fan_out_queues_for_the_endpoint_only_what_its_format_has_to_say(
    services: Services, merchant: Merchant, renderer: FakeRenderer
) -> None:
    theirs = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP
    )
    alerts_only = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as-alerts", ["alert.raised"], payload_format=AFTERSHIP
    )
    ours = services.endpoints.create(merchant.id, "http://127.0.0.1:9/ours", ["*"])
    _message(services, merchant, 1)
    _message(services, merchant, 2, Topic.ALERT_RAISED)
    _message(services, merchant, 3, Topic.LANE_DISRUPTION_RAISED)
    assert services.dispatcher.fan_out() == 3
    assert _queued(services, merchant, theirs) == ["msg-1"]
    # Its topics still choose first: the renderer has nothing to say of alerts.
    assert _queued(services, merchant, alerts_only) == []
    assert _queued(services, merchant, ours) == ["msg-1", "msg-2", "msg-3"]
    assert set(renderer.asked) <= {"msg-1", "msg-2", "msg-3"} and "msg-1" in renderer.asked


def test_the_request_is_the_renderers_with_our_delivery_headers_added(
    services: Services, merchant: Merchant, sender: RawSender, clock: FrozenClock
) -> None:
    theirs = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP
    )
    message = _message(services, merchant, 1)
    clock.advance(timedelta(seconds=5))
    assert services.dispatcher.run_once().delivered == 1
    ((body, headers),) = sender.to("/as")
    assert body == f"{theirs.id}|{message.id}|{clock.now.isoformat()}".encode()
    (delivery,) = services.endpoints.deliveries(merchant.id, theirs.id)
    assert headers == {
        "Content-Type": "application/json",
        "aftership-hmac-sha256": "sig:" + theirs.secret,
        "Crosstrack-Delivery-Id": delivery.id,
        "Crosstrack-Attempt": "1",
    }
    assert delivery.status is DeliveryStatus.DELIVERED


def test_endpoints_in_our_format_get_the_same_request_as_before(
    services: Services, merchant: Merchant, sender: RawSender, clock: FrozenClock
) -> None:
    services.endpoints.create(merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP)
    ours = services.endpoints.create(merchant.id, "http://127.0.0.1:9/ours", ["*"])
    message = _message(services, merchant, 1)
    services.dispatcher.run_once()
    ((raw, headers),) = sender.to("/ours")
    assert json.loads(raw) == {
        "id": message.id,
        "type": "shipment.status_changed",
        "api_version": API_VERSION,
        "created_at": "2026-03-02T09:00:00Z",
        "data": {"n": 1},
    }
    (delivery,) = services.endpoints.deliveries(merchant.id, ours.id)
    assert set(headers) == {
        HEADER,
        "Crosstrack-Event-Id",
        "Crosstrack-Event-Type",
        "Crosstrack-Delivery-Id",
        "Crosstrack-Attempt",
    }
    assert headers["Crosstrack-Event-Id"] == message.id
    assert headers["Crosstrack-Delivery-Id"] == delivery.id
    now = int(clock.now.timestamp())
    assert verify_signature(headers[HEADER], raw, [ours.secret], now=now) == now


def test_nothing_to_render_is_dead_at_once_and_no_fault_of_the_endpoint(
    services: Services, merchant: Merchant, sender: RawSender, renderer: FakeRenderer
) -> None:
    theirs = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP
    )
    _message(services, merchant, 1)
    _message(services, merchant, 2)
    renderer.gone.add("s-1")  # deleted between fan-out and send
    report = services.dispatcher.run_once()
    assert (report.delivered, report.dead, report.failed) == (1, 1, 0)
    dead = services.endpoints.deliveries(merchant.id, theirs.id, status=DeliveryStatus.DEAD)
    assert [(d.message_id, d.attempts) for d in dead] == [("msg-1", 1)]
    assert dead[0].last_error == "nothing to send: the shipment is gone"
    assert [body.split(b"|")[1] for body, _ in sender.to("/as")] == [b"msg-2"]
    endpoint = services.endpoints.get(merchant.id, theirs.id)
    assert endpoint.failures_in_a_row == 0 and endpoint.failing_since is None


def test_a_renderer_that_fails_is_tried_again_later(
    services: Services,
    merchant: Merchant,
    sender: RawSender,
    renderer: FakeRenderer,
    clock: FrozenClock,
) -> None:
    theirs = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP
    )
    _message(services, merchant, 1)
    renderer.broken = True
    assert services.dispatcher.run_once().failed == 1
    (delivery,) = services.endpoints.deliveries(merchant.id, theirs.id)
    assert delivery.status is DeliveryStatus.PENDING and delivery.last_error
    assert "database" not in delivery.last_error  # the exception stays in the log
    assert services.endpoints.get(merchant.id, theirs.id).failures_in_a_row == 0
    renderer.broken = False
    clock.advance(timedelta(minutes=1))
    assert services.dispatcher.run_once().delivered == 1
    assert len(sender.to("/as")) == 1


def test_a_format_with_no_renderer_gets_nothing(
    store: InMemoryStore, clock: FrozenClock, sender: RawSender, merchant: Merchant
) -> None:
    services = _services(store, clock, sender, renderers=None)
    theirs = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/as", ["*"], payload_format=AFTERSHIP
    )
    ours = services.endpoints.create(merchant.id, "http://127.0.0.1:9/ours", ["*"])
    _message(services, merchant, 1)
    assert services.dispatcher.run_once().delivered == 1
    assert _queued(services, merchant, theirs) == []
    assert len(sender.to("/ours")) == 1 and sender.to("/as") == []
    # A delivery queued in our format, then the endpoint switched to one not rendered here:
    # dead at once, nothing sent.
    _message(services, merchant, 2)
    services.dispatcher.fan_out()
    services.endpoints.update(merchant.id, ours.id, EndpointChange(payload_format=AFTERSHIP))
    assert services.dispatcher.run_once().dead == 1
    assert len(sender.to("/ours")) == 1


def test_a_delivery_goes_in_the_format_the_endpoint_has_when_it_is_sent(
    services: Services, merchant: Merchant, sender: RawSender
) -> None:
    endpoint = services.endpoints.create(merchant.id, "http://127.0.0.1:9/x", ["*"])
    _message(services, merchant, 1)
    services.dispatcher.fan_out()
    services.endpoints.update(merchant.id, endpoint.id, EndpointChange(payload_format=AFTERSHIP))
    services.dispatcher.run_once()
    ((body, headers),) = sender.to("/x")
    assert body.startswith(f"{endpoint.id}|msg-1|".encode()) and HEADER not in headers


def test_the_desk_stores_the_format_and_refuses_an_unknown_one(
    services: Services, merchant: Merchant
) -> None:
    made = services.endpoints.create(
        merchant.id, "http://127.0.0.1:9/x", ["*"], payload_format=AFTERSHIP
    )
    assert services.endpoints.get(merchant.id, made.id).payload_format is AFTERSHIP
    changed = services.endpoints.update(merchant.id, made.id, EndpointChange(description="orders"))
    assert changed.payload_format is AFTERSHIP
    for bad in ("shopify", "AFTERSHIP"):
        with pytest.raises(InvalidInput) as caught:
            services.endpoints.create(
                merchant.id,
                "http://127.0.0.1:9/y",
                ["*"],
                payload_format=bad,  # type: ignore[arg-type]
            )
        assert caught.value.field == "payload_format"
        with pytest.raises(InvalidInput):
            services.endpoints.update(
                merchant.id,
                made.id,
                EndpointChange(payload_format=bad),  # type: ignore[arg-type]
            )
    assert [e.id for e in services.endpoints.all(merchant.id)] == [made.id]
    assert services.endpoints.get(merchant.id, made.id).payload_format is AFTERSHIP
