"""The FedEx Track API connector: OAuth 2 client credentials, up to 30 numbers per request."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

import httpx

from crosstrack.carriers.connector import TrackingResult
from crosstrack.carriers.errors import CarrierError
from crosstrack.carriers.fedex.parse import SLUG, parse_track_response
from crosstrack.carriers.http import CarrierHttp, OAuthClientCredentials, RetryPolicy, json_of

BASE_URL = "https://apis.fedex.com"
TOKEN_PATH = "/oauth/token"
TRACK_PATH = "/track/v1/trackingnumbers"
BATCH_SIZE = 30
"""FedEx accepts up to 30 tracking numbers in one request."""
REQUESTS_PER_SECOND = 10.0
"""FedEx allows 1,400 transactions per 10 s per project; we stay far below it (the Track
capability also has a daily quota, 100,000 requests by default)."""


class FedexConnector:
    """Tracks FedEx numbers through the FedEx Track API (``/track/v1/trackingnumbers``)."""

    slug = SLUG
    batch_size = BATCH_SIZE
    requests_per_second = REQUESTS_PER_SECOND

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        base_url: str = BASE_URL,
        requests_per_second: float = REQUESTS_PER_SECOND,
        policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.requests_per_second = requests_per_second
        self._base_url = base_url
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=requests_per_second,
            policy=policy,
            headers={"Accept": "application/json", "X-locale": "en_US"},
            transport=transport,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )
        self._oauth = OAuthClientCredentials(
            self._http,
            token_path=TOKEN_PATH,
            client_id=client_id,
            client_secret=client_secret,
            basic_auth=False,  # FedEx wants client_id and client_secret in the form
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the credentials
        return f"FedexConnector(base_url={self._base_url!r})"

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One result per number, in order; at most ``batch_size`` numbers per call."""
        numbers = [n.strip() for n in tracking_numbers]
        if not numbers:
            return []
        if len(numbers) > BATCH_SIZE:
            raise ValueError(f"fedex takes at most {BATCH_SIZE} numbers per request")
        payload = {
            "includeDetailedScans": True,
            "trackingInfo": [{"trackingNumberInfo": {"trackingNumber": n}} for n in numbers],
        }
        response = self._post(payload)
        body = json_of(response, SLUG)
        if response.status_code != 200 and not (isinstance(body, dict) and "errors" in body):
            raise CarrierError(f"fedex answered HTTP {response.status_code} without an error body")
        return parse_track_response(numbers, body, language="en")

    def _post(self, payload: object) -> httpx.Response:
        return self._oauth.send(
            lambda auth: self._http.request("POST", TRACK_PATH, headers=auth, json_body=payload)
        )
