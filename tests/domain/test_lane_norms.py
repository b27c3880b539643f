"""What is normal on a lane, from past timelines: finished stays and gaps, P95s, back-off."""

from __future__ import annotations

from datetime import timedelta

from test_alerts import FRIDAY, day, ev

from crosstrack.domain.lane_norms import (
    Norm,
    NormKind,
    NormsBuilder,
    NormsTable,
    observe,
    scopes_of,
)
from crosstrack.domain.timeline import build_timeline
from crosstrack.domain.vocabulary import Milestone, Status

CUSTOMS = Milestone.IMPORT_CUSTOMS


def _journey(customs_days: float, *, delivered: bool = True):  # type: ignore[no-untyped-def]
    events = [
        ev("Arrived", day(0), milestone=Milestone.ARRIVED_DESTINATION_COUNTRY),
        ev("Customs", day(0.5), milestone=CUSTOMS),
        ev("Still in customs", day(0.5 + customs_days / 2), milestone=CUSTOMS),
    ]
    if delivered:
        events.append(ev("Released", day(0.5 + customs_days), milestone=Milestone.CUSTOMS_RELEASED))
    return build_timeline(events, now=day(30))


def test_a_stay_runs_from_arriving_at_a_milestone_to_the_next_and_only_finished_ones_count() -> (
    None
):
    found = observe(_journey(3))
    stays = [(m, spent) for m, kind, spent in found if kind is NormKind.STAY]
    assert stays == [
        (Milestone.ARRIVED_DESTINATION_COUNTRY, timedelta(days=0.5)),
        (CUSTOMS, timedelta(days=3)),
    ]
    gaps = [(m, spent) for m, kind, spent in found if kind is NormKind.GAP]
    assert gaps == [
        (Milestone.ARRIVED_DESTINATION_COUNTRY, timedelta(days=0.5)),
        (CUSTOMS, timedelta(days=1.5)),
        (CUSTOMS, timedelta(days=1.5)),
    ]
    # Still in customs: that stay is not over, so it is not a sample.
    ongoing = observe(_journey(3, delivered=False))
    assert (CUSTOMS, NormKind.STAY) not in {(m, k) for m, k, _ in ongoing}


def test_norms_are_p95s_per_lane_destination_and_everything_with_enough_samples() -> None:
    builder = NormsBuilder()
    for n in range(40):
        builder.add("CN", "FR", _journey(1 + n / 10))  # 1.0 .. 4.9 days
    for _ in range(5):
        builder.add("US", "FR", _journey(9))
    norms = {(n.scope, n.milestone, n.kind): n for n in builder.build(min_samples=30)}
    lane = norms[("CN-FR", CUSTOMS, NormKind.STAY)]
    assert lane.samples == 40 and lane.p95 == timedelta(days=4.7)
    assert ("US-FR", CUSTOMS, NormKind.STAY) not in norms  # 5 samples: not trusted
    assert norms[("*-FR", CUSTOMS, NormKind.STAY)].samples == 45
    assert norms[("*", CUSTOMS, NormKind.STAY)].p95 == timedelta(days=9)


def test_a_lane_with_little_history_backs_off_to_its_destination_then_everything() -> None:
    table = NormsTable(
        [
            Norm("CN-FR", CUSTOMS, NormKind.STAY, timedelta(days=4), 100),
            Norm("*-FR", CUSTOMS, NormKind.STAY, timedelta(days=6), 300),
            Norm("*", CUSTOMS, NormKind.STAY, timedelta(days=8), 900),
            Norm("*", Milestone.FACILITY, NormKind.GAP, timedelta(days=2), 900),
        ]
    )
    assert table.for_lane("CN", "FR").dwell_p95[CUSTOMS] == timedelta(days=4)
    assert table.for_lane("US", "FR").dwell_p95[CUSTOMS] == timedelta(days=6)
    assert table.for_lane("US", "DE").dwell_p95[CUSTOMS] == timedelta(days=8)
    assert table.for_lane(None, None).gap_p95 == {Milestone.FACILITY: timedelta(days=2)}
    assert scopes_of("cn", "fr") == ("CN-FR", "*-FR", "*")


def test_events_without_a_time_or_meaning_are_not_samples() -> None:
    timeline = build_timeline(
        [ev("Label", FRIDAY, status=Status.INFO_RECEIVED, milestone=Milestone.NONE)], now=day(1)
    )
    assert observe(timeline) == []
