"""The YunExpress connector over HTTP: one GET per number with YunExpress's basic token."""

from __future__ import annotations

import base64
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
from crosstrack.carriers.yunexpress import SLUG, YunExpressConnector

PAYLOADS = Path(__file__).parent / "payloads"
SECRET = "test-secret-not-real"


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
    *answers: httpx.Response, seen: list[httpx.Request] | None = None
) -> YunExpressConnector:
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return queue.pop(0)

    time = FakeTime()
    return YunExpressConnector(
        customer_code="C12345",
        api_secret=SECRET,
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        clock=time.clock,
    )


def test_a_track_call_is_a_get_with_the_ampersand_basic_token() -> None:
    seen: list[httpx.Request] = []
    results = connector(answer("track_delivered.json"), seen=seen).track(["YT2409312345678901"])
    assert results[0].outcome is Outcome.FOUND and len(results[0].events) == 10
    (request,) = seen
    assert request.method == "GET"
    assert request.url.host == "oms.api.yunexpress.com"
    assert request.url.path == "/api/Tracking/GetTrackInfo"
    assert request.url.params["OrderNumber"] == "YT2409312345678901"
    expected = base64.b64encode(f"C12345&{SECRET}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {expected}"


def test_each_number_is_asked_in_turn_and_answered_in_order() -> None:
    results = connector(answer("track_not_found.json"), answer("track_delivered.json")).track(
        ["YT0000000000000000", "YT2409312345678901"]
    )
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.FOUND]
    assert [r.tracking_number for r in results] == ["YT0000000000000000", "YT2409312345678901"]


def test_server_errors_are_retried_and_a_dead_server_is_unavailable() -> None:
    ok = connector(httpx.Response(502), answer("track_delivered.json")).track(["YT1"])
    assert ok[0].outcome is Outcome.FOUND
    with pytest.raises(CarrierUnavailable):
        connector(*[httpx.Response(503)] * 4).track(["YT1"])


def test_refused_credentials_fail_the_request() -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        connector(httpx.Response(401)).track(["YT1"])
    with pytest.raises(CarrierAuthenticationFailed):
        connector(answer("auth_error.json")).track(["YT1"])


def test_a_404_is_not_found_and_other_statuses_fail_the_request() -> None:
    assert connector(httpx.Response(404)).track(["YT1"])[0].outcome is Outcome.NOT_FOUND
    with pytest.raises(CarrierError, match="HTTP 400"):
        connector(httpx.Response(400)).track(["YT1"])


@pytest.mark.parametrize("name", ["malformed_waf.html", "malformed_truncated.json"])
def test_html_pages_and_truncated_json_are_malformed(name: str) -> None:
    with pytest.raises(MalformedPayload):
        connector(answer(name)).track(["YT1"])


def test_the_credentials_never_show_in_the_repr() -> None:
    client = connector()
    assert SECRET not in repr(client) and "C12345" not in repr(client)
    assert client.slug == SLUG == "yunexpress" and client.batch_size == 1
