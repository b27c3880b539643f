"""The 17TRACK connector over HTTP (httpx.MockTransport) and its push webhook."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from crosstrack.carriers.connector import (
    CarrierConnector,
    Outcome,
    WebhookReceiver,
    WebhookRequest,
)
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.seventeentrack import SLUG, SeventeenTrackConnector

PAYLOADS = Path(__file__).parent / "payloads"
KEY = "test-17token-0123456789"


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


def _connector(handler: Handler, time: FakeTime | None = None) -> SeventeenTrackConnector:
    time = time or FakeTime()
    return SeventeenTrackConnector(
        KEY,
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0),
    )


def _json(content: bytes, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"content-type": "application/json"})


def test_the_connector_satisfies_both_protocols() -> None:
    connector: CarrierConnector = _connector(lambda r: httpx.Response(500))
    receiver: WebhookReceiver = _connector(lambda r: httpx.Response(500))
    assert connector.slug == receiver.slug == SLUG == "17track"
    assert connector.batch_size == 40 and connector.requests_per_second == 3.0


def test_track_registers_then_asks_with_the_key_header_and_number_bodies() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/register"):
            return _json(_payload("register_mixed.json"))
        return _json(_payload("gettrackinfo_delivered_two_providers.json"))

    results = _connector(handler).track(["LZ448865302CN"])
    assert [r.url.path for r in seen] == ["/track/v2.2/register", "/track/v2.2/gettrackinfo"]
    assert all(r.method == "POST" and r.url.host == "api.17track.net" for r in seen)
    assert all(r.headers["17token"] == KEY for r in seen)
    assert json.loads(seen[0].content) == [{"number": "LZ448865302CN"}]
    assert json.loads(seen[1].content) == [{"number": "LZ448865302CN"}]
    assert [r.outcome for r in results] == [Outcome.FOUND]
    assert len(results[0].events) == 10


def test_numbers_register_refuses_are_not_asked_and_keep_their_place() -> None:
    asked: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/register"):
            return _json(_payload("register_mixed.json"))
        asked.append(json.loads(request.content))
        return _json(_payload("gettrackinfo_batch.json"))

    numbers = ["QWERTY", "YT2410921272104837", "LOST-IN-SPACE", "YT2410921272104837"]
    results = _connector(handler).track(numbers)
    assert asked == [[{"number": "YT2410921272104837"}, {"number": "LOST-IN-SPACE"}]]
    assert [r.tracking_number for r in results] == numbers
    assert [r.outcome for r in results] == [
        Outcome.ERROR,
        Outcome.FOUND,
        Outcome.NOT_FOUND,  # missing from the answer
        Outcome.FOUND,
    ]


def test_an_empty_batch_makes_no_request_and_an_oversized_one_is_refused() -> None:
    connector = _connector(lambda r: pytest.fail("no request expected"))
    assert connector.track([]) == []
    with pytest.raises(ValueError):
        connector.track([f"N{i}" for i in range(41)])


def test_a_refused_key_in_the_answer_body_is_an_authentication_failure() -> None:
    connector = _connector(lambda r: _json(_payload("auth_error.json")))
    with pytest.raises(CarrierAuthenticationFailed):
        connector.track(["LZ448865302CN"])


def test_http_401_is_an_authentication_failure_without_retries() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401)

    with pytest.raises(CarrierAuthenticationFailed):
        _connector(handler).track(["LZ448865302CN"])
    assert len(calls) == 1


def test_5xx_are_retried_then_the_carrier_is_unavailable() -> None:
    time = FakeTime()
    with pytest.raises(CarrierUnavailable):
        _connector(lambda r: httpx.Response(503), time).track(["LZ448865302CN"])
    assert time.slept == [1.0, 2.0]


def test_a_5xx_then_success_is_transparent() -> None:
    answers = iter(
        [
            httpx.Response(502),
            _json(_payload("register_mixed.json")),
            _json(_payload("gettrackinfo_delivered_two_providers.json")),
        ]
    )
    [result] = _connector(lambda r: next(answers)).track(["LZ448865302CN"])
    assert result.outcome is Outcome.FOUND


def test_an_html_error_page_is_a_malformed_payload() -> None:
    page = httpx.Response(
        200, content=_payload("error_page.html"), headers={"content-type": "text/html"}
    )
    with pytest.raises(MalformedPayload, match="text/html"):
        _connector(lambda r: page).track(["LZ448865302CN"])


def test_a_truncated_answer_is_a_malformed_payload() -> None:
    with pytest.raises(MalformedPayload):
        _connector(lambda r: _json(_payload("truncated.json"))).track(["LZ448865302CN"])


def test_another_http_error_is_a_carrier_error() -> None:
    with pytest.raises(CarrierError, match="HTTP 404"):
        _connector(lambda r: httpx.Response(404, json={"code": 0, "data": {}})).track(["A1"])


def test_the_key_never_shows_in_repr() -> None:
    assert KEY not in repr(_connector(lambda r: httpx.Response(500)))


def _signed(body: bytes, key: str = KEY) -> WebhookRequest:
    sign = hashlib.sha256(body + b"/" + key.encode()).hexdigest()
    return WebhookRequest(headers={"sign": sign, "content-type": "application/json"}, body=body)


def test_a_push_signed_with_our_key_is_authentic_and_carries_its_results() -> None:
    connector = _connector(lambda r: httpx.Response(500))
    request = _signed(_payload("push_tracking_updated.json"))
    assert connector.verify(request)
    batch = connector.receive(request)
    assert [r.tracking_number for r in batch.results] == ["1234567890"]
    assert batch.acknowledgement == {}


def test_a_separate_webhook_key_signs_pushes() -> None:
    connector = SeventeenTrackConnector(KEY, webhook_key="push-key")
    assert connector.verify(_signed(b'{"event":"TRACKING_STOPPED","data":{}}', "push-key"))
    assert not connector.verify(_signed(b'{"event":"TRACKING_STOPPED","data":{}}'))


def test_a_push_with_a_wrong_or_missing_signature_is_not_authentic() -> None:
    connector = _connector(lambda r: httpx.Response(500))
    body = _payload("push_tracking_updated.json")
    assert not connector.verify(_signed(body, "another-key"))
    tampered = WebhookRequest(headers=_signed(body).headers, body=body.replace(b"1234", b"9999"))
    assert not connector.verify(tampered)
    assert not connector.verify(WebhookRequest(headers={}, body=body))
    assert not connector.verify(WebhookRequest(headers={"sign": ""}, body=body))


@pytest.mark.parametrize("body", [b"<html>", b'{"event": "TRACKING_UPDATED"', b'{"data": {}}'])
def test_a_malformed_push_body_is_a_malformed_payload(body: bytes) -> None:
    with pytest.raises(MalformedPayload):
        _connector(lambda r: httpx.Response(500)).receive(_signed(body))
