"""Watching lanes: one alert for a destination whose customs slow down for many parcels at
once, instead of one alert per parcel.

Each run reads the stored parcels of the last months (every merchant's: the statistic needs
volume, and what is kept is a daily median), computes each destination's daily median age of
the parcels waiting for import customs (``domain/disruption.py``), takes the lane's normal
level from the days before the last ``WATCHED`` ones, and runs the CUSUM over those. A
disruption found is stored once (system-wide) and told to each merchant that has parcels
waiting there (``lane.disruption_raised``, with that merchant's own count only); when the lane
is back to normal, the same merchants are told it ended. While it lasts, parcels' customs-dwell
alerts at that destination are folded under it (``services.alerting``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crosstrack.domain.disruption import (
    LaneDisruption,
    customs_stay,
    cusum_disruptions,
    daily_customs_age,
    reference_level,
)
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone
from crosstrack.services.alert_inputs import AlertInputSource
from crosstrack.services.histories import stored_histories
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import OutboxMessage, StoredDisruption, Topic

WINDOW = timedelta(days=150)
"""How far back the daily statistic is computed (the reference days and the watched ones)."""
WATCHED = timedelta(days=30)
"""The most recent days, watched by the CUSUM; the days before them give the normal level."""
WAITING_FOR = timedelta(days=30)
"""A parcel silent in customs for longer than this is not "waiting" any more (expired)."""
MERCHANT_ACTION = (
    "Customs at {destination} are slower than usual for many parcels at once "
    "(median wait {latest:.0f} h against {normal:.0f} h normally). Tell the buyers of the "
    "{parcels} parcels waiting that delivery will be late; nothing is wrong with their parcel."
)


@dataclass(frozen=True, slots=True)
class LaneWatchReport:
    """What one run found."""

    destinations: int
    """Destinations with enough history to judge."""
    raised: int
    ended: int
    open: int


class LaneWatch:
    """Finds, stores and announces lane disruptions."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
        source: AlertInputSource | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._source = source

    def run(self) -> LaneWatchReport:
        """One look at every destination, written in one transaction."""
        now = self._clock()
        today = now.date()
        stays = []
        waiting: Counter[tuple[str, str]] = Counter()
        for shipment, timeline in stored_histories(
            self._uow, self._clock, created_from=now - WINDOW - timedelta(days=60)
        ):
            if shipment.destination is None:
                continue
            country = shipment.destination.country
            stay = customs_stay(timeline, country)
            if stay is None:
                continue
            stays.append(stay)
            last = shipment.state.last_event_at
            if (
                stay.released is None
                and shipment.state.status not in TERMINAL_STATUSES
                and last is not None
                and now - last <= WAITING_FOR
            ):
                waiting[(country, shipment.merchant_id)] += 1
        series = daily_customs_age(stays, today - WINDOW, today, now=now)
        found: dict[str, tuple[LaneDisruption, float]] = {}
        judged = 0
        watch_from = today - WATCHED
        for destination, days in series.items():
            level = reference_level([v for d, v in days if d < watch_from])
            if level is None:
                continue
            judged += 1
            normal, spread = level
            watched = [(d, v) for d, v in days if d >= watch_from]
            current = [
                f
                for f in cusum_disruptions(watched, normal=normal, spread=spread)
                if f.ended_on is None
            ]
            if current:
                found[destination] = (current[-1], normal)
        latest = {destination: days[-1][1] for destination, days in series.items()}
        return self._store(found, latest, waiting, now, judged)

    def _store(
        self,
        found: dict[str, tuple[LaneDisruption, float]],
        latest: dict[str, float],
        waiting: Counter[tuple[str, str]],
        now: datetime,
        judged: int,
    ) -> LaneWatchReport:
        raised = ended = 0
        messages: list[OutboxMessage] = []
        with self._uow() as uow:
            stored = {
                d.destination: d
                for d in uow.lane_disruptions.current(now.date())
                if d.ended_on is None and d.milestone is Milestone.IMPORT_CUSTOMS
            }
            for destination, known in stored.items():
                if destination in found:
                    disruption, _ = found[destination]
                    uow.lane_disruptions.save(
                        replace(
                            known,
                            latest_hours=latest.get(destination, known.latest_hours),
                            peak_hours=max(known.peak_hours, disruption.peak),
                            updated_at=now,
                        )
                    )
                    continue
                over = replace(known, ended_on=now.date(), updated_at=now)
                uow.lane_disruptions.save(over)
                messages.extend(self._messages(over, Topic.LANE_DISRUPTION_ENDED, now))
                ended += 1
            for destination, (disruption, normal) in found.items():
                if destination in stored:
                    continue
                notified = {
                    merchant: count
                    for (where, merchant), count in sorted(waiting.items())
                    if where == destination
                }
                new = StoredDisruption(
                    id=self._ids(),
                    destination=destination,
                    milestone=Milestone.IMPORT_CUSTOMS,
                    began_on=disruption.began_on,
                    raised_on=disruption.raised_on,
                    normal_hours=round(normal, 1),
                    latest_hours=round(latest[destination], 1),
                    peak_hours=round(disruption.peak, 1),
                    updated_at=now,
                    notified=notified,
                )
                uow.lane_disruptions.add(new)
                messages.extend(self._messages(new, Topic.LANE_DISRUPTION_RAISED, now))
                raised += 1
            uow.outbox.add_many(messages)
            uow.commit()
        if self._source is not None and (raised or ended):
            self._source.forget_lanes()
        return LaneWatchReport(
            destinations=judged,
            raised=raised,
            ended=ended,
            open=len(stored) - ended + raised,
        )

    def _messages(
        self, disruption: StoredDisruption, topic: Topic, now: datetime
    ) -> list[OutboxMessage]:
        suffix = "raised" if topic is Topic.LANE_DISRUPTION_RAISED else "ended"
        return [
            OutboxMessage(
                id=self._ids(),
                merchant_id=merchant_id,
                shipment_id=None,
                topic=topic,
                payload={
                    **disruption_document(disruption, parcels),
                    "merchant_action": merchant_action(disruption, parcels),
                },
                idempotency_key=f"lane:{disruption.id}:{merchant_id}:{suffix}",
                created_at=now,
            )
            for merchant_id, parcels in sorted(disruption.notified.items())
        ]


def disruption_document(disruption: StoredDisruption, parcels: int) -> dict[str, object]:
    """A disruption as one merchant sees it (its own parcels only)."""
    return {
        "disruption_id": disruption.id,
        "destination": disruption.destination,
        "milestone": disruption.milestone.value,
        "began_on": disruption.began_on.isoformat(),
        "raised_on": disruption.raised_on.isoformat(),
        "ended_on": disruption.ended_on.isoformat() if disruption.ended_on else None,
        "normal_hours": disruption.normal_hours,
        "latest_hours": disruption.latest_hours,
        "peak_hours": disruption.peak_hours,
        "your_parcels_waiting": parcels,
    }


def merchant_action(disruption: StoredDisruption, parcels: int) -> str:
    if disruption.ended_on is not None:
        return f"Customs at {disruption.destination} are back to their usual pace."
    return MERCHANT_ACTION.format(
        destination=disruption.destination,
        latest=disruption.latest_hours,
        normal=disruption.normal_hours,
        parcels=parcels,
    )
