"""The UPS Track API connector: OAuth 2 client credentials, then one number per request."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from urllib.parse import quote

import httpx

from crosstrack.carriers.connector import TrackingResult
from crosstrack.carriers.errors import CarrierError
from crosstrack.carriers.http import CarrierHttp, OAuthClientCredentials, RetryPolicy, json_of
from crosstrack.carriers.ups.parse import SLUG, error_message, parse_track_response

BASE_URL = "https://onlinetools.ups.com"
TOKEN_PATH = "/security/v1/oauth/token"
TRACK_PATH = "/api/track/v1/details/"
TRANSACTION_SOURCE = "crosstrack"
REQUESTS_PER_SECOND = 2.0
"""UPS publishes no per-second limit for tracking; we stay well below what integrators report."""

_ANSWERED_STATUSES = frozenset({200, 207, 400, 404})
"""Statuses whose JSON body speaks about the number (found, not found, invalid)."""


class UpsConnector:
    """Tracks UPS numbers through the UPS Track API (``/api/track/v1/details``)."""

    slug = SLUG
    batch_size = 1
    requests_per_second = REQUESTS_PER_SECOND

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        base_url: str = BASE_URL,
        transaction_source: str = TRANSACTION_SOURCE,
        requests_per_second: float = REQUESTS_PER_SECOND,
        policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
        transaction_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.requests_per_second = requests_per_second
        self._base_url = base_url
        self._transaction_source = transaction_source
        self._transaction_id = transaction_id
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
            basic_auth=True,
            clock=clock,
        )

    def __repr__(self) -> str:  # never show the credentials
        return f"UpsConnector(base_url={self._base_url!r})"

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """One result per number, in order (UPS answers one number per request)."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingResult:
        response = self._get_details(number)
        body = json_of(response, SLUG)
        if response.status_code not in _ANSWERED_STATUSES:
            detail = error_message(body) or "no error detail"
            raise CarrierError(f"ups answered HTTP {response.status_code}: {detail}")
        return parse_track_response(number, body, language="en")

    def _get_details(self, number: str) -> httpx.Response:
        path = TRACK_PATH + quote(number.strip(), safe="")
        params = {"locale": "en_US", "returnSignature": "false"}
        return self._oauth.send(
            lambda auth: self._http.request(
                "GET", path, headers={**auth, **self._headers()}, params=params
            )
        )

    def _headers(self) -> dict[str, str]:
        return {
            "transId": self._transaction_id(),
            "transactionSrc": self._transaction_source,
        }
