"""The 17TRACK API v2.2 connector: register, then ask; and its push webhook (HTTP only)."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import httpx

from crosstrack.carriers.connector import TrackingResult, WebhookBatch, WebhookRequest
from crosstrack.carriers.errors import CarrierError, MalformedPayload
from crosstrack.carriers.http import CarrierHttp, RetryPolicy, json_of
from crosstrack.carriers.seventeentrack.parse import (
    SLUG,
    data_of,
    number_key,
    parse_push,
    parse_register,
    parse_track_info,
)

BASE_URL = "https://api.17track.net/track/v2.2"
SIGNATURE_HEADER = "sign"


class SeventeenTrackConnector:
    """17TRACK: up to 40 numbers a request, 3 requests a second.

    ``track`` registers the numbers (17TRACK only answers for registered numbers; an already
    registered number costs nothing) and then asks ``gettrackinfo`` for those it accepted.
    Pushes are signed with the account's security key: ``sign`` is the hex SHA-256 of
    ``<raw body>/<key>``. The key is the API key unless a separate ``webhook_key`` is given.
    """

    slug = SLUG
    batch_size = 40
    requests_per_second = 3.0

    def __init__(
        self,
        api_key: str,
        *,
        webhook_key: str | None = None,
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
        policy: RetryPolicy | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("17TRACK needs an API key (the '17token' security key)")
        self._webhook_key = (webhook_key or api_key).encode()
        self._base_url = base_url
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=self.requests_per_second,
            policy=policy,
            headers={"17token": api_key, "Content-Type": "application/json"},
            transport=transport,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )

    def __repr__(self) -> str:  # never show the key
        return f"SeventeenTrackConnector(base_url={self._base_url!r})"

    def close(self) -> None:
        """Release the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """Register the numbers, then fetch what 17TRACK knows: one result per number."""
        numbers = list(tracking_numbers)
        if len(numbers) > self.batch_size:
            raise ValueError(f"17TRACK takes at most {self.batch_size} numbers a request")
        unique = list(dict.fromkeys(numbers))
        if not unique:
            return []
        refused = parse_register(self._post("/register", unique))
        answers = dict(refused)  # both keyed by number_key
        asked = [n for n in unique if number_key(n) not in answers]
        if asked:
            results = parse_track_info(self._post("/gettrackinfo", asked), asked)
            answers.update((number_key(r.tracking_number), r) for r in results)
        return [replace(answers[number_key(n)], tracking_number=n) for n in numbers]

    def verify(self, request: WebhookRequest) -> bool:
        """Whether ``sign`` is the SHA-256 of the raw body, a slash and our key."""
        given = request.headers.get(SIGNATURE_HEADER)
        if not given:
            return False
        expected = hashlib.sha256(request.body + b"/" + self._webhook_key).hexdigest()
        return hmac.compare_digest(expected, given.strip().lower())

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        """The results a verified push carries (17TRACK expects only an HTTP 200 back)."""
        try:
            body = json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MalformedPayload("17TRACK push is not JSON") from None
        return WebhookBatch(results=parse_push(body))

    def _post(self, path: str, numbers: Sequence[str]) -> Any:
        response = self._http.request(
            "POST", path, json_body=[{"number": number} for number in numbers]
        )
        body = json_of(response, SLUG)
        if response.status_code >= 400:
            data_of(body)  # raises the carrier's own reason when it gives one
            raise CarrierError(f"17TRACK answered HTTP {response.status_code} to {path}")
        return body
