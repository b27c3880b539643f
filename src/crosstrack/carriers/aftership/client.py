"""The AfterShip Tracking API connector and its webhook (HTTP only)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from crosstrack.carriers.aftership.parse import (
    NOT_TRACKED,
    SLUG,
    number_key,
    parse_created,
    parse_trackings,
    parse_webhook,
)
from crosstrack.carriers.connector import TrackingResult, WebhookBatch, WebhookRequest
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.http import CarrierHttp, RetryPolicy, json_of

API_VERSION = "2024-10"
BASE_URL = f"https://api.aftership.com/tracking/{API_VERSION}"
SIGNATURE_HEADER = "aftership-hmac-sha256"
RETENTION = timedelta(days=120)
"""AfterShip keeps trackings 120 days; ``GET /trackings`` looks back 30 unless told."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AfterShipConnector:
    """AfterShip: up to 50 numbers a lookup, 10 requests a second.

    ``track`` looks the numbers up with one ``GET /trackings?tracking_numbers=...`` and
    creates a tracking (``POST /trackings``, courier auto-detected) for each number AfterShip
    does not track yet; a new tracking usually has no checkpoints yet (``NOT_FOUND``: ask
    again later). Webhooks are signed: ``aftership-hmac-sha256`` is the base64 HMAC-SHA256 of
    the raw body with the webhook secret.
    """

    slug = SLUG
    batch_size = 50
    requests_per_second = 10.0

    def __init__(
        self,
        api_key: str,
        *,
        webhook_secret: str | None = None,
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
        now: Callable[[], datetime] = _utc_now,
        policy: RetryPolicy | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("AfterShip needs an API key (the 'as-api-key' header)")
        self._secret = webhook_secret.encode() if webhook_secret else None
        self._base_url = base_url
        self._now = now
        self._http = CarrierHttp(
            carrier=SLUG,
            base_url=base_url,
            requests_per_second=self.requests_per_second,
            policy=policy,
            headers={"as-api-key": api_key, "Content-Type": "application/json"},
            transport=transport,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )

    def __repr__(self) -> str:  # never show the key or the secret
        return f"AfterShipConnector(base_url={self._base_url!r})"

    def close(self) -> None:
        """Release the HTTP connections."""
        self._http.close()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """Look the numbers up, creating trackings for new ones: one result per number."""
        numbers = list(tracking_numbers)
        if len(numbers) > self.batch_size:
            raise ValueError(f"AfterShip takes at most {self.batch_size} numbers a lookup")
        unique = list(dict.fromkeys(numbers))
        if not unique:
            return []
        answers = {number_key(r.tracking_number): r for r in self._look_up(unique)}
        for number in unique:
            key = number_key(number)
            if answers[key].error == NOT_TRACKED:
                created = self._create(number)
                if created is not None:
                    answers[key] = created
        return [replace(answers[number_key(n)], tracking_number=n) for n in numbers]

    def verify(self, request: WebhookRequest) -> bool:
        """Whether the signature header is the base64 HMAC-SHA256 of the raw body."""
        given = request.headers.get(SIGNATURE_HEADER)
        if not given or self._secret is None:
            return False
        digest = hmac.new(self._secret, request.body, hashlib.sha256).digest()
        return hmac.compare_digest(base64.b64encode(digest).decode(), given.strip())

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        """The result a verified delivery carries (AfterShip expects only a 2xx back)."""
        try:
            body = json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MalformedPayload("AfterShip webhook is not JSON") from None
        return WebhookBatch(results=parse_webhook(body))

    def _look_up(self, numbers: Sequence[str]) -> list[TrackingResult]:
        since = (self._now() - RETENTION).isoformat(timespec="seconds")
        params = {"tracking_numbers": ",".join(numbers), "created_at_min": since, "limit": "200"}
        response = self._http.request("GET", "/trackings", params=params)
        return parse_trackings(json_of(response, SLUG), numbers)

    def _create(self, number: str) -> TrackingResult | None:
        response = self._http.request("POST", "/trackings", json_body={"tracking_number": number})
        body: Any = json_of(response, SLUG)
        return parse_created(body, number)
