"""The last steps of a journey: out for delivery, failed attempts, pick-up points, delivery
or the way back to the sender.

Deliveries happen on working days of the destination (Saturdays too where the post delivers
then), never on Sundays or public holidays; vans leave in the morning.
"""

from __future__ import annotations

import random

from crosstrack.sim import problems as p
from crosstrack.sim.durations import (
    OUT_FOR_DELIVERY_TO_DELIVERED_H,
    PICKUP_WAIT_D,
    REDELIVERY_D,
    UNCLAIMED_RETURN_D,
)
from crosstrack.sim.journey_builder import JourneyBuilder
from crosstrack.sim.lanes import Place
from crosstrack.sim.steps import Step
from crosstrack.sim.texts import STYLES

PICKUP_POINT_SHARE = 0.12
"""Buyers who chose a pick-up point or locker at checkout."""
MAILBOX_SHARE = 0.12
"""Small parcels a post leaves in the letterbox or a parcel locker at the address."""
NEIGHBOUR_SHARE = 0.05
"""Parcels left with a neighbour (where the carrier does so)."""
_VAN_LEAVES = (7, 11)
"""Out-for-delivery scans happen between these local hours."""


def deliver(
    j: JourneyBuilder,
    rng: random.Random,
    city: Place,
    leg: int,
    last_mile_days: float,
    problem: str | None,
    *,
    saturday: bool,
) -> bool:
    """Write the delivery (or return) of the parcel; ``True`` when it goes back to the sender."""
    wordings = STYLES[j.legs[leg].carrier].wordings
    if problem == p.RETURNED or (problem is None and rng.random() < PICKUP_POINT_SHARE):
        j.working_days(last_mile_days * 0.6, city, saturday=saturday)
        return _at_pickup_point(
            j, rng, city, leg, unclaimed=problem == p.RETURNED, saturday=saturday
        )
    j.working_days(last_mile_days, city, saturday=saturday)
    _out_for_delivery(j, city, leg, saturday)
    if problem in (p.RECIPIENT_ABSENT, p.ADDRESS_PROBLEM):
        j.hours(OUT_FOR_DELIVERY_TO_DELIVERED_H.draw(rng))
        absent = problem == p.RECIPIENT_ABSENT
        j.scan(Step.ATTEMPT_ABSENT if absent else Step.ATTEMPT_ADDRESS, city, leg)
        if absent and rng.random() < p.ABSENT_TO_PICKUP_POINT:
            j.hours(rng.uniform(2, 18))
            return _at_pickup_point(j, rng, city, leg, unclaimed=False, saturday=saturday)
        if not absent and rng.random() < p.ADDRESS_UNRESOLVED:
            j.hours(rng.uniform(5, 10) * 24)
            j.align(city)
            j.scan(Step.RETURNING, city, leg)
            return True
        j.working_days(REDELIVERY_D.draw(rng) + (0 if absent else 1), city, saturday=saturday)
        _out_for_delivery(j, city, leg, saturday)
    j.hours(OUT_FOR_DELIVERY_TO_DELIVERED_H.draw(rng))
    step = Step.DELIVERED
    roll = rng.random()
    if roll < MAILBOX_SHARE and Step.DELIVERED_MAILBOX in wordings:
        step = Step.DELIVERED_MAILBOX
    elif roll < MAILBOX_SHARE + NEIGHBOUR_SHARE and Step.DELIVERED_NEIGHBOUR in wordings:
        step = Step.DELIVERED_NEIGHBOUR
    j.scan(step, city, leg)
    return False


def _out_for_delivery(j: JourneyBuilder, city: Place, leg: int, saturday: bool) -> None:
    j.align(city, saturday=saturday, opening=_VAN_LEAVES[0], closing=_VAN_LEAVES[1])
    j.scan(Step.OUT_FOR_DELIVERY, city, leg)


def _at_pickup_point(
    j: JourneyBuilder, rng: random.Random, city: Place, leg: int, *, unclaimed: bool, saturday: bool
) -> bool:
    j.align(city, saturday=saturday)
    j.scan(Step.AVAILABLE_FOR_PICKUP, city, leg)
    if unclaimed:
        j.hours(UNCLAIMED_RETURN_D.draw(rng) * 24)
        j.align(city)
        j.scan(Step.RETURNING, city, leg)
        return True
    j.hours(PICKUP_WAIT_D.draw(rng) * 24)
    j.align(city, saturday=True)
    j.scan(Step.COLLECTED, city, leg)
    return False
