"""The Cainiao LINK client: ``cnge.track.get`` over the LINK gateway, and trace pushes.

Every LINK call is one form-encoded POST to ``/gateway/link.do`` with ``msg_type``,
``logistic_provider_id`` (our app key / resource code), ``to_code``, the request JSON in
``logistics_interface`` and ``data_digest`` = base64(MD5(logistics_interface + app secret)).
Pushes arrive in the same form and carry the same digest, which ``verify`` checks.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import parse_qs

import httpx

from crosstrack.carriers.cainiao.parse import SLUG, parse_push, parse_track_answer
from crosstrack.carriers.connector import (
    Outcome,
    TrackingResult,
    WebhookBatch,
    WebhookRequest,
)
from crosstrack.carriers.errors import CarrierError, MalformedPayload
from crosstrack.carriers.http import CarrierHttp, json_of

BASE_URL = "https://link.cainiao.com"
GATEWAY_PATH = "/gateway/link.do"
TRACK_MSG_TYPE = "cnge.track.get"
TRACK_TO_CODE = "TRACK"
ACKNOWLEDGEMENT: Mapping[str, object] = {"success": "true", "errorCode": "", "errorMsg": ""}


def data_digest(content: str, secret: str) -> str:
    """LINK's signature: base64 of the MD5 digest of the content followed by the secret."""
    return base64.b64encode(hashlib.md5((content + secret).encode("utf-8")).digest()).decode()


class CainiaoConnector:
    """Cainiao global tracking through the LINK open platform (one number per request)."""

    slug = SLUG
    batch_size = 1
    requests_per_second = 5.0

    def __init__(
        self,
        *,
        app_key: str,
        app_secret: str,
        locale: str = "zh_CN",
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._app_key = app_key
        self._app_secret = app_secret
        self._locale = locale
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=self.requests_per_second,
            transport=transport,
            sleep=sleep,
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the secret
        return f"CainiaoConnector(locale={self._locale!r})"

    def close(self) -> None:
        """Close the HTTP client."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One ``cnge.track.get`` call per number (LINK takes one parcel per call)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        key = "orderCode" if number.upper().startswith("LP") else "mailNo"
        content = json.dumps({key: number, "locale": self._locale}, separators=(",", ":"))
        form = {
            "msg_type": TRACK_MSG_TYPE,
            "logistic_provider_id": self._app_key,
            "to_code": TRACK_TO_CODE,
            "logistics_interface": content,
            "data_digest": data_digest(content, self._app_secret),
        }
        response = self._http.request("POST", GATEWAY_PATH, form=form)
        if response.status_code == 404:
            return TrackingResult(number, Outcome.NOT_FOUND, carrier=SLUG)
        if response.status_code != 200:
            raise CarrierError(f"cainiao answered HTTP {response.status_code}")
        return parse_track_answer(json_of(response, SLUG), number)

    def verify(self, request: WebhookRequest) -> bool:
        """Whether a push's ``data_digest`` signs its ``logistics_interface`` with our secret."""
        fields = _form(request.body)
        if fields is None:
            return False
        content, digest = fields.get("logistics_interface"), fields.get("data_digest")
        if content is None or not digest:
            return False
        expected = data_digest(content, self._app_secret)
        return hmac.compare_digest(expected.encode(), digest.encode())

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        """The results a verified push carries, and LINK's expected acknowledgement."""
        fields = _form(request.body)
        if fields is None or "logistics_interface" not in fields:
            raise MalformedPayload("cainiao push has no logistics_interface form field")
        results = parse_push(fields["logistics_interface"])
        return WebhookBatch(results=tuple(results), acknowledgement=dict(ACKNOWLEDGEMENT))


def _form(body: bytes) -> dict[str, str] | None:
    """The form fields of a push body (first value of each), or None if it is no form."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        parsed = parse_qs(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    return {key: values[0] for key, values in parsed.items() if values}
