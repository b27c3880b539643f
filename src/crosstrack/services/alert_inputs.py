"""What alert detection needs besides one shipment: what is normal on its lane (from
history), its merchant's thresholds, and its destination's public holidays.

Ingestion and the sweep load an :class:`AlertInputs` once per batch, in the batch's
transaction: the merchants' settings are read then (a small query), the lane norms come from
a copy kept for ``norms_ttl`` (they change once a day, when :func:`refresh_norms` runs).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from crosstrack.domain.alert_settings import policy_for
from crosstrack.domain.alerts import AlertContext, AlertPolicy
from crosstrack.domain.lane_norms import MIN_SAMPLES, NormsBuilder, NormsTable
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.vocabulary import Milestone
from crosstrack.services.histories import stored_histories
from crosstrack.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

HolidayCalendar = Callable[[str | None, date], frozenset[date]]
"""Public holidays of a country (ISO alpha-2, or ``None``) in the weeks up to a day."""
NORMS_TTL = timedelta(minutes=10)


def no_holidays(country: str | None, day: date) -> frozenset[date]:
    return frozenset()


@dataclass(frozen=True, slots=True)
class AlertInputs:
    """Norms, thresholds and holidays for the shipments of one batch."""

    norms: NormsTable = field(default_factory=lambda: NormsTable(()))
    settings: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    """Merchant id -> lane -> overrides."""
    holidays: HolidayCalendar = no_holidays
    defaults: AlertPolicy = field(default_factory=AlertPolicy)
    disrupted: Mapping[str, str] = field(default_factory=dict)
    """Destination country -> the id of the lane disruption open there."""

    def disruption(self, shipment: Shipment) -> str | None:
        """The lane disruption open at the shipment's destination, if any."""
        destination = shipment.destination
        return self.disrupted.get(destination.country) if destination else None

    def policy(self, shipment: Shipment) -> AlertPolicy:
        """The defaults overridden by the shipment's merchant for its lane."""
        origin, destination = shipment.origin, shipment.destination
        return policy_for(
            self.settings.get(shipment.merchant_id, {}),
            origin.country if origin else None,
            destination.country if destination else None,
            self.defaults,
        )

    def context(self, shipment: Shipment, state: ShipmentState, now: datetime) -> AlertContext:
        """What the detector knows about ``shipment`` besides its timeline."""
        origin, destination = shipment.origin, shipment.destination
        origin_country = origin.country if origin else None
        destination_country = destination.country if destination else None
        international = (
            origin_country is None
            or destination_country is None
            or origin_country != destination_country
        )
        return AlertContext(
            created_at=shipment.created_at,
            now=now,
            international=international,
            promised_on=shipment.promised_date,
            eta=state.eta,
            norms=self.norms.for_lane(origin_country, destination_country),
            holidays=self.holidays(destination_country, now.date()),
        )


class AlertInputSource:
    """Loads :class:`AlertInputs` for a batch; keeps the lane norms and the open lane
    disruptions for ``norms_ttl``."""

    def __init__(
        self,
        *,
        clock: Clock,
        holidays: HolidayCalendar = no_holidays,
        norms_ttl: timedelta = NORMS_TTL,
    ) -> None:
        self._clock = clock
        self._holidays = holidays
        self._ttl = norms_ttl
        self._lanes_read: tuple[datetime, NormsTable, dict[str, str]] | None = None
        self._lock = threading.Lock()

    def load(self, uow: UnitOfWork, merchant_ids: Collection[str]) -> AlertInputs:
        """The inputs for shipments of ``merchant_ids``, read in ``uow``'s transaction."""
        norms, disrupted = self._lanes(uow)
        return AlertInputs(
            norms=norms,
            settings=uow.alert_settings.for_merchants(set(merchant_ids)),
            holidays=self._holidays,
            disrupted=disrupted,
        )

    def forget_lanes(self) -> None:
        """Read the norms and disruptions again at the next load (they were recomputed)."""
        with self._lock:
            self._lanes_read = None

    def _lanes(self, uow: UnitOfWork) -> tuple[NormsTable, dict[str, str]]:
        now = self._clock()
        with self._lock:
            kept = self._lanes_read
        if kept is not None and timedelta(0) <= now - kept[0] < self._ttl:
            return kept[1], kept[2]
        table = NormsTable(uow.lane_norms.all())
        disrupted = {
            d.destination: d.id
            for d in uow.lane_disruptions.current(now.date())
            if d.ended_on is None and d.milestone is Milestone.IMPORT_CUSTOMS
        }
        with self._lock:
            self._lanes_read = (now, table, disrupted)
        return table, disrupted


@dataclass(frozen=True, slots=True)
class NormsReport:
    """What a computation of the lane norms found."""

    shipments: int
    norms: int
    scopes: int


def refresh_norms(
    uow: UnitOfWorkFactory,
    clock: Clock,
    *,
    min_samples: int = MIN_SAMPLES,
    source: AlertInputSource | None = None,
) -> NormsReport:
    """Recompute every lane's norms from the stored histories and replace the stored ones."""
    builder = NormsBuilder()
    count = 0
    for shipment, timeline in stored_histories(uow, clock):
        origin, destination = shipment.origin, shipment.destination
        builder.add(
            origin.country if origin else None,
            destination.country if destination else None,
            timeline,
        )
        count += 1
    norms = builder.build(min_samples)
    with uow() as work:
        work.lane_norms.replace_all(norms, clock())
        work.commit()
    if source is not None:
        source.forget_lanes()
    return NormsReport(shipments=count, norms=len(norms), scopes=len({n.scope for n in norms}))
