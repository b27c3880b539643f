"""The journey generator: synthetic cross-border parcels with every event they will have.

``generate(seed, count, start=..., end=...)`` draws parcels on the simulator's lanes
(:mod:`crosstrack.sim.lanes`), each with its legs (a new number when a dedicated line or a
consolidator hands over to the destination carrier), its stage durations
(:mod:`crosstrack.sim.durations`, with weekends, public holidays, peak season and Chinese New
Year), its problem if any (:mod:`crosstrack.sim.problems`) and its events in the carriers'
own words and codes. Everything is synthetic and deterministic for a seed.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from crosstrack.sim import problems as p
from crosstrack.sim.calendar import in_cny_stall, in_peak_season, next_working_moment, to_local
from crosstrack.sim.delivery import deliver
from crosstrack.sim.durations import (
    CUSTOMS_DOCUMENTS_D,
    DUTIES_PAID_D,
    PEAK_FACTOR,
    TIMES,
    UNPAID_RETURN_D,
)
from crosstrack.sim.journey_builder import JourneyBuilder
from crosstrack.sim.lanes import (
    DEDICATED_LINES,
    DEFAULT_LANES,
    DESTINATIONS,
    EXPORT_HUBS,
    EXPRESS,
    EXPRESS_CARRIERS,
    EXPRESS_HUBS,
    LANE_WEIGHTS,
    ORIGIN_CITIES,
    ORIGIN_POSTS,
    POSTAL,
    Place,
)
from crosstrack.sim.model import Lane, SimLeg, SimParcel
from crosstrack.sim.problems import CustomsBacklog
from crosstrack.sim.steps import Step
from crosstrack.sim.texts import STYLES
from crosstrack.sim.tracking_numbers import new_number

CAINIAO_POSTAL_SHARE = 0.35
"""Share of postal parcels from mainland China sent as Cainiao economy (a Cainiao ``LP``
number, then the destination post under a new number); the rest go China Post end to end."""
PROMISE_DAYS = {EXPRESS: 6, "dedicated_line": 15, POSTAL: 35}
"""The delivery date a merchant promises: shipped date plus this many days."""
TRANSIT_SCAN_SHARE = 0.3
"""Share of non-express parcels with a bare "in transit" scan on the last mile."""
_LOST_AFTER = (
    Step.DEPARTED_ORIGIN,
    Step.ARRIVED_DESTINATION,
    Step.CUSTOMS_RELEASED,
    Step.DEST_FACILITY,
)


def generate(
    seed: int,
    count: int,
    *,
    start: datetime,
    end: datetime,
    lanes: Sequence[Lane] = DEFAULT_LANES,
    backlogs: Sequence[CustomsBacklog] | None = None,
) -> list[SimParcel]:
    """``count`` synthetic parcels shipped (picked up) between ``start`` and ``end``.

    Deterministic for ``seed``; parcel ``i`` depends only on ``seed`` and ``i``. Lanes are
    drawn by their share of traffic (:data:`crosstrack.sim.lanes.LANE_WEIGHTS`; lanes not in
    it weigh 1). ``backlogs`` are the customs backlogs in force; ``None`` draws one at random
    on one of the lanes' destinations, ``()`` means none.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be timezone-aware")
    if end <= start:
        raise ValueError("end must be after start")
    if not lanes:
        raise ValueError("at least one lane is needed")
    rng = random.Random(seed)
    if backlogs is None:
        destinations = sorted({lane.destination for lane in lanes})
        backlogs = (p.random_backlog(rng, destinations, start, end),)
    cumulative = list(itertools.accumulate(LANE_WEIGHTS.get(lane, 1.0) for lane in lanes))
    parcels = []
    for i in range(count):
        parcel_rng = random.Random(f"{seed}:{i}")
        lane = parcel_rng.choices(lanes, cum_weights=cumulative)[0]
        parcels.append(_journey(parcel_rng, f"sim-{seed}-{i:06d}", lane, start, end, backlogs))
    return parcels


