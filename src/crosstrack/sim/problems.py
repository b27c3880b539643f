"""Problems the simulator injects, their rates, and lane-wide customs backlogs.

Rates are per parcel and chosen to match public orders of magnitude (REFERENCE.md): first
delivery attempts fail for about 5–8% of e-commerce parcels (bad addresses behind up to a
quarter of them), customs problems concern a few per cent, losses stay under 1%. Every number
is synthetic; docs/simulator.md lists them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from crosstrack.sim.lanes import EXPRESS

CUSTOMS_DOCUMENTS = "customs_documents"
DUTIES_UNPAID = "duties_unpaid"
ADDRESS_PROBLEM = "address_problem"
RECIPIENT_ABSENT = "recipient_absent"
LOST = "lost"
RETURNED = "returned"
CUSTOMS_BACKLOG = "customs_backlog"
"""Not drawn per parcel: set on parcels whose import customs fell in a backlog."""

RATES: dict[str, float] = {
    RECIPIENT_ABSENT: 0.050,
    ADDRESS_PROBLEM: 0.015,
    CUSTOMS_DOCUMENTS: 0.020,
    DUTIES_UNPAID: 0.015,
    LOST: 0.005,
    RETURNED: 0.005,
}
"""Share of parcels with each problem (postal and dedicated lines)."""

EXPRESS_RATES: dict[str, float] = {**RATES, DUTIES_UNPAID: 0.030, LOST: 0.001}
"""Express: duties are more often collected at the door (DAP shipments), losses rarer."""

DUTIES_NEVER_PAID = 0.25
"""Share of duties-unpaid parcels whose buyer never pays (they go back to the sender)."""
ADDRESS_UNRESOLVED = 0.25
"""Share of address problems never resolved (returned to sender)."""
ABSENT_TO_PICKUP_POINT = 0.5
"""Share of failed attempts (nobody home) taken to a pick-up point instead of a second try."""


def draw_problem(rng: random.Random, service: str) -> str | None:
    """One parcel's problem (``None`` for most)."""
    rates = EXPRESS_RATES if service == EXPRESS else RATES
    roll = rng.random()
    for problem, rate in rates.items():
        if roll < rate:
            return problem
        roll -= rate
    return None


@dataclass(frozen=True, slots=True)
class CustomsBacklog:
    """A date range in which one destination's import customs are slower for every parcel."""

    destination: str
    start: date
    end: date
    """Inclusive."""
    extra_days: float
    """Working days added to every dwell that starts in the range."""

    def applies(self, destination: str, moment: datetime) -> bool:
        """Whether a parcel presented to ``destination``'s customs at ``moment`` is caught."""
        return destination == self.destination and self.start <= moment.date() <= self.end


def random_backlog(
    rng: random.Random, destinations: list[str], start: datetime, end: datetime
) -> CustomsBacklog:
    """One backlog of 7–14 days on a random destination, inside the simulated period."""
    length = rng.randint(7, 14)
    span = max(int((end - start).days) - length, 0)
    first = start.date() + timedelta(days=rng.randint(0, span) + 10)
    return CustomsBacklog(
        destination=rng.choice(sorted(destinations)),
        start=first,
        end=first + timedelta(days=length - 1),
        extra_days=round(rng.uniform(3.0, 6.0), 1),
    )
