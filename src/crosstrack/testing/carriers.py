"""A fake carrier for tests: answers tracking requests from a dict and pushes signed webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence

from crosstrack.carriers.connector import (
    Outcome,
    TrackingResult,
    WebhookBatch,
    WebhookRequest,
)
from crosstrack.carriers.errors import CarrierUnavailable, MalformedPayload
from crosstrack.domain.model import RawEvent

SIGNATURE_HEADER = "x-fake-signature"


class FakeCarrier:
    """A ``CarrierConnector`` and ``WebhookReceiver`` over plain data.

    ``events`` maps tracking numbers to their raw events; unknown numbers are not found.
    ``down = True`` makes every request fail as an outage would. Webhook bodies are JSON
    ``{"number": ..., "events": [{"description", "timestamp", ...}]}`` signed with HMAC-SHA256
    (hex) of the body under ``secret`` in the ``x-fake-signature`` header.
    """

    def __init__(
        self,
        slug: str = "fake-carrier",
        events: Mapping[str, Sequence[RawEvent]] | None = None,
        *,
        secret: str = "fake-secret",
        batch_size: int = 40,
    ) -> None:
        self.slug = slug
        self.batch_size = batch_size
        self.requests_per_second = 1000.0
        self.events: dict[str, list[RawEvent]] = {k: list(v) for k, v in (events or {}).items()}
        self.down = False
        self.calls: list[tuple[str, ...]] = []
        self._secret = secret.encode()

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        self.calls.append(tuple(tracking_numbers))
        if self.down:
            raise CarrierUnavailable(f"{self.slug} is down", retry_after=60)
        return [
            TrackingResult(n, Outcome.FOUND, tuple(self.events[n]), carrier=self.slug)
            if n in self.events
            else TrackingResult(n, Outcome.NOT_FOUND, carrier=self.slug)
            for n in tracking_numbers
        ]

    def sign(self, body: bytes) -> str:
        """The signature header value for ``body``."""
        return hmac.new(self._secret, body, hashlib.sha256).hexdigest()

    def verify(self, request: WebhookRequest) -> bool:
        given = request.headers.get(SIGNATURE_HEADER, "")
        return hmac.compare_digest(given, self.sign(request.body))

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        try:
            payload = json.loads(request.body)
            number = str(payload["number"])
            events = tuple(
                RawEvent(
                    description=str(item["description"]),
                    carrier=self.slug,
                    timestamp=item.get("timestamp"),
                    location=item.get("location"),
                    tracking_number=number,
                )
                for item in payload["events"]
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise MalformedPayload(f"not a {self.slug} webhook body ({exc!r})") from None
        return WebhookBatch((TrackingResult(number, Outcome.FOUND, events, carrier=self.slug),))
