"""A delivery estimator that needs no model: a fixed number of days after the last scan."""

from __future__ import annotations

from datetime import datetime, timedelta

from crosstrack.domain.eta import DeliveryEstimate, EtaBasis, EtaQuery


class FixedEtaEstimator:
    """An ``EtaEstimator`` answering P50 = the UTC day of the last scan (or creation) plus
    ``days``, with a window of ``spread`` days each side. ``queries`` records every question."""

    def __init__(self, days: int = 5, spread: int = 2) -> None:
        self.days = days
        self.spread = spread
        self.queries: list[EtaQuery] = []

    def estimate(self, query: EtaQuery, now: datetime) -> DeliveryEstimate | None:
        self.queries.append(query)
        base = (query.last_event_at or query.created_at).date()
        p50 = base + timedelta(days=self.days)
        return DeliveryEstimate(
            p10=p50 - timedelta(days=self.spread),
            p50=p50,
            p90=p50 + timedelta(days=self.spread),
            basis=EtaBasis.MODEL,
            model_version="fixed",
            as_of=now,
            p_on_time=None,
        )
