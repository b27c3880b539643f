"""The AfterShip connector over HTTP (httpx.MockTransport) and its webhook."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from crosstrack.carriers.aftership import SLUG, AfterShipConnector
from crosstrack.carriers.connector import (
    CarrierConnector,
    Outcome,
    WebhookReceiver,
    WebhookRequest,
)
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.http import RetryPolicy

PAYLOADS = Path(__file__).parent / "payloads"
KEY = "asat_test_key_0123456789"
SECRET = "webhook-secret-abc"
NOW = datetime(2024, 5, 2, 12, 0, tzinfo=UTC)


def _payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


Handler = Callable[[httpx.Request], httpx.Response]


def _connector(handler: Handler, time: FakeTime | None = None) -> AfterShipConnector:
    time = time or FakeTime()
    return AfterShipConnector(
        KEY,
        webhook_secret=SECRET,
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        now=lambda: NOW,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0),
    )


def _json(content: bytes, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"content-type": "application/json"})


def test_the_connector_satisfies_both_protocols() -> None:
    connector: CarrierConnector = _connector(lambda r: httpx.Response(500))
    receiver: WebhookReceiver = _connector(lambda r: httpx.Response(500))
    assert connector.slug == receiver.slug == SLUG == "aftership"
    assert connector.batch_size == 50 and connector.requests_per_second == 10.0


def test_track_looks_numbers_up_in_one_request_with_the_key_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _json(_payload("get_trackings_two_numbers.json"))

    results = _connector(handler).track(["YT2406521272059443", "1234567890"])
    [request] = seen
    assert request.method == "GET" and request.url.host == "api.aftership.com"
    assert request.url.path == "/tracking/2024-10/trackings"
    assert request.headers["as-api-key"] == KEY
    assert request.url.params["tracking_numbers"] == "YT2406521272059443,1234567890"
    assert request.url.params["created_at_min"] == "2024-01-03T12:00:00+00:00"
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.FOUND]


def test_numbers_aftership_does_not_track_yet_are_created_and_keep_their_place() -> None:
    created: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return _json(_payload("get_trackings_pending_and_missing.json"))
        body = json.loads(request.content)
        created.append(body)
        replies = {
            "RB000000000CN": ("create_tracking_created.json", 201),
            "QWERTY": ("create_tracking_invalid.json", 400),
            "RACE000001": ("create_tracking_exists.json", 400),
        }
        name, status = replies[body["tracking_number"]]
        return _json(_payload(name), status)

    numbers = ["QWERTY", "LB123456785SG", "RB000000000CN", "RACE000001"]
    results = _connector(handler).track(numbers)
    assert created == [
        {"tracking_number": "QWERTY"},
        {"tracking_number": "RB000000000CN"},
        {"tracking_number": "RACE000001"},
    ]  # the pending one is known already: not created again
    assert [r.tracking_number for r in results] == numbers
    assert [r.outcome for r in results] == [
        Outcome.INVALID,
        Outcome.NOT_FOUND,
        Outcome.NOT_FOUND,
        Outcome.NOT_FOUND,
    ]


def test_an_empty_batch_makes_no_request_and_an_oversized_one_is_refused() -> None:
    connector = _connector(lambda r: pytest.fail("no request expected"))
    assert connector.track([]) == []
    with pytest.raises(ValueError):
        connector.track([f"N{i}" for i in range(51)])


def test_http_401_is_an_authentication_failure_without_retries() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return _json(_payload("auth_error.json"), 401)

    with pytest.raises(CarrierAuthenticationFailed):
        _connector(handler).track(["A1"])
    assert len(calls) == 1


def test_5xx_are_retried_then_the_carrier_is_unavailable() -> None:
    time = FakeTime()
    with pytest.raises(CarrierUnavailable):
        _connector(lambda r: httpx.Response(503), time).track(["A1"])
    assert time.slept == [1.0, 2.0]


def test_a_429_then_success_is_transparent() -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "1"}),
            _json(_payload("get_trackings_two_numbers.json")),
        ]
    )
    [result] = _connector(lambda r: next(answers)).track(["1234567890"])
    assert result.outcome is Outcome.FOUND


def test_an_html_error_page_is_a_malformed_payload() -> None:
    page = httpx.Response(
        200, content=_payload("error_page.html"), headers={"content-type": "text/html"}
    )
    with pytest.raises(MalformedPayload, match="text/html"):
        _connector(lambda r: page).track(["A1"])


def test_a_truncated_answer_is_a_malformed_payload() -> None:
    with pytest.raises(MalformedPayload):
        _connector(lambda r: _json(_payload("truncated.json"))).track(["A1"])


def test_the_key_and_secret_never_show_in_repr() -> None:
    text = repr(_connector(lambda r: httpx.Response(500)))
    assert KEY not in text and SECRET not in text


def _signed(body: bytes, secret: str = SECRET) -> WebhookRequest:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    signature = base64.b64encode(digest).decode()
    return WebhookRequest(headers={"aftership-hmac-sha256": signature}, body=body)


def test_a_webhook_signed_with_our_secret_is_authentic_and_carries_its_result() -> None:
    connector = _connector(lambda r: httpx.Response(500))
    request = _signed(_payload("webhook_tracking_update.json"))
    assert connector.verify(request)
    batch = connector.receive(request)
    assert [r.tracking_number for r in batch.results] == ["1234567890"]


def test_a_webhook_with_a_wrong_or_missing_signature_is_not_authentic() -> None:
    connector = _connector(lambda r: httpx.Response(500))
    body = _payload("webhook_tracking_update.json")
    assert not connector.verify(_signed(body, "another-secret"))
    tampered = WebhookRequest(headers=_signed(body).headers, body=body.replace(b"dhl", b"ups"))
    assert not connector.verify(tampered)
    assert not connector.verify(WebhookRequest(headers={}, body=body))


def test_without_a_webhook_secret_nothing_is_authentic() -> None:
    connector = AfterShipConnector(KEY)
    assert not connector.verify(_signed(_payload("webhook_tracking_update.json")))


@pytest.mark.parametrize("body", [b"<html>", b'{"event": "tracking_update"', b'{"msg": {}}'])
def test_a_malformed_webhook_body_is_a_malformed_payload(body: bytes) -> None:
    with pytest.raises(MalformedPayload):
        _connector(lambda r: httpx.Response(500)).receive(_signed(body))
