"""The 4PX open-platform client: ``tr.order.tracking.get`` through the signed router.

Every call is ``POST /router/api/service`` with the system parameters in the query string —
``app_key``, ``format=json``, ``method``, ``timestamp`` (epoch milliseconds), ``v`` and
``sign`` — and the business parameters as the JSON body. ``sign`` is the lower-case hex MD5 of
``"app_key" + key + "format" + "json" + "method" + method + "timestamp" + ts + "v" + v`` followed
by the exact body text and the app secret.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence

import httpx

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierError
from crosstrack.carriers.fourpx.parse import SLUG, parse_tracking
from crosstrack.carriers.http import CarrierHttp, json_of

BASE_URL = "https://open.4px.com"
ROUTER_PATH = "/router/api/service"
TRACK_METHOD = "tr.order.tracking.get"
TRACK_VERSION = "1.0.0"


def body_text(payload: object) -> str:
    """The JSON text httpx sends for ``json=`` (compact, UTF-8): the text that is signed."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def sign(
    *, app_key: str, app_secret: str, method: str, timestamp: str, version: str, body: str
) -> str:
    """4PX's request signature."""
    text = f"app_key{app_key}formatjsonmethod{method}timestamp{timestamp}v{version}{body}"
    return hashlib.md5((text + app_secret).encode("utf-8")).hexdigest()


class FourPxConnector:
    """4PX tracking through the open platform (one number per request)."""

    slug = SLUG
    batch_size = 1
    requests_per_second = 5.0

    def __init__(
        self,
        *,
        app_key: str,
        app_secret: str,
        language: str | None = None,
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._app_key = app_key
        self._app_secret = app_secret
        self._language = language
        self._wall_clock = wall_clock
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=self.requests_per_second,
            transport=transport,
            sleep=sleep,
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the secret
        return f"FourPxConnector(language={self._language!r})"

    def close(self) -> None:
        """Close the HTTP client."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One signed ``tr.order.tracking.get`` call per number (4PX or last-mile number)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        payload = {"deliveryOrderNo": number}
        timestamp = str(int(self._wall_clock() * 1000))
        params = {
            "app_key": self._app_key,
            "format": "json",
            "method": TRACK_METHOD,
            "timestamp": timestamp,
            "v": TRACK_VERSION,
            "sign": sign(
                app_key=self._app_key,
                app_secret=self._app_secret,
                method=TRACK_METHOD,
                timestamp=timestamp,
                version=TRACK_VERSION,
                body=body_text(payload),
            ),
        }
        if self._language:
            params["language"] = self._language
        response = self._http.request("POST", ROUTER_PATH, params=params, json_body=payload)
        if response.status_code == 404:
            return TrackingResult(number, Outcome.NOT_FOUND, carrier=SLUG)
        if response.status_code != 200:
            raise CarrierError(f"4px answered HTTP {response.status_code}")
        return parse_tracking(json_of(response, SLUG), number)
