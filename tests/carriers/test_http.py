"""The carrier HTTP client: retries with backoff, rate limits, credentials, no secrets in logs."""

from __future__ import annotations

import logging

import httpx
import pytest

from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.http import (
    CarrierHttp,
    OAuthClientCredentials,
    RetryPolicy,
    TokenBucket,
    json_of,
)


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _client(handler: httpx.MockTransport, time: FakeTime, **kwargs: object) -> CarrierHttp:
    return CarrierHttp(
        carrier="acme",
        base_url="https://api.acme.test",
        requests_per_second=kwargs.pop("rate", 1000.0),  # type: ignore[arg-type]
        burst=10,
        policy=RetryPolicy(attempts=4, base_delay=1.0, max_delay=8.0),
        transport=handler,
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
    )


def test_5xx_and_429_are_retried_with_growing_backoff_then_succeed() -> None:
    answers = iter([503, 429, 200])
    time = FakeTime()
    transport = httpx.MockTransport(lambda request: httpx.Response(next(answers), json={}))
    response = _client(transport, time).request("GET", "/track")
    assert response.status_code == 200
    assert time.slept == [1.0, 2.0]


def test_retry_after_is_honoured() -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "5"}), httpx.Response(200)])
    time = FakeTime()
    response = _client(httpx.MockTransport(lambda r: next(answers)), time).request("GET", "/t")
    assert response.status_code == 200 and time.slept == [5.0]


def test_a_carrier_that_keeps_timing_out_is_unavailable_after_the_last_attempt() -> None:
    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    time = FakeTime()
    with pytest.raises(CarrierUnavailable, match="timed out after 4 attempts"):
        _client(httpx.MockTransport(timeout), time).request("GET", "/track")
    assert time.slept == [1.0, 2.0, 4.0]


def test_refused_credentials_are_not_retried() -> None:
    calls = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401)

    with pytest.raises(CarrierAuthenticationFailed):
        _client(httpx.MockTransport(refuse), FakeTime()).request("GET", "/track")
    assert len(calls) == 1


def test_the_rate_limit_spaces_requests() -> None:
    time = FakeTime()
    bucket = TokenBucket(2.0, 1, clock=time.clock, sleep=time.sleep)
    for _ in range(3):
        bucket.acquire()
    assert time.slept == [0.5, 0.5]


def test_html_error_pages_and_broken_json_are_malformed_payloads() -> None:
    page = httpx.Response(200, text="<html>Gateway</html>", headers={"content-type": "text/html"})
    with pytest.raises(MalformedPayload, match="text/html"):
        json_of(page, "acme")
    with pytest.raises(MalformedPayload):
        json_of(httpx.Response(200, text='{"a": '), "acme")


def test_oauth_tokens_are_reused_until_they_expire_and_secrets_never_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    tokens = iter(["token-1", "token-2"])
    seen: list[str] = []
    track_answers = iter([503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            seen.append(request.headers["authorization"])
            return httpx.Response(200, json={"access_token": next(tokens), "expires_in": 120})
        return httpx.Response(next(track_answers), json={"ok": True})

    time = FakeTime()
    http = _client(httpx.MockTransport(handler), time)
    oauth = OAuthClientCredentials(
        http, token_path="/oauth/token", client_id="id", client_secret="s3cret", clock=time.clock
    )
    with caplog.at_level(logging.INFO, logger="crosstrack.carriers"):
        assert oauth.header() == {"Authorization": "Bearer token-1"}
        assert oauth.header() == {"Authorization": "Bearer token-1"}
        http.request("GET", "/track", headers=oauth.header(), params={"apikey": "k-123"})
        time.now += 120
        assert oauth.header() == {"Authorization": "Bearer token-2"}
    assert len(seen) == 2
    assert "s3cret" not in caplog.text and "token-1" not in caplog.text
    assert "k-123" not in caplog.text and "/track" in caplog.text
    assert "s3cret" not in repr(oauth)


def _oauth_over(handler: httpx.MockTransport) -> tuple[CarrierHttp, OAuthClientCredentials]:
    time = FakeTime()
    http = _client(handler, time)
    oauth = OAuthClientCredentials(
        http, token_path="/oauth/token", client_id="id", client_secret="s", clock=time.clock
    )
    return http, oauth


def test_a_token_the_carrier_refuses_is_fetched_afresh_and_the_request_sent_once_more() -> None:
    tokens = iter(["token-1", "token-2", "token-3"])
    sent_with: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": next(tokens), "expires_in": 3600})
        sent_with.append(request.headers["authorization"])
        return httpx.Response(401 if len(sent_with) == 1 else 200, json={})

    http, oauth = _oauth_over(httpx.MockTransport(handler))
    response = oauth.send(lambda auth: http.request("GET", "/track", headers=auth))
    assert response.status_code == 200
    assert sent_with == ["Bearer token-1", "Bearer token-2"]


def test_a_token_refused_twice_stands_and_a_refused_token_request_sends_nothing() -> None:
    track_requests: list[str] = []

    def refuses_everything(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        track_requests.append(request.url.path)
        return httpx.Response(401, json={})

    http, oauth = _oauth_over(httpx.MockTransport(refuses_everything))
    with pytest.raises(CarrierAuthenticationFailed):
        oauth.send(lambda auth: http.request("GET", "/track", headers=auth))
    assert track_requests == ["/track", "/track"]

    http, oauth = _oauth_over(httpx.MockTransport(lambda request: httpx.Response(401, json={})))
    sent: list[dict[str, str]] = []
    with pytest.raises(CarrierAuthenticationFailed):
        oauth.send(lambda auth: sent.append(auth) or http.request("GET", "/track"))
    assert sent == []
