"""The 4PX connector over HTTP: one signed router call per number."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import httpx
import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.fourpx import SLUG, FourPxConnector
from crosstrack.carriers.fourpx.client import sign

PAYLOADS = Path(__file__).parent / "payloads"
SECRET = "test-secret-not-real"
NUMBER = "4PX3001291278502CN"


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def answer(name: str, status: int = 200) -> httpx.Response:
    kind = "text/html" if name.endswith(".html") else "application/json"
    content = (PAYLOADS / name).read_bytes()
    return httpx.Response(status, content=content, headers={"content-type": kind})


def connector(
    *answers: httpx.Response, seen: list[httpx.Request] | None = None, language: str | None = None
) -> FourPxConnector:
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return queue.pop(0)

    time = FakeTime()
    return FourPxConnector(
        app_key="app-key-1",
        app_secret=SECRET,
        language=language,
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        clock=time.clock,
        wall_clock=lambda: 1_725_000_000.123,
    )


def test_the_signature_is_md5_of_the_sorted_system_parameters_body_and_secret() -> None:
    text = "app_keyKformatjsonmethodMtimestamp1v1.0.0{}" + SECRET
    expected = hashlib.md5(text.encode()).hexdigest()
    got = sign(
        app_key="K", app_secret=SECRET, method="M", timestamp="1", version="1.0.0", body="{}"
    )
    assert got == expected


def test_a_track_call_is_a_signed_post_to_the_router() -> None:
    seen: list[httpx.Request] = []
    results = connector(answer("tracking_delivered.json"), seen=seen).track([NUMBER])
    assert results[0].outcome is Outcome.FOUND and len(results[0].events) == 11
    (request,) = seen
    assert request.method == "POST"
    assert request.url.host == "open.4px.com" and request.url.path == "/router/api/service"
    params = request.url.params
    assert params["app_key"] == "app-key-1"
    assert params["method"] == "tr.order.tracking.get"
    assert params["format"] == "json" and params["v"] == "1.0.0"
    assert params["timestamp"] == "1725000000123"
    assert "language" not in params
    assert json.loads(request.content) == {"deliveryOrderNo": NUMBER}
    assert params["sign"] == sign(
        app_key="app-key-1",
        app_secret=SECRET,
        method="tr.order.tracking.get",
        timestamp="1725000000123",
        version="1.0.0",
        body=request.content.decode(),
    )


def test_the_language_is_passed_when_asked_for() -> None:
    seen: list[httpx.Request] = []
    connector(answer("tracking_delivered.json"), seen=seen, language="en").track([NUMBER])
    assert seen[0].url.params["language"] == "en"


def test_each_number_is_asked_in_turn_and_answered_in_order() -> None:
    results = connector(answer("tracking_not_found.json"), answer("tracking_delivered.json")).track(
        ["4PX0000000000000CN", NUMBER]
    )
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.FOUND]


def test_server_errors_are_retried_and_a_dead_server_is_unavailable() -> None:
    ok = connector(httpx.Response(504), answer("tracking_delivered.json")).track([NUMBER])
    assert ok[0].outcome is Outcome.FOUND
    with pytest.raises(CarrierUnavailable):
        connector(*[httpx.Response(500)] * 4).track([NUMBER])


def test_refused_credentials_fail_the_request() -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        connector(httpx.Response(403)).track([NUMBER])
    with pytest.raises(CarrierAuthenticationFailed):
        connector(answer("auth_error.json")).track([NUMBER])


def test_a_404_is_not_found_and_other_statuses_fail_the_request() -> None:
    assert connector(httpx.Response(404)).track([NUMBER])[0].outcome is Outcome.NOT_FOUND
    with pytest.raises(CarrierError, match="HTTP 405"):
        connector(httpx.Response(405)).track([NUMBER])


@pytest.mark.parametrize("name", ["malformed_nginx.html", "malformed_truncated.json"])
def test_html_pages_and_truncated_json_are_malformed(name: str) -> None:
    with pytest.raises(MalformedPayload):
        connector(answer(name)).track([NUMBER])


def test_the_secret_never_shows_in_the_repr() -> None:
    client = connector()
    assert SECRET not in repr(client) and "app-key-1" not in repr(client)
    assert client.slug == SLUG == "4px" and client.batch_size == 1
