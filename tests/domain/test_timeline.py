"""The shipment timeline, specified by example: de-dup, order, legs, status, dwell."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.domain.errors import DomainError
from crosstrack.domain.handover import HandOver, extract_handover
from crosstrack.domain.legs import LegId, LegRole, LinkKind
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.ordering import Placement
from crosstrack.domain.timeline import Timeline, TimelinePolicy, build_timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status

T0 = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=10)
FIRST = ("cainiao", "LP00123456789012")
LAST = ("postnl", "3SABCD0123456")


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def ev(
    description: str,
    when: datetime | None,
    status: Status = Status.IN_TRANSIT,
    milestone: Milestone = Milestone.NONE,
    *,
    reason: Reason = Reason.NONE,
    leg: tuple[str, str] = FIRST,
    location: Location | None = None,
    confidence: float = 0.9,
    basis: TimeBasis = TimeBasis.OFFSET_GIVEN,
    timestamp: str | None = None,
    offset: int | None = 0,
    code: str | None = None,
) -> NormalizedEvent:
    carrier, number = leg
    loc = location or Location()
    return NormalizedEvent(
        raw=RawEvent(
            description=description,
            carrier=carrier,
            raw_status_code=code,
            location=loc.text,
            timestamp=timestamp if timestamp is not None else (when.isoformat() if when else None),
            tracking_number=number,
        ),
        status=status,
        milestone=milestone,
        reason=reason,
        confidence=confidence,
        location=loc,
        occurred_at=when,
        utc_offset_minutes=offset if when else None,
        time_basis=basis if when else TimeBasis.MISSING,
    )


def build(*events: NormalizedEvent, **kwargs: object) -> Timeline:
    return build_timeline(events, now=NOW, **kwargs)  # type: ignore[arg-type]


def texts(timeline: Timeline) -> list[str]:
    return [item.event.raw.description for item in timeline.events]


PICKED_UP = ev("Picked up", at(0), milestone=Milestone.PICKED_UP)
DEPARTED = ev("Departed origin country", at(20), milestone=Milestone.DEPARTED_ORIGIN_COUNTRY)
CUSTOMS = ev("Held by import customs", at(40), milestone=Milestone.IMPORT_CUSTOMS)
RELEASED = ev("Released by customs", at(64), milestone=Milestone.CUSTOMS_RELEASED)
OUT = ev("Out for delivery", at(80), Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY)
DELIVERED = ev("Delivered", at(84), Status.DELIVERED, Milestone.DELIVERED)


# --- de-duplication -------------------------------------------------------------------------


def test_same_scan_from_webhook_and_poll_appears_once() -> None:
    webhook = ev("Arrived at sorting center", at(1), milestone=Milestone.FACILITY)
    poll = ev(
        "Arrived at sorting center",
        at(1),
        milestone=Milestone.FACILITY,
        location=Location(text="Amsterdam, NL", city="Amsterdam", country="NL"),
    )
    timeline = build(webhook, poll)
    assert texts(timeline) == ["Arrived at sorting center"]
    assert timeline.events[0].event == poll  # the richer copy
    copies = timeline.events[0].copies
    assert len(copies) == 2 and webhook in copies and poll in copies


def test_aggregator_copy_with_other_case_punctuation_and_seconds_is_the_same_scan() -> None:
    carrier = ev("Delivered, in/at mailbox", at(5), Status.DELIVERED, Milestone.DELIVERED)
    aggregator = ev(
        "DELIVERED IN AT MAILBOX.",
        at(5) + timedelta(seconds=40),
        Status.DELIVERED,
        Milestone.DELIVERED,
        leg=("17track", FIRST[1]),
    )
    assert len(build(carrier, aggregator).events) == 1


def test_identical_local_time_text_collapses_even_when_zones_were_resolved_differently() -> None:
    located = ev("Sorted", at(3), timestamp="20240301 111500", basis=TimeBasis.LOCATION_ZONE)
    assumed = ev("Sorted", at(4), timestamp="20240301 111500", basis=TimeBasis.CARRIER_ZONE)
    assert len(build(located, assumed).events) == 1


def test_assumed_utc_copy_matches_the_carriers_local_wall_clock() -> None:
    with_offset = ev("Sorted", at(3), offset=120, timestamp="2024-03-01T13:00:00+02:00")
    assumed_utc = ev(
        "Sorted", at(5), basis=TimeBasis.ASSUMED_UTC, offset=None, timestamp="2024-03-01 13:00"
    )
    assert len(build(with_offset, assumed_utc).events) == 1


def test_exact_duplicates_always_collapse_even_without_a_time() -> None:
    untimed = ev("Parcel registered", None, Status.INFO_RECEIVED)
    timeline = build(untimed, untimed, PICKED_UP, PICKED_UP)
    assert texts(timeline) == ["Parcel registered", "Picked up"]
    assert all(len(item.copies) == 1 for item in timeline.events)


def test_two_scans_with_the_same_text_at_different_times_are_not_duplicates() -> None:
    first = ev("In transit", at(1))
    second = ev("In transit", at(9))
    assert texts(build(first, second)) == ["In transit", "In transit"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The parcel has left the parcel center.", "The parcel has reached the parcel center."),
        ("Shipping information received by Australia Post", "Shipping information approved"),
        ("Item successfully delivered", "Signature image recorded for Online viewing"),
    ],
)
def test_different_words_at_the_same_minute_are_different_scans(one: str, other: str) -> None:
    assert len(build(ev(one, at(1)), ev(other, at(1) + timedelta(seconds=30))).events) == 2


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Shipment sorted", "[PostNL] Shipment sorted"),
        ("Votre colis est arrivé dans le pays du destinataire", "VOTRE COLIS EST ARRIVE DANS LE"),
        ("Zustellung erfolgt", "Zustellung  erfolgt!"),
    ],
)
def test_decorated_truncated_or_re_accented_copies_are_the_same_scan(one: str, other: str) -> None:
    assert len(build(ev(one, at(1)), ev(other, at(1))).events) == 1


def test_reports_from_two_cities_of_one_country_are_not_the_same_scan() -> None:
    one = ev("FedEx Express", at(1), location=Location(text="COLLIERVILLE, TN, US", country="US"))
    other = ev("FedEx Express", at(1), location=Location(text="TONNESSEE, TN, US", country="US"))
    same = ev("FedEx Express", at(1), location=Location(text="Collierville TN", country="US"))
    assert len(build(one, other).events) == 2
    assert len(build(one, same).events) == 1


def test_same_time_and_text_but_another_status_is_not_a_duplicate() -> None:
    attempt = ev("Delivery", at(2), Status.ATTEMPT_FAILED, Milestone.DELIVERY_ATTEMPT)
    delivered = ev("Delivery", at(2), Status.DELIVERED, Milestone.DELIVERED)
    assert len(build(attempt, delivered).events) == 2


def test_reports_from_different_countries_are_not_the_same_scan() -> None:
    here = ev("Arrived at hub", at(1), location=Location(text="Hub", country="CN"))
    there = ev("Arrived at hub", at(1), location=Location(text="Hub", country="NL"))
    assert len(build(here, there).events) == 2


def test_the_same_scan_under_another_tracking_number_is_kept_per_leg() -> None:
    a = ev("Arrived at hub", at(1))
    b = ev("Arrived at hub", at(1), leg=LAST)
    assert len(build(a, b).events) == 2


def test_the_kept_copy_is_chosen_by_fields_then_confidence_whatever_the_order() -> None:
    low = ev("Sorted", at(1), confidence=0.4)
    high = ev("Sorted", at(1), confidence=0.8)
    assert build(low, high).events[0].event == high
    assert build(high, low).events[0].event == high


# --- ordering -------------------------------------------------------------------------------


def test_events_listed_newest_first_are_ordered_oldest_first() -> None:
    timeline = build(DELIVERED, OUT, RELEASED, CUSTOMS, DEPARTED, PICKED_UP)
    assert texts(timeline) == [
        "Picked up",
        "Departed origin country",
        "Held by import customs",
        "Released by customs",
        "Out for delivery",
        "Delivered",
    ]


def test_out_for_delivery_precedes_delivered_at_the_same_minute() -> None:
    out = ev("Out for delivery", at(5), Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY)
    delivered = ev("Delivered", at(5), Status.DELIVERED, Milestone.DELIVERED)
    assert texts(build(delivered, out)) == ["Out for delivery", "Delivered"]
    assert build(delivered, out).status is Status.DELIVERED


def test_an_event_without_time_is_placed_by_its_milestone() -> None:
    customs = ev("Customs clearance", None, milestone=Milestone.IMPORT_CUSTOMS)
    timeline = build(OUT, customs, DEPARTED, PICKED_UP)
    assert texts(timeline) == [
        "Picked up",
        "Departed origin country",
        "Customs clearance",
        "Out for delivery",
    ]
    assert timeline.events[2].placement is Placement.BY_MILESTONE


def test_an_untimed_delivery_goes_last_and_decides() -> None:
    delivered = ev("Delivered", None, Status.DELIVERED, Milestone.DELIVERED)
    timeline = build(delivered, OUT, PICKED_UP)
    assert texts(timeline)[-1] == "Delivered"
    assert timeline.status is Status.DELIVERED


def test_last_mile_scan_minutes_before_the_handover_is_placed_after_it() -> None:
    handover = ev(
        "Handed over to PostNL",
        at(30),
        milestone=Milestone.HANDED_TO_OTHER_CARRIER,
    )
    received = ev("Shipment received by PostNL", at(29.9), milestone=Milestone.FACILITY, leg=LAST)
    sorted_ = ev("Shipment sorted", at(31), milestone=Milestone.FACILITY, leg=LAST)
    timeline = build(sorted_, received, handover, DEPARTED)
    assert texts(timeline) == [
        "Departed origin country",
        "Handed over to PostNL",
        "Shipment received by PostNL",
        "Shipment sorted",
    ]
    moved = timeline.events[2]
    assert moved.placement is Placement.SKEW_ADJUSTED
    assert moved.placed_at == at(30)
    assert moved.event.occurred_at == at(29.9)


def test_a_gap_larger_than_the_skew_tolerance_is_real_and_kept() -> None:
    early = ev("Departed", at(10), leg=FIRST)
    late = ev("Arrived at destination airport", at(14), leg=FIRST)
    received = ev("Received by PostNL", at(12), milestone=Milestone.FACILITY, leg=LAST)
    timeline = build(late, received, early)
    assert texts(timeline) == ["Departed", "Received by PostNL", "Arrived at destination airport"]
    assert all(item.placement is Placement.BY_TIME for item in timeline.events)


def test_skew_tolerance_is_a_policy() -> None:
    handover = ev("Handed over", at(30), milestone=Milestone.HANDED_TO_OTHER_CARRIER)
    received = ev("Received", at(29.5), milestone=Milestone.FACILITY, leg=LAST)
    strict = build(handover, received, policy=TimelinePolicy(skew_tolerance=timedelta(0)))
    assert texts(strict) == ["Received", "Handed over"]


# --- legs -----------------------------------------------------------------------------------


def test_a_single_leg_is_end_to_end() -> None:
    (leg,) = build(PICKED_UP, DELIVERED).legs
    assert (leg.carrier, leg.tracking_number, leg.role, leg.order) == (
        "cainiao",
        FIRST[1],
        LegRole.END_TO_END,
        0,
    )
    assert leg.linked_from is None and leg.link is LinkKind.NONE


def test_a_handover_text_naming_a_number_links_that_leg() -> None:
    handover = ev(f"Tracking continues under number {LAST[1]} with PostNL", at(30))
    pre_alert = ev("Shipment pre-alerted", at(2), Status.INFO_RECEIVED, leg=LAST)
    received = ev("Shipment received", at(40), milestone=Milestone.FACILITY, leg=LAST)
    timeline = build(received, pre_alert, handover, PICKED_UP)
    first, last = timeline.legs
    assert first.id == LegId(*FIRST) and first.role is LegRole.FIRST_MILE
    assert last.id == LegId(*LAST) and last.role is LegRole.LAST_MILE
    assert last.linked_from == first.id and last.link is LinkKind.HANDOVER
    assert last.handover_at == at(30)
    assert timeline.leg(LegId(*LAST)) == last


def test_a_handover_naming_a_carrier_links_that_carriers_leg() -> None:
    handover = ev("Die Sendung wurde an PostNL übergeben", at(30))
    received = ev("Zending ontvangen", at(31), leg=LAST)
    middle = ev("Arrived at hub", at(25), leg=("dhl", "JJD0001"))
    last = build(received, handover, middle, PICKED_UP).leg(LegId(*LAST))
    assert last.linked_from == LegId(*FIRST) and last.link is LinkKind.HANDOVER


def test_legs_without_a_handover_are_linked_in_time_order() -> None:
    line_haul = ("dhl", "JJD0001")
    timeline = build(
        ev("Received", at(50), leg=LAST),
        ev("Departed", at(20), leg=line_haul),
        PICKED_UP,
    )
    assert [leg.id for leg in timeline.legs] == [LegId(*FIRST), LegId(*line_haul), LegId(*LAST)]
    assert [leg.role for leg in timeline.legs] == [
        LegRole.FIRST_MILE,
        LegRole.LINE_HAUL,
        LegRole.LAST_MILE,
    ]
    assert timeline.legs[2].linked_from == LegId(*line_haul)
    assert timeline.legs[2].link is LinkKind.TIME_ORDER


def test_a_pre_alert_does_not_put_the_last_mile_leg_first() -> None:
    pre_alert = ev("Shipment pre-alerted", at(-5), Status.INFO_RECEIVED, leg=LAST)
    received = ev("Shipment received", at(40), milestone=Milestone.FACILITY, leg=LAST)
    timeline = build(pre_alert, received, PICKED_UP)
    assert [leg.id for leg in timeline.legs] == [LegId(*FIRST), LegId(*LAST)]
    assert texts(timeline) == ["Shipment pre-alerted", "Picked up", "Shipment received"]


def test_handovers_pointing_at_each_other_link_once_and_never_loop() -> None:
    forward = ev(f"Tracking continues under number {LAST[1]}", at(10))
    backward = ev(f"Tracking continues under number {FIRST[1]}", at(20), leg=LAST)
    timeline = build(backward, forward, PICKED_UP)
    first, last = timeline.legs
    assert (first.link, last.link) == (LinkKind.NONE, LinkKind.HANDOVER)
    assert last.linked_from == first.id


def test_a_handover_to_a_number_not_yet_followed_is_reported() -> None:
    timeline = build(
        PICKED_UP, ev("Forwarded to USPS, new tracking number 9400111899223344", at(9))
    )
    (unresolved,) = timeline.unresolved_handovers
    assert unresolved.from_leg == LegId(*FIRST)
    assert unresolved.target == HandOver("9400111899223344", "USPS")
    assert unresolved.at == at(9)


def test_a_handover_naming_the_legs_own_carrier_is_not_a_link() -> None:
    gls = ("gls", "GLS123456")
    timeline = build(ev("The parcel was handed over to GLS.", at(1), leg=gls))
    assert timeline.unresolved_handovers == ()
    assert timeline.legs[0].link is LinkKind.NONE


# --- hand-over text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "carrier"),
    [
        ("Tracking continues under number 3SABCD0123456 with PostNL", "3SABCD0123456", "PostNL"),
        (
            "Your parcel was handed over to the local carrier. Tracking number: LY987654321NL",
            "LY987654321NL",
            None,
        ),
        ("The parcel was handed over to GLS.", None, "GLS"),
        ("Forwarded to USPS, new tracking number 9400 1118 9922 3344", "9400111899223344", "USPS"),
        (
            "Die Sendung wurde an DHL übergeben. Sendungsnummer: 00340434161094",
            "00340434161094",
            "DHL",
        ),
        (
            "Votre colis a été confié à Chronopost sous le nouveau numéro XW123456789FR",
            "XW123456789FR",
            "Chronopost",
        ),
        (
            "Het pakket is overgedragen aan DHL met trackingnummer JVGL05812345678901",
            "JVGL05812345678901",
            "DHL",
        ),
        (
            "Envío transferido a Correos Express, nuevo número 98765432109",
            "98765432109",
            "Correos Express",
        ),
        ("已转交邮政EMS，单号：EA123456789CN", "EA123456789CN", "邮政EMS"),
        ("快件已交由中通快递继续派送，运单号：75312345678901", "75312345678901", "中通"),
    ],
)
def test_handover_targets_are_read_in_six_languages(
    text: str, number: str | None, carrier: str | None
) -> None:
    assert extract_handover(text) == HandOver(tracking_number=number, carrier_name=carrier)


@pytest.mark.parametrize(
    "text",
    [
        "The parcel data was entered into the GLS IT system; it was not yet handed over to GLS.",
        "Il va être remis au transporteur pour son acheminement.",
        "【济南转运中心】 已发出 下一站 【山东省济南市孙村公司】",
        "Tracking number allocated & order ready",
        "New Tracking Number Assigned -",
        "Shipment handed over by shipper",
        "Entregado a JUAN PEREZ",
        "Out for delivery, call 0612345678",
        "",
    ],
)
def test_texts_without_a_handover_target_give_none(text: str) -> None:
    assert extract_handover(text) is None


def test_html_links_in_a_handover_text_are_read_through() -> None:
    text = (
        "can be tracked further in the tracking system of <a href=https://x.test/?t=LX035843846BE>"
        "USPS</a> using the shipment number <a href=https://x.test/>LX035843846BE</a>."
    )
    assert extract_handover(text) == HandOver("LX035843846BE", "USPS")


# --- status and milestone -------------------------------------------------------------------


def test_no_events_is_pending() -> None:
    timeline = build()
    assert (timeline.status, timeline.milestone) == (Status.PENDING, Milestone.NONE)
    assert timeline.first_event_at is None and timeline.last_event_at is None
    assert timeline.dwell == {}


def test_info_received_only_is_info_received() -> None:
    timeline = build(ev("Label created", at(0), Status.INFO_RECEIVED))
    assert (timeline.status, timeline.milestone) == (Status.INFO_RECEIVED, Milestone.LABEL_CREATED)


def test_unknown_events_never_change_the_state() -> None:
    noise = ev("UPS INTERNAL ACTIVITY CODE", at(90), Status.UNKNOWN)
    timeline = build(PICKED_UP, OUT, noise)
    assert timeline.status is Status.OUT_FOR_DELIVERY
    assert [item.affects_state for item in timeline.events] == [True, True, False]
    assert build(noise).status is Status.PENDING


def test_return_after_delivery_makes_the_shipment_returned() -> None:
    back = ev("Return to sender requested", at(100), Status.RETURNED, Milestone.RETURN)
    timeline = build(DELIVERED, back, OUT)
    assert (timeline.status, timeline.milestone) == (Status.RETURNED, Milestone.RETURN)


def test_the_return_journey_delivered_back_to_the_sender_stays_returned() -> None:
    timeline = build(
        OUT,
        ev("Returned to sender: refused", at(90), Status.RETURNED, Milestone.RETURN),
        ev("In transit", at(100)),
        ev("Delivered", at(150), Status.DELIVERED, Milestone.DELIVERED),
    )
    assert (timeline.status, timeline.milestone) == (Status.RETURNED, Milestone.RETURN)


def test_redelivery_after_a_failed_attempt_is_delivered() -> None:
    attempt = ev(
        "Recipient not home",
        at(81),
        Status.ATTEMPT_FAILED,
        Milestone.DELIVERY_ATTEMPT,
        reason=Reason.RECIPIENT_UNAVAILABLE,
    )
    again = ev("Out for delivery", at(100), Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY)
    done = ev("Delivered", at(104), Status.DELIVERED, Milestone.DELIVERED)
    assert build(done, again, attempt, OUT).status is Status.DELIVERED
    second_round = build(again, attempt, OUT)
    assert second_round.status is Status.OUT_FOR_DELIVERY
    assert second_round.exception_reason is Reason.RECIPIENT_UNAVAILABLE


def test_a_later_scan_clears_an_exception_status_but_the_reason_is_remembered() -> None:
    held = ev(
        "Customs: duties unpaid",
        at(45),
        Status.EXCEPTION,
        Milestone.IMPORT_CUSTOMS,
        reason=Reason.CUSTOMS_DOCUMENTS_OR_DUTIES,
    )
    assert build(CUSTOMS, held).status is Status.EXCEPTION
    timeline = build(CUSTOMS, held, RELEASED)
    assert timeline.status is Status.IN_TRANSIT
    assert timeline.exception_reason is Reason.CUSTOMS_DOCUMENTS_OR_DUTIES
    assert timeline.latest_exception is not None
    assert timeline.latest_exception.event == held


def test_an_exception_without_a_reason_reports_other() -> None:
    timeline = build(ev("Delivery exception", at(5), Status.EXCEPTION))
    assert timeline.exception_reason is Reason.OTHER
    assert build(PICKED_UP).exception_reason is None


def test_a_silent_shipment_expires_after_the_threshold() -> None:
    timeline = build(PICKED_UP, DEPARTED, expire_after=timedelta(days=5))
    assert (timeline.status, timeline.milestone) == (
        Status.EXPIRED,
        Milestone.DEPARTED_ORIGIN_COUNTRY,
    )
    assert build(PICKED_UP, DEPARTED, expire_after=timedelta(days=30)).status is Status.IN_TRANSIT


def test_a_delivered_shipment_never_expires() -> None:
    assert build(DELIVERED, expire_after=timedelta(days=1)).status is Status.DELIVERED


def test_a_late_scan_of_an_earlier_leg_does_not_undo_the_delivery() -> None:
    handover = ev(f"Tracking continues under number {LAST[1]}", at(30))
    delivered = ev("Bezorgd", at(50), Status.DELIVERED, Milestone.DELIVERED, leg=LAST)
    late = ev(
        "Arrived in destination country", at(70), milestone=Milestone.ARRIVED_DESTINATION_COUNTRY
    )
    timeline = build(PICKED_UP, handover, delivered, late)
    assert timeline.status is Status.DELIVERED
    assert texts(timeline)[-1] == "Arrived in destination country"
    assert timeline.events[-1].affects_state is False


def test_a_non_milestone_event_after_delivery_leaves_the_place_unknown() -> None:
    timeline = build(DELIVERED, ev("In transit", at(90)))
    assert (timeline.status, timeline.milestone) == (Status.IN_TRANSIT, Milestone.NONE)


# --- dwell ----------------------------------------------------------------------------------


def test_customs_dwell_runs_from_reaching_customs_to_the_release() -> None:
    still_there = ev("Customs inspection", at(50))  # no milestone: still in customs
    timeline = build(PICKED_UP, DEPARTED, CUSTOMS, still_there, RELEASED, OUT, DELIVERED)
    assert timeline.dwell[Milestone.IMPORT_CUSTOMS] == timedelta(hours=24)
    assert timeline.customs_dwell == timedelta(hours=24)
    assert timeline.dwell[Milestone.PICKED_UP] == timedelta(hours=20)
    assert timeline.dwell[Milestone.DELIVERED] == timedelta(0)


def test_the_current_milestone_stays_open_until_now() -> None:
    timeline = build(PICKED_UP, CUSTOMS)
    assert timeline.dwell[Milestone.IMPORT_CUSTOMS] == NOW - at(40)


def test_dwell_sums_every_visit_to_a_milestone() -> None:
    out_again = ev("Out for delivery", at(100), Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY)
    attempt = ev("Not home", at(82), Status.ATTEMPT_FAILED, Milestone.DELIVERY_ATTEMPT)
    done = ev("Delivered", at(103), Status.DELIVERED, Milestone.DELIVERED)
    timeline = build(OUT, attempt, out_again, done)
    assert timeline.dwell[Milestone.OUT_FOR_DELIVERY] == timedelta(hours=2 + 3)
    assert timeline.dwell[Milestone.DELIVERY_ATTEMPT] == timedelta(hours=18)
    assert timeline.dwell_at(Milestone.IMPORT_CUSTOMS) == timedelta(0)


# --- the timeline as a whole ----------------------------------------------------------------


def test_first_and_last_event_times_span_every_leg() -> None:
    timeline = build(DELIVERED, ev("Received", at(50), leg=LAST), PICKED_UP)
    assert (timeline.first_event_at, timeline.last_event_at) == (at(0), at(84))


def test_merging_a_second_batch_equals_building_from_both() -> None:
    first = build(PICKED_UP, DEPARTED, CUSTOMS)
    assert first.merge([RELEASED, CUSTOMS, DELIVERED], now=NOW) == build(
        PICKED_UP, DEPARTED, CUSTOMS, RELEASED, DELIVERED
    )


def test_a_naive_now_or_event_time_is_refused() -> None:
    with pytest.raises(DomainError):
        build_timeline([PICKED_UP], now=datetime(2024, 3, 2))
    with pytest.raises(DomainError):
        build(ev("Picked up", datetime(2024, 3, 1, 8)))


def test_asking_for_a_leg_that_is_not_there_is_an_error() -> None:
    with pytest.raises(DomainError):
        build(PICKED_UP).leg(LegId(*LAST))


def test_a_chinese_hand_over_to_a_latin_named_carrier_names_the_new_number() -> None:
    from crosstrack.domain.handover import extract_handover

    found = extract_handover("包裹已交付Colissimo，运单号：CB617601028FR")
    assert found is not None
    assert (found.tracking_number, found.carrier_name) == ("CB617601028FR", "Colissimo")
    assert extract_handover("快件已交付") is None  # 交付 alone: delivered, no hand-over
