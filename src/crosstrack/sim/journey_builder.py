"""The running state of one simulated journey: its clock, its legs and the events written.

:mod:`crosstrack.sim.journeys` decides what happens; this module keeps time (elapsed hours,
working days at a place, the Chinese New Year stall) and turns each step into a
:class:`~crosstrack.sim.model.SimEvent` with the carrier's text, code, place and local offset.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from crosstrack.sim.calendar import (
    add_working_days,
    cny_stall_end,
    in_cny_stall,
    next_working_moment,
    to_local,
)
from crosstrack.sim.codes import code_for
from crosstrack.sim.durations import CNY_BACKLOG_D
from crosstrack.sim.lanes import Place
from crosstrack.sim.model import SimEvent, SimLeg
from crosstrack.sim.steps import TRUTH, Step
from crosstrack.sim.texts import describe


class JourneyBuilder:
    """Writes the events of one parcel in time order."""

    def __init__(
        self,
        rng: random.Random,
        legs: list[SimLeg],
        start: datetime,
        *,
        lost_after: Step | None = None,
        origin_stalls: bool = False,
    ) -> None:
        self.rng = rng
        self.legs = legs
        self.t = start
        self.events: list[SimEvent] = []
        self._lost_after = lost_after
        self._stopped = False
        self._origin_stalls = origin_stalls

    @property
    def stopped(self) -> bool:
        """Whether the parcel was lost (no more events are written)."""
        return self._stopped

    def hours(self, hours: float) -> None:
        """Let ``hours`` of elapsed time pass."""
        self.t += timedelta(hours=hours)

    def align(
        self, place: Place, *, saturday: bool = False, opening: int = 8, closing: int = 19
    ) -> None:
        """Move to the next working hours at ``place`` (no-op inside them)."""
        self.t = next_working_moment(
            self.t, place.zone, place.country, self.rng,
            saturday=saturday, opening=opening, closing=closing,
        )  # fmt: skip

    def working_days(self, days: float, place: Place, *, saturday: bool = False) -> None:
        """Let ``days`` working days of ``place`` pass (weekends and holidays do not count)."""
        self.t = add_working_days(
            self.t, days, place.zone, place.country, self.rng, saturday=saturday
        )

    def stall(self, place: Place) -> None:
        """Origin stages in China wait out the Chinese New Year stall, then its backlog."""
        if not self._origin_stalls or place.country != "CN":
            return
        local = to_local(self.t, place.zone)
        if not in_cny_stall(local.date()):
            return
        resume = cny_stall_end(local.date())
        self.t = datetime.combine(resume, local.timetz()).astimezone(self.t.tzinfo)
        self.working_days(CNY_BACKLOG_D.draw(self.rng), place)

    def local_date_at(self, place: Place) -> datetime:
        """The current moment as local time at ``place``."""
        return to_local(self.t, place.zone)

    def scan(
        self,
        step: Step,
        place: Place,
        leg: int,
        *,
        at: datetime | None = None,
        hub: Place | None = None,
        country: str | None = None,
        next_leg: int | None = None,
    ) -> None:
        """Write the event of ``step`` at ``place`` by the carrier of leg ``leg``."""
        if self._stopped:
            return
        moment = (at or self.t).replace(microsecond=0)
        if self.events and moment <= self.events[-1].at:
            moment = self.events[-1].at + timedelta(minutes=self.rng.randint(1, 20))
            if at is None:
                self.t = moment
        carrier, number = self.legs[leg].carrier, self.legs[leg].tracking_number
        handed_to = self.legs[next_leg] if next_leg is not None else None
        text, language = describe(
            carrier,
            step,
            self.rng,
            city=place.city,
            hub=hub.city if hub else None,
            country=country,
            next_carrier=handed_to.carrier if handed_to else None,
            number=handed_to.tracking_number if handed_to else None,
        )
        offset = to_local(moment, place.zone).utcoffset()
        truth = TRUTH[step]
        self.events.append(
            SimEvent(
                at=moment,
                carrier=carrier,
                tracking_number=number,
                code=code_for(carrier, step),
                description=text,
                language=language,
                location=f"{place.city}, {place.country}",
                city=place.city,
                country=place.country,
                utc_offset_minutes=int(offset.total_seconds() // 60) if offset else 0,
                status=truth.status,
                milestone=truth.milestone,
                reason=truth.reason,
            )
        )
        if step is self._lost_after:
            self._stopped = True
