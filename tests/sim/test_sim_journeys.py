"""The journey generator: determinism, order, durations in the public bands, calendars,
hand-overs with new numbers, problem rates and recognisable tracking numbers."""

from __future__ import annotations

import random
import statistics
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from crosstrack import bootstrap
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.sim import problems
from crosstrack.sim.calendar import in_cny_stall, is_holiday, is_working_day
from crosstrack.sim.codes import CODES
from crosstrack.sim.journeys import generate
from crosstrack.sim.lanes import DEFAULT_LANES, DESTINATIONS, Lane
from crosstrack.sim.model import SimParcel
from crosstrack.sim.problems import CustomsBacklog
from crosstrack.sim.steps import Step
from crosstrack.sim.tracking_numbers import NUMBERS, new_number

START = datetime(2025, 1, 1, tzinfo=UTC)
END = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def parcels() -> list[SimParcel]:
    return generate(2025, 2000, start=START, end=END)


def _days(parcel: SimParcel) -> float:
    assert parcel.delivered_at is not None
    return (parcel.delivered_at - parcel.shipped_at).total_seconds() / 86400


def test_the_same_seed_gives_the_same_parcels() -> None:
    assert generate(3, 50, start=START, end=END) == generate(3, 50, start=START, end=END)
    assert generate(3, 50, start=START, end=END) != generate(4, 50, start=START, end=END)


def test_a_parcel_depends_only_on_the_seed_and_its_index() -> None:
    assert generate(3, 10, start=START, end=END) == generate(3, 30, start=START, end=END)[:10]


def test_the_global_random_state_is_neither_used_nor_touched() -> None:
    random.seed(1)
    state = random.getstate()
    generate(5, 20, start=START, end=END)
    assert random.getstate() == state


def test_parcels_are_shipped_between_start_and_end(parcels: list[SimParcel]) -> None:
    assert all(START <= p.shipped_at < END for p in parcels)


def test_events_are_in_time_order_and_begin_with_the_label(parcels: list[SimParcel]) -> None:
    for parcel in parcels:
        times = [e.at for e in parcel.events]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert parcel.events[0].status is Status.INFO_RECEIVED
        assert all(e.at.tzinfo is not None for e in parcel.events)


def test_every_event_is_labelled_with_its_place_and_local_offset(parcels: list[SimParcel]) -> None:
    for e in parcels[0].events + parcels[1].events:
        assert e.city and e.country and e.location
    offsets = {(e.country, e.utc_offset_minutes) for p in parcels for e in p.events}
    assert ("CN", 480) in offsets and ("GB", 0) in offsets and ("GB", 60) in offsets


@pytest.mark.parametrize(
    ("service", "median_band", "p90_max"),
    [("express", (3, 5), 7), ("dedicated_line", (7, 12), 15), ("postal", (15, 30), 32)],
)
def test_door_to_door_times_fall_in_the_public_bands(
    parcels: list[SimParcel], service: str, median_band: tuple[int, int], p90_max: float
) -> None:
    days = sorted(
        _days(p)
        for p in parcels
        if p.lane.service == service and p.problem is None and p.delivered_at
    )
    assert len(days) > 150
    median, p90 = statistics.median(days), days[int(0.9 * len(days))]
    assert median_band[0] <= median <= median_band[1]
    assert p90 <= p90_max


def test_some_postal_parcels_take_forty_days_or_more() -> None:
    postal = generate(9, 1500, start=START, end=END, lanes=[Lane("CN", "US", "postal")])
    assert any(p.delivered_at and _days(p) >= 40 for p in postal)


def test_first_mile_scans_happen_on_origin_working_days(parcels: list[SimParcel]) -> None:
    for parcel in parcels:
        for e in parcel.events:
            if (
                e.tracking_number == parcel.legs[0].tracking_number
                and e.milestone
                in (
                    Milestone.PICKED_UP,
                    Milestone.EXPORT_CUSTOMS,
                )
                and e.country == parcel.lane.origin
            ):
                assert is_working_day(e.country, e.local_time.date()), (parcel.id, e)