def _route(rng: random.Random, lane: Lane) -> tuple[str, str | None, bool]:
    """First carrier, last-mile carrier (``None``: the same) and whether it takes a new number."""
    post = DESTINATIONS[lane.destination].post
    if lane.service == EXPRESS:
        return rng.choice(EXPRESS_CARRIERS), None, False
    if lane.service == POSTAL:
        if lane.origin == "CN" and rng.random() < CAINIAO_POSTAL_SHARE:
            return "cainiao", post, True
        return ORIGIN_POSTS.get(lane.origin, "china-post"), post, False
    return rng.choice(DEDICATED_LINES), post, True


def _ship_moment(
    rng: random.Random, start: datetime, end: datetime, origin_zone: str, origin: str
) -> datetime:
    """A pick-up moment in working hours between ``start`` and ``end`` (few during CNY)."""
    moment = start
    for _ in range(20):
        drawn = start + (end - start) * rng.random()
        moment = next_working_moment(drawn, origin_zone, origin, rng)
        local_day = to_local(moment, origin_zone).date()
        if moment >= end or (origin == "CN" and in_cny_stall(local_day) and rng.random() < 0.8):
            continue
        return moment
    return moment if moment < end else start


def _journey(
    rng: random.Random,
    parcel_id: str,
    lane: Lane,
    start: datetime,
    end: datetime,
    backlogs: Sequence[CustomsBacklog],
) -> SimParcel:
    times = TIMES[lane.service]
    first, last, renumbered = _route(rng, lane)
    problem = p.draw_problem(rng, lane.service)
    express = lane.service == EXPRESS
    origin = rng.choice(ORIGIN_CITIES[lane.origin])
    hubs = [h for h in EXPORT_HUBS[lane.origin] if h != origin] or list(EXPORT_HUBS[lane.origin])
    hub = EXPRESS_HUBS[first] if express else rng.choice(hubs)
    destination = DESTINATIONS[lane.destination]
    gateway, city = destination.gateway, rng.choice(destination.cities)
    legs = [SimLeg(first, new_number(first, rng))]
    if last is not None:
        legs.append(SimLeg(last, new_number(last, rng) if renumbered else legs[0].tracking_number))
    picked = _ship_moment(rng, start, end, origin.zone, origin.country)
    j = JourneyBuilder(
        rng,
        legs,
        picked,
        lost_after=rng.choice(_LOST_AFTER) if problem == p.LOST else None,
        origin_stalls=not express,
    )
    # First mile and export.
    j.scan(Step.LABEL_CREATED, origin, 0, at=picked - timedelta(hours=times.label_lead_h.draw(rng)))
    j.scan(Step.PICKED_UP, origin, 0)
    j.hours(times.to_origin_facility_h.draw(rng))
    j.align(origin)
    j.stall(origin)
    j.scan(Step.ORIGIN_ARRIVED, origin, 0)
    j.working_days(times.origin_dwell_d.draw(rng), origin)
    j.stall(origin)
    j.scan(Step.ORIGIN_DEPARTED, origin, 0, hub=hub)
    j.hours(times.to_export_h.draw(rng))
    j.working_days(times.export_d.draw(rng), hub)
    j.stall(hub)
    j.scan(Step.EXPORT_CUSTOMS, hub, 0)
    peak = in_peak_season(j.local_date_at(hub).date())
    j.hours(times.flight_wait_h.draw(rng, PEAK_FACTOR if peak else 1.0))
    j.stall(hub)
    j.scan(Step.DEPARTED_ORIGIN, hub, 0, country=lane.destination)
    # Line-haul and import customs: a post's S10 number is scanned by the destination post
    # from arrival on; dedicated lines and integrators report these steps themselves.
    j.hours(times.flight_h.draw(rng))
    inbound = 1 if last is not None and not renumbered else 0
    j.scan(Step.ARRIVED_DESTINATION, gateway, inbound, country=lane.destination)
    j.hours(times.to_customs_h.draw(rng))
    j.align(gateway)
    j.scan(Step.IMPORT_CUSTOMS, gateway, inbound)
    dwell = times.customs_d.draw(
        rng, PEAK_FACTOR if in_peak_season(j.local_date_at(gateway).date()) else 1.0
    )
    backlog = next(
        (b for b in backlogs if b.applies(lane.destination, j.local_date_at(gateway))), None
    )
    if backlog is not None:
        dwell += backlog.extra_days
        problem = problem or p.CUSTOMS_BACKLOG
    if problem in (p.CUSTOMS_DOCUMENTS, p.DUTIES_UNPAID):
        j.hours(rng.uniform(1, 8))
        j.align(gateway)
        held = Step.CUSTOMS_DOCUMENTS if problem == p.CUSTOMS_DOCUMENTS else Step.CUSTOMS_DUTIES
        j.scan(held, gateway, inbound)
        if problem == p.DUTIES_UNPAID and rng.random() < p.DUTIES_NEVER_PAID:
            j.hours(UNPAID_RETURN_D.draw(rng) * 24)
            j.align(gateway)
            j.scan(Step.RETURNING, gateway, inbound)
            _returned_home(j, rng, origin)
            return _parcel(parcel_id, lane, legs, j, picked, city.zone, problem)
        dwell += (CUSTOMS_DOCUMENTS_D if problem == p.CUSTOMS_DOCUMENTS else DUTIES_PAID_D).draw(
            rng
        )
    j.working_days(dwell, gateway)
    j.scan(Step.CUSTOMS_RELEASED, gateway, inbound)
    # Hand-over to the last mile.
    final = len(legs) - 1
    if renumbered:
        j.hours(rng.uniform(1, 10))
        j.align(gateway)
        j.scan(Step.HANDED_OVER, gateway, 0, next_leg=1)
        j.hours(rng.uniform(3, 20))
        j.align(gateway)
        accepted = (
            Step.LAST_MILE_ACCEPTED
            if Step.LAST_MILE_ACCEPTED in STYLES[legs[1].carrier].wordings
            else Step.DEST_FACILITY
        )
        j.scan(accepted, gateway, 1)
    j.working_days(times.to_last_mile_d.draw(rng), city)
    if (
        not express
        and Step.TRANSIT in STYLES[legs[final].carrier].wordings
        and rng.random() < TRANSIT_SCAN_SHARE
    ):
        j.scan(Step.TRANSIT, city, final)
        j.working_days(rng.uniform(0.2, 0.8), city)
    j.scan(Step.DEST_FACILITY, city, final)
    saturday = destination.saturday_delivery and not express
    if deliver(j, rng, city, final, times.last_mile_d.draw(rng), problem, saturday=saturday):
        _returned_home(j, rng, origin)
    return _parcel(parcel_id, lane, legs, j, picked, city.zone, problem)


def _returned_home(j: JourneyBuilder, rng: random.Random, origin: Place) -> None:
    """The parcel arrives back with the first carrier at the origin (weeks later)."""
    j.hours(rng.uniform(14, 35) * 24)
    j.align(origin)
    j.scan(Step.RETURNED, origin, 0)


def _parcel(
    parcel_id: str,
    lane: Lane,
    legs: list[SimLeg],
    j: JourneyBuilder,
    picked: datetime,
    zone: str,
    problem: str | None,
) -> SimParcel:
    promised: date = (to_local(picked, zone) + timedelta(days=PROMISE_DAYS[lane.service])).date()
    return SimParcel(
        id=parcel_id,
        lane=lane,
        legs=tuple(legs),
        events=tuple(j.events),
        shipped_at=picked,
        promised_date=promised,
        problem=problem,
    )
