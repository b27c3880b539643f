"""Webhooks over real sockets: signed requests to a loopback receiver, failures and the
sender's safety rules, and a dispatcher process killed mid-send losing nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crosstrack import bootstrap
from crosstrack.config import Settings
from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.domain.shipment import Endpoint
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.signing import HEADER, verify_signature
from crosstrack.notify.webhooks import MAX_RESPONSE_BYTES, UnsafeUrl, WebhookSender, check_url
from crosstrack.services.facade import Services
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.storage import upgrade
from crosstrack.testing.webhook_sink import WebhookSink


@pytest.fixture
def sink() -> Iterator[WebhookSink]:
    with WebhookSink() as receiver:
        yield receiver


def _services(database: str) -> Services:
    settings = Settings(
        database_url=database, webhook_allow_private=True, dispatch_lease_seconds=2.0
    )
    engine = bootstrap.build_engine(settings)
    upgrade(engine)
    return bootstrap.build_services(settings, engine=engine, connectors={})


def _register(services: Services, merchant_id: str, order_ref: str = "SO-1") -> str:
    command = RegisterShipment(
        merchant_id,
        order_ref,
        (NumberInput("RB123456785GB", "royal-mail"),),
        origin=Endpoint("GB"),
        destination=Endpoint("FR"),
    )
    return services.registrar.register(command).shipment.id


def test_a_registered_shipment_reaches_the_receiver_signed(
    tmp_path: Path, sink: WebhookSink
) -> None:
    services = _services(f"sqlite:///{tmp_path / 'hooks.db'}")
    merchant = services.accounts.create_merchant("Shop")
    endpoint = services.endpoints.create(merchant.id, sink.url, ["shipment.created"])
    shipment_id = _register(services, merchant.id)
    report = services.dispatcher.run_once()
    assert report.delivered == 1
    (request,) = sink.received
    body = request.json()
    assert body["type"] == "shipment.created" and body["data"]["shipment_id"] == shipment_id
    assert request.headers["Crosstrack-Event-Id"] == body["id"]
    assert request.headers["User-Agent"] == "crosstrack-webhooks/1"
    verify_signature(request.headers[HEADER], request.body, [endpoint.secret], now=int(time.time()))
    services.dispatcher.close()


def test_a_failing_receiver_is_tried_again_and_its_answer_kept(
    tmp_path: Path, sink: WebhookSink
) -> None:
    services = _services(f"sqlite:///{tmp_path / 'hooks.db'}")
    merchant = services.accounts.create_merchant("Shop")
    endpoint = services.endpoints.create(merchant.id, sink.url, ["*"])
    _register(services, merchant.id)
    sink.answer_next(500)
    assert services.dispatcher.run_once().failed == 1
    (delivery,) = services.endpoints.deliveries(merchant.id, endpoint.id)
    assert delivery.status is DeliveryStatus.PENDING and delivery.last_status == 500
    services.endpoints.replay(merchant.id, delivery.id)  # now rather than in 30 s
    assert services.dispatcher.run_once().delivered == 1
    first, second = sink.received
    assert first.headers["Crosstrack-Event-Id"] == second.headers["Crosstrack-Event-Id"]
    services.dispatcher.close()


def test_the_sender_times_out_and_reads_little_of_a_huge_answer() -> None:
    with WebhookSink(delay=2.0) as slow:
        with pytest.raises(DeliveryFailed) as caught:
            WebhookSender(timeout=0.3, allow_private=True).send(slow.url, b"{}", {})
        assert caught.value.retryable
    with WebhookSink(response_bytes=20 * 1024 * 1024) as chatty:
        assert WebhookSender(allow_private=True).send(chatty.url, b"{}", {}) == 200
    # What it reads of a 20 MB answer: the first 64 KiB (give or take one chunk), no more.
    served = 0

    def chunks() -> Iterator[bytes]:
        nonlocal served
        for _ in range(20 * 1024):
            served += 1024
            yield b"x" * 1024

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=chunks()))
    sender = WebhookSender(allow_private=True, transport=transport)
    assert sender.send("http://127.0.0.1:9/hooks", b"{}", {}) == 200
    assert MAX_RESPONSE_BYTES <= served <= MAX_RESPONSE_BYTES + 1024


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.9", "169.254.169.254", "::1", "fd00::1"]
)
def test_endpoints_inside_the_network_are_refused(address: str) -> None:
    with pytest.raises(UnsafeUrl):
        check_url("https://hooks.example/x", allow_private=False, resolver=lambda h, p: [address])


def test_public_https_endpoints_are_allowed_and_http_or_credentials_are_not() -> None:
    public = "93.184.215.14"
    check_url("https://hooks.example/x", allow_private=False, resolver=lambda h, p: [public])
    for url in ("http://hooks.example/x", "https://user:pw@hooks.example/x", "ftp://x/y"):
        with pytest.raises(UnsafeUrl):
            check_url(url, allow_private=False, resolver=lambda h, p: [public])
    with pytest.raises(DeliveryFailed) as caught:
        WebhookSender(allow_private=False).send("http://127.0.0.1:9/x", b"{}", {})
    assert not caught.value.retryable


def _dispatcher(database: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "crosstrack.cli", "dispatch", "--database-url", database],
        env={
            **os.environ,
            "CROSSTRACK_WEBHOOK_ALLOW_PRIVATE": "true",
            "CROSSTRACK_DISPATCH_LEASE_SECONDS": "2",
            "CROSSTRACK_DISPATCH_INTERVAL_SECONDS": "0.1",
            "CROSSTRACK_LOG_LEVEL": "warning",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_dispatcher_killed_mid_send_loses_nothing(tmp_path: Path, sink: WebhookSink) -> None:
    database = f"sqlite:///{tmp_path / 'hooks.db'}"
    services = _services(database)
    merchant = services.accounts.create_merchant("Shop")
    endpoint = services.endpoints.create(merchant.id, sink.url, ["*"])
    shipment_id = _register(services, merchant.id)
    sink.hold_next(60)  # the first request hangs: the dispatcher is mid-send
    first = _dispatcher(database)
    try:
        assert sink.wait_for(1, timeout=60), "the first dispatcher never sent"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    sink.released.set()  # the hung request can end now; nobody reads its answer
    second = _dispatcher(database)
    try:
        assert sink.wait_for(2, timeout=60), "the delivery was lost with the killed dispatcher"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the second dispatcher records the answer
            (delivery,) = services.endpoints.deliveries(merchant.id, endpoint.id)
            if delivery.status is DeliveryStatus.DELIVERED:
                break
            time.sleep(0.1)
    finally:
        second.terminate()
        second.wait(timeout=10)
    ids = {r.headers["Crosstrack-Event-Id"] for r in sink.received}
    assert len(ids) == 1  # the same event, sent again: the receiver can drop the repeat
    assert sink.received[-1].json()["data"]["shipment_id"] == shipment_id
    assert delivery.status is DeliveryStatus.DELIVERED and delivery.attempts == 2
    assert json.loads(sink.received[-1].body)["type"] == "shipment.created"
