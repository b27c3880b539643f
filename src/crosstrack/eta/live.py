"""The service's ETA estimator: the current model of a model directory, asked at event time.

Implements the ``EtaEstimator`` port (``crosstrack.services.ports``). The model is re-read
when a new version is trained into the directory (:class:`~crosstrack.eta.store.ModelStore`),
so a running service picks it up without a restart.
"""

from __future__ import annotations

from datetime import datetime

from crosstrack.domain.eta import ETA_MILESTONES, DeliveryEstimate, EtaBasis, EtaQuery
from crosstrack.eta.history import HistoryRecord, ZoneLookup
from crosstrack.eta.predict import MODEL, estimate
from crosstrack.eta.snapshots import snapshot_at
from crosstrack.eta.store import ModelStore


def query_record(query: EtaQuery, zone_of: ZoneLookup) -> HistoryRecord:
    """The query as a history record with no outcome."""
    return HistoryRecord(
        shipment_id="",
        origin_country=query.origin_country,
        destination_country=query.destination_country,
        created_at=query.created_at,
        carrier=query.carrier,
        service=query.service,
        origin_region=query.origin_region,
        destination_region=query.destination_region,
        promised_on=query.promised_on,
        milestones=tuple(query.reached.get(m) for m in ETA_MILESTONES),
        destination_zone=zone_of(query.destination_country, query.destination_region),
        origin_zone=zone_of(query.origin_country, query.origin_region),
    )


class ModelEtaEstimator:
    """Estimates from the current model in a directory (none while it has no model)."""

    def __init__(self, store: ModelStore, zone_of: ZoneLookup) -> None:
        self._store = store
        self._zone_of = zone_of

    def estimate(self, query: EtaQuery, now: datetime) -> DeliveryEstimate | None:
        model = self._store.get()
        if model is None:
            return None
        as_of = max(now, query.created_at)
        # The last scan is the last milestone's, as in training: history files hold no other
        # scans, and a model must be asked what it was taught on.
        snapshot = snapshot_at(query_record(query, self._zone_of), as_of)
        found = estimate(model, [snapshot])[0]
        return DeliveryEstimate(
            p10=found.p10,
            p50=found.p50,
            p90=found.p90,
            p_on_time=None if found.p_on_time is None else round(found.p_on_time, 3),
            basis=EtaBasis.MODEL if found.basis == MODEL else EtaBasis.NOT_ENOUGH_HISTORY,
            fallback=found.fallback_level,
            model_version=str(model.info.get("version", "unsaved")),
            as_of=as_of,
        )
