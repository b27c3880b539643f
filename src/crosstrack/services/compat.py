"""What the AfterShip-compatible API needs beyond registering and reading shipments: the
fields AfterShip has and we do not, marking a shipment completed, and retracking it.

Marking completed is a merchant's event like any other (it goes through ingestion, so the
status, the alerts, the notifications and the analytics all see it), plus a stop of every
leg's polling until the shipment is retracked (docs/aftership-compat.md).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from crosstrack.domain.model import RawEvent
from crosstrack.domain.polling import StopReason
from crosstrack.domain.shipment import Shipment
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.ingestion import IncomingEvent, Ingestor
from crosstrack.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from crosstrack.services.records import CompatTracking, CompletionReason, EventSource

MAX_RETRACKS = 3
"""AfterShip lets a tracking be retracked at most this many times."""

COMPLETION_CODES: Mapping[CompletionReason, tuple[str, str]] = {
    CompletionReason.DELIVERED: ("Delivered_001", "Marked as delivered by the merchant"),
    CompletionReason.LOST: ("Exception_013", "Marked as lost by the merchant"),
    CompletionReason.RETURNED_TO_SENDER: (
        "Exception_011",
        "Marked as returned to sender by the merchant",
    ),
}
"""The AfterShip subtag and the text of the event a completion records (read through the
AfterShip code table like any AfterShip-reported event)."""


class RetrackRefused(InvalidInput):
    """A retrack AfterShip's rules do not allow (still active, or retracked too often)."""

    code = "retrack_refused"

    def __init__(self, message: str, *, active: bool) -> None:
        super().__init__(message, field="id")
        self.active = active
        """Refused because the shipment is still tracked (else: too many retracks)."""


class CompatDesk:
    """The AfterShip-only side of shipments."""

    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, ingestor: Ingestor) -> None:
        self._uow = uow
        self._clock = clock
        self._ingestor = ingestor

    def records(self, merchant_id: str, shipment_ids: Collection[str]) -> dict[str, CompatTracking]:
        """The merchant's compat rows among these shipments (a shipment registered through
        our own API has none)."""
        if not shipment_ids:
            return {}
        with self._uow() as uow:
            return uow.compat_trackings.get_many(merchant_id, shipment_ids)

    def keep(self, merchant_id: str, shipment_id: str, fields: Mapping[str, Any]) -> None:
        """Store AfterShip fields of a shipment, merged over those stored (a ``None`` value
        removes a field)."""
        now = self._clock()
        with self._uow() as uow:
            self._require(uow, merchant_id, shipment_id)
            row = self._row(uow, merchant_id, shipment_id, now)
            merged = {**row.fields, **fields}
            kept = {name: value for name, value in merged.items() if value is not None}
            uow.compat_trackings.put(replace(row, fields=kept, updated_at=now))
            uow.commit()

    def complete(
        self,
        merchant_id: str,
        shipment_id: str,
        reason: CompletionReason,
        at: datetime | None = None,
    ) -> None:
        """Record the merchant's word that the shipment is over, and stop polling it."""
        now = self._clock()
        with self._uow() as uow:
            shipment = self._require(uow, merchant_id, shipment_id)
        leg = max(shipment.legs, key=lambda item: item.position)
        code, text = COMPLETION_CODES[reason]
        raw = RawEvent(
            description=text,
            carrier=leg.carrier,
            raw_status_code=code,
            timestamp=(at or now).isoformat(),
            tracking_number=leg.tracking_number,
            extra={"code_table": "aftership"},
        )
        self._ingestor.ingest([IncomingEvent(raw, EventSource.API, merchant_id, shipment_id)])
        with self._uow() as uow:
            shipment = self._require(uow, merchant_id, shipment_id)
            for each in shipment.legs:
                uow.polls.stop(each.id, StopReason.COMPLETED, now)
            row = self._row(uow, merchant_id, shipment_id, now)
            uow.compat_trackings.put(
                replace(row, completed_at=now, completed_reason=reason, updated_at=now)
            )
            uow.commit()

    def retrack(self, merchant_id: str, shipment_id: str, *, active: bool) -> None:
        """Poll the shipment again (AfterShip's rules: only an inactive tracking, at most
        :data:`MAX_RETRACKS` times); ``active`` is whether it is still tracked."""
        now = self._clock()
        with self._uow() as uow:
            shipment = self._require(uow, merchant_id, shipment_id)
            row = self._row(uow, merchant_id, shipment_id, now)
            if active and row.completed_at is None:
                raise RetrackRefused("only an inactive tracking can be retracked", active=True)
            if row.retracks >= MAX_RETRACKS:
                raise RetrackRefused(
                    f"a tracking can be retracked at most {MAX_RETRACKS} times", active=False
                )
            for leg in shipment.legs:
                if leg.carrier is not None:
                    uow.polls.schedule(leg.id, now)
            uow.compat_trackings.put(
                replace(
                    row,
                    completed_at=None,
                    completed_reason=None,
                    retracks=row.retracks + 1,
                    updated_at=now,
                )
            )
            uow.commit()

    @staticmethod
    def _require(uow: UnitOfWork, merchant_id: str, shipment_id: str) -> Shipment:
        shipment = uow.shipments.get(merchant_id, shipment_id)
        if shipment is None:
            raise NotFound(f"no shipment {shipment_id!r}")
        return shipment

    @staticmethod
    def _row(uow: UnitOfWork, merchant_id: str, shipment_id: str, now: datetime) -> CompatTracking:
        found = uow.compat_trackings.get_many(merchant_id, [shipment_id]).get(shipment_id)
        return found or CompatTracking(merchant_id, shipment_id, created_at=now, updated_at=now)
