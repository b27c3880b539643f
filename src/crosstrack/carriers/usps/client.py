"""The USPS Tracking API v3 connector (HTTP only; answers are read by ``parse``).

OAuth 2 client credentials at ``POST /oauth2/v3/token``, then one
``GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL`` per number with the bearer token.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from urllib.parse import quote

import httpx

from crosstrack.carriers.connector import TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.http import CarrierHttp, OAuthClientCredentials, RetryPolicy, json_of
from crosstrack.carriers.usps.parse import SLUG, parse_error, parse_tracking

BASE_URL = "https://apis.usps.com"
TOKEN_PATH = "/oauth2/v3/token"
TRACKING_PATH = "/tracking/v3/tracking/{number}"
DEFAULT_REQUESTS_PER_SECOND = 60 / 3600
"""USPS's default quota for a new app is 60 calls an hour (raise it when USPS grants more)."""


class UspsConnector:
    """Tracks USPS numbers, one request per number."""

    slug = SLUG
    batch_size = 1

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
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
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=requests_per_second,
            policy=policy,
            headers={"Accept": "application/json"},
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
            basic_auth=False,
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the credentials or the token
        return f"UspsConnector(base_url={self._base_url!r})"

    def close(self) -> None:
        """Release the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One result per number, in order (USPS answers one number per request)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        response = self._get(TRACKING_PATH.format(number=quote(number, safe="")))
        if response.status_code == 200:
            return parse_tracking(number, json_of(response, SLUG))
        try:
            body = json_of(response, SLUG)
        except MalformedPayload:
            body = None
        return parse_error(number, body, response.status_code)

    def _get(self, path: str) -> httpx.Response:
        params = {"expand": "DETAIL"}
        return self._oauth.send(
            lambda auth: self._http.request("GET", path, headers=auth, params=params)
        )
