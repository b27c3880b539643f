"""Predicted delivery, as the rest of crosstrack sees it: the question and the answer.

An :class:`EtaQuery` is what is known about a shipment at one moment (its lane, when it was
created, its promise, when it first reached each cross-border milestone, its last scan); a
:class:`DeliveryEstimate` is the answer: P10 / P50 / P90 delivery days in the destination's
calendar, the chance of meeting the promised day, and what the answer rests on. The model
itself lives outside the domain (``crosstrack.eta``), behind the ``EtaEstimator`` port.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from crosstrack.domain.vocabulary import Milestone

ETA_MILESTONES = (
    Milestone.PICKED_UP,
    Milestone.DEPARTED_ORIGIN_COUNTRY,
    Milestone.ARRIVED_DESTINATION_COUNTRY,
    Milestone.CUSTOMS_RELEASED,
    Milestone.OUT_FOR_DELIVERY,
)
"""The milestones an ETA is conditioned on, in journey order (the history file's columns)."""


class EtaBasis(StrEnum):
    """What an estimate rests on."""

    MODEL = "model"
    """The trained model, on a lane with enough history."""
    NOT_ENOUGH_HISTORY = "not_enough_history"
    """Too little history on the lane: the window is the fallback of a wider group, named in
    ``DeliveryEstimate.fallback``."""


@dataclass(frozen=True, slots=True)
class EtaQuery:
    """A shipment as known at one moment, in the terms of the ETA model."""

    origin_country: str
    destination_country: str
    created_at: datetime
    carrier: str = ""
    service: str = ""
    origin_region: str = ""
    destination_region: str = ""
    promised_on: date | None = None
    reached: Mapping[Milestone, datetime] = field(default_factory=dict)
    """When each of :data:`ETA_MILESTONES` was first reached (those reached so far)."""
    last_event_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeliveryEstimate:
    """P10 / P50 / P90 delivery days (destination calendar), the chance of meeting the promise."""

    p10: date
    p50: date
    p90: date
    basis: EtaBasis
    model_version: str
    as_of: datetime
    p_on_time: float | None = None
    """P(delivered on or before the promised day); ``None`` without a promise."""
    fallback: str | None = None
    """For ``not_enough_history``: the group the window came from (``destination+stage``…)."""

    def moved_from(self, previous: DeliveryEstimate | None) -> bool:
        """Whether the P50 day differs from ``previous`` (or there was none)."""
        return previous is None or previous.p50 != self.p50

    def to_document(self) -> dict[str, Any]:
        """A JSON-ready document (stored with the shipment, shown by the API)."""
        return {
            "p10": self.p10.isoformat(),
            "p50": self.p50.isoformat(),
            "p90": self.p90.isoformat(),
            "p_on_time": self.p_on_time,
            "basis": self.basis.value,
            "fallback": self.fallback,
            "model_version": self.model_version,
            "as_of": self.as_of.isoformat(),
        }

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> DeliveryEstimate:
        return cls(
            p10=date.fromisoformat(document["p10"]),
            p50=date.fromisoformat(document["p50"]),
            p90=date.fromisoformat(document["p90"]),
            p_on_time=document.get("p_on_time"),
            basis=EtaBasis(document["basis"]),
            fallback=document.get("fallback"),
            model_version=document["model_version"],
            as_of=datetime.fromisoformat(document["as_of"]),
        )


@dataclass(frozen=True, slots=True)
class PastShipment:
    """A stored shipment as training data: what was known about it, and how it ended."""

    shipment_id: str
    query: EtaQuery
    """Everything known up to its last event."""
    delivered_at: datetime | None
    status: str
