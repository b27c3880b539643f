"""The USPS connector: OAuth token, one GET per number, errors as results or carrier errors."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.usps import UspsConnector

PAYLOADS = Path(__file__).parent / "payloads"
TOKEN = json.loads((PAYLOADS / "token.json").read_text())


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


def connector(handler: httpx.MockTransport, time: FakeTime | None = None) -> UspsConnector:
    time = time or FakeTime()
    return UspsConnector(
        "the-client-id",
        "the-client-secret",
        transport=handler,
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=4.0),
    )


class UspsFake:
    """Answers the token endpoint, then tracking requests from a table by number."""

    def __init__(self, answers: dict[str, httpx.Response]) -> None:
        self.answers = answers
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/oauth2/v3/token":
            return httpx.Response(200, json=TOKEN)
        number = request.url.path.rsplit("/", 1)[-1]
        return self.answers[number]


def test_a_token_is_fetched_with_client_credentials_then_each_number_is_asked_with_it() -> None:
    fake = UspsFake(
        {
            "9400111899223456789012": httpx.Response(
                200, content=payload("tracking_delivered.json")
            ),
            "LZ123456785CN": httpx.Response(
                200, content=payload("tracking_inbound_international.json")
            ),
        }
    )
    results = connector(httpx.MockTransport(fake)).track(
        ["9400111899223456789012", "LZ123456785CN"]
    )

    token, first, second = fake.requests
    assert token.method == "POST" and str(token.url) == "https://apis.usps.com/oauth2/v3/token"
    form = parse_qs(token.content.decode())
    assert form == {
        "grant_type": ["client_credentials"],
        "client_id": ["the-client-id"],
        "client_secret": ["the-client-secret"],
    }
    assert first.method == "GET"
    assert first.url.path == "/tracking/v3/tracking/9400111899223456789012"
    assert first.url.params["expand"] == "DETAIL"
    assert first.headers["authorization"] == f"Bearer {TOKEN['access_token']}"
    assert second.headers["authorization"] == first.headers["authorization"]
    assert [r.tracking_number for r in results] == ["9400111899223456789012", "LZ123456785CN"]
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.FOUND]
    assert len(results[0].events) == 8


def test_unknown_and_invalid_numbers_are_results_not_failures() -> None:
    fake = UspsFake(
        {
            "UNKNOWN1": httpx.Response(404, content=payload("error_not_found.json")),
            "BAD": httpx.Response(400, content=payload("error_invalid_number.json")),
            "HTMLGONE": httpx.Response(404, content=payload("malformed_gateway.html")),
        }
    )
    results = connector(httpx.MockTransport(fake)).track(["UNKNOWN1", "BAD", "HTMLGONE"])
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.INVALID, Outcome.NOT_FOUND]


def test_refused_client_credentials_fail_the_whole_request() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, content=payload("error_auth.json"))

    with pytest.raises(CarrierAuthenticationFailed):
        connector(httpx.MockTransport(refuse)).track(["9400111899223456789012"])


def test_a_refused_token_is_replaced_once_then_the_refusal_stands() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/oauth2/v3/token":
            return httpx.Response(200, json=TOKEN)
        return httpx.Response(401, json={"error": "invalid_token"})

    with pytest.raises(CarrierAuthenticationFailed):
        connector(httpx.MockTransport(handler)).track(["N1"])
    assert calls == ["/oauth2/v3/token", "/tracking/v3/tracking/N1"] * 2


def test_a_usps_outage_is_retried_then_reported_as_unavailable() -> None:
    time = FakeTime()
    fake = UspsFake({"N1": httpx.Response(503, text="Service Unavailable")})
    with pytest.raises(CarrierUnavailable):
        connector(httpx.MockTransport(fake), time).track(["N1"])
    assert len([r for r in fake.requests if r.url.path.endswith("/N1")]) == 3


def test_a_500_then_a_good_answer_succeeds() -> None:
    answers = iter(
        [httpx.Response(500), httpx.Response(200, content=payload("tracking_delivered.json"))]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/v3/token":
            return httpx.Response(200, json=TOKEN)
        return next(answers)

    [result] = connector(httpx.MockTransport(handler)).track(["9400111899223456789012"])
    assert result.outcome is Outcome.FOUND


@pytest.mark.parametrize("name", ["malformed_truncated.json", "malformed_gateway.html"])
def test_a_200_that_is_not_json_is_malformed(name: str) -> None:
    fake = UspsFake({"N1": httpx.Response(200, content=payload(name))})
    with pytest.raises(MalformedPayload):
        connector(httpx.MockTransport(fake)).track(["N1"])


def test_the_rate_limit_spaces_requests_by_the_default_quota() -> None:
    time = FakeTime()
    fake = UspsFake({"N1": httpx.Response(404, content=payload("error_not_found.json"))})
    usps = connector(httpx.MockTransport(fake), time)
    usps.track(["N1", "N1"])
    assert usps.requests_per_second == pytest.approx(60 / 3600)
    assert time.slept == [pytest.approx(60.0), pytest.approx(60.0)]


def test_the_repr_shows_no_credentials() -> None:
    text = repr(connector(httpx.MockTransport(UspsFake({}))))
    assert "secret" not in text and "the-client-id" not in text
