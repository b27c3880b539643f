"""The YunExpress OMS client: ``GET /api/Tracking/GetTrackInfo?OrderNumber=…`` per number.

Every request carries ``Authorization: Basic base64("<customer code>&<API secret>")`` (an
ampersand, not the colon of HTTP basic auth, joins the two).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Sequence

import httpx

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierError
from crosstrack.carriers.http import CarrierHttp, json_of
from crosstrack.carriers.yunexpress.parse import SLUG, parse_track_info

BASE_URL = "https://oms.api.yunexpress.com"
TRACK_PATH = "/api/Tracking/GetTrackInfo"


def authorization(customer_code: str, api_secret: str) -> str:
    """YunExpress's ``Authorization`` header value."""
    token = base64.b64encode(f"{customer_code}&{api_secret}".encode()).decode()
    return f"Basic {token}"


class YunExpressConnector:
    """YunExpress tracking through the OMS open API (one number per request)."""

    slug = SLUG
    batch_size = 1
    requests_per_second = 5.0

    def __init__(
        self,
        *,
        customer_code: str,
        api_secret: str,
        language: str = "zh-cn",
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._language = language
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=self.requests_per_second,
            headers={
                "Authorization": authorization(customer_code, api_secret),
                "Accept": "application/json",
                "Accept-Language": language,
            },
            transport=transport,
            sleep=sleep,
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the credentials
        return f"YunExpressConnector(language={self._language!r})"

    def close(self) -> None:
        """Close the HTTP client."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One ``GetTrackInfo`` call per number (waybill, customer order or tracking number)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        response = self._http.request("GET", TRACK_PATH, params={"OrderNumber": number})
        if response.status_code == 404:
            return TrackingResult(number, Outcome.NOT_FOUND, carrier=SLUG)
        if response.status_code != 200:
            raise CarrierError(f"yunexpress answered HTTP {response.status_code}")
        return parse_track_info(json_of(response, SLUG), number)