def test_customs_release_and_delivery_happen_on_destination_working_days(
    parcels: list[SimParcel],
) -> None:
    checked = 0
    for parcel in parcels:
        saturday = DESTINATIONS[parcel.lane.destination].saturday_delivery
        for e in parcel.events:
            day = e.local_time.date()
            if e.milestone is Milestone.CUSTOMS_RELEASED:
                assert is_working_day(e.country or "", day), (parcel.id, e)
            if e.milestone in (Milestone.OUT_FOR_DELIVERY, Milestone.DELIVERY_ATTEMPT):
                express = parcel.lane.service == "express"
                assert is_working_day(e.country or "", day, saturday=saturday and not express)
                checked += 1
            if e.status is Status.DELIVERED:
                assert day.weekday() != 6 and not is_holiday(e.country or "", day)
    assert checked > 1000


def test_no_delivery_on_christmas_day() -> None:
    season = generate(
        1, 400, start=datetime(2025, 12, 1, tzinfo=UTC), end=datetime(2025, 12, 20, tzinfo=UTC)
    )
    delivered = [e for p in season for e in p.events if e.status is Status.DELIVERED]
    assert delivered and not any(
        e.local_time.date().strftime("%m-%d") == "12-25" for e in delivered
    )


def test_origin_stages_stall_around_chinese_new_year() -> None:
    lanes = [Lane("CN", "US", "dedicated_line")]
    before = generate(
        2,
        300,
        start=datetime(2025, 1, 20, tzinfo=UTC),
        end=datetime(2025, 1, 23, tzinfo=UTC),
        lanes=lanes,
    )
    normal = generate(
        2,
        300,
        start=datetime(2025, 3, 20, tzinfo=UTC),
        end=datetime(2025, 3, 23, tzinfo=UTC),
        lanes=lanes,
    )

    def departed(parcel: SimParcel) -> datetime:
        return next(e.at for e in parcel.events if e.milestone is Milestone.DEPARTED_ORIGIN_COUNTRY)

    for parcel in before:  # no export during the stall (28 Jan - 8 Feb 2025 here)
        export = [e for e in parcel.events if e.milestone is Milestone.EXPORT_CUSTOMS]
        assert export and not in_cny_stall(export[0].local_time.date())
    slow = statistics.median((departed(p) - p.shipped_at).days for p in before)
    fast = statistics.median((departed(p) - p.shipped_at).days for p in normal)
    assert slow >= fast + 7


def test_peak_season_slows_the_line_haul() -> None:
    lanes = [Lane("CN", "DE", "postal")]
    peak = generate(
        4,
        600,
        start=datetime(2025, 11, 20, tzinfo=UTC),
        end=datetime(2025, 12, 5, tzinfo=UTC),
        lanes=lanes,
    )
    calm = generate(
        4,
        600,
        start=datetime(2025, 9, 10, tzinfo=UTC),
        end=datetime(2025, 9, 25, tzinfo=UTC),
        lanes=lanes,
    )
    assert statistics.median(
        map(_days, filter(lambda p: p.delivered_at, peak))
    ) > statistics.median(map(_days, filter(lambda p: p.delivered_at, calm)))


def test_dedicated_lines_hand_over_to_a_second_leg_named_in_the_text(
    parcels: list[SimParcel],
) -> None:
    handed = [p for p in parcels if p.lane.service == "dedicated_line"]
    assert handed
    for parcel in handed:
        first, second = parcel.legs
        assert first.tracking_number != second.tracking_number
        assert second.carrier == DESTINATIONS[parcel.lane.destination].post
        handovers = [e for e in parcel.events if e.milestone is Milestone.HANDED_TO_OTHER_CARRIER]
        if parcel.problem in (problems.LOST, problems.DUTIES_UNPAID) and not handovers:
            continue
        (handover,) = handovers
        assert handover.tracking_number == first.tracking_number
        assert second.tracking_number in handover.description
        later = [e for e in parcel.events if e.at > handover.at]
        assert later and all(
            e.tracking_number == second.tracking_number
            for e in later
            if e.status is not Status.RETURNED
        )


def test_posts_keep_one_s10_number_with_the_destination_post_as_second_leg(
    parcels: list[SimParcel],
) -> None:
    china_post = [p for p in parcels if p.legs[0].carrier == "china-post"]
    assert china_post
    for parcel in china_post:
        first, second = parcel.legs
        assert first.tracking_number == second.tracking_number
        arrived = [e for e in parcel.events if e.milestone is Milestone.ARRIVED_DESTINATION_COUNTRY]
        assert all(e.carrier == second.carrier for e in arrived)


