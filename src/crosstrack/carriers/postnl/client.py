"""The PostNL Shipping Status API connector (HTTP only; answers are read by ``parse``).

One ``GET /shipment/v2/status/barcode/{barcode}?detail=true&language=EN`` per barcode, with
the ``apikey`` header.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from urllib.parse import quote

import httpx

from crosstrack.carriers.connector import TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.http import CarrierHttp, RetryPolicy, json_of
from crosstrack.carriers.postnl.parse import SLUG, parse_problem, parse_status

BASE_URL = "https://api.postnl.nl"
SANDBOX_URL = "https://api-sandbox.postnl.nl"
STATUS_PATH = "/shipment/v2/status/barcode/{barcode}"
DEFAULT_REQUESTS_PER_SECOND = 1.0
"""PostNL publishes no figure; it asks for status calls only when needed, not every minute."""


class PostnlConnector:
    """Tracks PostNL barcodes, one request per barcode."""

    slug = SLUG
    batch_size = 1

    def __init__(
        self,
        api_key: str,
        *,
        language: str = "EN",
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
        self._language = language
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=requests_per_second,
            policy=policy,
            headers={"apikey": api_key, "Accept": "application/json"},
            transport=transport,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )

    def __repr__(self) -> str:  # never show the key
        return f"PostnlConnector(base_url={self._base_url!r}, language={self._language!r})"

    def close(self) -> None:
        """Release the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One result per barcode, in order (PostNL answers one barcode per request)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        path = STATUS_PATH.format(barcode=quote(number, safe=""))
        params = {"detail": "true", "language": self._language}
        response = self._http.request("GET", path, params=params)
        if response.status_code == 200:
            body = json_of(response, SLUG)
            return parse_status(number, body, language=self._language.lower())
        try:
            body = json_of(response, SLUG)
        except MalformedPayload:
            body = None
        return parse_problem(number, body, response.status_code)
