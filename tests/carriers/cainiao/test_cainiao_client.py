"""The Cainiao connector over HTTP: one signed LINK call per number, and signed pushes."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import httpx
import pytest

from crosstrack.carriers.cainiao import SLUG, CainiaoConnector
from crosstrack.carriers.cainiao.client import data_digest
from crosstrack.carriers.connector import Outcome, WebhookRequest
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)

PAYLOADS = Path(__file__).parent / "payloads"
SECRET = "test-secret-not-real"


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def answer(name: str, status: int = 200) -> httpx.Response:
    kind = "text/html" if name.endswith(".html") else "application/json"
    return httpx.Response(
        status, content=(PAYLOADS / name).read_bytes(), headers={"content-type": kind}
    )


def connector(
    *answers: httpx.Response, seen: list[httpx.Request] | None = None
) -> CainiaoConnector:
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return queue.pop(0)

    time = FakeTime()
    return CainiaoConnector(
        app_key="123456",
        app_secret=SECRET,
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        clock=time.clock,
    )


def test_the_digest_is_base64_of_md5_of_content_and_secret() -> None:
    expected = base64.b64encode(hashlib.md5(b'{"a":1}' + SECRET.encode()).digest()).decode()
    assert data_digest('{"a":1}', SECRET) == expected


def test_a_track_call_is_a_signed_form_post_to_the_link_gateway() -> None:
    seen: list[httpx.Request] = []
    results = connector(answer("track_delivered.json"), seen=seen).track(["LP00634825912345"])
    assert results[0].outcome is Outcome.FOUND and len(results[0].events) == 11
    (request,) = seen
    assert request.method == "POST"
    assert str(request.url) == "https://link.cainiao.com/gateway/link.do"
    form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
    assert form["msg_type"] == "cnge.track.get"
    assert form["logistic_provider_id"] == "123456"
    assert form["to_code"] == "TRACK"
    assert json.loads(form["logistics_interface"]) == {
        "orderCode": "LP00634825912345",
        "locale": "zh_CN",
    }
    assert form["data_digest"] == data_digest(form["logistics_interface"], SECRET)


def test_a_carrier_number_is_asked_as_mail_no_one_call_each() -> None:
    seen: list[httpx.Request] = []
    results = connector(
        answer("track_in_transit_epoch.json"), answer("track_not_found.json"), seen=seen
    ).track(["UH047219837YP", "RB123456785SG"])
    assert [r.outcome for r in results] == [Outcome.FOUND, Outcome.NOT_FOUND]
    asked = [json.loads(parse_qs(r.content.decode())["logistics_interface"][0]) for r in seen]
    assert [a["mailNo"] for a in asked] == ["UH047219837YP", "RB123456785SG"]


def test_server_errors_are_retried_then_the_answer_is_read() -> None:
    results = connector(httpx.Response(503), answer("track_delivered.json")).track(["LP1"])
    assert results[0].outcome is Outcome.FOUND


def test_a_carrier_that_keeps_failing_is_unavailable() -> None:
    with pytest.raises(CarrierUnavailable):
        connector(*[httpx.Response(500)] * 4).track(["LP1"])


def test_refused_credentials_over_http_or_in_the_envelope_fail_the_request() -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        connector(httpx.Response(401)).track(["LP1"])
    with pytest.raises(CarrierAuthenticationFailed):
        connector(answer("auth_error.json")).track(["LP1"])


def test_a_404_is_a_number_not_found_and_other_http_errors_fail_the_request() -> None:
    assert connector(httpx.Response(404)).track(["LP1"])[0].outcome is Outcome.NOT_FOUND
    with pytest.raises(CarrierError, match="HTTP 400"):
        connector(httpx.Response(400)).track(["LP1"])


@pytest.mark.parametrize("name", ["malformed_gateway.html", "malformed_truncated.json"])
def test_html_pages_and_truncated_json_are_malformed(name: str) -> None:
    with pytest.raises(MalformedPayload):
        connector(answer(name)).track(["LP1"])


def test_the_secret_never_shows_in_the_repr() -> None:
    assert SECRET not in repr(connector()) and connector().slug == SLUG == "cainiao"


def push(content: str, digest: str | None = None, **more: str) -> WebhookRequest:
    fields = {"msg_type": "CNGE_TRACE_PUSH", "logistics_interface": content, **more}
    if digest is not None:
        fields["data_digest"] = digest
    return WebhookRequest(
        headers={"content-type": "application/x-www-form-urlencoded"},
        body=urlencode(fields).encode(),
    )


def test_a_push_signed_with_our_secret_is_verified_and_read() -> None:
    content = (PAYLOADS / "push_two_parcels.json").read_text(encoding="utf-8")
    request = push(content, data_digest(content, SECRET))
    client = connector()
    assert client.verify(request)
    batch = client.receive(request)
    assert [r.tracking_number for r in batch.results] == ["LP00811112222333", "LP00844445555666"]
    assert batch.acknowledgement["success"] == "true"


def test_a_bad_or_missing_digest_is_refused() -> None:
    content = (PAYLOADS / "push_two_parcels.json").read_text(encoding="utf-8")
    client = connector()
    assert not client.verify(push(content, data_digest(content, "another-secret")))
    assert not client.verify(push(content, data_digest(content + " ", SECRET)))
    assert not client.verify(push(content))
    assert not client.verify(WebhookRequest(headers={}, body=b"\xff\xfe"))
    assert not client.verify(WebhookRequest(headers={}, body=b"no form here"))


def test_a_malformed_push_body_is_refused() -> None:
    client = connector()
    with pytest.raises(MalformedPayload):
        client.receive(WebhookRequest(headers={}, body=b"msg_type=X"))
    with pytest.raises(MalformedPayload):
        client.receive(push("{truncated", data_digest("{truncated", SECRET)))
