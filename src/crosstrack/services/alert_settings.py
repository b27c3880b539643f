"""A merchant's alert thresholds, per lane: read, set, drop (checked by the domain)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crosstrack.domain.alert_settings import checked_lane, checked_settings, policy_document
from crosstrack.domain.alerts import AlertPolicy
from crosstrack.services.errors import NotFound
from crosstrack.services.ports import Clock, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class AlertSettingsView:
    """The defaults, and the merchant's overrides by lane (``""``: every lane)."""

    defaults: dict[str, Any]
    lanes: dict[str, dict[str, Any]]


class AlertSettingsDesk:
    """Merchants' alert thresholds."""

    def __init__(
        self, *, uow: UnitOfWorkFactory, clock: Clock, defaults: AlertPolicy | None = None
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._defaults = defaults or AlertPolicy()

    def show(self, merchant_id: str) -> AlertSettingsView:
        with self._uow() as uow:
            lanes = uow.alert_settings.for_merchants([merchant_id]).get(merchant_id, {})
        return AlertSettingsView(policy_document(self._defaults), dict(sorted(lanes.items())))

    def put(self, merchant_id: str, lane: str, raw: Mapping[str, Any]) -> AlertSettingsView:
        """Replace the merchant's overrides for ``lane`` with ``raw`` (checked; empty drops)."""
        key = checked_lane(lane)
        settings = checked_settings(raw)
        with self._uow() as uow:
            if settings:
                uow.alert_settings.put(merchant_id, key, settings, self._clock())
            else:
                uow.alert_settings.delete(merchant_id, key)
            uow.commit()
        return self.show(merchant_id)

    def drop(self, merchant_id: str, lane: str) -> AlertSettingsView:
        """Go back to the wider settings for ``lane``."""
        key = checked_lane(lane)
        with self._uow() as uow:
            if not uow.alert_settings.delete(merchant_id, key):
                raise NotFound(f"no alert settings for lane {lane!r}")
            uow.commit()
        return self.show(merchant_id)
