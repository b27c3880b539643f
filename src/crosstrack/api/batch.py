"""A merchant's batch of events, addressed by shipment id or by tracking number.

Events naming a ``shipment_id`` go to that shipment of this merchant only (another merchant's
id matches nothing). Events naming only a tracking number go to this merchant's shipments with
a leg of that number, never to other merchants' shipments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosstrack.api import commands, schemas
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent, IngestReport
from crosstrack.services.records import EventSource


@dataclass(frozen=True, slots=True)
class RoutedBatch:
    """The events to ingest, each with the position in the request it came from."""

    received: int
    incoming: tuple[IncomingEvent, ...]
    origins: tuple[int, ...]

    def report(self, ingested: IngestReport) -> IngestReport:
        """The ingestion report in terms of the request: its count and its positions."""
        missed = set(ingested.unmatched)
        matched = {origin for i, origin in enumerate(self.origins) if i not in missed}
        unmatched = tuple(p for p in range(self.received) if p not in matched)
        return replace(ingested, received=self.received, unmatched=unmatched)


def route(
    services: Services, merchant_id: str, events: Sequence[schemas.BatchEvent]
) -> RoutedBatch:
    """Address every event to shipments of ``merchant_id`` only (ingestion scopes bare
    tracking numbers to the merchant when the event names one)."""
    incoming = tuple(
        IncomingEvent(commands.raw_event(event), EventSource.API, merchant_id, event.shipment_id)
        for event in events
    )
    return RoutedBatch(len(events), incoming, tuple(range(len(events))))
