"""A merchant's batch of events, addressed by shipment id or by tracking number.

Events naming a ``shipment_id`` go to that shipment of this merchant only (another merchant's
id matches nothing). Events naming only a tracking number go to this merchant's shipments with
a leg of that number, never to other merchants' shipments: they are resolved to shipment ids
through the merchant's own listing before ingestion, because ingestion routes bare numbers to
every merchant (as carrier polls and webhooks need).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosstrack.api import commands, schemas
from crosstrack.domain.numbers import normalize_number
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent, IngestReport
from crosstrack.services.queries import MAX_PAGE
from crosstrack.services.records import EventSource, ShipmentFilter


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
    """Address every event to shipments of ``merchant_id`` (none when nothing matches)."""
    incoming: list[IncomingEvent] = []
    origins: list[int] = []
    resolved: dict[str, tuple[str, ...]] = {}
    for position, event in enumerate(events):
        if event.shipment_id is not None:
            targets: tuple[str, ...] = (event.shipment_id,)
        else:
            number = normalize_number(event.tracking_number or "")
            if number not in resolved:
                resolved[number] = _shipments_with(services, merchant_id, number)
            targets = resolved[number]
        raw = commands.raw_event(event)
        for shipment_id in targets:
            incoming.append(IncomingEvent(raw, EventSource.API, merchant_id, shipment_id))
            origins.append(position)
    return RoutedBatch(len(events), tuple(incoming), tuple(origins))


def _shipments_with(services: Services, merchant_id: str, number: str) -> tuple[str, ...]:
    if not number:
        return ()
    wanted = ShipmentFilter(tracking_number=number, include_archived=True)
    found: list[str] = []
    cursor: str | None = None
    while True:
        page = services.queries.shipments(merchant_id, wanted, limit=MAX_PAGE, cursor=cursor)
        found.extend(s.id for s in page.items)
        if page.next_cursor is None:
            return tuple(found)
        cursor = page.next_cursor
