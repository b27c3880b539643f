"""How long each stage of a simulated journey takes, per service.

Each stage is a log-normal draw (median, spread ``sigma``) clipped to a range, in hours of
elapsed time or in working days (weekends and public holidays do not count). The numbers are
chosen so that door-to-door times fall in the publicly described bands of REFERENCE.md
("Cross-border transit, as publicly described"): express 3–5 days, dedicated lines 7–12 (up
to 15), postal 15–30 (sometimes 40+); customs the same day to 2 working days, 5–10+ with
documents or duties. docs/simulator.md lists every number.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from crosstrack.sim.lanes import DEDICATED_LINE, EXPRESS, POSTAL


@dataclass(frozen=True, slots=True)
class Spread:
    """A clipped log-normal draw."""

    median: float
    sigma: float
    low: float
    high: float

    def draw(self, rng: random.Random, factor: float = 1.0) -> float:
        """One draw, scaled by ``factor`` (peak season) before clipping."""
        value = rng.lognormvariate(math.log(self.median), self.sigma) * factor
        return min(max(value, self.low), self.high * factor)


@dataclass(frozen=True, slots=True)
class ServiceTimes:
    """The stage durations of one service (``_h``: elapsed hours, ``_d``: working days)."""

    label_lead_h: Spread
    """Label created → picked up."""
    to_origin_facility_h: Spread
    origin_dwell_d: Spread
    """Sorting in the origin facility (origin working days)."""
    to_export_h: Spread
    export_d: Spread
    """Export customs (origin working days)."""
    flight_wait_h: Spread
    """Export cleared → line-haul departure (waiting for capacity; airlines fly every day)."""
    flight_h: Spread
    """Departure → arrival in the destination country (including transit hubs)."""
    to_customs_h: Spread
    """Arrival → presented to import customs."""
    customs_d: Spread
    """Routine import customs dwell (destination working days)."""
    to_last_mile_d: Spread
    """Customs released → the last-mile carrier's first scan (destination working days)."""
    last_mile_d: Spread
    """Last-mile first scan → out for delivery (destination working days)."""


TIMES: dict[str, ServiceTimes] = {
    EXPRESS: ServiceTimes(
        label_lead_h=Spread(6, 0.6, 1, 20),
        to_origin_facility_h=Spread(3, 0.4, 1, 8),
        origin_dwell_d=Spread(0.15, 0.5, 0.05, 0.5),
        to_export_h=Spread(2, 0.4, 1, 6),
        export_d=Spread(0.1, 0.5, 0.02, 0.5),
        flight_wait_h=Spread(6, 0.5, 2, 20),
        flight_h=Spread(18, 0.3, 10, 36),
        to_customs_h=Spread(2, 0.5, 0.5, 6),
        customs_d=Spread(0.3, 0.6, 0.05, 2),
        to_last_mile_d=Spread(0.2, 0.5, 0.1, 1),
        last_mile_d=Spread(0.3, 0.4, 0.1, 1.5),
    ),
    DEDICATED_LINE: ServiceTimes(
        label_lead_h=Spread(20, 0.7, 4, 72),
        to_origin_facility_h=Spread(6, 0.5, 2, 20),
        origin_dwell_d=Spread(0.4, 0.5, 0.1, 2),
        to_export_h=Spread(4, 0.5, 1, 16),
        export_d=Spread(0.3, 0.5, 0.1, 2),
        flight_wait_h=Spread(20, 0.5, 6, 96),
        flight_h=Spread(26, 0.35, 14, 60),
        to_customs_h=Spread(4, 0.5, 1, 30),
        customs_d=Spread(0.7, 0.5, 0.1, 2.5),
        to_last_mile_d=Spread(0.5, 0.5, 0.1, 3),
        last_mile_d=Spread(1.0, 0.45, 0.3, 5),
    ),
    POSTAL: ServiceTimes(
        label_lead_h=Spread(30, 0.7, 4, 96),
        to_origin_facility_h=Spread(10, 0.5, 3, 36),
        origin_dwell_d=Spread(1.0, 0.5, 0.3, 5),
        to_export_h=Spread(10, 0.5, 3, 48),
        export_d=Spread(1.0, 0.5, 0.2, 5),
        flight_wait_h=Spread(90, 0.6, 24, 600),
        flight_h=Spread(50, 0.4, 20, 140),
        to_customs_h=Spread(24, 0.6, 4, 120),
        customs_d=Spread(1.5, 0.55, 0.3, 6),
        to_last_mile_d=Spread(1.0, 0.5, 0.3, 6),
        last_mile_d=Spread(1.8, 0.5, 0.5, 10),
    ),
}
"""Stage durations by service."""

OUT_FOR_DELIVERY_TO_DELIVERED_H = Spread(4, 0.5, 0.5, 10)
"""Out for delivery → delivered (the same working day)."""
CUSTOMS_DOCUMENTS_D = Spread(6, 0.4, 3, 15)
"""Extra dwell when customs need documents (5–10+ working days, REFERENCE.md)."""
DUTIES_PAID_D = Spread(3, 0.5, 1, 10)
"""Held for duties → paid and released (working days)."""
UNPAID_RETURN_D = Spread(18, 0.3, 10, 30)
"""Duties never paid → sent back (elapsed days, customs' holding period)."""
REDELIVERY_D = Spread(1, 0.3, 1, 2)
"""Failed attempt → second attempt (working days)."""
PICKUP_WAIT_D = Spread(2, 0.6, 0.3, 9)
"""Held at a pick-up point or post office → collected (elapsed days)."""
UNCLAIMED_RETURN_D = Spread(16, 0.2, 10, 25)
"""Not collected → returned to sender (elapsed days; posts hold items 2–3 weeks)."""
PEAK_FACTOR = 1.4
"""Line-haul wait and customs dwell in peak season (mid-Nov to December) are this much longer."""
CNY_BACKLOG_D = Spread(2, 0.5, 0.5, 6)
"""After the Chinese New Year stall, origin backlogs take this many more days to clear."""
