"""The simulated world the loopback carrier APIs answer from: parcels and accelerated time.

A :class:`SimWorld` indexes every :class:`~crosstrack.sim.model.SimParcel` by each of its legs'
tracking numbers and owns the :class:`~crosstrack.sim.model.SimClock`. Carrier APIs ask it
"which parcel and leg is this number, and what time is it?"; they show only the events that
happened by then. Everything in it is synthetic.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from crosstrack.sim.model import SimClock, SimLeg, SimParcel


def number_key(number: str) -> str:
    """How tracking numbers are matched: upper case, no spaces (as carriers do)."""
    return "".join(number.split()).upper()


class SimWorld:
    """Parcels by tracking number, and the simulated clock. Thread-safe.

    ``real_clock`` is the real monotonic clock the :class:`SimClock` reads (injectable for
    tests); a clock with ``speed=0`` stands still until :meth:`advance` moves it.
    """

    def __init__(
        self,
        clock: SimClock,
        parcels: Iterable[SimParcel] = (),
        *,
        real_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._real_clock = real_clock
        self._lock = threading.Lock()
        self._parcels: dict[str, SimParcel] = {}
        self._by_number: dict[str, tuple[SimParcel, SimLeg]] = {}
        self.add(parcels)

    def add(self, parcels: Iterable[SimParcel]) -> None:
        """Add parcels (a parcel with a known id replaces the old one)."""
        with self._lock:
            for parcel in parcels:
                self._parcels[parcel.id] = parcel
                for leg in parcel.legs:
                    self._by_number[number_key(leg.tracking_number)] = (parcel, leg)

    def now(self) -> datetime:
        """The simulated time now."""
        with self._lock:
            return self._clock.now(self._real_clock())

    @property
    def clock(self) -> SimClock:
        """The current clock."""
        with self._lock:
            return self._clock

    def set_clock(self, clock: SimClock) -> None:
        """Replace the clock (to jump in time, or change its speed)."""
        with self._lock:
            self._clock = clock

    def advance(self, delta: timedelta) -> datetime:
        """Move simulated time forward by ``delta``; returns the new simulated now."""
        with self._lock:
            self._clock = replace(self._clock, sim_start=self._clock.sim_start + delta)
            return self._clock.now(self._real_clock())

    def lookup(self, number: str) -> tuple[SimParcel, SimLeg] | None:
        """The parcel and the leg a tracking number belongs to, if any."""
        with self._lock:
            return self._by_number.get(number_key(number))

    def parcels(self) -> tuple[SimParcel, ...]:
        """Every parcel, in the order they were first added."""
        with self._lock:
            return tuple(self._parcels.values())
