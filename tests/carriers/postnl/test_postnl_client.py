"""The PostNL connector: one GET per barcode with the apikey header, problems as results."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.postnl import PostnlConnector

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


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


class PostnlFake:
    """Answers status requests from a table keyed by barcode."""

    def __init__(self, answers: dict[str, httpx.Response]) -> None:
        self.answers = answers
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers[request.url.raw_path.split(b"?")[0].decode().rsplit("/", 1)[-1]]


def connector(fake: PostnlFake, time: FakeTime | None = None) -> PostnlConnector:
    time = time or FakeTime()
    return PostnlConnector(
        "the-api-key",
        transport=httpx.MockTransport(fake),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=4.0),
    )


def test_each_barcode_is_asked_in_detail_and_in_english_with_the_api_key() -> None:
    fake = PostnlFake(
        {
            "3SABCD9988776": httpx.Response(200, content=payload("complete_status_delivered.json")),
            "3SABCD0000000": httpx.Response(200, content=payload("warning_not_found.json")),
        }
    )
    results = connector(fake).track(["3SABCD9988776", "3SABCD0000000"])
    first = fake.requests[0]
    assert first.method == "GET"
    assert first.url.host == "api.postnl.nl"
    assert first.url.path == "/shipment/v2/status/barcode/3SABCD9988776"
    assert dict(first.url.params) == {"detail": "true", "language": "EN"}
    assert first.headers["apikey"] == "the-api-key"
    assert [(r.tracking_number, r.outcome) for r in results] == [
        ("3SABCD9988776", Outcome.FOUND),
        ("3SABCD0000000", Outcome.NOT_FOUND),
    ]
    assert results[0].events[0].language == "en"


def test_an_invalid_barcode_and_a_not_found_page_are_results() -> None:
    fake = PostnlFake(
        {
            "XX": httpx.Response(400, content=payload("error_invalid_barcode.json")),
            "GONE": httpx.Response(404, content=payload("malformed_gateway.html")),
        }
    )
    results = connector(fake).track(["XX", "GONE"])
    assert [r.outcome for r in results] == [Outcome.INVALID, Outcome.NOT_FOUND]


def test_a_refused_api_key_fails_the_whole_request() -> None:
    fake = PostnlFake({"N": httpx.Response(401, content=payload("error_fault_auth.json"))})
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track(["N"])


def test_server_errors_are_retried_then_unavailable() -> None:
    fake = PostnlFake({"N": httpx.Response(500, content=payload("error_fault_server.json"))})
    with pytest.raises(CarrierUnavailable):
        connector(fake).track(["N"])
    assert len(fake.requests) == 3


@pytest.mark.parametrize("name", ["malformed_truncated.json", "malformed_gateway.html"])
def test_a_200_that_is_not_json_is_malformed(name: str) -> None:
    fake = PostnlFake({"N": httpx.Response(200, content=payload(name))})
    with pytest.raises(MalformedPayload):
        connector(fake).track(["N"])


def test_barcodes_are_escaped_in_the_path() -> None:
    fake = PostnlFake({"A%2FB": httpx.Response(200, content=payload("warning_not_found.json"))})
    [result] = connector(fake).track(["A/B"])
    assert fake.requests[0].url.raw_path.startswith(b"/shipment/v2/status/barcode/A%2FB")
    assert result.tracking_number == "A/B"


def test_requests_are_spaced_by_the_rate_limit_and_the_repr_hides_the_key() -> None:
    time = FakeTime()
    fake = PostnlFake({"N": httpx.Response(200, content=payload("warning_not_found.json"))})
    postnl = connector(fake, time)
    postnl.track(["N", "N"])
    assert time.slept == [1.0]
    assert "the-api-key" not in repr(postnl)
