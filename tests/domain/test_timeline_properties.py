"""Properties of the timeline that must hold for any events: it is a function of the event set."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from crosstrack.domain.dedup import content_key, same_scan
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.ordering import Placement
from crosstrack.domain.timeline import DEFAULT_POLICY, Timeline, build_timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status

T0 = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=20)

LEGS = [("cainiao", "LP00123456789012"), ("postnl", "3SABCD0123456"), ("17track", "3SABCD0123456")]
MEANINGS = [
    (Status.INFO_RECEIVED, Milestone.LABEL_CREATED),
    (Status.IN_TRANSIT, Milestone.PICKED_UP),
    (Status.IN_TRANSIT, Milestone.FACILITY),
    (Status.IN_TRANSIT, Milestone.NONE),
    (Status.IN_TRANSIT, Milestone.IMPORT_CUSTOMS),
    (Status.IN_TRANSIT, Milestone.HANDED_TO_OTHER_CARRIER),
    (Status.EXCEPTION, Milestone.NONE),
    (Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY),
    (Status.ATTEMPT_FAILED, Milestone.DELIVERY_ATTEMPT),
    (Status.DELIVERED, Milestone.DELIVERED),
    (Status.RETURNED, Milestone.RETURN),
    (Status.UNKNOWN, Milestone.NONE),
]
DESCRIPTIONS = [
    "Arrived at sorting center",
    "ARRIVED AT SORTING CENTER.",
    "arrived at  sorting-center",
    "In transit",
    "Delivered",
    "Tracking continues under number 3SABCD0123456 with PostNL",
    "Handed over to PostNL",
    "Customs clearance",
]
LOCATIONS = [
    Location(),
    Location(text="Amsterdam, NL", city="Amsterdam", country="NL"),
    Location(text="AMSTERDAM"),
    Location(text="Shenzhen, CN", city="Shenzhen", country="CN"),
]


@st.composite
def events(draw: st.DrawFn) -> NormalizedEvent:
    carrier, number = draw(st.sampled_from(LEGS))
    status, milestone = draw(st.sampled_from(MEANINGS))
    timed = draw(st.integers(0, 9)) > 0
    when = (
        T0
        + timedelta(minutes=draw(st.integers(0, 40)) * 30, seconds=draw(st.sampled_from([0, 30])))
        if timed
        else None
    )
    location = draw(st.sampled_from(LOCATIONS))
    basis = draw(st.sampled_from([TimeBasis.OFFSET_GIVEN, TimeBasis.ASSUMED_UTC]))
    offset = 0 if basis is TimeBasis.ASSUMED_UTC else draw(st.sampled_from([0, 60, 480]))
    return NormalizedEvent(
        raw=RawEvent(
            description=draw(st.sampled_from(DESCRIPTIONS)),
            carrier=carrier,
            location=location.text,
            timestamp=draw(st.sampled_from([None, when.strftime("%Y%m%d %H%M") if when else None])),
            tracking_number=number,
            raw_status_code=draw(st.sampled_from([None, "A1"])),
        ),
        status=status,
        milestone=milestone,
        reason=Reason.OTHER if status is Status.EXCEPTION else Reason.NONE,
        confidence=draw(st.sampled_from([0.5, 0.9])),
        location=location,
        occurred_at=when,
        utc_offset_minutes=offset if when else None,
        time_basis=basis if when else TimeBasis.MISSING,
    )


@st.composite
def echo(draw: st.DrawFn, event: NormalizedEvent) -> NormalizedEvent:
    """Another report of the same scan: re-typed text, jittered seconds, fewer fields."""
    jitter = timedelta(seconds=draw(st.sampled_from([0, 20, 59])))
    text = event.raw.description
    return replace(
        event,
        raw=replace(
            event.raw,
            description=draw(st.sampled_from([text, text.upper(), f" {text.lower()}. "])),
            timestamp=draw(st.sampled_from([event.raw.timestamp, None])),
            raw_status_code=None,
        ),
        occurred_at=event.occurred_at + jitter if event.occurred_at else None,
        location=draw(st.sampled_from([event.location, Location()])),
        confidence=draw(st.sampled_from([0.5, 0.9])),
    )


@st.composite
def event_batches(draw: st.DrawFn) -> list[NormalizedEvent]:
    """Scans, some reported more than once."""
    scans = draw(st.lists(events(), max_size=10))
    echoes = [draw(echo(e)) for e in scans if draw(st.booleans())]
    return scans + echoes


event_lists = event_batches()
expiry = st.sampled_from([None, timedelta(days=3), timedelta(days=30)])


def build(items: list[NormalizedEvent], expire_after: timedelta | None = None) -> Timeline:
    return build_timeline(items, now=NOW, expire_after=expire_after)


@settings(max_examples=300)
@given(st.data(), event_lists, expiry)
def test_the_timeline_does_not_depend_on_the_order_events_arrive_in(
    data: st.DataObject, items: list[NormalizedEvent], expire_after: timedelta | None
) -> None:
    shuffled = data.draw(st.permutations(items))
    assert build(shuffled, expire_after) == build(items, expire_after)


@settings(max_examples=200)
@given(event_lists, st.data())
def test_ingesting_the_same_events_again_changes_nothing(
    items: list[NormalizedEvent], data: st.DataObject
) -> None:
    again = data.draw(st.lists(st.sampled_from(items))) if items else []
    once = build(items)
    assert build(items + items) == once
    assert build(items + again) == once
    assert once.merge(items, now=NOW) == once


@settings(max_examples=200)
@given(event_lists, event_lists)
def test_merging_in_two_batches_equals_merging_at_once(
    first: list[NormalizedEvent], second: list[NormalizedEvent]
) -> None:
    assert build(first).merge(second, now=NOW) == build(first + second)
    assert build(second).merge(first, now=NOW) == build(first + second)


@settings(max_examples=200)
@given(event_lists)
def test_no_two_events_left_on_the_timeline_are_the_same_scan(
    items: list[NormalizedEvent],
) -> None:
    kept = [item.event for item in build(items).events]
    tolerance = DEFAULT_POLICY.duplicate_tolerance
    for i, a in enumerate(kept):
        assert not any(same_scan(a, b, tolerance) for b in kept[i + 1 :])
    rebuilt = [item.event for item in build(kept).events]
    assert sorted(map(content_key, rebuilt)) == sorted(map(content_key, kept))


@settings(max_examples=200)
@given(event_lists)
def test_every_source_event_is_kept_somewhere_and_the_timeline_is_well_formed(
    items: list[NormalizedEvent],
) -> None:
    timeline = build(items)
    assert {content_key(e) for e in timeline.sources} == {content_key(e) for e in items}
    assert {item.leg for item in timeline.events} <= {leg.id for leg in timeline.legs}
    assert [leg.order for leg in timeline.legs] == list(range(len(timeline.legs)))
    placed = [item.placed_at for item in timeline.events if item.placed_at is not None]
    minutes = [int(p.timestamp() // 60) for p in placed]
    assert minutes == sorted(minutes)
    for item in timeline.events:
        assert (item.placed_at is None) == (item.placement is Placement.BY_MILESTONE)
        if item.placed_at is not None and item.event.occurred_at is not None:
            assert item.placed_at >= item.event.occurred_at
    assert all(d >= timedelta(0) for d in timeline.dwell.values())
    assert Milestone.NONE not in timeline.dwell
    if not items:
        assert timeline.status is Status.PENDING
    assert timeline.status is not Status.UNKNOWN


@settings(max_examples=200)
@given(event_lists)
def test_a_return_anywhere_makes_the_shipment_returned(items: list[NormalizedEvent]) -> None:
    timeline = build(items)
    has_return = any(
        item.affects_state and item.event.status is Status.RETURNED for item in timeline.events
    )
    assert (timeline.status is Status.RETURNED) == has_return
