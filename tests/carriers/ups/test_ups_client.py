"""The UPS connector over HTTP: OAuth token, one GET per number, errors per number or per request."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
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
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.ups import SLUG, UpsConnector

PAYLOADS = Path(__file__).parent / "payloads"
NUMBER = "1Z5R89390357567127"

Handler = Callable[[httpx.Request], httpx.Response]


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def body(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


def json_response(status: int, name: str) -> httpx.Response:
    return httpx.Response(status, content=body(name), headers={"content-type": "application/json"})


class FakeUps:
    """Answers the token endpoint, then the track endpoint with the answers given in turn."""

    def __init__(self, *track_answers: httpx.Response, token_status: int = 200) -> None:
        self.track_answers = list(track_answers)
        self.token_status = token_status
        self.requests: list[httpx.Request] = []
        self.tokens_issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/security/v1/oauth/token":
            if self.token_status != 200:
                return json_response(self.token_status, "auth_error.json")
            self.tokens_issued += 1
            token = f"token-{self.tokens_issued}"
            return httpx.Response(200, json={"access_token": token, "expires_in": "14399"})
        return self.track_answers.pop(0)

    @property
    def track_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path.startswith("/api/track/")]


def connector(fake: Handler, time: FakeTime | None = None) -> UpsConnector:
    time = time or FakeTime()
    return UpsConnector(
        "client-id",
        "client-s3cret",
        transport=httpx.MockTransport(fake),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0),
        transaction_id=lambda: "trans-1",
    )


def test_tracking_gets_a_token_with_basic_auth_then_the_details_with_ups_headers() -> None:
    fake = FakeUps(json_response(200, "delivered_international.json"))
    [result] = connector(fake).track([NUMBER])
    assert result.outcome is Outcome.FOUND and len(result.events) == 8
    token_request, track_request = fake.requests
    assert token_request.method == "POST"
    assert str(token_request.url) == "https://onlinetools.ups.com/security/v1/oauth/token"
    expected = base64.b64encode(b"client-id:client-s3cret").decode()
    assert token_request.headers["authorization"] == f"Basic {expected}"
    assert token_request.content == b"grant_type=client_credentials"
    assert track_request.method == "GET"
    assert track_request.url.host == "onlinetools.ups.com"
    assert track_request.url.path == f"/api/track/v1/details/{NUMBER}"
    assert track_request.url.params["locale"] == "en_US"
    assert track_request.headers["authorization"] == "Bearer token-1"
    assert track_request.headers["transid"] == "trans-1"
    assert track_request.headers["transactionsrc"] == "crosstrack"


def test_the_token_is_reused_and_each_number_is_one_request_in_order() -> None:
    fake = FakeUps(
        json_response(200, "delivered_international.json"), json_response(200, "not_found.json")
    )
    results = connector(fake).track([NUMBER, "1Z9999999999999999"])
    assert [r.tracking_number for r in results] == [NUMBER, "1Z9999999999999999"]
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.NOT_FOUND]
    assert fake.tokens_issued == 1 and len(fake.track_requests) == 2


def test_documented_404_and_400_answers_are_results_for_the_number() -> None:
    not_found = httpx.Response(
        404,
        json={
            "response": {
                "errors": [{"code": "TW0001", "message": "Tracking Information Not Found"}]
            }
        },
    )
    fake = FakeUps(not_found, json_response(400, "invalid_number.json"))
    results = connector(fake).track([NUMBER, "1Z"])
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.INVALID]


def test_an_expired_token_is_renewed_once_and_the_request_retried() -> None:
    fake = FakeUps(
        json_response(401, "auth_error.json"), json_response(200, "delivered_international.json")
    )
    [result] = connector(fake).track([NUMBER])
    assert result.outcome is Outcome.FOUND
    assert fake.tokens_issued == 2
    assert [r.headers["authorization"] for r in fake.track_requests] == [
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_credentials_refused_twice_raise_authentication_failed() -> None:
    fake = FakeUps(json_response(401, "auth_error.json"), json_response(401, "auth_error.json"))
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track([NUMBER])
    assert len(fake.track_requests) == 2


def test_a_refused_token_request_is_not_retried() -> None:
    fake = FakeUps(token_status=401)
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track([NUMBER])
    assert len(fake.requests) == 1


def test_server_errors_are_retried_then_the_carrier_is_unavailable() -> None:
    time = FakeTime()
    fake = FakeUps(*(httpx.Response(503, text="busy") for _ in range(3)))
    with pytest.raises(CarrierUnavailable):
        connector(fake, time).track([NUMBER])
    # 0.5 s: the rate limit (2/s) after the token request; then the backoffs.
    assert len(fake.track_requests) == 3 and time.slept == [0.5, 1.0, 2.0]


def test_a_server_error_then_success_is_one_result() -> None:
    fake = FakeUps(httpx.Response(500), json_response(200, "delivered_international.json"))
    [result] = connector(fake).track([NUMBER])
    assert result.outcome is Outcome.FOUND


def test_an_unexpected_status_is_a_whole_request_error() -> None:
    fake = FakeUps(
        httpx.Response(
            405, json={"response": {"errors": [{"code": "405", "message": "Method Not Allowed"}]}}
        )
    )
    with pytest.raises(CarrierError, match="HTTP 405: 405: Method Not Allowed"):
        connector(fake).track([NUMBER])


@pytest.mark.parametrize("name", ["truncated.json", "gateway_error.html", "wrong_shape.json"])
def test_html_truncated_or_misshapen_answers_are_malformed(name: str) -> None:
    kind = "text/html" if name.endswith(".html") else "application/json"
    fake = FakeUps(httpx.Response(200, content=body(name), headers={"content-type": kind}))
    with pytest.raises(MalformedPayload):
        connector(fake).track([NUMBER])


def test_numbers_are_sent_without_spaces_and_escaped() -> None:
    fake = FakeUps(json_response(200, "not_found.json"))
    connector(fake).track([" 1Z/../x "])
    assert fake.track_requests[0].url.raw_path.startswith(b"/api/track/v1/details/1Z%2F..%2Fx?")


def test_credentials_never_appear_in_repr_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeUps(httpx.Response(503), json_response(200, "delivered_international.json"))
    ups = connector(fake)
    with caplog.at_level(logging.DEBUG, logger="crosstrack.carriers"):
        ups.track([NUMBER])
    assert "client-s3cret" not in repr(ups) and "client-id" not in repr(ups)
    assert "client-s3cret" not in caplog.text and "token-1" not in caplog.text
    assert ups.slug == SLUG == "ups" and ups.batch_size == 1 and ups.requests_per_second <= 5
    json.dumps(repr(ups))
