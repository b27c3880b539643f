"""Values shared by the ETA tests: the simulated history's window and a record builder."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.model import TrainingOptions

END = datetime(2026, 6, 1, tzinfo=UTC)
START = datetime(2025, 10, 1, tzinfo=UTC)
CUTOFF = datetime(2026, 4, 15, tzinfo=UTC)
FAST = TrainingOptions(rounds=60, learning_rate=0.1)
"""Few rounds: the tests check behaviour, not the benchmark's accuracy."""

PARIS = ZoneInfo("Europe/Paris")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def record(
    *,
    created: datetime,
    delivered: datetime | None = None,
    milestones: tuple[datetime | None, ...] = (None,) * 5,
    carrier: str = "cainiao",
    service: str = "postal",
    destination: str = "FR",
    shipment_id: str = "S1",
) -> HistoryRecord:
    """A CN→FR record with the zones set as a history file would set them."""
    return HistoryRecord(
        shipment_id=shipment_id,
        origin_country="CN",
        destination_country=destination,
        created_at=created,
        carrier=carrier,
        service=service,
        delivered_at=delivered,
        status="delivered" if delivered else "in_transit",
        milestones=milestones,
        destination_zone=PARIS,
        origin_zone=SHANGHAI,
    )
