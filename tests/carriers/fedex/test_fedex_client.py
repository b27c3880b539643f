"""The FedEx connector over HTTP: OAuth token, one POST per batch, errors per number or request."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.fedex import SLUG, FedexConnector
from crosstrack.carriers.http import RetryPolicy

PAYLOADS = Path(__file__).parent / "payloads"


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def answer(status: int, name: str) -> httpx.Response:
    content = (PAYLOADS / name).read_bytes()
    kind = "text/html" if name.endswith(".html") else "application/json"
    return httpx.Response(status, content=content, headers={"content-type": kind})


class FakeFedex:
    """Answers the token endpoint, then the track endpoint with the answers given in turn."""

    def __init__(self, *track_answers: httpx.Response, token_status: int = 200) -> None:
        self.track_answers = list(track_answers)
        self.token_status = token_status
        self.requests: list[httpx.Request] = []
        self.tokens_issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/oauth/token":
            if self.token_status != 200:
                return answer(self.token_status, "auth_error.json")
            self.tokens_issued += 1
            return httpx.Response(
                200,
                json={
                    "access_token": f"token-{self.tokens_issued}",
                    "token_type": "bearer",
                    "expires_in": 3599,
                    "scope": "CXS-TP",
                },
            )
        return self.track_answers.pop(0)

    @property
    def track_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == "/track/v1/trackingnumbers"]


def connector(fake: FakeFedex, time: FakeTime | None = None) -> FedexConnector:
    time = time or FakeTime()
    return FedexConnector(
        "api-key",
        "api-s3cret",
        transport=httpx.MockTransport(fake),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0),
    )


def test_tracking_gets_a_token_with_form_credentials_then_posts_every_number() -> None:
    fake = FakeFedex(answer(200, "multiple_numbers.json"))
    results = connector(fake).track(["776094337676", "123456789012"])
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.NOT_FOUND]
    token_request, track_request = fake.requests
    assert token_request.method == "POST"
    assert str(token_request.url) == "https://apis.fedex.com/oauth/token"
    assert "authorization" not in token_request.headers
    assert parse_qs(token_request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": ["api-key"],
        "client_secret": ["api-s3cret"],
    }
    assert track_request.method == "POST"
    assert str(track_request.url) == "https://apis.fedex.com/track/v1/trackingnumbers"
    assert track_request.headers["authorization"] == "Bearer token-1"
    assert track_request.headers["content-type"] == "application/json"
    assert track_request.headers["x-locale"] == "en_US"
    assert json.loads(track_request.content) == {
        "includeDetailedScans": True,
        "trackingInfo": [
            {"trackingNumberInfo": {"trackingNumber": "776094337676"}},
            {"trackingNumberInfo": {"trackingNumber": "123456789012"}},
        ],
    }


def test_numbers_missing_from_the_answer_are_not_found_in_order() -> None:
    fake = FakeFedex(answer(200, "delivered_international.json"))
    results = connector(fake).track(["111111111111", "794616896420"])
    assert [(r.tracking_number, r.outcome) for r in results] == [
        ("111111111111", Outcome.NOT_FOUND),
        ("794616896420", Outcome.FOUND),
    ]


def test_the_token_is_reused_across_requests() -> None:
    fake = FakeFedex(answer(200, "not_found.json"), answer(200, "not_found.json"))
    fedex = connector(fake)
    fedex.track(["39936862321"])
    fedex.track(["39936862321"])
    assert fake.tokens_issued == 1 and len(fake.track_requests) == 2


def test_an_expired_token_is_renewed_once_and_the_request_retried() -> None:
    fake = FakeFedex(answer(401, "auth_error.json"), answer(200, "delivered_international.json"))
    [result] = connector(fake).track(["794616896420"])
    assert result.outcome is Outcome.FOUND
    assert [r.headers["authorization"] for r in fake.track_requests] == [
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_credentials_refused_twice_raise_authentication_failed() -> None:
    fake = FakeFedex(answer(401, "auth_error.json"), answer(401, "auth_error.json"))
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track(["794616896420"])
    assert len(fake.track_requests) == 2


def test_a_refused_token_request_is_not_retried() -> None:
    fake = FakeFedex(token_status=401)
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track(["794616896420"])
    assert len(fake.requests) == 1


def test_server_errors_are_retried_then_the_carrier_is_unavailable() -> None:
    time = FakeTime()
    fake = FakeFedex(*(answer(503, "gateway_error.html") for _ in range(3)))
    with pytest.raises(CarrierUnavailable):
        connector(fake, time).track(["794616896420"])
    # 0.1 s: the rate limit (10/s) after the token request; then the backoffs.
    assert len(fake.track_requests) == 3 and time.slept == pytest.approx([0.1, 1.0, 2.0])


def test_a_429_then_success_is_answered() -> None:
    fake = FakeFedex(
        httpx.Response(429, headers={"Retry-After": "2"}), answer(200, "not_found.json")
    )
    [result] = connector(fake).track(["39936862321"])
    assert result.outcome is Outcome.NOT_FOUND


def test_a_rejected_request_is_a_carrier_error_with_fedex_words() -> None:
    fake = FakeFedex(answer(400, "request_error.json"))
    with pytest.raises(CarrierError, match=r"TRACKING\.TRACKINGNUMBER\.EMPTY"):
        connector(fake).track(["", "794616896420"])


def test_a_rejected_single_number_is_that_number_answer() -> None:
    fake = FakeFedex(answer(400, "request_error.json"))
    [result] = connector(fake).track([" "])
    assert result.outcome is Outcome.INVALID


def test_an_error_status_without_an_error_body_is_a_carrier_error() -> None:
    fake = FakeFedex(httpx.Response(404, json={"message": "no route"}))
    with pytest.raises(CarrierError, match="HTTP 404"):
        connector(fake).track(["794616896420"])


@pytest.mark.parametrize("name", ["truncated.json", "gateway_error.html", "wrong_shape.json"])
def test_html_truncated_or_misshapen_answers_are_malformed(name: str) -> None:
    fake = FakeFedex(answer(200, name))
    with pytest.raises(MalformedPayload):
        connector(fake).track(["794616896420"])


def test_an_empty_batch_asks_nothing_and_an_oversized_one_is_refused() -> None:
    fake = FakeFedex()
    fedex = connector(fake)
    assert fedex.track([]) == [] and fake.requests == []
    with pytest.raises(ValueError):
        fedex.track([str(n) for n in range(31)])


def test_credentials_never_appear_in_repr_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeFedex(httpx.Response(503), answer(200, "not_found.json"))
    fedex = connector(fake)
    with caplog.at_level(logging.DEBUG, logger="crosstrack.carriers"):
        fedex.track(["39936862321"])
    assert "api-s3cret" not in repr(fedex) and "api-key" not in repr(fedex)
    assert "api-s3cret" not in caplog.text and "token-1" not in caplog.text
    assert fedex.slug == SLUG == "fedex" and fedex.batch_size == 30
    assert fedex.requests_per_second <= 140