def test_express_parcels_have_one_leg_end_to_end(parcels: list[SimParcel]) -> None:
    express = [p for p in parcels if p.lane.service == "express"]
    assert express and all(
        len(p.legs) == 1 and p.legs[0].carrier in ("dhl", "ups", "fedex") for p in express
    )


def test_problems_appear_at_their_rates() -> None:
    many = generate(77, 8000, start=START, end=END, backlogs=())
    counts = Counter(p.problem for p in many)
    n = len(many)
    for problem, rate in problems.RATES.items():
        assert abs(counts[problem] / n - rate) < max(0.006, rate * 0.5), problem
    failed = sum(any(e.status is Status.ATTEMPT_FAILED for e in p.events) for p in many)
    assert 0.05 <= failed / n <= 0.08
    assert counts[problems.LOST] / n < 0.01


def test_lost_parcels_stop_and_are_never_delivered(parcels: list[SimParcel]) -> None:
    lost = [p for p in generate(8, 3000, start=START, end=END) if p.problem == problems.LOST]
    assert lost
    assert all(p.delivered_at is None for p in lost)


def test_a_customs_backlog_lengthens_every_dwell_at_that_destination() -> None:
    lanes = [Lane("CN", "FR", "dedicated_line")]
    window = CustomsBacklog("FR", datetime(2025, 5, 1).date(), datetime(2025, 5, 31).date(), 5.0)
    start, end = datetime(2025, 4, 25, tzinfo=UTC), datetime(2025, 5, 10, tzinfo=UTC)
    slow = generate(6, 300, start=start, end=end, lanes=lanes, backlogs=(window,))
    usual = generate(6, 300, start=start, end=end, lanes=lanes, backlogs=())

    def dwell(parcel: SimParcel) -> float:
        entered = next(e.at for e in parcel.events if e.milestone is Milestone.IMPORT_CUSTOMS)
        released = next(e.at for e in parcel.events if e.milestone is Milestone.CUSTOMS_RELEASED)
        return (released - entered).total_seconds() / 86400

    caught = [p for p in slow if p.problem == problems.CUSTOMS_BACKLOG]
    assert len(caught) > 100
    assert (
        statistics.median(map(dwell, caught))
        >= statistics.median(dwell(p) for p in usual if p.problem is None) + 4
    )


def test_failed_attempts_end_in_redelivery_or_a_pickup_point(parcels: list[SimParcel]) -> None:
    absent = [p for p in parcels if p.problem == problems.RECIPIENT_ABSENT]
    assert absent
    for parcel in absent:
        statuses = [e.status for e in parcel.events]
        assert Status.ATTEMPT_FAILED in statuses and statuses[-1] is Status.DELIVERED


def test_tracking_numbers_are_recognised_by_the_detector() -> None:
    detector = bootstrap.build_detector()
    rng = random.Random(0)
    for carrier in NUMBERS:
        for _ in range(40):
            number = new_number(carrier, rng)
            best = detector.detect(number).candidates[0]
            assert best.carrier == carrier, number
            assert best.checksum_valid is not False, number


def test_every_code_is_in_the_carriers_code_table() -> None:
    from crosstrack.carriers.code_tables import code_tables
    from crosstrack.domain.codes import code_key

    tables = code_tables()
    for carrier, codes in CODES.items():
        for step, code in codes.items():
            assert code_key(code) in tables[carrier], (carrier, step, code)
    assert Step.HANDED_OVER in CODES["cainiao"]


def test_default_lanes_cover_the_main_destinations_and_services() -> None:
    destinations = {lane.destination for lane in DEFAULT_LANES}
    assert {
        "US",
        "GB",
        "DE",
        "FR",
        "ES",
        "NL",
        "BR",
        "JP",
        "AU",
        "CA",
        "IT",
        "PL",
        "MX",
    } <= destinations
    assert {lane.origin for lane in DEFAULT_LANES} == {"CN", "HK"}
    assert {lane.service for lane in DEFAULT_LANES} == {"postal", "dedicated_line", "express"}


def test_naive_or_reversed_periods_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        generate(1, 1, start=datetime(2025, 1, 1), end=END)
    with pytest.raises(ValueError, match="after"):
        generate(1, 1, start=END, end=START)


def test_promised_dates_follow_the_service() -> None:
    parcel = generate(
        12, 1, start=START, end=START + timedelta(days=3), lanes=[Lane("CN", "US", "express")]
    )[0]
    assert parcel.promised_date is not None
    assert 5 <= (parcel.promised_date - parcel.shipped_at.date()).days <= 7
