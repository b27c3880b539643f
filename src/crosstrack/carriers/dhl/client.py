"""The DHL Shipment Tracking – Unified API connector (HTTP only; answers are read by ``parse``).

One ``GET https://api-eu.dhl.com/track/shipments?trackingNumber=…`` per number, with the
``DHL-API-Key`` header.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

import httpx

from crosstrack.carriers.connector import TrackingResult
from crosstrack.carriers.dhl.parse import SLUG, parse_problem, parse_shipments
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.http import CarrierHttp, RetryPolicy, json_of

BASE_URL = "https://api-eu.dhl.com"
TRACKING_PATH = "/track/shipments"
DEFAULT_REQUESTS_PER_SECOND = 1.0
"""DHL's starter level allows 1 call a second and 250 calls a day: mind the daily quota."""


class DhlConnector:
    """Tracks DHL numbers (every DHL division the Unified API covers), one request per number."""

    slug = SLUG
    batch_size = 1

    def __init__(
        self,
        api_key: str,
        *,
        service: str | None = None,
        language: str = "en",
        base_url: str = BASE_URL,
        requests_per_second: float = DEFAULT_REQUESTS_PER_SECOND,
        policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.requests_per_second = requests_per_second
        self._base_url = base_url
        self._params = {"language": language, **({"service": service} if service else {})}
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=requests_per_second,
            policy=policy,
            headers={"DHL-API-Key": api_key, "Accept": "application/json"},
            transport=transport,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )

    def __repr__(self) -> str:  # never show the key
        return f"DhlConnector(base_url={self._base_url!r}, params={self._params!r})"

    def close(self) -> None:
        """Release the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One result per number, in order (DHL answers one number per request)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        params = {"trackingNumber": number, **self._params}
        response = self._http.request("GET", TRACKING_PATH, params=params)
        if response.status_code == 200:
            return parse_shipments(number, json_of(response, SLUG))
        try:
            body = json_of(response, SLUG)
        except MalformedPayload:
            body = None
        return parse_problem(number, body, response.status_code)
