"""Carrier webhooks: verify the delivery, read it, feed ingestion, quarantine what is unreadable.

A delivery that fails its carrier's signature check is refused and changes nothing. A verified
delivery whose body is not the carrier's documented shape is kept in quarantine with the
reason, and acknowledged so the carrier does not resend it forever. Everything else goes
through the same ingestion as polls, so duplicates and out-of-order deliveries are harmless.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from crosstrack.carriers.connector import WebhookReceiver, WebhookRequest
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.services.errors import AuthenticationFailed, NotFound
from crosstrack.services.ingestion import (
    IncomingEvent,
    Ingestor,
    IngestReport,
    reported_weights,
)
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import EventSource, QuarantinedPayload, QuarantineSource


class WebhookRejected(AuthenticationFailed):
    """Raised when a delivery's signature does not verify (or is missing)."""

    code = "invalid_signature"


@dataclass(frozen=True, slots=True)
class WebhookOutcome:
    """What one delivery did."""

    carrier: str
    results: int = 0
    report: IngestReport | None = None
    quarantined: str | None = None
    """The quarantine id, when the body could not be read."""
    acknowledgement: Mapping[str, object] = field(default_factory=dict)


class WebhookIntake:
    """Receives carrier webhooks for the carriers that have a receiver."""

    def __init__(
        self,
        *,
        receivers: Mapping[str, WebhookReceiver],
        ingestor: Ingestor,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
    ) -> None:
        self._receivers = dict(receivers)
        self._ingestor = ingestor
        self._uow = uow
        self._clock = clock
        self._ids = ids

    @property
    def carriers(self) -> tuple[str, ...]:
        """The carriers whose webhooks are received."""
        return tuple(sorted(self._receivers))

    def receive(self, carrier: str, request: WebhookRequest) -> WebhookOutcome:
        """Verify, read and ingest one delivery."""
        receiver = self._receivers.get(carrier)
        if receiver is None:
            raise NotFound(f"no webhook receiver for carrier {carrier!r}")
        if not receiver.verify(request):
            raise WebhookRejected(f"the {carrier} webhook signature does not verify")
        try:
            batch = receiver.receive(request)
        except MalformedPayload as exc:
            return WebhookOutcome(carrier, quarantined=self._quarantine(carrier, request, exc))
        incoming = [
            IncomingEvent(raw, EventSource.WEBHOOK)
            for result in batch.results
            for raw in result.events
        ]
        weights = reported_weights(((r.tracking_number, r) for r in batch.results), carrier)
        report = self._ingestor.ingest(incoming, weights) if incoming or weights else None
        return WebhookOutcome(
            carrier, len(batch.results), report, acknowledgement=batch.acknowledgement
        )

    def _quarantine(self, carrier: str, request: WebhookRequest, problem: Exception) -> str:
        item = QuarantinedPayload.capture(
            id=self._ids(),
            source=QuarantineSource.WEBHOOK,
            carrier=carrier,
            reason=str(problem),
            body=request.body,
            received_at=self._clock(),
            content_type=request.headers.get("content-type"),
        )
        with self._uow() as uow:
            uow.quarantine.add(item)
            uow.commit()
        return item.id
