"""The DHL connector: one GET per number with the API key, problems as results or errors."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from crosstrack.carriers.connector import Outcome
from crosstrack.carriers.dhl import DhlConnector
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)
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


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


class DhlFake:
    """Answers tracking requests from a table keyed by tracking number."""

    def __init__(self, answers: dict[str, httpx.Response]) -> None:
        self.answers = answers
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers[request.url.params["trackingNumber"]]


def connector(fake: DhlFake, time: FakeTime | None = None, **kwargs: str) -> DhlConnector:
    time = time or FakeTime()
    return DhlConnector(
        "the-api-key",
        transport=httpx.MockTransport(fake),
        sleep=time.sleep,
        clock=time.clock,
        rand=lambda: 1.0,
        policy=RetryPolicy(attempts=3, base_delay=1.0, max_delay=4.0),
        **kwargs,
    )


def test_each_number_is_asked_with_the_api_key_header_and_answered_in_order() -> None:
    fake = DhlFake(
        {
            "4820195736": httpx.Response(200, content=payload("express_delivered.json")),
            "9999999999": httpx.Response(404, content=payload("error_not_found.json")),
        }
    )
    results = connector(fake).track(["4820195736", "9999999999"])
    first = fake.requests[0]
    assert first.method == "GET"
    assert str(first.url).startswith("https://api-eu.dhl.com/track/shipments?")
    assert first.url.params["trackingNumber"] == "4820195736"
    assert first.url.params["language"] == "en"
    assert "service" not in first.url.params
    assert first.headers["dhl-api-key"] == "the-api-key"
    assert [(r.tracking_number, r.outcome) for r in results] == [
        ("4820195736", Outcome.FOUND),
        ("9999999999", Outcome.NOT_FOUND),
    ]


def test_a_service_narrows_the_search_when_configured() -> None:
    fake = DhlFake({"1": httpx.Response(200, content=payload("empty_shipments.json"))})
    [result] = connector(fake, service="express", language="de").track(["1"])
    assert fake.requests[0].url.params["service"] == "express"
    assert fake.requests[0].url.params["language"] == "de"
    assert result.outcome is Outcome.NOT_FOUND


def test_an_invalid_number_is_a_result_and_a_404_html_page_is_still_not_found() -> None:
    fake = DhlFake(
        {
            "%%": httpx.Response(400, content=payload("error_invalid_number.json")),
            "GONE": httpx.Response(404, content=payload("malformed_gateway.html")),
        }
    )
    results = connector(fake).track(["%%", "GONE"])
    assert [r.outcome for r in results] == [Outcome.INVALID, Outcome.NOT_FOUND]


def test_a_refused_key_fails_the_whole_request() -> None:
    fake = DhlFake({"1": httpx.Response(401, content=payload("error_auth.json"))})
    with pytest.raises(CarrierAuthenticationFailed):
        connector(fake).track(["1"])
    assert len(fake.requests) == 1


def test_rate_limiting_and_outages_are_retried_then_unavailable() -> None:
    time = FakeTime()
    fake = DhlFake(
        {
            "1": httpx.Response(
                429, content=payload("error_rate_limited.json"), headers={"Retry-After": "2"}
            )
        }
    )
    with pytest.raises(CarrierUnavailable) as raised:
        connector(fake, time).track(["1"])
    assert len(fake.requests) == 3
    assert raised.value.retry_after == 2.0


def test_a_503_then_a_good_answer_succeeds() -> None:
    answers = iter(
        [httpx.Response(503), httpx.Response(200, content=payload("express_delivered.json"))]
    )
    [result] = DhlConnector(
        "k", transport=httpx.MockTransport(lambda r: next(answers)), sleep=lambda s: None
    ).track(["4820195736"])
    assert result.outcome is Outcome.FOUND and len(result.events) == 7


@pytest.mark.parametrize("name", ["malformed_truncated.json", "malformed_gateway.html"])
def test_a_200_that_is_not_json_is_malformed(name: str) -> None:
    fake = DhlFake({"1": httpx.Response(200, content=payload(name))})
    with pytest.raises(MalformedPayload):
        connector(fake).track(["1"])


def test_requests_are_spaced_one_second_apart_by_default() -> None:
    time = FakeTime()
    fake = DhlFake({"1": httpx.Response(200, content=payload("empty_shipments.json"))})
    dhl = connector(fake, time)
    dhl.track(["1", "1", "1"])
    assert dhl.requests_per_second == 1.0 and dhl.batch_size == 1
    assert time.slept == [1.0, 1.0]


def test_the_repr_shows_no_key() -> None:
    assert "the-api-key" not in repr(connector(DhlFake({})))
